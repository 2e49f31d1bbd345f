// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/plots/heatmapwidget.h"

#include "util/safefilewriter.h"
#include "widgets/plots/heatmapcolormap.h"
#include "widgets/plots/plotstyle.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QStyle>
#include <QTemporaryDir>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace xi {

namespace {

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QCPColorGradient divergingGradient(bool dark)
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setColorStopAt(0.0, QColor(0x3b, 0x4c, 0xc0));
    g.setColorStopAt(0.25, QColor(0x7b, 0x9f, 0xf9));
    g.setColorStopAt(0.5, dark ? QColor(0x2e, 0x2e, 0x33) : QColor(0xf2, 0xf2, 0xf2));
    g.setColorStopAt(0.75, QColor(0xf4, 0x98, 0x7a));
    g.setColorStopAt(1.0, QColor(0xb4, 0x04, 0x26));
    return g;
}

QCPColorGradient sequentialGradient()
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setColorStopAt(0.0, QColor(0x44, 0x01, 0x54));
    g.setColorStopAt(0.25, QColor(0x3b, 0x52, 0x8b));
    g.setColorStopAt(0.5, QColor(0x21, 0x91, 0x8c));
    g.setColorStopAt(0.75, QColor(0x5e, 0xc9, 0x62));
    g.setColorStopAt(1.0, QColor(0xfd, 0xe7, 0x25));
    return g;
}

// Whole cell indices, and only where the matrix is: square cells leave room beyond it that needs no labels.
class CellTicker : public QCPAxisTickerFixed {
public:
    CellTicker()
    {
        setTickStep(1);
        setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        setTickCount(4);
    }
    void setCellCount(int count) { m_count = count; }

protected:
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override
    {
        QVector<double> ticks = QCPAxisTickerFixed::createTickVector(tickStep, range);
        if (m_count > 0)
            ticks.removeIf([this](double t) { return t < 0 || t > m_count - 1; });
        return ticks;
    }
    QVector<double> createSubTickVector(int, const QVector<double>&) override { return {}; }

private:
    int m_count = 0;
};

} // namespace

HeatmapWidget::HeatmapWidget(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_info(new QLabel(this))
    , m_resetButton(new QToolButton(this))
    , m_exportButton(new QToolButton(this))
    , m_values(std::make_shared<const MatrixF>())
{
    setupPlot();

    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setMinimumWidth(40);
    m_info->setWordWrap(true); // a narrow plot wraps its caption rather than cut it
    m_resetButton->setText(tr("Reset zoom"));
    m_resetButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_resetButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_resetButton->setToolTip(tr("Show the whole matrix (or double-click the plot)"));
    m_resetButton->setAutoRaise(true);
    connect(m_resetButton, &QToolButton::clicked, this, &HeatmapWidget::resetZoom);

    auto menu = new QMenu(this);
    menu->addAction(tr("Export PNG..."), this,
                    [this] { exportWithDialog(tr("PNG image (*.png)"), QStringLiteral("png")); });
    menu->addAction(tr("Export PDF..."), this,
                    [this] { exportWithDialog(tr("PDF document (*.pdf)"), QStringLiteral("pdf")); });
    menu->addAction(tr("Export CSV..."), this,
                    [this] { exportWithDialog(tr("CSV matrix (*.csv)"), QStringLiteral("csv")); });
    m_exportButton->setText(tr("Export"));
    m_exportButton->setToolTip(tr("Export the plot as PNG or PDF, or the matrix as CSV"));
    m_exportButton->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_exportButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_exportButton->setMenu(menu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setAutoRaise(true);

    auto bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_info, 1);
    bar->addWidget(m_resetButton);
    bar->addWidget(m_exportButton);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_plot, 1);
    layout->addLayout(bar);

    setMinimumSize(180, 180);
    applyPalette();
    clear();
}

QCPColorMap* HeatmapWidget::colorMap() const
{
    return m_map;
}

