// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/attentionmatrix.h"
#include "widgets/plots/heatmapqcp.h"

#include <memory>

namespace xi {

// A colour map whose data and image can be made on a worker thread: prepare() builds both from a matrix (no
// QObject touched), adopt() swaps them in on the GUI thread. The image is used while the gradient, the data range
// and the data it was made for are unchanged; otherwise QCustomPlot colours the data itself, as usual.
class HeatmapColorMap : public QCPColorMap {
public:
    struct Prepared {
        std::unique_ptr<QCPColorMapData> data;
        QImage image; // what QCPColorMap::updateMapImage() would make for this data, range and gradient
        QCPColorGradient gradient;
        QCPRange range;
        float min = 0;
        float max = 0;
        qint64 nonzero = 0;
    };

    HeatmapColorMap(QCPAxis* keyAxis, QCPAxis* valueAxis);

    // Thread-safe: `values` as cells (key = column, value = row), coloured over `range`, or over the values' own
    // span when `range` is empty (size 0) and `symmetric` picks -max|v|..max|v|.
    static std::shared_ptr<Prepared> prepare(const MatrixF& values, QCPColorGradient gradient, bool symmetric);
    // GUI thread: the prepared data becomes this map's, with its data range and image.
    void adopt(Prepared& prepared);
    // Forgets the prepared image (after the data was changed in place).
    void dropPreparedImage() { m_image = QImage(); }
    bool usesPreparedImage() const { return m_usedPrepared; }

    // The data range a matrix with this span gets: symmetric around zero, or min..max (widened when flat).
    static QCPRange rangeFor(double min, double max, bool symmetric);

protected:
    void updateMapImage() override;

private:
    QImage m_image;
    QCPColorGradient m_imageGradient;
    QCPRange m_imageRange;
    int m_imageKeys = 0;
    int m_imageValues = 0;
    bool m_usedPrepared = false;
};

} // namespace xi
