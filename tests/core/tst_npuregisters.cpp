// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npuregisters.h"

#include <QtTest>

using namespace xi;

class TestNpuRegisters : public QObject {
    Q_OBJECT

private slots:
    void addresses()
    {
        const quint64 a = NpuRegisters::address(3, 0, 0x1D214);
        QCOMPARE(a, quint64(3) << 25 | 0x1D214);
        QCOMPARE(NpuRegisters::column(a), 3);
        QCOMPARE(NpuRegisters::row(a), 0);
        QCOMPARE(NpuRegisters::offset(a), 0x1D214u);
        QCOMPARE(NpuRegisters::column(quint64(1) << 40), -1);
    }

    void names()
    {
        QCOMPARE(NpuRegisters::registerName(0, 0, 0x1D004, 1), QStringLiteral("shim(0,0).BD0.w1"));
        QCOMPARE(NpuRegisters::registerName(2, 0, 0x1D1FC, 1), QStringLiteral("shim(2,0).BD15.w7"));
        QCOMPARE(NpuRegisters::registerName(0, 0, 0x1D214, 1), QStringLiteral("shim(0,0).MM2S0.TASK_QUEUE"));
        QCOMPARE(NpuRegisters::registerName(0, 0, 0x1D20C, 1), QStringLiteral("shim(0,0).S2MM1.TASK_QUEUE"));
        QCOMPARE(NpuRegisters::registerName(1, 0, 0x1D218, 1), QStringLiteral("shim(1,0).MM2S1.CTRL"));
        QCOMPARE(NpuRegisters::registerName(0, 1, 0xA0000, 1), QStringLiteral("memtile(0,1)@0xa0000"));
        QCOMPARE(NpuRegisters::registerName(0, 2, 0x1D000, 1), QStringLiteral("core(0,2)@0x1d000"));
        QCOMPARE(NpuRegisters::registerName(0, 0, 0x3F000, 1), QStringLiteral("shim(0,0)@0x3f000"));
        QCOMPARE(NpuRegisters::registerName(quint64(1) << 33, 1), QStringLiteral("0x200000000"));
    }

    void channels()
    {
        QCOMPARE(NpuRegisters::queueChannel(0x1D204), NpuChannel::S2MM0);
        QCOMPARE(NpuRegisters::queueChannel(0x1D21C), NpuChannel::MM2S1);
        QVERIFY(!NpuRegisters::queueChannel(0x1D200));
        for (NpuChannel c : { NpuChannel::S2MM0, NpuChannel::S2MM1, NpuChannel::MM2S0, NpuChannel::MM2S1 })
            QCOMPARE(NpuRegisters::queueChannel(NpuRegisters::queueOffset(c)), c);
        QVERIFY(NpuRegisters::isToNpu(NpuChannel::MM2S1));
        QVERIFY(!NpuRegisters::isToNpu(NpuChannel::S2MM1));
        QCOMPARE(NpuRegisters::channel(false, 1), NpuChannel::S2MM1);
        QCOMPARE(NpuRegisters::shimBd(0x1D1E0), 15);
        QCOMPARE(NpuRegisters::shimBd(0x1D200), -1);
    }
};

QTEST_GUILESS_MAIN(TestNpuRegisters)
#include "tst_npuregisters.moc"
