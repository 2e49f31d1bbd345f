// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/run/runviewresults.h"

#include "widgets/common/verdictstyle.h"
#include "widgets/plots/activitychart.h"
#include "widgets/plots/heatmapgroup.h"
#include "widgets/plots/heatmapwidget.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace xi {

namespace {

QString number(double v, int decimals = 3)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("n/a");
}

QString milliseconds(double ms)
{
    return ms > 0 ? QStringLiteral("%1 ms").arg(number(ms, 3)) : QStringLiteral("-");
}

Verdict checklistVerdict(ChecklistItem::Status s)
{
    return s == ChecklistItem::Status::Passed ? Verdict::Valid
        : s == ChecklistItem::Status::Failed  ? Verdict::Invalid
                                              : Verdict::Scalar;
}

QString titleOf(const QString& name)
{
    if (name == QLatin1String("q"))
        return QObject::tr("Q");
    if (name == QLatin1String("k"))
        return QObject::tr("K");
    if (name == QLatin1String("v"))
        return QObject::tr("V");
    if (name == QLatin1String("weights"))
        return QObject::tr("Weights (float)");
    if (name == QLatin1String("output"))
        return QObject::tr("Output");
    if (name == QLatin1String("reference"))
        return QObject::tr("Float reference");
    return QObject::tr("Output - reference");
}

} // namespace

RunViewResults::RunViewResults(QWidget* parent)
    : QWidget(parent)
    , m_banner(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_checklist(new QTextBrowser(this))
    , m_metrics(new QTableWidget(this))
    , m_group(new HeatmapGroup(this))
    , m_messages(new QPlainTextEdit(this))
{
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    m_banner->setAutoFillBackground(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_checklist->setOpenLinks(false);
    m_checklist->setToolTip(tr("The seed guide's checklist with corrected meanings: group IDs are judged by their "
                               "bank, warnings are XRT's own connectivity messages"));
    m_checklist->setAccessibleName(tr("Success checklist"));
    m_metrics->setAccessibleName(tr("Metrics of the output"));
    m_messages->setAccessibleName(tr("XRT messages"));
    m_metrics->setColumnCount(2);
    m_metrics->setHorizontalHeaderLabels({ tr("Metric"), tr("Value") });
    m_metrics->verticalHeader()->hide();
    m_metrics->horizontalHeader()->setStretchLastSection(true);
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_metrics->setToolTip(tr("Activity and accuracy of the output against the float reference softmax(QK^T/sqrt(d))V"));
    m_messages->setReadOnly(true);
    m_messages->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    m_tabs->addTab(makeResultPage(), tr("Result"));
    m_tabs->addTab(m_messages, tr("XRT messages"));

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    clear(tr("No run yet: choose the vectors and a backend, then Run."));
    QTimer::singleShot(0, this, &RunViewResults::ensurePlots);
}

// The checklist and the metrics side by side over the plots: each keeps a readable width at 1280 pixels, and the
// plots scroll rather than shrink below a readable size.
QWidget* RunViewResults::makeResultPage()
{
    auto top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_checklist);
    top->addWidget(m_metrics);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    m_checklist->setMinimumWidth(260);
    m_metrics->setMinimumWidth(220);

    m_plots = new QWidget(this);
    auto grid = new QGridLayout(m_plots);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    auto scroll = new QScrollArea(this);
    scroll->setWidget(m_plots);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Heatmaps and activity"));

    auto page = new QSplitter(Qt::Vertical, this);
    page->addWidget(top);
    page->addWidget(scroll);
    page->setStretchFactor(0, 2);
    page->setStretchFactor(1, 5);
    page->setSizes({ 230, 700 });
    return page;
}

void RunViewResults::ensurePlots()
{
    if (m_activity)
        return;
    auto grid = static_cast<QGridLayout*>(m_plots->layout());
    const QStringList names = heatmapNames();
    for (int i = 0; i < names.size(); ++i) {
        auto h = new HeatmapWidget(m_plots);
        h->setObjectName(names[i]);
        h->setTitle(titleOf(names[i]));
        if (names[i] == QLatin1String("weights"))
            h->setScale(HeatmapWidget::Scale::Sequential);
        m_heatmaps.append(h);
        m_group->add(h);
        grid->addWidget(h, i / 4, i % 4);
    }
    m_activity = new ActivityChart(m_plots);
    grid->addWidget(m_activity, 2, 0, 1, 4);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 2);
    for (HeatmapWidget* h : std::as_const(m_heatmaps))
        h->setMinimumSize(200, 210);
    if (m_plots->isVisible()) { // else the layout would show them one event later
        for (HeatmapWidget* h : std::as_const(m_heatmaps))
            h->show();
        m_activity->show();
    }
}

QList<HeatmapWidget*> RunViewResults::heatmaps()
{
    ensurePlots();
    return m_heatmaps;
}

