// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionbackend.h"

#include <QObject>

#include <optional>

namespace xi {

class XrtRunnerProcess;

// The asynchronous AttentionBackend::run for the GUI: the cpu backend on a worker thread, the XRT
// backends in the runner child (XrtRunnerProcess). Never blocks; exactly one finished() per accepted
// start(), also after cancel() (then the run says CANCELLED and the work's late result is dropped).
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
    void deliver(const AttentionRun& run);

    std::optional<AttentionRunOptions> m_options;
    std::optional<RunRequest> m_request;
    XrtRunnerProcess* m_runner = nullptr;
    quint64 m_generation = 0;
};

} // namespace xi
