// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionbackend.h"
#include "util/jobtracker.h"

#include <QObject>

#include <optional>

namespace xi {

class XrtRunnerProcess;

// The asynchronous AttentionBackend::run for the GUI, over the same backend code the CLI's `run` uses: the cpu
// backend on the thread pool, the XRT backends in the runner child (XrtRunnerProcess), then the references and
// metrics on the thread pool again. One JobTracker owns the run: cancel() stops the work itself (kills the child,
// or the worker stops at its next step) and drops its result. Never blocks; exactly one finished() per accepted
// start(), also after cancel() (then the run says CANCELLED).
class AttentionRunProcess : public QObject {
    Q_OBJECT
public:
    explicit AttentionRunProcess(QObject* parent = nullptr);
    ~AttentionRunProcess() override;

    bool start(const AttentionRunOptions& options); // false (no signals) while a run is going
    void cancel();
    bool isRunning() const { return m_options.has_value(); }

Q_SIGNALS:
    void progress(const QString& stage, const QString& message);
    void finished(const xi::AttentionRun& run);

private:
    void startCpu();
    void startXrt();
    void computeFrom(const RunResult& result);
    void deliver(const AttentionRun& run);

    std::optional<AttentionRunOptions> m_options;
    std::optional<RunRequest> m_request;
    XrtRunnerProcess* m_runner = nullptr;
    JobTracker m_jobs;
};

} // namespace xi
