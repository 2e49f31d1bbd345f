// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runner/runrequest.h"
#include "runner/runresult.h"

#include <QByteArray>
#include <QProcess>
#include <QString>

#include <optional>

namespace xi {

// What a runner child prints on stdout, one JSON object per line:
//   {"event":"progress","stage":"device","message":"opening XRT device 0"}
//   {"event":"result","result":{...RunResult...}}     (last line)
// and how the parent turns the child's end (result or not, exit code, signal) into a RunResult.
class RunChannel {
public:
    struct Event {
        enum class Kind { Progress, Result, Other } kind = Kind::Other;
        QString stage;
        QString message;
        RunResult result;
    };

    static QByteArray progressLine(const QString& stage, const QString& message);
    static QByteArray resultLine(const RunResult& result);
    static Event parseLine(const QByteArray& line);

    // One sentence for how the child ended; empty for a normal exit with code 0 or 1.
    static QString describeExit(QProcess::ExitStatus status, int exitCode, QProcess::ProcessError error,
                                const QString& errorString);
    static QString signalName(int signal); // "SIGSEGV"

    struct Ending {
        std::optional<RunResult> childResult; // the child's result line, if it printed one
        QProcess::ExitStatus status = QProcess::NormalExit;
        int exitCode = 0;
        QProcess::ProcessError error = QProcess::UnknownError;
        QString errorString;
        QString stderrText;
        QString logPath; // XRT's runtime log of that run
        bool timedOut = false;
        bool cancelled = false;
        int timeoutMs = 0;
    };
    // The final result: the child's own, completed with what only the parent knows.
    static RunResult finish(const RunRequest& request, const Ending& ending);
    // The runner child dies with the process that started it (Linux: PR_SET_PDEATHSIG): a killed GUI or CLI leaves
    // no XRT run behind under init.
    static void bindToParent(QProcess& process);
};

} // namespace xi