HeatmapGroup* RunViewResults::group()
{
    ensurePlots();
    return m_group;
}

ActivityChart* RunViewResults::activity()
{
    ensurePlots();
    return m_activity;
}

QStringList RunViewResults::heatmapNames()
{
    return { QStringLiteral("q"),         QStringLiteral("k"),      QStringLiteral("v"),
             QStringLiteral("weights"),   QStringLiteral("output"), QStringLiteral("reference"),
             QStringLiteral("difference") };
}

HeatmapWidget* RunViewResults::heatmap(const QString& name)
{
    ensurePlots();
    return m_heatmaps.value(int(heatmapNames().indexOf(name)));
}

void RunViewResults::clear(const QString& reason)
{
    m_hasRun = false;
    m_banner->setText(reason);
    m_banner->setPalette(palette());
    m_checklist->clear();
    m_metrics->setRowCount(0);
    for (HeatmapWidget* h : std::as_const(m_heatmaps)) // not made yet: they start empty
        h->clear();
    if (m_activity)
        m_activity->clear();
    m_messages->clear();
}

void RunViewResults::showRun(const AttentionRun& run)
{
    m_hasRun = true;
    m_passed = run.succeeded();
    showBanner(run);
    showChecklist(run);
    showMetrics(run);
    showMatrices(run);
    showMessages(run);
}

void RunViewResults::showBanner(const AttentionRun& run)
{
    const AttentionMetrics& m = run.metrics;
    QString text = tr("<b>Backend: %1</b> &mdash; %2<br>")
                       .arg(run.backend.toHtmlEscaped(), run.backendDescription.toHtmlEscaped());
    text += tr("State: <b>%1</b>").arg(run.state.isEmpty() ? tr("did not run") : run.state.toHtmlEscaped());
    if (run.hasOutput()) {
        text += tr(" &middot; non-zero %1/%2 (%3%)")
                    .arg(m.nonzero)
                    .arg(m.total)
                    .arg(number(100 * m.nonzeroFraction(), 1));
    }
    if (m.hasReference && run.hasOutput())
        text += tr(" &middot; correlation %1").arg(m.correlationDefined() ? number(m.correlation, 4) : tr("undefined"));
    text += QStringLiteral(" &middot; <b>%1</b>").arg(run.verdict().toHtmlEscaped());
    if (!run.scope.exercised.isEmpty())
        text += tr("<br>Exercised: %1").arg(run.scope.exercised.join(QStringLiteral("; ")).toHtmlEscaped());
    if (!run.scope.notExercised.isEmpty())
        text += tr("<br>Not exercised: %1").arg(run.scope.notExercised.join(QStringLiteral("; ")).toHtmlEscaped());
    m_banner->setText(text);
    QPalette p = palette();
    p.setColor(QPalette::Window, VerdictStyle::background(m_passed ? Verdict::Valid : Verdict::Invalid, palette()));
    m_banner->setPalette(p);
}

void RunViewResults::showChecklist(const AttentionRun& run)
{
    // Rich text wraps the long items and their details (the numbers) at any width.
    QTextDocument* doc = m_checklist->document();
    for (Verdict v : { Verdict::Valid, Verdict::Invalid, Verdict::Scalar }) {
        doc->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("verdict-%1").arg(int(v))),
                         VerdictStyle::icon(v).pixmap(16, 16).toImage());
    }
    QString html = tr("<b>Success checklist</b><table cellspacing=\"3\">");
    for (const ChecklistItem& c : run.checklist) {
        html += QStringLiteral("<tr><td valign=\"top\"><img src=\"verdict-%1\" width=\"16\" height=\"16\"></td>"
                               "<td>%2 <i>(%3)</i><br><small>%4</small></td></tr>")
                    .arg(int(checklistVerdict(c.status)))
                    .arg(c.item.toHtmlEscaped(), ChecklistItem::statusName(c.status), c.detail.toHtmlEscaped());
    }
    m_checklist->setHtml(html + QStringLiteral("</table>"));
}

