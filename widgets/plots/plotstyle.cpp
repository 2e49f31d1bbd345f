// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/plots/plotstyle.h"

#include "widgets/plots/heatmapqcp.h"

namespace xi {

void PlotStyle::axis(QCPAxis* axis, const QColor& foreground)
{
    axis->setBasePen(QPen(foreground));
    axis->setTickPen(QPen(foreground));
    axis->setSubTickPen(QPen(foreground));
    axis->setTickLabelColor(foreground);
    axis->setLabelColor(foreground);
}

} // namespace xi
