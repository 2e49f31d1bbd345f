// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QCPRange;

namespace xi {

class HeatmapWidget;

// Links the zoom and pan of several heatmaps: moving one moves all (cell coordinates are shared).
class HeatmapGroup : public QObject {
    Q_OBJECT
public:
    explicit HeatmapGroup(QObject* parent = nullptr);

    void add(HeatmapWidget* heatmap);
    void remove(HeatmapWidget* heatmap);
    QList<HeatmapWidget*> members() const;
    void resetZoom();

private:
    void sync(HeatmapWidget* source, const QCPRange& columns, const QCPRange& rows);

    QList<QPointer<HeatmapWidget>> m_members;
    bool m_syncing = false;
};

} // namespace xi