QList<QPair<QString, QString>> RunViewResults::metricRows(const AttentionRun& run)
{
    const AttentionMetrics& m = run.metrics;
    QList<QPair<QString, QString>> rows {
        { tr("Backend"), run.backend },
        { tr("State"), run.state.isEmpty() ? tr("did not run") : run.state },
    };
    if (run.hasOutput()) {
        rows += {
            { tr("Non-zero"),
              tr("%1 / %2 (%3%)").arg(m.nonzero).arg(m.total).arg(number(100 * m.nonzeroFraction(), 1)) },
            { tr("Min"), number(m.min, 0) },
            { tr("Max"), number(m.max, 0) },
            { tr("Mean"), number(m.mean) },
            { tr("Std"), number(m.std) },
            { tr("All zero"), m.allZero ? tr("yes") : tr("no") },
            { tr("Constant"), m.constant ? tr("yes") : tr("no") },
        };
    } else {
        rows.append({ tr("Output"), tr("nothing read back") });
    }
    if (m.hasReference && run.hasOutput()) {
        rows += {
            { tr("Correlation"),
              m.correlationDefined() ? number(m.correlation, 4) : tr("undefined (constant output)") },
            { tr("MAE"), number(m.mae) },
            { tr("RMSE"), number(m.rmse) },
            { tr("Max abs error"), number(m.maxAbsError) },
        };
    }
    rows += {
        { tr("Write"), milliseconds(run.timings.writeMs) },
        { tr("Run"), milliseconds(run.timings.runMs) },
        { tr("Read"), milliseconds(run.timings.readMs) },
        { tr("Total"), milliseconds(run.timings.totalMs) },
        { tr("Vectors"), run.vectors.description },
        { tr("Call"), run.call },
        { tr("Kernel"), run.kernelName },
        { tr("Instructions"), run.instructionFile.isEmpty() ? tr("(none)") : run.instructionFile },
        { tr("xclbin"), run.xclbinPath },
    };
    return rows;
}

void RunViewResults::showMetrics(const AttentionRun& run)
{
    const auto rows = metricRows(run);
    m_metrics->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_metrics->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        auto value = new QTableWidgetItem(rows[i].second);
        value->setToolTip(rows[i].second);
        m_metrics->setItem(i, 1, value);
    }
    m_metrics->resizeColumnToContents(0);
    m_metrics->resizeRowsToContents();
}

void RunViewResults::showMatrices(const AttentionRun& run)
{
    ensurePlots();
    heatmap(QStringLiteral("q"))->setMatrix(run.vectors.q);
    heatmap(QStringLiteral("k"))->setMatrix(run.vectors.k);
    heatmap(QStringLiteral("v"))->setMatrix(run.vectors.v);
    if (run.weights.size() > 0)
        heatmap(QStringLiteral("weights"))->setMatrix(run.weights);
    else
        heatmap(QStringLiteral("weights"))->clear();
    if (run.reference.size() > 0)
        heatmap(QStringLiteral("reference"))->setMatrix(run.reference);
    else
        heatmap(QStringLiteral("reference"))->clear();
    HeatmapWidget* output = heatmap(QStringLiteral("output"));
    output->setTitle(titleOf(QStringLiteral("output")));
    if (run.hasOutput()) {
        // A failed NPU run reads back all 0 or all -1: say it where the eye is.
        if (run.metrics.allZero)
            output->setTitle(tr("Output: ALL ZERO"));
        else if (run.metrics.constant)
            output->setTitle(tr("Output: constant %1").arg(run.metrics.min));
        output->setMatrix(*run.output);
        heatmap(QStringLiteral("difference"))->setMatrix(run.difference());
        m_activity->setMetrics(run.metrics);
    } else {
        const QString why = tr("no output read back (%1)").arg(run.state.isEmpty() ? tr("did not run") : run.state);
        heatmap(QStringLiteral("output"))->clear(why);
        heatmap(QStringLiteral("difference"))->clear(why);
        m_activity->clear();
    }
}

void RunViewResults::showMessages(const AttentionRun& run)
{
    QStringList lines;
    lines << tr("Backend: %1 (%2)").arg(run.backend, run.backendDescription);
    lines << tr("Call: %1").arg(run.call);
    if (run.scope.usesInstructions)
        lines << tr("Instructions: %1")
                     .arg(run.scope.instructionFile.isEmpty() ? run.scope.instructionNote : run.scope.instructionFile);
    if (!run.scope.design.isEmpty())
        lines << tr("Design: %1").arg(run.scope.design);
    if (!run.error.isEmpty())
        lines << tr("Error: %1").arg(run.error);
    if (!run.errorDetail.isEmpty())
        lines << tr("Details, in XRT's words: %1").arg(run.errorDetail);
    for (const QString& n : run.notes)
        lines << tr("Note: %1").arg(n);
    lines << QString();
    if (run.xrtMessages.isEmpty())
        lines << (run.backend == QLatin1String("cpu") ? tr("The cpu backend does not use XRT.")
                                                      : tr("XRT printed no message."));
    lines += run.xrtMessages;
    m_messages->setPlainText(lines.join(u'\n'));
    m_tabs->setTabText(1, tr("XRT messages (%1)").arg(run.xrtMessages.size()));
}

void RunViewResults::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_hasRun) {
        QPalette p = palette();
        p.setColor(QPalette::Window, VerdictStyle::background(m_passed ? Verdict::Valid : Verdict::Invalid, palette()));
        m_banner->setPalette(p);
    }
}

} // namespace xi
