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
// activity, and what XRT said. The plots are made one event-loop turn after the rest (or when first needed), so
// that showing the Run view for the first time does not hold the window for all of them at once.
class RunViewResults : public QWidget {
    Q_OBJECT
public:
    explicit RunViewResults(QWidget* parent = nullptr);

    void showRun(const AttentionRun& run);
    void clear(const QString& reason);

    // "q", "k", "v", "weights", "output", "reference", "difference"
    static QStringList heatmapNames();
    HeatmapWidget* heatmap(const QString& name);
    QList<HeatmapWidget*> heatmaps();
    HeatmapGroup* group();
    ActivityChart* activity();
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
    QWidget* makeResultPage();
    void ensurePlots();
    void showBanner(const AttentionRun& run);
    void showChecklist(const AttentionRun& run);
    void showMetrics(const AttentionRun& run);
    void showMatrices(const AttentionRun& run);
    void showMessages(const AttentionRun& run);

    QLabel* m_banner;
    QTabWidget* m_tabs;
    QTextBrowser* m_checklist;
    QTableWidget* m_metrics;
    QWidget* m_plots = nullptr; // holds the heatmaps and the activity chart once made
    QList<HeatmapWidget*> m_heatmaps;
    HeatmapGroup* m_group;
    ActivityChart* m_activity = nullptr;
    QPlainTextEdit* m_messages;
    bool m_passed = false;
    bool m_hasRun = false;
};

} // namespace xi
