// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/gui/heatmapbench.h"

#include "attention/attentionreference.h"
#include "widgets/plots/heatmapqcp.h"
#include "widgets/plots/heatmapwidget.h"
#include "widgets/run/runviewresults.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>

namespace xi {

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

double msSince(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

AttentionRun longRun(int seq)
{
    AttentionRun run;
    run.backend = QStringLiteral("cpu");
    run.backendDescription = QStringLiteral("bench");
    run.state = QStringLiteral("COMPLETED");
    run.vectors = TestVectors::random(seq, 64, 1);
    run.output = AttentionReference::kernelModel(run.vectors);
    run.computeReferences();
    return run;
}

} // namespace

int HeatmapBench::requestedSize(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        QByteArray value;
        if (qstrcmp(argv[i], "--bench-heatmap") == 0)
            value = i + 1 < argc ? QByteArray(argv[i + 1]) : QByteArray();
        else if (qstrncmp(argv[i], "--bench-heatmap=", 16) == 0)
            value = QByteArray(argv[i] + 16);
        else
            continue;
        bool ok = false;
        const int n = value.toInt(&ok);
        return ok && n > 0 ? n : -1;
    }
    return 0;
}

QJsonObject HeatmapBench::measure(int n, int repeats)
{
    HeatmapWidget w;
    w.resize(900, 800);
    w.show();
    QCoreApplication::processEvents();
    QList<double> gui, fill, replot, total;
    for (int r = 0; r < repeats; ++r) {
        const MatrixF m = MatrixF::Random(n, n) * float(64 + r);
        QElapsedTimer t;
        t.start();
        w.setMatrix(m);
        gui.append(msSince(t)); // what the GUI thread spends before it is free again
        while (w.isFilling()) // large matrices: the thread pool makes the data and image meanwhile
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        const double filled = msSince(t);
        w.plot()->replot(QCustomPlot::rpImmediateRefresh);
        const double shown = msSince(t);
        fill.append(filled);
        replot.append(shown - filled);
        total.append(shown);
    }

    // The Run view's whole result page for a run whose weights are n x n.
    const AttentionRun run = longRun(n);
    RunViewResults results;
    results.resize(1400, 900);
    results.show();
    QCoreApplication::processEvents();
    QList<double> view;
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer t;
        t.start();
        results.showRun(run);
        QCoreApplication::processEvents(); // the queued replots of every plot
        view.append(msSince(t));
    }
    return QJsonObject {
        { QStringLiteral("n"), n },
        { QStringLiteral("repeats"), repeats },
        { QStringLiteral("platform"), QGuiApplication::platformName() },
        { QStringLiteral("heatmap_set_matrix_gui_ms"), median(gui) },
        { QStringLiteral("heatmap_fill_ms"), median(fill) },
        { QStringLiteral("heatmap_replot_ms"), median(replot) },
        { QStringLiteral("heatmap_total_ms"), median(total) },
        { QStringLiteral("run_view_shape"), QStringLiteral("seq %1 x dim 64, weights %1 x %1").arg(n) },
        { QStringLiteral("run_view_ms"), median(view) },
        { QStringLiteral("target_ms"), 100 },
    };
}

int HeatmapBench::printJson(int n)
{
    if (n <= 0) {
        QTextStream(stderr) << "--bench-heatmap N: N must be a positive matrix size, e.g. 1500\n";
        return 64;
    }
    QTextStream(stdout) << QJsonDocument(measure(n)).toJson(QJsonDocument::Indented);
    return 0;
}

} // namespace xi
