// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/reportimages.h"
#include "testsupport.h"

#include <QtTest>

using namespace xi;

namespace {

// The pixels of a PNG made by PngWriter (8-bit RGB, filter 0 on every row), decoded without QtGui.
QByteArray pixels(const QByteArray& png, int* width, int* height)
{
    const auto u32 = [&png](qsizetype at) { return qFromBigEndian<quint32>(png.constData() + at); };
    *width = int(u32(16));
    *height = int(u32(20));
    QByteArray idat;
    for (qsizetype at = 8; at < png.size();) {
        const quint32 length = u32(at);
        if (png.mid(at + 4, 4) == "IDAT")
            idat += png.mid(at + 8, length);
        at += 12 + length;
    }
    QByteArray sized(4, '\0');
    qToBigEndian<quint32>(quint32(*width * 3 + 1) * quint32(*height), sized.data());
    const QByteArray raw = qUncompress(sized + idat);
    QByteArray rgb;
    for (int y = 0; y < *height; ++y)
        rgb += raw.mid(y * (*width * 3 + 1) + 1, *width * 3);
    return rgb;
}

} // namespace

class TestReportImages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // An all-zero output would be an invisible white square: it is framed and hatched in red.
    void allZeroIsMarked()
    {
        int w = 0, h = 0;
        const QByteArray zero = pixels(ReportImages::heatmap(MatrixF::Zero(64, 64), 128), &w, &h);
        QCOMPARE(w, 132);
        QCOMPARE(h, 132);
        QCOMPARE(zero.mid(0, 3), QByteArray("\xc6\x28\x28", 3)); // the red frame
        qsizetype white = 0;
        for (qsizetype at = 0; at + 2 < zero.size(); at += 3)
            white += zero.mid(at, 3) == QByteArray("\xff\xff\xff", 3) ? 1 : 0;
        QVERIFY2(white < w * h * 9 / 10, "most of the square is marked, not white");
        MatrixF some = MatrixF::Zero(64, 64);
        some(3, 3) = 5;
        const QByteArray plain = pixels(ReportImages::heatmap(some, 128), &w, &h);
        QCOMPARE(plain.mid(0, 3), QByteArray("\x99\x99\x99", 3)); // a thin grey frame
    }

    void histogramBars()
    {
        AttentionMetrics m;
        m.histogram = { 1, 4, 2 };
        int w = 0, h = 0;
        const QByteArray rgb = pixels(ReportImages::histogram(m, 30, 20), &w, &h);
        QCOMPARE(w, 30);
        QCOMPARE(h, 20);
        const auto at = [&rgb, w](int x, int y) { return rgb.mid((y * w + x) * 3, 3); };
        const QByteArray bar("\x26\x4d\x8c", 3);
        QCOMPARE(at(15, 2), bar); // the highest bin reaches the top
        QCOMPARE(at(5, 2), QByteArray("\xff\xff\xff", 3));
        QCOMPARE(at(5, 17), bar);
    }
};

QTEST_GUILESS_MAIN(TestReportImages)
#include "tst_reportimages.moc"
