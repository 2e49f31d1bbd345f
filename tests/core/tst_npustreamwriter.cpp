// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustreamwriter.h"
#include "npustreamtestdata.h"
#include "testsupport.h"

using namespace xi;

class TestNpuStreamWriter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    // The decoder keeps everything an op says: re-encoding reproduces the fixture byte for byte.
    void reencodesFixturesByteForByte_data() { test::addFixtureRows(test::npuTxnFixtureNames()); }
    void reencodesFixturesByteForByte()
    {
        QFETCH(QString, name);
        const NpuStream s = test::loadNpuFixture(name);
        QCOMPARE(NpuStreamWriter::fromStream(s, NpuFormat::Txn01).bytes(), test::readFile(test::npuStreamPath(name)));
    }

    void v10RoundTrip_data() { test::addFixtureRows(test::npuTxnFixtureNames()); }
    void v10RoundTrip()
    {
        QFETCH(QString, name);
        const NpuStream s = test::loadNpuFixture(name);
        const NpuStream v10 = test::decodeWords(NpuStreamWriter::fromStream(s, NpuFormat::Txn10).words());
        const NpuStream back = test::decodeWords(NpuStreamWriter::fromStream(v10, NpuFormat::Txn01).words());
        QCOMPARE(back.words, s.words);
    }

    void opSizes()
    {
        const quint64 queue = NpuRegisters::address(0, 0, 0x1D214);
        NpuStreamWriter v01, v10(NpuFormat::Txn10);
        for (NpuStreamWriter* w : { &v01, &v10 }) {
            w->write(queue, 1);
            w->blockWrite(queue, { 1, 2 });
            w->maskWrite(queue, 1, 1);
            w->ddrPatch(queue, 1, 2);
            w->sync(0, 0, NpuChannel::S2MM0);
            w->noop();
        }
        QCOMPARE(v01.words().size(), 4 + (24 + 24 + 28 + 48 + 16 + 4) / 4);
        QCOMPARE(v10.words().size(), 4 + (12 + 20 + 16 + 24 + 16 + 4) / 4);
        QCOMPARE(v01.opCount(), 6);
        QCOMPARE(v01.words().at(0), 0x06030100u);
        QCOMPARE(v10.words().at(0), 0x06030001u);
        QCOMPARE(v01.words().at(1), 0x00000104u);
        NpuStreamWriter npu2;
        npu2.setHeader(4, 6, 8, 1);
        QCOMPARE(npu2.words(), (QList<quint32> { 0x06040100, 0x00000108, 0, 16 }));
        // aie-rt's MASKWRITE carries 4 bytes of tail padding (32 bytes): trusted from its size field.
        NpuStreamWriter padded;
        padded.maskWrite(queue, 0, 0, 32);
        const NpuStream s = test::decodeWords(padded.words());
        QCOMPARE(s.ops.first().size, 32u);
        QCOMPARE(NpuStreamWriter::fromStream(s, NpuFormat::Txn01).words(), padded.words());
    }

    void hexText()
    {
        QCOMPARE(NpuStreamWriter::toHexText({ 0x06030100, 0xab }), QByteArray("06030100\n000000AB\n"));
        QCOMPARE(NpuStreamWriter::toBytes({ 0x06030100 }), QByteArray("\x00\x01\x03\x06", 4));
    }
};

QTEST_GUILESS_MAIN(TestNpuStreamWriter)
#include "tst_npustreamwriter.moc"
