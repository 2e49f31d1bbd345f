// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/recompilejob.h"

#include <QEventLoop>
#include <QFileInfo>

#include <signal.h>
#include <unistd.h>

namespace xi {

RecompileJob::RecompileJob(QObject* parent)
    : QObject(parent)
    , m_jobs(this)
{
    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(KillGraceMs);
    connect(&m_killTimer, &QTimer::timeout, this, [this] { signalGroup(SIGKILL); });
}

RecompileJob::~RecompileJob()
{
    if (m_process) {
        m_process->disconnect(this);
        m_jobs.cancel();
        signalGroup(SIGKILL);
        m_process->waitForFinished(2000);
    }
}

bool RecompileJob::start(const RecompileRequest& request)
{
    if (m_process)
        return false;
    m_request = request;
    m_result = RecompileResult();
    m_result.designPath = request.designPath;
    m_result.workingDirectory = request.workingDirectory;
    m_result.program = request.command.program;
    m_result.arguments = request.arguments();
    m_result.commandLine = request.commandLine();
    m_parser = AieccLogParser();
    m_pending.clear();
    m_pid = 0;
    if (request.keepPreviousBuild) {
        QString previousInsts;
        m_result.outputs.previousXclbin = BuildOutputs::keepPrevious(request.workingDirectory, request.xclbinName,
                                                                     request.instructionsName, &previousInsts);
        m_result.outputs.previousInstructions = previousInsts;
    }

    m_process = new QProcess(this);
    m_process->setProgram(request.command.program);
    m_process->setArguments(m_result.arguments);
    m_process->setWorkingDirectory(request.workingDirectory);
    m_process->setProcessEnvironment(request.environment);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // Its own process group, so that Cancel reaches every process aiecc starts (aie-opt, clang, bootgen, ...).
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(m_process, &QProcess::started, this, [this] { m_pid = m_process->processId(); });
    connect(m_process, &QProcess::readyRead, this, &RecompileJob::onReadyRead);
    connect(m_process, &QProcess::finished, this, &RecompileJob::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &RecompileJob::onError);

    m_jobs.begin([this] {
        signalGroup(SIGTERM);
        m_killTimer.start();
    });
    m_generation = m_jobs.generation();
    m_startedAt = QDateTime::currentDateTime();
    m_clock.start();
    emit started(m_result.commandLine);
    m_process->start(QIODevice::ReadOnly);
    return true;
}

void RecompileJob::cancel()
{
    m_jobs.cancel();
}

void RecompileJob::signalGroup(int signal) const
{
    if (m_pid > 0)
        ::kill(pid_t(-m_pid), signal);
}

void RecompileJob::onReadyRead()
{
    if (!m_process)
        return;
    m_pending += m_process->readAll();
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        handleLine(QString::fromUtf8(m_pending.left(newline)));
        m_pending.remove(0, newline + 1);
    }
}

void RecompileJob::handleLine(const QString& line)
{
    QString text = line;
    if (text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    m_result.log << text;
    emit lineReceived(text);
    const AieccLogParser::Progress before = m_parser.progress();
    for (const AieccDiagnostic& d : m_parser.feed(text))
        emit diagnosticFound(d);
    const AieccLogParser::Progress& now = m_parser.progress();
    if (now.started != before.started || now.finished != before.finished)
        emit progressChanged(now.finished, now.started, now.current);
}

void RecompileJob::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (!m_process)
        return;
    onReadyRead();
    if (!m_pending.isEmpty()) {
        handleLine(QString::fromUtf8(m_pending));
        m_pending.clear();
    }
    m_result.started = true;
    m_result.exitCode = status == QProcess::NormalExit ? exitCode : -1;
    m_result.crashed = status != QProcess::NormalExit;
    m_result.cancelled = !m_jobs.finish(m_generation);
    complete();
}

void RecompileJob::onError(QProcess::ProcessError error)
{
    if (!m_process || error != QProcess::FailedToStart)
        return;
    m_result.started = false;
    m_result.startError = QStringLiteral("%1: %2").arg(m_request.command.program, m_process->errorString());
    m_result.cancelled = !m_jobs.finish(m_generation);
    complete();
}

void RecompileJob::complete()
{
    m_result.durationMs = m_clock.elapsed();
    m_result.diagnostics = m_parser.diagnostics();
    const QString previousXclbin = m_result.outputs.previousXclbin;
    const QString previousInsts = m_result.outputs.previousInstructions;
    // Only a build that ended well has outputs of its own; a failed one leaves at most its project folder.
    if (m_result.started && !m_result.cancelled && !m_result.crashed && m_result.exitCode == 0) {
        m_result.outputs = BuildOutputs::find(m_request.designPath, m_request.workingDirectory, m_request.xclbinName,
                                              m_request.instructionsName, m_startedAt);
    } else {
        const QString prj = BuildOutputs::projectFolderFor(m_request.designPath, m_request.workingDirectory);
        m_result.outputs.workingDirectory = m_request.workingDirectory;
        m_result.outputs.projectFolder = QFileInfo(prj).isDir() ? prj : QString();
    }
    m_result.outputs.previousXclbin = previousXclbin;
    m_result.outputs.previousInstructions = previousInsts;
    QProcess* process = std::exchange(m_process, nullptr);
    process->disconnect(this);
    process->deleteLater();
    emit finished(m_result);
}

RecompileResult RecompileJob::runBlocking(const RecompileRequest& request, const CancelToken& token,
                                          const std::function<void(const QString&)>& onLine)
{
    RecompileJob job;
    QEventLoop loop;
    RecompileResult result;
    connect(&job, &RecompileJob::finished, &loop, [&](const RecompileResult& r) {
        result = r;
        loop.quit();
    });
    if (onLine)
        connect(&job, &RecompileJob::lineReceived, &loop, [&onLine](const QString& line) { onLine(line); });
    QTimer poll;
    poll.setInterval(50);
    connect(&poll, &QTimer::timeout, &loop, [&] {
        if (token.isCancelled() && job.isRunning())
            job.cancel();
    });
    poll.start();
    job.start(request);
    if (job.isRunning())
        loop.exec();
    // The tree gets its SIGKILL after the grace period even when aiecc itself ended on SIGTERM.
    if (result.cancelled) {
        QEventLoop grace;
        QTimer::singleShot(KillGraceMs + 100, &grace, &QEventLoop::quit);
        grace.exec();
    }
    return result;
}

} // namespace xi
