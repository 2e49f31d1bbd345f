// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npubufferdescriptor.h"

#include <QtTest>

using namespace xi;

namespace {

// Words 3-6 from sizes and strides (in words), as mlir-aie's getHardwareStridesWraps writes them.
NpuBufferDescriptor bd(quint32 length, quint32 d0, quint32 s0, quint32 d1, quint32 s1, quint32 s2, quint32 iterWrap = 1,
                       quint32 iterStride = 1, quint32 iterCurrent = 0)
{
    NpuBufferDescriptor b;
    b.words[0] = length;
    b.words[3] = d0 << 20 | (s0 - 1);
    b.words[4] = 0x80000000 | d1 << 20 | (s1 - 1);
    b.words[5] = 0x02000000 | (s2 - 1);
    b.words[6] = iterCurrent << 26 | (iterWrap - 1) << 20 | (iterStride - 1);
    b.words[7] = 0x02000000;
    return b;
}

QString dimsText(const NpuBufferDescriptor& b)
{
    std::array<NpuDim, 3> dims;
    const int n = b.dims(dims);
    QStringList parts;
    for (int i = 0; i < n; ++i)
        parts << QStringLiteral("%1@%2").arg(dims[size_t(i)].size).arg(dims[size_t(i)].strideWords);
    return parts.join(QStringLiteral(" x "));
}

} // namespace

class TestNpuBufferDescriptor : public QObject {
    Q_OBJECT

private slots:
    void linear()
    {
        NpuBufferDescriptor b;
        b.words[0] = 2048;
        QCOMPARE(dimsText(b), QStringLiteral("2048@1"));
        QCOMPARE(b.maxRunWordOffset(), 2047u);
        const NpuExtent e = b.extent(0x4000, 1);
        QCOMPARE(e.first, 0x4000u);
        QCOMPARE(e.end, 0x4000u + 8192);
        QVERIFY(!b.iterates());
    }

    // gemm-256's B: 8@4096 x 32@128 x 16@1, 8 runs stepping 16 words: all of B's 128 KiB.
    void gemmB()
    {
        const NpuBufferDescriptor b = bd(4096, 16, 1, 32, 128, 4096, 8, 16);
        QCOMPARE(dimsText(b), QStringLiteral("8@4096 x 32@128 x 16@1"));
        QCOMPARE(b.maxRunWordOffset(), 15u + 31 * 128 + 7 * 4096);
        QCOMPARE(b.extent(0, 8).end, 131072u);
        QCOMPARE(b.iterationWrap(), 8u);
        QCOMPARE(b.iterationStride(), 16u);
        QVERIFY(b.iterates());
    }

    // gemm-512's C: the second run starts 131072 words on.
    void gemmC()
    {
        const NpuBufferDescriptor b = bd(32768, 32, 1, 256, 512, 128, 2, 131072);
        QCOMPARE(dimsText(b), QStringLiteral("4@128 x 256@512 x 32@1"));
        QCOMPARE(b.extent(0x80, 2).first, 0x80u);
        QCOMPARE(b.extent(0x80, 2).end, 1048320u);
        QCOMPARE(b.extent(0, 1).end, 4 * (130975u + 1));
    }

    void runsWithoutIterationRepeat()
    {
        const NpuBufferDescriptor b = bd(4096, 16, 1, 32, 128, 16);
        QCOMPARE(b.extent(0, 8).end, 16384u);
    }

    void partialLastBlock()
    {
        // 10 words of 4x2 blocks: one full block (8 words) then a 2-word partial row.
        const NpuBufferDescriptor b = bd(10, 4, 1, 2, 100, 1000);
        QCOMPARE(dimsText(b), QStringLiteral("2@1000 x 2@100 x 4@1"));
        QCOMPARE(b.maxRunWordOffset(), 1001u); // max(3 + 100, 1000 + 1)
        // Rows only, no partial row: 12 words = 1 block + one full row.
        QCOMPARE(bd(12, 4, 1, 2, 100, 1000).maxRunWordOffset(), 1003u);
        // d1 wrap 0 counts as 1.
        NpuBufferDescriptor flat = bd(8, 4, 2, 0, 1, 50);
        QCOMPARE(dimsText(flat), QStringLiteral("2@50 x 4@2"));
        QCOMPARE(flat.maxRunWordOffset(), 56u);
    }

    void iterationCurrentAndWrap()
    {
        // Runs start at positions (current + k) mod wrap: 2, 0, 1, 2 with current 2, wrap 3, stride 10.
        const NpuBufferDescriptor b = bd(4, 0, 1, 0, 1, 1, 3, 10, 2);
        QCOMPARE(b.extent(0, 1).first, 80u);
        QCOMPARE(b.extent(0, 1).end, 96u);
        QCOMPARE(b.extent(0, 4).first, 0u);
        QCOMPARE(b.extent(0, 4).end, 96u);
    }

    void emptyAndSaturating()
    {
        NpuBufferDescriptor empty;
        QCOMPARE(empty.extent(64, 4).first, 64u);
        QCOMPARE(empty.extent(64, 4).end, 64u);
        NpuBufferDescriptor huge;
        huge.words[0] = 16;
        QCOMPARE(huge.extent(~quint64(0) - 8, 1).end, ~quint64(0));
        const NpuBufferDescriptor widest = bd(0xFFFFFFFF, 1023, 0xFFFFF, 1023, 0xFFFFF, 0xFFFFF, 64, 0xFFFFF, 63);
        QVERIFY(widest.extent(0, 256).end > 0xFFFFFFFFu);
    }

    void fields()
    {
        NpuBufferDescriptor b;
        b.words[2] = 1u << 30;
        b.words[7] = 0x80000000 | 5u << 27 | 1u << 26 | 1u << 25;
        QVERIFY(b.enablePacket());
        QCOMPARE(b.nextBd(), 5);
        QVERIFY(b.useNextBd());
        QVERIFY(b.valid());
    }
};

QTEST_GUILESS_MAIN(TestNpuBufferDescriptor)
#include "tst_npubufferdescriptor.moc"
