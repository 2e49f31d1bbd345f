// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionrunprocess.h"

#include "runner/xrtrunnerprocess.h"

#include <QPointer>
#include <QThread>

#include <memory>

namespace xi {

AttentionRunProcess::AttentionRunProcess(QObject* parent)
    : QObject(parent)
    , m_runner(new XrtRunnerProcess(this))
{
    connect(m_runner, &XrtRunnerProcess::progress, this, &AttentionRunProcess::progress);
    connect(m_runner, &XrtRunnerProcess::finished, this, [this](const RunResult& result) {
        if (m_options && m_request)
            deliver(AttentionBackend::fromRunResult(result, *m_options, *m_request));
    });
}

AttentionRunProcess::~AttentionRunProcess() = default;

bool AttentionRunProcess::start(const AttentionRunOptions& options)
{
    if (isRunning())
        return false;
    m_options = options;
    m_request.reset();
    ++m_generation;
    if (options.backend == AttentionBackendKind::Cpu)
        startCpu();
    else
        startXrt();
    return true;
}

void AttentionRunProcess::startCpu()
{
    Q_EMIT progress(QStringLiteral("run"), QStringLiteral("running the int8 kernel model and the float reference"));
    auto result = std::make_shared<AttentionRun>();
    const AttentionRunOptions options = *m_options;
    QThread* thread = QThread::create([result, options] { *result = AttentionBackend::run(options); });
    const quint64 generation = m_generation;
    connect(thread, &QThread::finished, this, [this, result, generation] {
        if (generation == m_generation && isRunning())
            deliver(*result);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
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
    if (!m_runner->start(*m_request, runnerOptions)) {
        AttentionRun run;
        run.backend = AttentionBackend::name(m_options->backend);
        run.error = QStringLiteral("the runner is still busy with the previous run");
        QMetaObject::invokeMethod(
            this, [this, run] { deliver(run); }, Qt::QueuedConnection);
    }
}

void AttentionRunProcess::cancel()
{
    if (!isRunning())
        return;
    if (m_runner->isRunning()) {
        m_runner->cancel(); // ends in XrtRunnerProcess::finished with a cancelled result
        return;
    }
    AttentionRun run;
    run.backend = AttentionBackend::name(m_options->backend);
    run.backendDescription = AttentionBackend::describe(m_options->backend);
    run.vectors = m_options->vectors;
    run.state = QStringLiteral("CANCELLED");
    run.error = QStringLiteral("cancelled");
    ++m_generation; // the worker's late result is dropped
    deliver(run);
}

void AttentionRunProcess::deliver(const AttentionRun& run)
{
    m_options.reset();
    m_request.reset();
    Q_EMIT finished(run);
}

} // namespace xi