void HeatmapWidget::setupPlot()
{
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);

    m_plot->plotLayout()->insertRow(0);
    m_titleElement = new QCPTextElement(m_plot, QString(), QFont(font().family(), font().pointSize(), QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, m_titleElement);

    m_map = new HeatmapColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    // QCustomPlot 2.1 places cell centres on the key/value range and draws half a cell beyond it; a tight
    // boundary would clip the outer rows and columns to half cells. Full cells it is: column c spans c +- 0.5.
    m_map->setTightBoundary(false);

    m_colorScale = new QCPColorScale(m_plot);
    m_colorScale->setType(QCPAxis::atRight);
    m_colorScale->setBarWidth(12);
    m_plot->plotLayout()->addElement(1, 1, m_colorScale);
    m_map->setColorScale(m_colorScale);

    auto margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_colorScale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    m_plot->yAxis->setRangeReversed(true); // row 0 on top, as the matrix is written
    m_plot->xAxis->setLabel(tr("column"));
    m_plot->yAxis->setLabel(tr("row"));
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new CellTicker));
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new CellTicker));
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);

    // The matrix outline: an all-zero matrix still shows where it is.
    m_frame = new QCPItemRect(m_plot);
    m_frame->setBrush(Qt::NoBrush);
    m_frame->setVisible(false);

    m_emptyText = new QCPItemText(m_plot);
    m_emptyText->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyText->position->setCoords(0.5, 0.5);
    m_emptyText->setClipToAxisRect(false);

    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        if (m_plot->axisRect()->rect().size() == m_fittedSize)
            return;
        if (m_showingAll && hasData()) {
            // The whole matrix again, fitted to the new size.
            m_fitting = true;
            m_plot->xAxis->setRange(-0.5, columns() - 0.5);
            m_plot->yAxis->setRange(-0.5, rows() - 0.5);
            m_fitting = false;
        }
        fitAspect();
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, &HeatmapWidget::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &HeatmapWidget::resetZoom);
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &HeatmapWidget::onRangeChanged);
    connect(m_plot->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &HeatmapWidget::onRangeChanged);
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, &HeatmapWidget::showContextMenu);
}

void HeatmapWidget::setTitle(const QString& title)
{
    m_title = title;
    m_titleElement->setText(title);
    replotQueued();
}

void HeatmapWidget::setScale(Scale scale)
{
    m_scale = scale;
    applyGradient();
    if (isFilling())
        fillInBackground(); // again, for the new scale's range and gradient
    else if (hasData())
        updateDataRange();
    replotQueued();
}

void HeatmapWidget::setMatrix(const MatrixF& values, bool integerValued)
{
    m_values = std::make_shared<const MatrixF>(values);
    m_integer = integerValued;
    m_emptyReason.clear();
    const int r = rows();
    const int c = columns();
    static_cast<CellTicker*>(m_plot->xAxis->ticker().data())->setCellCount(c);
    static_cast<CellTicker*>(m_plot->yAxis->ticker().data())->setCellCount(r);
    m_emptyText->setVisible(false);
    m_frame->topLeft->setCoords(-0.5, -0.5);
    m_frame->bottomRight->setCoords(c - 0.5, r - 0.5);
    m_frame->setVisible(true);
    if (qint64(r) * c >= AsyncCells)
        fillInBackground();
    else
        fillNow();
    resetZoom();
}

void HeatmapWidget::fillNow()
{
    m_fill.cancel();
    const MatrixF& values = *m_values;
    const int r = rows();
    const int c = columns();
    QCPColorMapData* data = m_map->data();
    data->setSize(c, r);
    data->setRange(QCPRange(0, qMax(0, c - 1)), QCPRange(0, qMax(0, r - 1)));
    // Row-major source; QCPColorMapData is also key-fastest, so this walks both in order.
    const float* p = values.data();
    for (int row = 0; row < r; ++row) {
        for (int col = 0; col < c; ++col)
            data->setCell(col, row, double(*p++));
    }
    m_map->dropPreparedImage();
    m_map->rescaleDataRange(true);
    m_min = values.minCoeff();
    m_max = values.maxCoeff();
    updateDataRange();
    updateInfo(m_min, m_max, (values.array() != 0.0f).count());
    emit filled();
}

void HeatmapWidget::fillInBackground()
{
    m_info->setText(tr("%1x%2, preparing the plot...").arg(rows()).arg(columns()));
    using Prepared = std::shared_ptr<HeatmapColorMap::Prepared>;
    m_fill.start<Prepared>([values = m_values, gradient = m_map->gradient(), symmetric = m_scale == Scale::Diverging](
                               const CancelToken&) { return HeatmapColorMap::prepare(*values, gradient, symmetric); },
                           [this](Prepared prepared) {
                               m_map->adopt(*prepared);
                               m_min = prepared->min;
                               m_max = prepared->max;
                               updateInfo(m_min, m_max, prepared->nonzero);
                               replotQueued();
                               emit filled();
                           });
}
void HeatmapWidget::setMatrix(const MatrixI8& values)
{
    setMatrix(MatrixF(values.cast<float>()), true);
}

