// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

class QCPAxis;

namespace xi {

// The palette-following look the QCustomPlot charts share, reapplied when the palette changes.
class PlotStyle {
public:
    // Axis line, ticks, tick labels and label in the foreground colour.
    static void axis(QCPAxis* axis, const QColor& foreground);
};

} // namespace xi
