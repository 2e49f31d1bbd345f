// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionrun.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTableWidget;
class QTextBrowser;

namespace xi {

class ActivityChart;
class HeatmapGroup;
class HeatmapWidget;

// One attention run: which backend computed it, the success checklist, the metrics, heatmaps of Q, K, V, the
// attention weights, the output, the float reference and their difference (linked zoom), the output's
// activity, and what XRT said.
class RunViewResults : public QWidget {
    Q_OBJECT
public:
    explicit RunViewResults(QWidget* parent = nullptr);

    void showRun(const AttentionRun& run);
    void clear(const QString& reason);

    // "q", "k", "v", "weights", "output", "reference", "difference"
    static QStringList heatmapNames();
    HeatmapWidget* heatmap(const QString& name) const;
    QList<HeatmapWidget*> heatmaps() const { return m_heatmaps; }
    HeatmapGroup* group() const { return m_group; }
    ActivityChart* activity() const { return m_activity; }
    QTextBrowser* checklist() const { return m_checklist; }
    QTableWidget* metrics() const { return m_metrics; }
    QLabel* banner() const { return m_banner; }
    QPlainTextEdit* messages() const { return m_messages; }
    QTabWidget* tabs() const { return m_tabs; }
    // The metric rows as (label, value) in display order, for tests and the comparison.
    static QList<QPair<QString, QString>> metricRows(const AttentionRun& run);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* makeHeatmapPage();
    void showBanner(const AttentionRun& run);
    void showChecklist(const AttentionRun& run);
    void showMetrics(const AttentionRun& run);
    void showMatrices(const AttentionRun& run);
    void showMessages(const AttentionRun& run);

    QLabel* m_banner;
    QTabWidget* m_tabs;
    QTextBrowser* m_checklist;
    QTableWidget* m_metrics;
    QList<HeatmapWidget*> m_heatmaps;
    HeatmapGroup* m_group;
    ActivityChart* m_activity;
    QPlainTextEdit* m_messages;
    bool m_passed = false;
    bool m_hasRun = false;
};

} // namespace xi
