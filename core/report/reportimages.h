// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionmetrics.h"
#include "util/attentionmatrix.h"

#include <QByteArray>

namespace xi {

// The report's pictures as PNG, so that the HTML and its PDF (QTextDocument, which knows no SVG) show the same.
class ReportImages {
public:
    // The matrix with PngWriter's colours, about `targetPixels` wide, in a thin grey frame. An all-zero matrix
    // would be an invisible white square: it gets a red frame and red hatching instead.
    static QByteArray heatmap(const MatrixF& m, int targetPixels);
    // One bar per histogram bin, scaled to the highest.
    static QByteArray histogram(const AttentionMetrics& metrics, int width, int height);
};

} // namespace xi
