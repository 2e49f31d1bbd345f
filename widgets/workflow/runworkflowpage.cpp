// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workflow/runworkflowpage.h"

#include "attention/testvectors.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace xi {

namespace {

QString correlationText(double c)
{
    return std::isfinite(c) ? QString::number(c, 'f', 4) : QStringLiteral("undefined");
}

} // namespace

RunWorkflowPage::RunWorkflowPage(FixWorkflowId id, QWidget* parent)
    : QWidget(parent)
    , m_id(id)
    , m_jobs(this)
    , m_intro(new QLabel(this))
    , m_run(new QPushButton(id == FixWorkflowId::Tiled ? tr("Run side by side") : tr("Run the CPU fallback"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_table(new QTableWidget(this))
    , m_conclusion(new QLabel(this))
{
    const FixWorkflowInfo info = FixWorkflows::info(id);
    m_intro->setWordWrap(true);
    m_intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_intro->setText(tr("<h3>%1</h3><p><b>The guide says:</b> %2</p><p><b>What really happens:</b> %3</p>")
                         .arg(info.title.toHtmlEscaped(), info.guideSays.toHtmlEscaped(), info.truth.toHtmlEscaped()));
    m_run->setToolTip(id == FixWorkflowId::Tiled
                          ? tr("Compute float attention, the guide's 2x2 tiling and the exact tiled attention on the "
                               "CPU, and run our kernel through the chosen backend, on the same 64x64 vectors")
                          : tr("Compute attention on the CPU as the fallback answer and time it"));
    m_cancel->setToolTip(tr("Stop the run"));
    m_cancel->setEnabled(false);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(true);
    m_table->setToolTip(tr("Each computation with its correlation to float attention"));
    m_conclusion->setWordWrap(true);
    m_conclusion->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_intro);
    layout->addLayout(buttons);
    layout->addWidget(m_conclusion);
    layout->addWidget(m_table, 1);

    connect(m_run, &QPushButton::clicked, this, &RunWorkflowPage::run);
    connect(m_cancel, &QPushButton::clicked, this, &RunWorkflowPage::cancel);
}

void RunWorkflowPage::setContext(const WorkflowContext& context)
{
    m_context = context;
}

void RunWorkflowPage::run()
{
    if (isRunning())
        return;
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    const TestVectors vectors = TestVectors::random(64, 64, 1);
    if (m_id == FixWorkflowId::CpuFallback) {
        m_conclusion->setText(tr("Computing attention on the CPU ..."));
        m_jobs.start<CpuFallbackResult>([vectors](const CancelToken&) { return CpuFallback::run(vectors); },
                                        [this](CpuFallbackResult r) { showFallback(r); });
        return;
    }
    std::optional<AttentionRunOptions> backend;
    if (!m_context.xclbinPath.isEmpty() || m_context.backend == AttentionBackendKind::Cpu) {
        AttentionRunOptions options;
        options.xclbinPath = m_context.xclbinPath;
        options.instructionFile = m_context.instructionsPath;
        options.backend = m_context.backend;
        options.cliPath = m_context.cliPath;
        backend = options;
    }
    m_conclusion->setText(tr("Running the variants ..."));
    m_jobs.start<TiledComparisonResult>(
        [vectors, backend](const CancelToken& token) { return TiledComparison::run(vectors, backend, token); },
        [this](TiledComparisonResult r) { showTiled(r); });
}

void RunWorkflowPage::cancel()
{
    if (m_jobs.cancel()) {
        m_conclusion->setText(tr("Cancelled."));
        m_run->setEnabled(true);
        m_cancel->setEnabled(false);
    }
}

void RunWorkflowPage::setRows(const QStringList& header, const QList<QStringList>& rows)
{
    m_table->clear();
    m_table->setColumnCount(int(header.size()));
    m_table->setHorizontalHeaderLabels(header);
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows[r].size(); ++c) {
            auto item = new QTableWidgetItem(rows[r][c]);
            item->setToolTip(rows[r][c]);
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->resizeRowsToContents();
}

void RunWorkflowPage::showTiled(const TiledComparisonResult& result)
{
    m_tiled = result;
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    QList<QStringList> rows;
    for (const TiledVariant& v : result.variants)
        rows << QStringList { v.name,
                              v.computedBy,
                              v.isAttention ? tr("yes") : tr("no"),
                              correlationText(v.correlation),
                              std::isfinite(v.maxAbsError) ? QString::number(v.maxAbsError, 'g', 3)
                                                           : QStringLiteral("-"),
                              QStringLiteral("%1 ms").arg(v.timeMs, 0, 'f', 3),
                              v.note };
    setRows({ tr("Computation"), tr("Runs on"), tr("Attention?"), tr("Correlation to attention"), tr("Max error"),
              tr("Time"), tr("Note") },
            rows);
    QString text = result.conclusion;
    if (!result.backendRun && m_context.xclbinPath.isEmpty())
        text += tr(" Our kernel was not run: no build of the design is known (recompile or repackage it first).");
    m_conclusion->setText(text);
    emit finished();
}

void RunWorkflowPage::showFallback(const CpuFallbackResult& result)
{
    m_fallback = result;
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    auto row = [](const QString& what, const QString& time, const AttentionMetrics& m) {
        return QStringList { what,
                             time,
                             correlationText(m.correlationDefined() ? m.correlation : std::nan("")),
                             QString::number(m.maxAbsError, 'g', 3),
                             QStringLiteral("%1/%2").arg(m.nonzero).arg(m.total),
                             QStringLiteral("[%1, %2]").arg(m.min, 0, 'g', 4).arg(m.max, 0, 'g', 4) };
    };
    setRows({ tr("Answer"), tr("Time on this CPU"), tr("Correlation to the float answer"), tr("Max error"),
              tr("Non-zero"), tr("Range") },
            { row(tr("float attention (the fallback's answer)"), tr("%1 ms").arg(result.timeMs, 0, 'f', 3),
                  result.answerMetrics),
              row(tr("the guide's astype(np.int8) of it"), tr("(a cast)"), result.int8Metrics),
              row(tr("our int8 kernel (host build)"), tr("(not timed here)"), result.kernelMetrics) });
    m_conclusion->setText(result.conclusion);
    emit finished();
}

} // namespace xi
