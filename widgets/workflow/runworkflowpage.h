// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jobtracker.h"
#include "widgets/workflow/workflowcontext.h"
#include "workflow/cpufallback.h"
#include "workflow/fixworkflows.h"
#include "workflow/tiledcomparison.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace xi {

// The guide's options that change no file: option 3 (the guide's tiled code and the exact tiled attention side by
// side, each with its correlation to attention, beside our kernel through the chosen backend) and option 4 (the
// CPU fallback: the reference output as the answer, with its time). Runs off the GUI thread.
class RunWorkflowPage : public QWidget {
    Q_OBJECT
public:
    RunWorkflowPage(FixWorkflowId id, QWidget* parent = nullptr);

    FixWorkflowId id() const { return m_id; }
    void setContext(const WorkflowContext& context);
    void run();
    void cancel();
    bool isRunning() const { return m_jobs.isRunning(); }

    const std::optional<TiledComparisonResult>& tiled() const { return m_tiled; }
    const std::optional<CpuFallbackResult>& fallback() const { return m_fallback; }
    QTableWidget* table() const { return m_table; }
    QLabel* conclusion() const { return m_conclusion; }
    QPushButton* runButton() const { return m_run; }

Q_SIGNALS:
    void finished();

private:
    void showTiled(const TiledComparisonResult& result);
    void showFallback(const CpuFallbackResult& result);
    void setRows(const QStringList& header, const QList<QStringList>& rows);

    FixWorkflowId m_id;
    WorkflowContext m_context;
    JobTracker m_jobs;
    std::optional<TiledComparisonResult> m_tiled;
    std::optional<CpuFallbackResult> m_fallback;
    QLabel* m_intro;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QTableWidget* m_table;
    QLabel* m_conclusion;
};

} // namespace xi
