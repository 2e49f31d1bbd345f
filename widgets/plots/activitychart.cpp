// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/plots/activitychart.h"

#include "widgets/plots/heatmapqcp.h"
#include "widgets/plots/plotstyle.h"

#include <QVBoxLayout>

namespace xi {

namespace {

QVector<double> indices(qsizetype n, double first = 0, double step = 1)
{
    QVector<double> out(n);
    for (qsizetype i = 0; i < n; ++i)
        out[i] = first + step * double(i);
    return out;
}

template<typename T>
QVector<double> toDoubles(const QList<T>& values)
{
    QVector<double> out;
    out.reserve(values.size());
    for (T v : values)
        out.append(double(v));
    return out;
}

void setBars(QCPBars* bars, const QVector<double>& keys, const QVector<double>& values, double width)
{
    bars->setWidth(width);
    bars->setData(keys, values, true);
    bool found = false;
    const QCPRange keyRange = bars->getKeyRange(found);
    if (found)
        bars->keyAxis()->setRange(keyRange.lower - width, keyRange.upper + width);
    double top = 1;
    for (double v : values)
        top = qMax(top, v);
    bars->valueAxis()->setRange(0, top * 1.05);
}

} // namespace

ActivityChart::ActivityChart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    m_plot->plotLayout()->clear();
    m_rows = addPanel(0, tr("Non-zero per row"), tr("row"), tr("non-zero"));
    m_columns = addPanel(1, tr("Non-zero per column"), tr("column"), tr("non-zero"));
    m_histogram = addPanel(2, tr("Histogram of output values"), tr("value"), tr("count"));
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(160);
    applyPalette();
}

QCPBars* ActivityChart::addPanel(int column, const QString& title, const QString& xLabel, const QString& yLabel)
{
    auto rect = new QCPAxisRect(m_plot);
    auto titleElement = new QCPTextElement(m_plot, title);
    m_plot->plotLayout()->addElement(0, column, titleElement);
    m_plot->plotLayout()->addElement(1, column, rect);
    rect->axis(QCPAxis::atBottom)->setLabel(xLabel);
    rect->axis(QCPAxis::atLeft)->setLabel(yLabel);
    auto bars = new QCPBars(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    bars->setPen(Qt::NoPen);
    return bars;
}

void ActivityChart::setMetrics(const AttentionMetrics& metrics)
{
    setBars(m_rows, indices(metrics.rowActivity.size()), toDoubles(metrics.rowActivity), 0.8);
    setBars(m_columns, indices(metrics.columnActivity.size()), toDoubles(metrics.columnActivity), 0.8);
    const double w = metrics.histogramBinWidth > 0 ? metrics.histogramBinWidth : 1;
    setBars(m_histogram, indices(metrics.histogram.size(), metrics.histogramLow + w / 2, w),
            toDoubles(metrics.histogram), w * 0.9);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ActivityChart::clear()
{
    for (QCPBars* bars : { m_rows, m_columns, m_histogram })
        bars->data()->clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ActivityChart::applyPalette()
{
    const QPalette pal = palette();
    const QColor fg = pal.color(QPalette::WindowText);
    const QColor accent = pal.color(QPalette::Highlight);
    m_plot->setBackground(pal.brush(QPalette::Window));
    for (QCPAxisRect* rect : m_plot->axisRects()) {
        rect->setBackground(pal.brush(QPalette::Base));
        for (QCPAxis* axis : rect->axes()) {
            PlotStyle::axis(axis, fg);
            axis->grid()->setPen(QPen(pal.color(QPalette::Mid), 0, Qt::DotLine));
        }
    }
    for (QCPLayoutElement* e : m_plot->plotLayout()->elements(false)) {
        if (auto text = qobject_cast<QCPTextElement*>(e))
            text->setTextColor(fg);
    }
    for (QCPBars* bars : { m_rows, m_columns, m_histogram })
        bars->setBrush(accent);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ActivityChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

} // namespace xi
