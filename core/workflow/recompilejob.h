// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/canceltoken.h"
#include "util/jobtracker.h"
#include "workflow/aieccdiagnostic.h"
#include "workflow/recompilerequest.h"
#include "workflow/recompileresult.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTimer>

#include <functional>

namespace xi {

// Runs aiecc as a child process (an argument list, never a shell) under the job tracker: streams its log line by
// line, turns diagnostics into signals as they appear, and on Cancel ends the whole process tree (the child
// runs in its own process group; the group gets SIGTERM, then SIGKILL). Never blocks; exactly one finished()
// per accepted start(), also after cancel().
class RecompileJob : public QObject {
    Q_OBJECT
public:
    static constexpr int KillGraceMs = 1500; // between SIGTERM and SIGKILL on cancel

    explicit RecompileJob(QObject* parent = nullptr);
    ~RecompileJob() override;

    bool start(const RecompileRequest& request); // false (no signals) while a run is going
    void cancel();
    bool isRunning() const { return m_process != nullptr; }
    qint64 processGroup() const { return m_pid; } // the child's pid = its process group; 0 before start

    // Blocks until aiecc ends: for the command line, tests and worker threads (never the GUI thread).
    // A cancelled token ends the process tree.
    static RecompileResult runBlocking(const RecompileRequest& request, const CancelToken& token = {},
                                       const std::function<void(const QString&)>& onLine = {});

Q_SIGNALS:
    void started(const QString& commandLine);
    void lineReceived(const QString& line);
    void diagnosticFound(const xi::AieccDiagnostic& diagnostic);
    void progressChanged(int finishedSteps, int startedSteps, const QString& current);
    void finished(const xi::RecompileResult& result);

private:
    void onReadyRead();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void handleLine(const QString& line);
    void complete();
    void signalGroup(int signal) const;

    JobTracker m_jobs;
    QProcess* m_process = nullptr;
    RecompileRequest m_request;
    RecompileResult m_result;
    AieccLogParser m_parser;
    QByteArray m_pending;
    QElapsedTimer m_clock;
    QDateTime m_startedAt;
    quint64 m_generation = 0;
    qint64 m_pid = 0;
    QTimer m_killTimer;
};

} // namespace xi