void HeatmapWidget::setMatrix(const MatrixI32& values)
{
    setMatrix(MatrixF(values.cast<float>()), true);
}

void HeatmapWidget::clear(const QString& reason)
{
    m_fill.cancel();
    m_values = std::make_shared<const MatrixF>();
    m_emptyReason = reason.isEmpty() ? tr("no data") : reason;
    m_map->data()->clear();
    static_cast<CellTicker*>(m_plot->xAxis->ticker().data())->setCellCount(0);
    static_cast<CellTicker*>(m_plot->yAxis->ticker().data())->setCellCount(0);
    m_emptyText->setText(m_emptyReason);
    m_emptyText->setVisible(true);
    m_frame->setVisible(false);
    m_plot->xAxis->setRange(-0.5, 15.5);
    m_plot->yAxis->setRange(-0.5, 15.5);
    updateInfo(0, 0, 0);
    replotQueued();
}

std::optional<double> HeatmapWidget::valueAt(int row, int column) const
{
    if (row < 0 || column < 0 || row >= rows() || column >= columns())
        return std::nullopt;
    return double((*m_values)(row, column));
}

bool HeatmapWidget::cellAt(const QPointF& plotPixel, int* row, int* column) const
{
    if (!hasData() || !m_plot->axisRect()->rect().contains(plotPixel.toPoint()))
        return false;
    const double key = m_plot->xAxis->pixelToCoord(plotPixel.x());
    const double value = m_plot->yAxis->pixelToCoord(plotPixel.y());
    // coordToCell truncates towards zero, so points just outside the first cell would map into it.
    if (key < -0.5 || value < -0.5 || key >= columns() - 0.5 || value >= rows() - 0.5)
        return false;
    int k = int(std::lround(key));
    int v = int(std::lround(value));
    if (columns() > 1 && rows() > 1)
        m_map->data()->coordToCell(key, value, &k, &v);
    if (k < 0 || v < 0 || k >= columns() || v >= rows())
        return false;
    *row = v;
    *column = k;
    return true;
}

QString HeatmapWidget::hoverText(const QPointF& plotPixel) const
{
    int row = 0;
    int col = 0;
    if (!cellAt(plotPixel, &row, &col))
        return {};
    return tr("row %1, col %2: %3").arg(row).arg(col).arg(formatValue((*m_values)(row, col)));
}

