// SPDX-License-Identifier: GPL-3.0-or-later
#include "runner/xrtrunner.h"

#include "runner/runchannel.h"
#include "runner/xrtrunenvironment.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

namespace xi {

QString XrtRunner::defaultCliPath()
{
    const QString name = QStringLiteral("xclbin-inspector-cli");
    if (QCoreApplication::instance()) {
        if (QFileInfo(QCoreApplication::applicationFilePath()).fileName() == name)
            return QCoreApplication::applicationFilePath();
        QString beside = QCoreApplication::applicationDirPath() + QLatin1Char('/') + name;
        if (QFileInfo::exists(beside))
            return beside;
    }
    return QStandardPaths::findExecutable(name);
}

RunResult XrtRunner::runBlocking(const RunRequest& request, const XrtRunnerOptions& options)
{
    RunChannel::Ending ending;
    QString error;
    const auto env = XrtRunEnvironment::create(request.backend, &error);
    if (!env) {
        ending.exitCode = -1;
        RunResult result = RunChannel::finish(request, ending);
        result.failedStage = QStringLiteral("setup");
        result.error = error;
        return result;
    }
    const QString cli = options.cliPath.isEmpty() ? defaultCliPath() : options.cliPath;
    QProcess process;
    process.setProcessEnvironment(env->apply(QProcessEnvironment::systemEnvironment()));
    RunChannel::bindToParent(process);
    process.start(cli, QStringList { QStringLiteral("run-binding"), QStringLiteral("-") } + options.extraArguments);
    if (process.waitForStarted()) {
        process.write(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact));
        process.closeWriteChannel();
    }
    const int deadline = request.timeoutMs > 0 ? request.timeoutMs + options.killGraceMs : -1;
    if (process.state() != QProcess::NotRunning && !process.waitForFinished(deadline)) {
        ending.timedOut = true;
        process.kill();
        process.waitForFinished();
    }
    for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
        const auto event = RunChannel::parseLine(line);
        if (event.kind == RunChannel::Event::Kind::Result)
            ending.childResult = event.result;
    }
    ending.status = process.exitStatus();
    ending.exitCode = process.exitCode();
    ending.error = process.error();
    ending.errorString = process.errorString();
    ending.stderrText = QString::fromLocal8Bit(process.readAllStandardError());
    ending.logPath = env->logPath();
    ending.timeoutMs = request.timeoutMs;
    return RunChannel::finish(request, ending);
}

} // namespace xi
