// SPDX-License-Identifier: GPL-3.0-or-later
#include "runner/xrtrunnerprocess.h"

#include "runner/xrtrunenvironment.h"

#include <QJsonDocument>

namespace xi {

XrtRunnerProcess::XrtRunnerProcess(QObject* parent)
    : QObject(parent)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &XrtRunnerProcess::onTimeout);
}

XrtRunnerProcess::~XrtRunnerProcess()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
        delete m_process;
    }
}

bool XrtRunnerProcess::start(const RunRequest& request, const XrtRunnerOptions& options)
{
    if (m_process)
        return false;
    m_request = request;
    m_ending = {};
    m_ending.timeoutMs = request.timeoutMs;
    m_pending.clear();
    QString error;
    m_environment = XrtRunEnvironment::create(request.backend, &error);
    if (!m_environment) {
        RunResult result = RunChannel::finish(request, m_ending);
        result.failedStage = QStringLiteral("setup");
        result.error = error;
        QMetaObject::invokeMethod(
            this, [this, result] { emit finished(result); }, Qt::QueuedConnection);
        return true;
    }
    m_ending.logPath = m_environment->logPath();
    m_process = new QProcess(this);
    m_process->setProcessEnvironment(m_environment->apply(QProcessEnvironment::systemEnvironment()));
    RunChannel::bindToParent(*m_process);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &XrtRunnerProcess::onReadyRead);
    connect(m_process, &QProcess::finished, this, &XrtRunnerProcess::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            onFinished();
    });
    connect(m_process, &QProcess::started, this, [this] {
        m_process->write(QJsonDocument(m_request.toJson()).toJson(QJsonDocument::Compact));
        m_process->closeWriteChannel();
    });
    if (request.timeoutMs > 0)
        m_deadline.start(request.timeoutMs + options.killGraceMs);
    const QString cli = options.cliPath.isEmpty() ? XrtRunner::defaultCliPath() : options.cliPath;
    m_process->start(cli, QStringList { QStringLiteral("run-binding"), QStringLiteral("-") } + options.extraArguments);
    return true;
}

void XrtRunnerProcess::cancel()
{
    if (!m_process)
        return;
    m_ending.cancelled = true;
    m_process->kill();
}

void XrtRunnerProcess::onTimeout()
{
    if (!m_process)
        return;
    m_ending.timedOut = true;
    m_process->kill();
}

void XrtRunnerProcess::onReadyRead()
{
    m_pending += m_process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        const auto event = RunChannel::parseLine(m_pending.left(newline));
        m_pending.remove(0, newline + 1);
        if (event.kind == RunChannel::Event::Kind::Progress)
            emit progress(event.stage, event.message);
        else if (event.kind == RunChannel::Event::Kind::Result)
            m_ending.childResult = event.result;
    }
}

void XrtRunnerProcess::onFinished()
{
    if (!m_process)
        return;
    m_deadline.stop();
    onReadyRead();
    m_ending.status = m_process->exitStatus();
    m_ending.exitCode = m_process->exitCode();
    m_ending.error = m_process->error();
    m_ending.errorString = m_process->errorString();
    m_ending.stderrText = QString::fromLocal8Bit(m_process->readAllStandardError());
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
    finish(m_ending);
}

void XrtRunnerProcess::finish(const RunChannel::Ending& ending)
{
    const RunResult result = RunChannel::finish(m_request, ending);
    m_environment.reset();
    emit finished(result);
}

} // namespace xi
