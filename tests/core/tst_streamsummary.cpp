// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/bindingchecker.h"
#include "summary/streamsummary.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <QtTest>

using namespace xi;

// What the instruction stream next to an xclbin moves, per XRT argument.
class TestStreamSummary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void movesOfIronSingleAdd()
    {
        XI_REQUIRE_FIXTURES();
        const XclbinPtr x = XclbinReader::read(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        const auto s = StreamSummary::nextTo(*x, BindingChecker::defaultKernel(*x));
        QVERIFY(s);
        QVERIFY(s->readable());
        QCOMPARE(s->kernelName, QStringLiteral("MLIR_AIE"));
        QVERIFY(s->findings.isEmpty());
        QCOMPARE(s->moves.size(), 3);
        QCOMPARE(s->move(3)->name, QStringLiteral("bo0"));
        QCOMPARE(s->move(3)->text(), QStringLiteral("NPU reads 8192 bytes"));
        QCOMPARE(s->move(5)->text(), QStringLiteral("NPU writes 8192 bytes"));
        QVERIFY(!s->move(1));
        QCOMPARE(s->sentence(),
                 QStringLiteral("iron-single-add.insts.bin (txn-0.1, 105 words): the NPU reads 8192 bytes of bo0 "
                                "(argument 3), reads 8192 bytes of bo1 (argument 4), writes 8192 bytes to bo2 "
                                "(argument 5)."));
    }

    void noneNextToTheFile()
    {
        XI_REQUIRE_FIXTURES();
        const XclbinPtr x = XclbinReader::read(test::xclbinFixturePath(QStringLiteral("ryzenai-1x4")));
        QVERIFY(!StreamSummary::nextTo(*x, nullptr));
    }

    void unreadableStreamSaysWhy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("insts.bin"));
        QVERIFY(test::writeFile(path, QByteArray("\x01\x02\x03", 3))); // not a whole 32-bit word
        const Xclbin x;
        const StreamSummary s = StreamSummary::read(path, x, nullptr);
        QVERIFY(!s.readable());
        QVERIFY2(s.sentence().startsWith(QLatin1String("insts.bin could not be read: ")), qPrintable(s.sentence()));
    }
};

QTEST_GUILESS_MAIN(TestStreamSummary)
#include "tst_streamsummary.moc"
