// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/plots/heatmapcolormap.h"

#include <cmath>
#include <vector>

namespace xi {

namespace {

// QCPColorMap::updateMapImage() oversamples maps under 200 cells per side (without interpolation) so that cells
// stay sharp when drawn; the prepared image does the same.
int oversampling(int cells)
{
    return int(1.0 + 100.0 / double(cells));
}

} // namespace

HeatmapColorMap::HeatmapColorMap(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPColorMap(keyAxis, valueAxis)
{
}

QCPRange HeatmapColorMap::rangeFor(double min, double max, bool symmetric)
{
    if (symmetric) {
        const double m = qMax(std::abs(min), std::abs(max));
        return m > 0 ? QCPRange(-m, m) : QCPRange(-1, 1);
    }
    return max > min ? QCPRange(min, max) : QCPRange(min - 0.5, max + 0.5);
}

std::shared_ptr<HeatmapColorMap::Prepared> HeatmapColorMap::prepare(const MatrixF& values, QCPColorGradient gradient,
                                                                    bool symmetric)
{
    auto p = std::make_shared<Prepared>();
    const int rows = int(values.rows());
    const int cols = int(values.cols());
    if (rows == 0 || cols == 0)
        return p;
    p->min = values.minCoeff();
    p->max = values.maxCoeff();
    p->nonzero = (values.array() != 0.0f).count();
    p->range = rangeFor(p->min, p->max, symmetric);
    p->gradient = gradient;
    p->data
        = std::make_unique<QCPColorMapData>(cols, rows, QCPRange(0, qMax(0, cols - 1)), QCPRange(0, qMax(0, rows - 1)));
    // Row-major source, key-fastest cells: both walked in order. Image scan lines count from the top, cell rows
    // from the bottom, as in QCPColorMap::updateMapImage().
    QImage cells(cols, rows, QImage::Format_ARGB32_Premultiplied);
    std::vector<double> line(size_t(cols), 0.0);
    const float* src = values.data();
    for (int row = 0; row < rows; ++row) {
        for (int col = 0; col < cols; ++col) {
            line[size_t(col)] = double(*src++);
            p->data->setCell(col, row, line[size_t(col)]);
        }
        gradient.colorize(line.data(), p->range, reinterpret_cast<QRgb*>(cells.scanLine(rows - 1 - row)), cols, 1,
                          false);
    }
    const int keyFactor = oversampling(cols);
    const int valueFactor = oversampling(rows);
    p->image = keyFactor > 1 || valueFactor > 1
        ? cells.scaled(cols * keyFactor, rows * valueFactor, Qt::IgnoreAspectRatio, Qt::FastTransformation)
        : cells;
    return p;
}

void HeatmapColorMap::adopt(Prepared& prepared)
{
    if (!prepared.data)
        return;
    m_imageKeys = prepared.data->keySize();
    m_imageValues = prepared.data->valueSize();
    setData(prepared.data.release(), false); // takes ownership, no copy
    setDataRange(prepared.range);
    m_image = std::move(prepared.image);
    m_imageGradient = prepared.gradient;
    m_imageRange = prepared.range;
}

void HeatmapColorMap::updateMapImage()
{
    const bool valid = !m_image.isNull() && !mInterpolate && mDataScaleType == QCPAxis::stLinear
        && mGradient == m_imageGradient && mDataRange == m_imageRange && mMapData->keySize() == m_imageKeys
        && mMapData->valueSize() == m_imageValues && keyAxis() && keyAxis()->orientation() == Qt::Horizontal;
    m_usedPrepared = valid;
    if (!valid) {
        m_image = QImage();
        QCPColorMap::updateMapImage();
        return;
    }
    mMapImage = m_image;
    mMapImageInvalidated = false;
}

} // namespace xi
