// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "widgets/plots/heatmapcolormap.h"
#include "widgets/plots/heatmapgroup.h"
#include "widgets/plots/heatmapqcp.h"
#include "widgets/plots/heatmapwidget.h"

#include <QApplication>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace xi;

class TestHeatmapWidget : public QObject {
    Q_OBJECT

private:
    static QImage render(HeatmapWidget& w)
    {
        w.plot()->replot(QCustomPlot::rpImmediateRefresh);
        return w.plot()->toPixmap().toImage();
    }
    static QPoint cellCentre(HeatmapWidget& w, int row, int col)
    {
        return QPoint(int(w.plot()->xAxis->coordToPixel(col)), int(w.plot()->yAxis->coordToPixel(row)));
    }
    static bool near(const QColor& a, const QColor& b)
    {
        return qAbs(a.red() - b.red()) <= 3 && qAbs(a.green() - b.green()) <= 3 && qAbs(a.blue() - b.blue()) <= 3;
    }
    static MatrixF corners(int n)
    {
        MatrixF m = MatrixF::Zero(n, n);
        m(0, n - 1) = 100; // top-right when shown as a matrix
        m(n - 1, 0) = -100; // bottom-left
        return m;
    }

private slots:
    void orientationRowZeroOnTop()
    {
        HeatmapWidget w;
        w.resize(420, 400);
        w.show();
        const int n = 8;
        w.setMatrix(corners(n), true);
        const QImage img = render(w);
        img.save(xi::test::outputDir() + QStringLiteral("/heatmap-orientation.png"));
        const QRect area = w.plot()->axisRect()->rect();

        const QPoint topRight = cellCentre(w, 0, n - 1);
        const QPoint bottomLeft = cellCentre(w, n - 1, 0);
        QVERIFY2(topRight.x() > area.center().x() && topRight.y() < area.center().y(),
                 "matrix[0][n-1] is not top-right");
        QVERIFY2(bottomLeft.x() < area.center().x() && bottomLeft.y() > area.center().y(),
                 "matrix[n-1][0] is not bottom-left");

        QCPColorGradient g = w.colorMap()->gradient();
        const QCPRange range = w.colorMap()->dataRange();
        const QColor high = QColor::fromRgb(g.color(100, range));
        const QColor low = QColor::fromRgb(g.color(-100, range));
        const QColor zero = QColor::fromRgb(g.color(0, range));
        // The pixels themselves: red at the top-right corner cell, blue at the bottom-left, zero colour elsewhere.
        QVERIFY2(near(img.pixelColor(topRight), high),
                 qPrintable(img.pixelColor(topRight).name() + QStringLiteral(" vs ") + high.name()));
        QVERIFY(near(img.pixelColor(bottomLeft), low));
        // Whole cells: the outer columns reach half a cell beyond their centre, not clipped to it.
        const int rightEdge = int(w.plot()->xAxis->coordToPixel(n - 1 + 0.4));
        const int leftEdge = int(w.plot()->xAxis->coordToPixel(-0.4));
        QVERIFY(near(img.pixelColor(rightEdge, topRight.y()), high));
        QVERIFY(near(img.pixelColor(leftEdge, bottomLeft.y()), low));
        QVERIFY(near(img.pixelColor(cellCentre(w, 0, 0)), zero));
        QVERIFY(near(img.pixelColor(cellCentre(w, n - 1, n - 1)), zero));
        QVERIFY(!near(high, low));
        // Square cells in a non-square widget.
        const double cellWidth = w.plot()->xAxis->coordToPixel(1) - w.plot()->xAxis->coordToPixel(0);
        const double cellHeight = w.plot()->yAxis->coordToPixel(1) - w.plot()->yAxis->coordToPixel(0);
        QVERIFY2(qAbs(cellWidth - cellHeight) < 1.0,
                 qPrintable(QStringLiteral("%1 vs %2").arg(cellWidth).arg(cellHeight)));
    }

