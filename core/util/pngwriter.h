// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/attentionmatrix.h"

#include <QByteArray>
#include <QString>

namespace xi {

// A small PNG encoder (8-bit RGB, zlib through qCompress) so that QtCore-only code can write
// heatmaps: no QtGui needed.
class PngWriter {
public:
    // rgb: width * height * 3 bytes, rows top to bottom.
    static QByteArray encodeRgb(int width, int height, const QByteArray& rgb);
    // One cell per matrix entry scaled up by `cellSize` pixels, row 0 at the top (matrix
    // orientation), coloured with a diverging blue-white-red scale symmetric around 0 over
    // [-limit, limit]; limit <= 0 uses the largest |value|.
    static QByteArray heatmap(const MatrixF& m, int cellSize = 4, double limit = 0);
    // The colour the heatmap gives `value` for that limit (RGB, for legends).
    static void colour(double value, double limit, quint8* rgb);
    static bool writeHeatmap(const QString& path, const MatrixF& m, int cellSize = 4, QString* error = nullptr);
    // Cell size so that the image is about `targetPixels` wide (at least 1).
    static int cellSizeFor(const MatrixF& m, int targetPixels = 256);
};

} // namespace xi
