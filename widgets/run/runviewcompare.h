// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionrun.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace xi {

class HeatmapGroup;
class HeatmapWidget;

// Two runs side by side (before/after): their metrics with the change, and the two outputs with linked zoom.
class RunViewCompare : public QWidget {
    Q_OBJECT
public:
    explicit RunViewCompare(QWidget* parent = nullptr);

    void compare(const AttentionRun& before, const QString& beforeLabel, const AttentionRun& after,
                 const QString& afterLabel);
    void clear();

    QTableWidget* table() const { return m_table; }
    HeatmapWidget* beforeOutput() const { return m_before; }
    HeatmapWidget* afterOutput() const { return m_after; }
    QLabel* summary() const { return m_summary; }

private:
    void showOutput(HeatmapWidget* heatmap, const AttentionRun& run, const QString& label);

    QLabel* m_summary;
    QTableWidget* m_table;
    HeatmapWidget* m_before;
    HeatmapWidget* m_after;
    HeatmapGroup* m_group;
};

} // namespace xi
