// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runner/runchannel.h"
#include "runner/runrequest.h"
#include "runner/runresult.h"
#include "runner/xrtrunner.h"

#include <QObject>
#include <QProcess>
#include <QTimer>

#include <memory>

namespace xi {

class XrtRunEnvironment;

// The asynchronous XrtRunner for the GUI: owns one child process at a time, never blocks, streams the child's
// progress, kills it on timeout or cancel, and always ends with exactly one finished() per started run.
class XrtRunnerProcess : public QObject {
    Q_OBJECT
public:
    explicit XrtRunnerProcess(QObject* parent = nullptr);
    ~XrtRunnerProcess() override;

    // false (and no signals) when a run is already going; a setup failure still ends in finished().
    bool start(const RunRequest& request, const XrtRunnerOptions& options = {});
    void cancel();
    bool isRunning() const { return m_process != nullptr; }

signals:
    void progress(const QString& stage, const QString& message);
    void finished(const xi::RunResult& result);

private:
    void onReadyRead();
    void onFinished();
    void onTimeout();
    void finish(const RunChannel::Ending& ending);

    RunRequest m_request;
    std::unique_ptr<XrtRunEnvironment> m_environment;
    QProcess* m_process = nullptr;
    QTimer m_deadline;
    QByteArray m_pending;
    RunChannel::Ending m_ending;
};

} // namespace xi