void HeatmapWidget::onMouseMove(QMouseEvent* event)
{
    if (event->buttons() != Qt::NoButton)
        return; // dragging pans; no tooltip then
    const QPointF pos = event->position();
    m_lastHover = hoverText(pos);
    if (m_lastHover.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(m_plot->mapToGlobal(pos.toPoint()), m_lastHover, m_plot);
    int row = 0;
    int col = 0;
    cellAt(pos, &row, &col);
    emit cellHovered(row, col, double((*m_values)(row, col)));
}

void HeatmapWidget::onRangeChanged()
{
    // Fitting to this widget's own size stays local: linked heatmaps of other sizes would fit back, and on.
    if (m_fitting)
        return;
    m_showingAll = false; // zoomed or panned, here or through a linked heatmap
    emit rangesChanged(m_plot->xAxis->range(), m_plot->yAxis->range());
}

void HeatmapWidget::resetZoom()
{
    if (hasData()) {
        m_fitting = true;
        m_plot->xAxis->setRange(-0.5, columns() - 0.5);
        m_plot->yAxis->setRange(-0.5, rows() - 0.5);
        fitAspect();
        m_fitting = false;
        m_showingAll = true;
    }
    replotQueued();
    emit zoomReset();
}

bool HeatmapWidget::keepsSquareCells() const
{
    // Square cells read best, but a 1500 x 64 matrix would become a sliver: then the cells stretch.
    const double aspect = hasData() ? double(rows()) / double(columns()) : 1.0;
    return hasData() && aspect >= 0.25 && aspect <= 4.0;
}

void HeatmapWidget::fitAspect()
{
    const QRect area = m_plot->axisRect()->rect();
    m_fittedSize = area.size();
    if (!keepsSquareCells() || area.width() <= 0 || area.height() <= 0)
        return;
    // Grow the axis that has room to spare, around its centre, so the whole view stays visible.
    const double xPerPixel = m_plot->xAxis->range().size() / area.width();
    const double yPerPixel = m_plot->yAxis->range().size() / area.height();
    const bool wasFitting = m_fitting;
    m_fitting = true;
    if (xPerPixel > yPerPixel)
        m_plot->yAxis->setScaleRatio(m_plot->xAxis, 1.0);
    else
        m_plot->xAxis->setScaleRatio(m_plot->yAxis, 1.0);
    m_fitting = wasFitting;
}

void HeatmapWidget::replotQueued()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapWidget::updateDataRange()
{
    if (!hasData() || isFilling())
        return; // a background fill brings its own range
    // A zero-width range would be ignored and keep the previous data's.
    m_map->setDataRange(HeatmapColorMap::rangeFor(m_min, m_max, m_scale == Scale::Diverging));
}

void HeatmapWidget::updateInfo(float min, float max, qint64 nonzero)
{
    if (!hasData()) {
        m_info->setText(m_emptyReason);
        return;
    }
    const QString lo = formatValue(min);
    const QString hi = formatValue(max);
    m_info->setText(tr("%1x%2 [%3, %4] nz %5").arg(rows()).arg(columns()).arg(lo, hi).arg(nonzero));
    m_info->setToolTip(tr("%1 rows x %2 columns, min %3, max %4, non-zero %5 of %6")
                           .arg(rows())
                           .arg(columns())
                           .arg(lo, hi)
                           .arg(nonzero)
                           .arg(m_values->size()));
}

QString HeatmapWidget::formatValue(double value) const
{
    return m_integer ? QString::number(qint64(value)) : QString::number(value, 'g', 4);
}

void HeatmapWidget::applyGradient()
{
    const QCPColorGradient g
        = m_scale == Scale::Diverging ? divergingGradient(isDarkPalette(palette())) : sequentialGradient();
    // After setColorScale: the scale hands its gradient to the map.
    m_colorScale->setGradient(g);
    m_map->setGradient(g);
}

void HeatmapWidget::applyPalette()
{
    const QPalette pal = palette();
    const QColor fg = pal.color(QPalette::WindowText);
    m_plot->setBackground(pal.brush(QPalette::Window));
    m_plot->axisRect()->setBackground(pal.brush(QPalette::Base));
    for (QCPAxis* axis : { m_plot->xAxis, m_plot->yAxis, m_colorScale->axis() })
        PlotStyle::axis(axis, fg);
    m_titleElement->setTextColor(fg);
    m_emptyText->setColor(pal.color(QPalette::PlaceholderText));
    m_frame->setPen(QPen(pal.color(QPalette::Mid), 1));
    applyGradient();
    replotQueued();
}

void HeatmapWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void HeatmapWidget::showContextMenu(const QPoint& pos)
{
    QMenu menu(this);
    const QString hover = hoverText(pos);
    if (!hover.isEmpty()) {
        menu.addAction(hover)->setEnabled(false);
        menu.addSeparator();
    }
    menu.addAction(tr("Reset zoom"), this, &HeatmapWidget::resetZoom);
    menu.addSeparator();
    menu.addActions(m_exportButton->menu()->actions());
    menu.exec(m_plot->mapToGlobal(pos));
}

void HeatmapWidget::exportWithDialog(const QString& filter, const QString& suffix)
{
    QString base = m_title.isEmpty() ? QStringLiteral("heatmap") : m_title.toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(m_title), base + u'.' + suffix, filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        m_info->setText(error);
}

bool HeatmapWidget::exportTo(const QString& path, QString* error, int width, int height)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    QByteArray bytes;
    if (suffix == QLatin1String("csv")) {
        bytes = toCsv().toUtf8();
    } else if (suffix == QLatin1String("png") || suffix == QLatin1String("pdf")) {
        // QCustomPlot writes in place; render into a scratch file so an existing export keeps its backup.
        QTemporaryDir dir;
        const QString scratch = dir.filePath(QStringLiteral("plot.") + suffix);
        const bool ok = suffix == QLatin1String("png") ? m_plot->savePng(scratch, width, height)
                                                       : m_plot->savePdf(scratch, width, height);
        QFile f(scratch);
        if (!ok || !f.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("Could not render the plot as %1 for %2").arg(suffix.toUpper(), path);
            return false;
        }
        bytes = f.readAll();
    } else {
        if (error)
            *error = tr("Cannot export to %1: expected a .png, .pdf or .csv file name").arg(path);
        return false;
    }
    return SafeFileWriter::write(path, bytes, error);
}

QString HeatmapWidget::toCsv() const
{
    QString out;
    out.reserve(int(m_values->size()) * 5);
    for (int r = 0; r < rows(); ++r) {
        for (int c = 0; c < columns(); ++c) {
            if (c)
                out += u',';
            out += formatValue((*m_values)(r, c));
        }
        out += u'\n';
    }
    return out;
}

} // namespace xi