    void hoverShowsRowColumnValue()
    {
        HeatmapWidget w;
        w.resize(420, 400);
        w.show();
        MatrixI8 m(4, 6);
        for (int r = 0; r < 4; ++r)
            for (int c = 0; c < 6; ++c)
                m(r, c) = std::int8_t(r * 10 + c - 20);
        w.setMatrix(m);
        w.plot()->replot(QCustomPlot::rpImmediateRefresh);

        QSignalSpy spy(&w, &HeatmapWidget::cellHovered);
        const QPoint p = cellCentre(w, 2, 3);
        QMouseEvent move(QEvent::MouseMove, QPointF(p), w.plot()->mapToGlobal(QPointF(p)), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(w.plot(), &move);
        QCOMPARE(w.lastHoverText(), QStringLiteral("row 2, col 3: 3"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), 2);
        QCOMPARE(spy.at(0).at(1).toInt(), 3);
        QCOMPARE(spy.at(0).at(2).toDouble(), 3.0);

        // Outside the matrix (left of column 0, in the axis margin) and beyond the last row: nothing.
        const QRect area = w.plot()->axisRect()->rect();
        QVERIFY(w.hoverText(QPointF(area.left() - 5, area.center().y())).isEmpty());
        const double belowLastRow = w.plot()->yAxis->coordToPixel(3.7);
        QVERIFY(w.hoverText(QPointF(area.center().x(), belowLastRow)).isEmpty());
        // Just inside the first cell's edge still belongs to it.
        const double leftEdge = w.plot()->xAxis->coordToPixel(-0.45);
        QCOMPARE(w.hoverText(QPointF(leftEdge, w.plot()->yAxis->coordToPixel(0))), QStringLiteral("row 0, col 0: -20"));
    }

    void colourScaleFollowsData()
    {
        HeatmapWidget w;
        w.setScale(HeatmapWidget::Scale::Sequential);
        MatrixF a = MatrixF::Constant(3, 3, 2.0f);
        a(0, 0) = -3;
        a(2, 2) = 10;
        w.setMatrix(a);
        QCOMPARE(w.colorScale()->dataRange().lower, -3.0);
        QCOMPARE(w.colorScale()->dataRange().upper, 10.0);
        QCOMPARE(w.colorMap()->dataRange().upper, 10.0);

        // New data with a smaller range: the range shrinks (QCustomPlot's cached bounds would only grow).
        MatrixF b = MatrixF::Constant(3, 3, 0.5f);
        b(1, 1) = 1.0f;
        w.setMatrix(b);
        QCOMPARE(w.colorScale()->dataRange().lower, 0.5);
        QCOMPARE(w.colorScale()->dataRange().upper, 1.0);

        w.setScale(HeatmapWidget::Scale::Diverging);
        w.setMatrix(a);
        QCOMPARE(w.colorScale()->dataRange().lower, -10.0);
        QCOMPARE(w.colorScale()->dataRange().upper, 10.0);

        // All zero (a failed run): still a valid, centred range, and the info line says so.
        w.setMatrix(MatrixI8(MatrixI8::Zero(4, 4)));
        QCOMPARE(w.colorScale()->dataRange().lower, -1.0);
        QCOMPARE(w.colorScale()->dataRange().upper, 1.0);
    }

    void linkedZoom()
    {
        HeatmapWidget a;
        HeatmapWidget b;
        HeatmapWidget c;
        const MatrixF m = corners(16);
        a.setMatrix(m);
        b.setMatrix(m);
        c.setMatrix(m);
        HeatmapGroup group;
        group.add(&a);
        group.add(&b);

        a.plot()->xAxis->setRange(2, 5);
        a.plot()->yAxis->setRange(4, 9);
        QCOMPARE(b.plot()->xAxis->range().lower, 2.0);
        QCOMPARE(b.plot()->xAxis->range().upper, 5.0);
        QCOMPARE(b.plot()->yAxis->range().lower, 4.0);
        QCOMPARE(b.plot()->yAxis->range().upper, 9.0);
        QVERIFY(c.plot()->xAxis->range().lower < 0); // not in the group

        // Zooming b moves a too (both directions), and reset shows the whole matrix everywhere.
        b.plot()->xAxis->scaleRange(0.5);
        QCOMPARE(a.plot()->xAxis->range().size(), 1.5);
        group.resetZoom();
        for (HeatmapWidget* h : { &a, &b }) {
            // The whole matrix is visible; one axis may have grown to keep the cells square.
            const QCPRange x = h->plot()->xAxis->range();
            const QCPRange y = h->plot()->yAxis->range();
            QVERIFY(x.lower <= -0.5 && x.upper >= 15.5);
            QVERIFY(y.lower <= -0.5 && y.upper >= 15.5);
            QVERIFY(qFuzzyCompare(x.size(), 16.0) || qFuzzyCompare(y.size(), 16.0));
        }
        QVERIFY(b.plot()->yAxis->rangeReversed());
    }

    void exportPngPdfCsv()
    {
        QTemporaryDir dir;
        HeatmapWidget w;
        w.setTitle(QStringLiteral("Output"));
        w.resize(400, 300);
        MatrixI8 m(2, 3);
        m << 1, -2, 3, 0, 5, -128;
        w.setMatrix(m);

        const QString png = dir.filePath(QStringLiteral("out.png"));
        QString error;
        QVERIFY2(w.exportTo(png, &error, 320, 240), qPrintable(error));
        const QImage img(png);
        QVERIFY(!img.isNull());
        QCOMPARE(img.size(), QSize(320, 240));

        // A second export keeps the first as a backup.
        QVERIFY(w.exportTo(png, &error, 200, 100));
        QCOMPARE(QImage(png).size(), QSize(200, 100));
        QCOMPARE(QImage(png + QStringLiteral(".bak")).size(), QSize(320, 240));

        const QString pdf = dir.filePath(QStringLiteral("out.pdf"));
        QVERIFY2(w.exportTo(pdf, &error, 320, 240), qPrintable(error));
        QVERIFY(xi::test::readFile(pdf).startsWith("%PDF"));

        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(w.exportTo(csv, &error));
        QCOMPARE(xi::test::readFile(csv), QByteArray("1,-2,3\n0,5,-128\n"));

        QVERIFY(!w.exportTo(dir.filePath(QStringLiteral("out.txt")), &error));
        QVERIFY(error.contains(QStringLiteral("out.txt")));
    }

    void recoloursOnPaletteChange()
    {
        HeatmapWidget w;
        w.setMatrix(corners(4));
        QCPColorGradient light = w.colorMap()->gradient();
        const QColor lightZero = QColor::fromRgb(light.color(0, w.colorMap()->dataRange()));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        w.setPalette(dark);
        QCOMPARE(w.plot()->axisRect()->backgroundBrush().color(), QColor(0x18, 0x18, 0x18));
        QCOMPARE(w.plot()->xAxis->tickLabelColor(), QColor(0xee, 0xee, 0xee));
        QCPColorGradient darkGradient = w.colorMap()->gradient();
        const QColor darkZero = QColor::fromRgb(darkGradient.color(0, w.colorMap()->dataRange()));
        QVERIFY(lightZero.lightness() > 128);
        QVERIFY(darkZero.lightness() < 128);
    }

    void largeMatrixFilledCellByCell()
    {
        HeatmapWidget w;
        MatrixF m(1500, 1500);
        for (int r = 0; r < 1500; ++r)
            for (int c = 0; c < 1500; ++c)
                m(r, c) = float(r - c);
        QSignalSpy filled(&w, &HeatmapWidget::filled);
        w.setMatrix(m);
        // Large: the values are there at once, the plot data follows from the thread pool.
        QCOMPARE(*w.valueAt(1499, 0), 1499.0);
        QVERIFY(w.isFilling());
        QVERIFY(filled.wait(20000));
        QVERIFY(!w.isFilling());
        QCPColorMapData* d = w.colorMap()->data();
        QCOMPARE(d->keySize(), 1500);
        QCOMPARE(d->valueSize(), 1500);
        QCOMPARE(d->cell(1499, 0), -1499.0); // key = column, value = row
        QCOMPARE(d->cell(0, 1499), 1499.0);
        QCOMPARE(*w.valueAt(1499, 0), 1499.0);
        QVERIFY(!w.valueAt(1500, 0));
    }

    // The image made on the thread pool is pixel for pixel the one QCustomPlot makes itself from the same data,
    // for a square map, a long one (oversampled columns) and after a scale change during the fill.
    void backgroundFillDrawsWhatQCustomPlotDraws_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<bool>("sequential");
        QTest::newRow("600 x 600 diverging") << 600 << 600 << false;
        QTest::newRow("4100 x 64 diverging") << 4100 << 64 << false;
        QTest::newRow("700 x 700 sequential") << 700 << 700 << true;
    }
    void backgroundFillDrawsWhatQCustomPlotDraws()
    {
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(bool, sequential);
        HeatmapWidget w;
        w.resize(500, 480);
        w.show();
        MatrixF m(rows, cols);
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c)
                m(r, c) = float((r * 7 + c * 13) % 97 - 40);
        QSignalSpy filled(&w, &HeatmapWidget::filled);
        w.setMatrix(m);
        if (sequential)
            w.setScale(HeatmapWidget::Scale::Sequential);
        QVERIFY(filled.wait(20000));
        const QImage prepared = render(w);
        QVERIFY(w.heatmapColorMap()->usesPreparedImage());
        w.heatmapColorMap()->dropPreparedImage();
        const QCPRange range = w.colorMap()->dataRange();
        w.colorMap()->setDataRange(QCPRange(0, 1)); // invalidates the image: QCustomPlot colours the data again
        w.colorMap()->setDataRange(range);
        const QImage own = render(w);
        QVERIFY(!w.heatmapColorMap()->usesPreparedImage());
        QCOMPARE(prepared.size(), own.size());
        QVERIFY(prepared == own);
        QCOMPARE(w.colorMap()->dataRange().lower, sequential ? -40.0 : -56.0);
    }

    void laterMatrixWins()
    {
        HeatmapWidget w;
        MatrixF large = MatrixF::Constant(800, 800, 5.0f);
        w.setMatrix(large);
        QVERIFY(w.isFilling());
        w.setMatrix(MatrixF(MatrixF::Constant(3, 3, -2.0f))); // small: shown at once, the large fill is dropped
        QVERIFY(!w.isFilling());
        QTest::qWait(200);
        QCOMPARE(w.colorMap()->data()->keySize(), 3);
        QCOMPARE(w.colorMap()->data()->cell(1, 1), -2.0);
        w.setMatrix(large);
        w.clear(QStringLiteral("gone"));
        QVERIFY(!w.isFilling());
        QVERIFY(!w.hasData());
    }
};

QTEST_MAIN(TestHeatmapWidget)
#include "tst_heatmapwidget.moc"
