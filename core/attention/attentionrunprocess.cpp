// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionrunprocess.h"

#include "runner/xrtrunnerprocess.h"

namespace xi {

AttentionRunProcess::AttentionRunProcess(QObject* parent)
    : QObject(parent)
    , m_runner(new XrtRunnerProcess(this))
    , m_jobs(this)
{
    connect(m_runner, &XrtRunnerProcess::progress, this, &AttentionRunProcess::progress);
    connect(m_runner, &XrtRunnerProcess::finished, this, [this](const RunResult& result) {
        const quint64 generation = m_jobs.generation();
        if (m_options && m_request && m_jobs.finish(generation))
            computeFrom(result);
    });
}

AttentionRunProcess::~AttentionRunProcess()
{
    m_jobs.cancel();
}

bool AttentionRunProcess::start(const AttentionRunOptions& options)
{
    if (isRunning())
        return false;
    m_options = options;
    m_request.reset();
    if (options.backend == AttentionBackendKind::Cpu)
        startCpu();
    else
        startXrt();
    return true;
}

void AttentionRunProcess::startCpu()
{
    Q_EMIT progress(QStringLiteral("run"), QStringLiteral("running the int8 kernel model and the float reference"));
    const AttentionRunOptions options = *m_options;
    m_jobs.start<AttentionRun>([options](const CancelToken& token) { return AttentionBackend::run(options, token); },
                               [this](const AttentionRun& run) { deliver(run); });
}

void AttentionRunProcess::startXrt()
{
    QString error;
    m_request = AttentionBackend::makeRequest(*m_options, &error);
    if (!m_request) {
        AttentionRun run = AttentionBackend::run(*m_options); // fails fast with the same error, no child started
        QMetaObject::invokeMethod(
            this, [this, run] { deliver(run); }, Qt::QueuedConnection);
        return;
    }
    XrtRunnerOptions runnerOptions;
    runnerOptions.cliPath = m_options->cliPath;
    m_jobs.begin([this] { m_runner->cancel(); });
    if (!m_runner->start(*m_request, runnerOptions)) {
        m_jobs.cancel();
        AttentionRun run;
        run.backend = AttentionBackend::name(m_options->backend);
        run.error = QStringLiteral("the runner is still busy with the previous run");
        QMetaObject::invokeMethod(
            this, [this, run] { deliver(run); }, Qt::QueuedConnection);
    }
}

void AttentionRunProcess::computeFrom(const RunResult& result)
{
    Q_EMIT progress(QStringLiteral("metrics"), QStringLiteral("computing the references and metrics"));
    const AttentionRunOptions options = *m_options;
    const RunRequest request = *m_request;
    m_jobs.start<AttentionRun>(
        [result, options, request](const CancelToken& token) {
            return AttentionBackend::fromRunResult(result, options, request, token);
        },
        [this](const AttentionRun& run) { deliver(run); });
}

void AttentionRunProcess::cancel()
{
    if (!isRunning())
        return;
    m_jobs.cancel(); // kills the child or stops the worker; its result is dropped
    deliver(AttentionBackend::cancelled(*m_options));
}

void AttentionRunProcess::deliver(const AttentionRun& run)
{
    m_options.reset();
    m_request.reset();
    Q_EMIT finished(run);
}

} // namespace xi
