// SPDX-License-Identifier: GPL-3.0-or-later
#include "runner/runchannel.h"

#include "util/buildconfig.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace xi {

QByteArray RunChannel::progressLine(const QString& stage, const QString& message)
{
    const QJsonObject o { { QLatin1String("event"), QLatin1String("progress") },
                          { QLatin1String("stage"), stage },
                          { QLatin1String("message"), message } };
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray RunChannel::resultLine(const RunResult& result)
{
    const QJsonObject o { { QLatin1String("event"), QLatin1String("result") },
                          { QLatin1String("result"), result.toJson() } };
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

RunChannel::Event RunChannel::parseLine(const QByteArray& line)
{
    Event event;
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    const QString kind = o.value(QLatin1String("event")).toString();
    if (kind == QLatin1String("progress")) {
        event.kind = Event::Kind::Progress;
        event.stage = o.value(QLatin1String("stage")).toString();
        event.message = o.value(QLatin1String("message")).toString();
    } else if (kind == QLatin1String("result")) {
        event.kind = Event::Kind::Result;
        event.result = RunResult::fromJson(o.value(QLatin1String("result")).toObject());
    }
    return event;
}

QString RunChannel::signalName(int signal)
{
    switch (signal) {
    case SIGSEGV: return QStringLiteral("SIGSEGV");
    case SIGABRT: return QStringLiteral("SIGABRT");
    case SIGBUS: return QStringLiteral("SIGBUS");
    case SIGFPE: return QStringLiteral("SIGFPE");
    case SIGILL: return QStringLiteral("SIGILL");
    case SIGKILL: return QStringLiteral("SIGKILL");
    case SIGTERM: return QStringLiteral("SIGTERM");
    case SIGINT: return QStringLiteral("SIGINT");
    default: return QStringLiteral("signal %1").arg(signal);
    }
}

QString RunChannel::describeExit(QProcess::ExitStatus status, int exitCode, QProcess::ProcessError error,
                                 const QString& errorString)
{
    if (error == QProcess::FailedToStart)
        return QStringLiteral("The runner child could not be started: %1.").arg(errorString);
    if (status == QProcess::CrashExit) {
        // Qt reports the terminating signal as the exit code of a crashed child.
        const QString name = signalName(exitCode);
        switch (exitCode) {
        case SIGSEGV:
            return QStringLiteral("The runner child crashed with a segmentation fault (%1): XRT or the driver touched "
                                  "invalid memory. Only this run is lost.")
                .arg(name);
        case SIGABRT:
            return QStringLiteral("The runner child aborted (%1), usually an uncaught exception or a failed "
                                  "assertion inside XRT. Only this run is lost.")
                .arg(name);
        case SIGBUS:
            return QStringLiteral("The runner child crashed on a bus error (%1), typically a mapped buffer that "
                                  "went away. Only this run is lost.")
                .arg(name);
        case SIGKILL:
            return QStringLiteral("The runner child was killed (%1), by a cancel, a timeout or the system "
                                  "(out of memory).")
                .arg(name);
        case SIGTERM:
        case SIGINT: return QStringLiteral("The runner child was asked to stop (%1).").arg(name);
        default: return QStringLiteral("The runner child died on %1. Only this run is lost.").arg(name);
        }
    }
    switch (exitCode) {
    case 0:
    case 1: return {};
    case 2: return QStringLiteral("The runner child could not read the run request (exit code 2).");
    case 64: return QStringLiteral("The runner child was started with wrong arguments (exit code 64).");
    default: return QStringLiteral("The runner child exited with code %1 without a result.").arg(exitCode);
    }
}

RunResult RunChannel::finish(const RunRequest& request, const Ending& ending)
{
    RunResult result = ending.childResult.value_or(RunResult {});
    result.backend = request.backend;
    result.exitCode = ending.exitCode;
    result.childStderr = ending.stderrText;
    result.timedOut = ending.timedOut;
    result.cancelled = ending.cancelled;
    if (ending.timedOut) {
        result.processOutcome
            = QStringLiteral("The run did not finish within %1 ms; the runner child was killed.").arg(ending.timeoutMs);
    } else if (ending.cancelled) {
        result.processOutcome = QStringLiteral("The run was cancelled; the runner child was killed.");
    } else {
        result.processOutcome = describeExit(ending.status, ending.exitCode, ending.error, ending.errorString);
    }

    // The log is the one record that survives a crash: it holds whatever XRT said before the child died.
    const XrtLog log = XrtLog::read(ending.logPath);
    if (log.messages.size() >= result.messages.size() && !ending.logPath.isEmpty()) {
        result.messages = log.messages;
        result.messagesCaptured = true;
    }
    if (!ending.childResult) {
        result.completed = false;
        result.failedStage = QStringLiteral("process");
        result.error = result.processOutcome.isEmpty() ? QStringLiteral("The runner child printed no result.")
                                                       : result.processOutcome;
        result.xrtVersion = log.buildVersion.isEmpty() ? QStringLiteral(XI_XRT_VERSION) : log.buildVersion;
        result.xrtVersionSource
            = log.buildVersion.isEmpty() ? QStringLiteral("headers") : QStringLiteral("runtime log");
    } else if (!result.processOutcome.isEmpty() && result.error.isEmpty()) {
        result.completed = false;
        result.failedStage = QStringLiteral("process");
        result.error = result.processOutcome;
    }
    return result;
}

void RunChannel::bindToParent(QProcess& process)
{
#ifdef Q_OS_LINUX
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([parent] {
        // In the child between fork and exec: async-signal-safe calls only. The signal follows the child through
        // exec; a parent already gone before the prctl took effect is caught by the getppid() check.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
    });
#else
    Q_UNUSED(process);
#endif
}

} // namespace xi
