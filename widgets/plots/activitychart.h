// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionmetrics.h"

#include <QWidget>

class QCPAxisRect;
class QCPBars;
class QCustomPlot;

namespace xi {

// Where the output is active: non-zero count per row and per column, and the histogram of its values (QCPBars).
class ActivityChart : public QWidget {
    Q_OBJECT
public:
    explicit ActivityChart(QWidget* parent = nullptr);

    void setMetrics(const AttentionMetrics& metrics);
    void clear();

    QCustomPlot* plot() const { return m_plot; }
    QCPBars* rowBars() const { return m_rows; }
    QCPBars* columnBars() const { return m_columns; }
    QCPBars* histogramBars() const { return m_histogram; }

protected:
    void changeEvent(QEvent* event) override;

private:
    QCPBars* addPanel(int column, const QString& title, const QString& xLabel, const QString& yLabel);
    void applyPalette();

    QCustomPlot* m_plot;
    QCPBars* m_rows = nullptr;
    QCPBars* m_columns = nullptr;
    QCPBars* m_histogram = nullptr;
};

} // namespace xi
