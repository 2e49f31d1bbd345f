// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

namespace xi {

// How long a heatmap takes to appear, measured in the real widgets (the CLI's bench has no QtWidgets): behind the
// hidden GUI option `xclbin-inspector --bench-heatmap N`, which prints JSON and exits.
class HeatmapBench {
public:
    // N from "--bench-heatmap N" or "--bench-heatmap=N"; 0 when not asked for, -1 when N is not a positive number.
    static int requestedSize(int argc, char** argv);
    // Median over `repeats`: the GUI thread's share of setMatrix, fill (until the data is in the plot, made on the
    // thread pool for large matrices), replot (layout, colour map image, paint), and the Run view showing a
    // run whose attention weights are N x N (seq N, dim 64): every heatmap, the activity chart and the metrics.
    static QJsonObject measure(int n, int repeats = 5);
    // Prints measure(n) as JSON on stdout; the exit code (0, or 64 for a bad N).
    static int printJson(int n);
};

} // namespace xi
