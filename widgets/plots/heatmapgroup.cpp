// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/plots/heatmapgroup.h"

#include "widgets/plots/heatmapwidget.h"

#include "widgets/plots/heatmapqcp.h"

namespace xi {

HeatmapGroup::HeatmapGroup(QObject* parent)
    : QObject(parent)
{
}

void HeatmapGroup::add(HeatmapWidget* heatmap)
{
    if (!heatmap || members().contains(heatmap))
        return;
    m_members.append(heatmap);
    connect(heatmap, &HeatmapWidget::rangesChanged, this,
            [this, heatmap](const QCPRange& columns, const QCPRange& rows) { sync(heatmap, columns, rows); });
    connect(heatmap, &HeatmapWidget::zoomReset, this, &HeatmapGroup::resetZoom);
}

void HeatmapGroup::remove(HeatmapWidget* heatmap)
{
    m_members.removeAll(heatmap);
    disconnect(heatmap, nullptr, this, nullptr);
}

QList<HeatmapWidget*> HeatmapGroup::members() const
{
    QList<HeatmapWidget*> out;
    for (const QPointer<HeatmapWidget>& m : m_members) {
        if (m)
            out.append(m.data());
    }
    return out;
}

void HeatmapGroup::resetZoom()
{
    if (m_syncing)
        return;
    m_syncing = true;
    for (HeatmapWidget* m : members())
        m->resetZoom();
    m_syncing = false;
}

void HeatmapGroup::sync(HeatmapWidget* source, const QCPRange& columns, const QCPRange& rows)
{
    if (m_syncing)
        return;
    m_syncing = true;
    for (HeatmapWidget* m : members()) {
        if (m == source)
            continue;
        m->plot()->xAxis->setRange(columns);
        m->plot()->yAxis->setRange(rows);
        m->replotQueued();
    }
    m_syncing = false;
}

} // namespace xi
