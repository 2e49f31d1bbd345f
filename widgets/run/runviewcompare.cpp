// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/run/runviewcompare.h"

#include "widgets/plots/heatmapgroup.h"
#include "widgets/plots/heatmapwidget.h"
#include "widgets/run/runviewresults.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace xi {

namespace {

// The numbers worth a delta column: the value's leading number, if any ("3699 / 4096 (90.3%)" -> 3699).
std::optional<double> leadingNumber(const QString& text)
{
    bool ok = false;
    const double v = text.section(u' ', 0, 0).toDouble(&ok);
    return ok && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

} // namespace

RunViewCompare::RunViewCompare(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_before(new HeatmapWidget(this))
    , m_after(new HeatmapWidget(this))
    , m_group(new HeatmapGroup(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_table->setColumnCount(4);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setToolTip(tr("Every metric of the two runs and the change (after - before)"));
    m_group->add(m_before);
    m_group->add(m_after);

    auto plots = new QWidget(this);
    auto plotLayout = new QHBoxLayout(plots);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    plotLayout->addWidget(m_before);
    plotLayout->addWidget(m_after);

    auto split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(plots);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    clear();
}

void RunViewCompare::clear()
{
    m_summary->setText(tr("Select two runs in the history (Ctrl+click) and press Compare."));
    m_table->setRowCount(0);
    m_before->clear();
    m_after->clear();
}

void RunViewCompare::compare(const AttentionRun& before, const QString& beforeLabel, const AttentionRun& after,
                             const QString& afterLabel)
{
    m_summary->setText(
        tr("Before: %1 &nbsp;&nbsp; After: %2").arg(beforeLabel.toHtmlEscaped(), afterLabel.toHtmlEscaped()));
    m_table->setHorizontalHeaderLabels({ tr("Metric"), tr("Before"), tr("After"), tr("Change") });
    const auto a = RunViewResults::metricRows(before);
    const auto b = RunViewResults::metricRows(after);
    QStringList labels;
    for (const auto& row : a)
        labels.append(row.first);
    for (const auto& row : b) {
        if (!labels.contains(row.first))
            labels.append(row.first);
    }
    auto valueOf = [](const QList<QPair<QString, QString>>& rows, const QString& label) {
        for (const auto& row : rows) {
            if (row.first == label)
                return row.second;
        }
        return QString();
    };
    m_table->setRowCount(int(labels.size()));
    for (int i = 0; i < labels.size(); ++i) {
        const QString va = valueOf(a, labels[i]);
        const QString vb = valueOf(b, labels[i]);
        const auto na = leadingNumber(va);
        const auto nb = leadingNumber(vb);
        QString delta;
        if (na && nb)
            delta = QString::number(*nb - *na, 'g', 4);
        else if (va != vb)
            delta = tr("changed");
        m_table->setItem(i, 0, new QTableWidgetItem(labels[i]));
        for (const auto& [column, text] : { qMakePair(1, va), qMakePair(2, vb) }) {
            auto item = new QTableWidgetItem(text);
            item->setToolTip(text);
            m_table->setItem(i, column, item);
        }
        auto d = new QTableWidgetItem(delta);
        if (!delta.isEmpty() && delta != QLatin1String("0")) {
            d->setFont([&] {
                QFont f = font();
                f.setBold(true);
                return f;
            }());
        }
        m_table->setItem(i, 3, d);
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    showOutput(m_before, before, tr("Before: output"));
    showOutput(m_after, after, tr("After: output"));
}

void RunViewCompare::showOutput(HeatmapWidget* heatmap, const AttentionRun& run, const QString& label)
{
    heatmap->setTitle(label + QStringLiteral(" (") + run.backend + u')'
                      + (run.hasOutput() && run.metrics.allZero ? tr(": ALL ZERO") : QString()));
    if (run.hasOutput())
        heatmap->setMatrix(*run.output);
    else
        heatmap->clear(tr("no output read back (%1)").arg(run.state));
}

} // namespace xi
