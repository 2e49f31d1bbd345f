// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustreambench.h"
#include "instructions/npustreamreader.h"

#include <QtTest>

using namespace xi;

class TestNpuStreamBench : public QObject {
    Q_OBJECT

private slots:
    void syntheticStream()
    {
        const QByteArray bytes = NpuStreamBench::syntheticTxn(1 << 20);
        QVERIFY(bytes.size() <= 1 << 20);
        QVERIFY(bytes.size() > (1 << 20) - 200);
        const auto s = NpuStreamReader::read(bytes);
        QVERIFY(s);
        QCOMPARE(s->format, NpuFormat::Txn01);
        QVERIFY(s->transfers.size() > 7000);
        QCOMPARE(s->arguments.size(), 3);
    }

    void median()
    {
        const double ms = NpuStreamBench::medianDecodeMs(3);
        QVERIFY(ms > 0);
        qInfo("decode + check of a 1 MiB TXN stream: %.2f ms (median of 3, this build)", ms);
    }
};

QTEST_GUILESS_MAIN(TestNpuStreamBench)
#include "tst_npustreambench.moc"
