// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustreambench.h"
#include "instructions/npustreamdecoder.h"
#include "instructions/npustreamreader.h"
#include "instructions/npustreamwriter.h"
#include "npustreamtestdata.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace xi;

namespace {

NpuStreamError readError(const QByteArray& bytes)
{
    NpuStreamError error;
    const auto stream = NpuStreamReader::read(bytes, QStringLiteral("insts.bin"), &error);
    if (stream)
        qFatal("expected a read error");
    return error;
}

NpuStreamError wordsError(const QList<quint32>& words)
{
    return readError(NpuStreamWriter::toBytes(words));
}

QByteArray fixtureBytes(const QString& name)
{
    return test::readFile(test::npuStreamPath(name));
}

} // namespace

class TestNpuStreamReader : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    void fixtures_data() { test::addFixtureRows(test::npuFixtureNames()); }
    void fixtures()
    {
        QFETCH(QString, name);
        const test::NpuFixtureExpectation e = test::npuFixture(name);
        const NpuStream s = test::loadNpuFixture(name);
        QCOMPARE(s.format, e.format);
        QCOMPARE(s.encoding, e.encoding);
        QCOMPARE(s.wordCount(), e.words);
        QCOMPARE(s.ops.size(), e.ops);
        QCOMPARE(s.deviceGeneration, e.deviceGeneration);
        QCOMPARE(s.rows, e.rows);
        QCOMPARE(s.columns, e.columns);
        QCOMPARE(s.memTileRows, e.memTileRows);
        if (s.isTxn()) {
            QCOMPARE(s.headerOpCount, qint64(e.ops));
            QCOMPARE(s.txnSize, e.words * 4);
        } else {
            QCOMPARE(s.prologWords, 17);
        }
        QCOMPARE(s.transfers.size(), e.transfers);
        QStringList syncs;
        for (const NpuSync& sync : s.syncs)
            syncs << sync.describe();
        QCOMPARE(syncs, e.syncs);
        QCOMPARE(s.arguments.size(), e.arguments.size());
        for (int i = 0; i < e.arguments.size(); ++i) {
            const NpuArgument& a = s.arguments.at(i);
            const test::NpuArgumentExpectation& x = e.arguments.at(i);
            QCOMPARE(a.xrtArgument, x.xrtArgument);
            QCOMPARE(a.directionName(), QLatin1String(x.direction));
            QCOMPARE(a.bytesMoved, x.bytesMoved);
            QCOMPARE(a.minBytes, x.minBytes);
            QCOMPARE(a.pushes, x.pushes);
        }
        QStringList lines;
        for (const NpuTransfer& t : s.transfers)
            lines << s.transferText(t);
        QCOMPARE(lines, test::npuFixtureTransferLines(name));
        // Every output push is waited on; every push is patched.
        for (const NpuTransfer& t : s.transfers) {
            QVERIFY(t.patched);
            if (!t.toNpu())
                QVERIFY(t.waitedBySync >= 0);
        }
    }

    void fixtureOpsNamed()
    {
        const NpuStream s = test::loadNpuFixture(QStringLiteral("iron-single-add"));
        const QStringList expected = {
            QStringLiteral("BLOCKWRITE shim(0,0).BD0.w0 [8 words]"),
            QStringLiteral("DDR_PATCH shim(0,0).BD0.w1 <- &arg_idx[0] + 0x0 (XRT 3)"),
            QStringLiteral("WRITE shim(0,0).MM2S0.TASK_QUEUE = 0x00000000"),
            QStringLiteral("BLOCKWRITE shim(0,0).BD1.w0 [8 words]"),
            QStringLiteral("DDR_PATCH shim(0,0).BD1.w1 <- &arg_idx[1] + 0x0 (XRT 4)"),
            QStringLiteral("WRITE shim(0,0).MM2S1.TASK_QUEUE = 0x00000001"),
            QStringLiteral("BLOCKWRITE shim(0,0).BD2.w0 [8 words]"),
            QStringLiteral("DDR_PATCH shim(0,0).BD2.w1 <- &arg_idx[2] + 0x0 (XRT 5)"),
            QStringLiteral("MASKWRITE shim(0,0).S2MM0.CTRL = 0x00000f00 & 0x00001f00"),
            QStringLiteral("WRITE shim(0,0).S2MM0.TASK_QUEUE = 0x80000002"),
            QStringLiteral("SYNC col 0 row 0 S2MM0 x1cols x1rows"),
        };
        QStringList ops;
        QList<quint32> offsets;
        for (int i = 0; i < s.ops.size(); ++i) {
            ops << s.opName(i) % QLatin1Char(' ') % s.opDetail(i);
            offsets << s.ops.at(i).byteOffset;
        }
        QCOMPARE(ops, expected);
        QCOMPARE(offsets, (QList<quint32> { 16, 64, 112, 136, 184, 232, 256, 304, 352, 380, 404 }));
        QCOMPARE(s.opRegisterName(4), QStringLiteral("shim(0,0).BD1.w1"));
        QCOMPARE(s.ops.at(10).column, 0);
    }

    void legacyFixtureOps()
    {
        const NpuStream s = test::loadNpuFixture(QStringLiteral("riallto-edge-detect-720p"));
        int rtp = 0;
        QSet<QString> tiles;
        for (int i = 0; i < s.ops.size(); ++i) {
            if (s.opName(i) == QLatin1String("WRITE32") && s.ops.at(i).row >= 2) {
                ++rtp;
                tiles.insert(QStringLiteral("(%1,%2)").arg(s.ops.at(i).column).arg(s.ops.at(i).row));
            }
        }
        QCOMPARE(rtp, 13);
        QCOMPARE(tiles, (QSet<QString> { QStringLiteral("(0,3)"), QStringLiteral("(0,4)"), QStringLiteral("(0,5)") }));
        const int bd = test::firstOp(s, QStringLiteral("WRITEBD_EXTEND_SHIMTILE"));
        QCOMPARE(s.opDetail(bd), QStringLiteral("shim(0,0).BD1 <- ddr_id 0 (XRT 2) + 0x0, 921600 words"));
        QCOMPARE(s.opRegisterName(0), QStringLiteral("core(0,5)@0xcc00"));
    }

    // --- encodings and formats written here ----------------------------------------------------------------

    void hexTextOfBinary_data() { test::addFixtureRows(test::npuTxnFixtureNames()); }
    void hexTextOfBinary()
    {
        QFETCH(QString, name);
        const NpuStream binary = test::loadNpuFixture(name);
        QByteArray text = NpuStreamWriter::toHexText(binary.words);
        // 0x prefixes, CR line ends, blank lines and lower case are all tolerated.
        text.replace("\n", "\r\n");
        text.prepend("\r\n0x");
        text.append("\n\n");
        const auto hex = NpuStreamReader::read(text.toLower().replace("0x0", "0X0"));
        QVERIFY(hex);
        QCOMPARE(hex->encoding, NpuEncoding::HexText);
        QCOMPARE(hex->words, binary.words);
        QCOMPARE(hex->transfers.size(), binary.transfers.size());
    }

    void txn10Reencoded_data() { test::addFixtureRows(test::npuTxnFixtureNames()); }
    void txn10Reencoded()
    {
        QFETCH(QString, name);
        const NpuStream v01 = test::loadNpuFixture(name);
        const QByteArray bytes = NpuStreamWriter::fromStream(v01, NpuFormat::Txn10).bytes();
        QVERIFY(bytes.size() < test::readFile(test::npuStreamPath(name)).size());
        NpuStreamError error;
        const auto v10 = NpuStreamReader::read(bytes, name, &error);
        QVERIFY2(v10, qPrintable(error.message()));
        QCOMPARE(v10->format, NpuFormat::Txn10);
        QCOMPARE(v10->ops.size(), v01.ops.size());
        QCOMPARE(quint32(v10->words.first() & 0xFFFF), 0x0001u);
        QCOMPARE(v10->transfers.size(), v01.transfers.size());
        for (int i = 0; i < v01.transfers.size(); ++i)
            QCOMPARE(v10->transferText(v10->transfers.at(i)), v01.transferText(v01.transfers.at(i)));
        QCOMPARE(v10->toJson().value(QStringLiteral("arguments")), v01.toJson().value(QStringLiteral("arguments")));
    }

    void npu2Header()
    {
        const NpuStream v01 = test::loadNpuFixture(QStringLiteral("iron-gemm-256-1col"));
        const NpuStream npu2 = test::decodeWords(NpuStreamWriter::fromStream(v01, NpuFormat::Txn01, 4).words());
        QCOMPARE(npu2.words.first(), 0x06040100u);
        QCOMPARE(npu2.deviceGeneration, 4);
        QVERIFY(npu2.summaryText().contains(QLatin1String("npu2")));
        QCOMPARE(npu2.toJson().value(QStringLiteral("arguments")), v01.toJson().value(QStringLiteral("arguments")));
    }

    void handMadeLegacy()
    {
        // RTP write to core (0,2); BD3 of column 0 reads ddr_id 1 (XRT 3) from byte 256, 64 words; BD5 writes
        // ddr_id 2 (XRT 4), 32 words, 2 runs via the queue's repeat count; then a sync on S2MM1.
        const QList<quint32> words = test::legacyStream({
            0x02000200, 0x00001000, 0x0000002A, // WRITE32 (0,2) @0x1000 = 42
            0x06000113, 0x00000000, 64,         256, 0, 0, 0x80000000, 0, 0, 0x02000000, // WRITEBD col 0 ddr 1 bd 3
            0x02000000, 0x0001D21C, 0x00000003, // push MM2S1 BD3
            0x06000125, 0x00000000, 32,         0,   0, 0, 0x80000000, 0, 0, 0x02000000, // WRITEBD col 0 ddr 2 bd 5
            0x02000000, 0x0001D20C, 0x80010005, // push S2MM1 BD5, 2 runs, token
            0x03000000, 0x01010100, // SYNC col 0 row 0 S2MM channel 1
        });
        const NpuStream s = test::decodeWords(words);
        QCOMPARE(s.format, NpuFormat::Legacy);
        QCOMPARE(s.ops.size(), 6);
        QCOMPARE(s.transfers.size(), 2);
        const NpuTransfer& in = s.transfers.at(0);
        QCOMPARE(in.channel, NpuChannel::MM2S1);
        QCOMPARE(in.bd, 3);
        QCOMPARE(in.xrtArgument, 3);
        QCOMPARE(in.offset, 256u);
        QCOMPARE(in.extent.first, 256u);
        QCOMPARE(in.extent.end, 512u);
        const NpuTransfer& out = s.transfers.at(1);
        QCOMPARE(out.channel, NpuChannel::S2MM1);
        QCOMPARE(out.xrtArgument, 4);
        QCOMPARE(out.runs, 2);
        QCOMPARE(out.bytes, 256u);
        QCOMPARE(out.extent.end, 128u);
        QVERIFY(out.token);
        QCOMPARE(out.waitedBySync, 0);
        QCOMPARE(s.syncs.first().describe(), QStringLiteral("col 0 S2MM1"));
        QCOMPARE(s.opRegisterName(0), QStringLiteral("core(0,2)@0x1000"));
    }

    void legacyUnknownOpcodeStops()
    {
        const NpuStreamError e = wordsError(test::legacyStream({ 0x02000200, 0x1000, 1, 0x04000000, 0, 0 }));
        QCOMPARE(e.code, NpuStreamError::Code::UnknownOpcode);
        QCOMPARE(e.wordOffset, 20);
        QVERIFY2(e.message().contains(QLatin1String("found opcode 4 in word 0x04000000")), qPrintable(e.message()));
    }

    void legacyTruncated()
    {
        const NpuStreamError e = wordsError(test::legacyStream({ 0x06000113, 0, 64, 0 }));
        QCOMPARE(e.code, NpuStreamError::Code::TruncatedOp);
        QCOMPARE(e.wordOffset, 17);
        const NpuStreamError prolog = wordsError({ 0x11, 0x01000405 });
        QCOMPARE(prolog.code, NpuStreamError::Code::TruncatedHeader);
    }

    void patchesMatchedByAddress()
    {
        // aie-rt merges the BD blockwrites and moves the patches after them, in any order.
        NpuStreamWriter w;
        NpuBufferDescriptor d;
        d.words = { 16, 0, 0, 0, 0, 0, 0, 0x02000000 };
        w.writeBd(0, 0, d);
        w.writeBd(0, 1, d);
        w.patchBd(0, 1, 4, 0x40);
        w.patchBd(0, 0, 2, 0);
        w.push(0, NpuChannel::MM2S0, 0);
        w.push(0, NpuChannel::MM2S1, 1);
        const NpuStream s = test::decodeWords(w.words());
        QCOMPARE(s.transfers.size(), 2);
        QCOMPARE(s.transfers.at(0).xrtArgument, 5);
        QCOMPARE(s.transfers.at(1).xrtArgument, 7);
        QCOMPARE(s.transfers.at(1).extent.first, 0x40u);
        QCOMPARE(s.transfers.at(1).extent.end, 0x80u);
    }

    // A 10 MiB stream (issue 13's size for the limits): decoded whole, one transfer per push; with a NumOps of
    // 2^32 - 1 it is refused from the header, before anything is reserved for the ops.
    void tenMiBStream()
    {
        NpuStreamWriter w;
        NpuBufferDescriptor d;
        d.words = { 16, 0, 0, 0, 0, 0, 0, 0x02000000 };
        int pushes = 0;
        auto addPush = [&] {
            w.writeBd(0, pushes % 16, d);
            w.patchBd(0, pushes % 16, 0, quint64(pushes) * 64);
            w.push(0, NpuChannel::MM2S0, pushes % 16);
            ++pushes;
        };
        const qsizetype header = w.words().size();
        addPush();
        const qsizetype perPush = w.words().size() - header;
        while (header + pushes * perPush < 10 * 1024 * 1024 / 4)
            addPush();
        QList<quint32> words = w.words();
        QVERIFY(words.size() * 4 >= 10 * 1024 * 1024);
        const NpuStream s = test::decodeWords(words);
        QCOMPARE(s.ops.size(), qsizetype(s.headerOpCount));
        QCOMPARE(s.transfers.size(), qsizetype(pushes));
        QCOMPARE(s.transfers.last().offset, quint64(pushes - 1) * 64);
        words[2] = 0xFFFFFFFF;
        const NpuStreamError e = wordsError(words);
        QCOMPARE(e.code, NpuStreamError::Code::OpCountTooLarge);
        QCOMPARE(e.wordOffset, 2);
    }

    void bdWordWritesUpdateState()
    {
        // WRITE and MASKWRITE change BD words too; a length write after the patch keeps the patch.
        NpuStreamWriter w;
        NpuBufferDescriptor d;
        d.words = { 16, 0, 0, 0, 0, 0, 0, 0x02000000 };
        w.writeBd(0, 2, d);
        w.patchBd(0, 2, 0, 0);
        w.write(NpuRegisters::address(0, 0, NpuRegisters::shimBdOffset(2)), 100);
        w.maskWrite(NpuRegisters::address(0, 0, NpuRegisters::shimBdOffset(2) + 12), 0x00400000, 0xFFF00000);
        w.push(0, NpuChannel::MM2S0, 2);
        const NpuStream s = test::decodeWords(w.words());
        QCOMPARE(s.transfers.size(), 1);
        const NpuTransfer& t = s.transfers.first();
        QVERIFY(t.patched);
        QCOMPARE(t.descriptor.lengthWords(), 100u);
        QCOMPARE(t.descriptor.d0Wrap(), 4u);
        QCOMPARE(t.bdWriteOpIndex, 3);
    }

    void useNextBdChains()
    {
        NpuStreamWriter w;
        NpuBufferDescriptor a, b;
        a.words = { 8, 0, 0, 0, 0, 0, 0, 0x02000000 | 1u << 26 | 1u << 27 }; // next BD 1
        b.words = { 4, 0, 0, 0, 0, 0, 0, 0x02000000 | 1u << 26 | 0u << 27 }; // back to BD 0: a loop
        w.writeBd(0, 0, a);
        w.patchBd(0, 0, 0, 0);
        w.writeBd(0, 1, b);
        w.patchBd(0, 1, 0, 64);
        w.push(0, NpuChannel::MM2S0, 0);
        const NpuStream s = test::decodeWords(w.words());
        QCOMPARE(s.transfers.size(), 2);
        QCOMPARE(s.transfers.at(1).chainStep, 1);
        QCOMPARE(s.transfers.at(1).bd, 1);
        QCOMPARE(s.arguments.size(), 1);
        QCOMPARE(s.arguments.first().minBytes, 80u);
        QCOMPARE(s.arguments.first().bytesMoved, 48u);
    }

    void chainBudget()
    {
        // 16 BDs chained in a ring, pushed 5000 times: 75000 chained BDs would follow; the budget stops them.
        NpuStreamWriter w(NpuFormat::Txn10);
        for (int bd = 0; bd < 16; ++bd) {
            NpuBufferDescriptor d;
            d.words = { 1, 0, 0, 0, 0, 0, 0, 0x02000000 | 1u << 26 | quint32((bd + 1) % 16) << 27 };
            w.writeBd(0, bd, d);
            w.patchBd(0, bd, 0, 0);
        }
        for (int i = 0; i < 5000; ++i)
            w.push(0, NpuChannel::MM2S0, i % 16);
        const NpuStream s = test::decodeWords(w.words());
        QCOMPARE(s.transfers.size(), 5000 + NpuStreamDecoder::maxChainedTransfers);
        QVERIFY(s.chainsCut > 0);
        QVERIFY(s.toText().contains(QLatin1String("chain(s) not followed to the end")));
    }

    void otherOpsDecoded()
    {
        for (NpuFormat version : { NpuFormat::Txn01, NpuFormat::Txn10 }) {
            NpuStreamWriter w(version);
            w.noop();
            w.preempt(2);
            w.loadPdi(7, 4096, 0x1000);
            w.maskPoll(NpuRegisters::address(0, 0, 0x1D220), 0, 0xF, false);
            w.maskPoll(NpuRegisters::address(0, 0, 0x1D220), 0, 0xF, true);
            w.custom(0x83, { 1, 2 });
            w.custom(0x84, { 2, 1 });
            const NpuStream s = test::decodeWords(w.words());
            QStringList names;
            for (int i = 0; i < s.ops.size(); ++i)
                names << s.opName(i);
            QCOMPARE(names,
                     (QStringList { QStringLiteral("NOOP"), QStringLiteral("PREEMPT"), QStringLiteral("LOADPDI"),
                                    QStringLiteral("MASKPOLL"), QStringLiteral("MASKPOLL_BUSY"),
                                    QStringLiteral("RECORD_TIMER"), QStringLiteral("MERGE_SYNC") }));
            QCOMPARE(s.opDetail(1), QStringLiteral("level 2"));
            QCOMPARE(s.opDetail(2), QStringLiteral("PDI 7, 4096 bytes at 0x1000"));
            QCOMPARE(s.opRegisterName(3), QStringLiteral("shim(0,0).S2MM0.STATUS"));
            QCOMPARE(s.syncs.size(), 1);
            QVERIFY(s.syncs.first().merged);
        }
    }

    void elfControlPacketsUnknown()
    {
        const auto elf = NpuStreamReader::read(QByteArray("\x7f"
                                                          "ELF\x02\x01\x01",
                                                          7));
        QVERIFY(elf);
        QCOMPARE(elf->format, NpuFormat::Elf);
        QVERIFY(!elf->isDecoded());
        QVERIFY(elf->recognisedAs.contains(QLatin1String(".ctrltext")));

        // Two mlir-aie control packets: a one-word write and a read, headers with odd parity.
        auto parity = [](quint32 w) { return w | quint32(std::popcount(w) % 2 == 0) << 31; };
        const QList<quint32> packets = { parity(0 << 12 | 15), parity(0 << 24 | 0 << 22 | 0 << 20 | 0x32000), 7,
                                         parity(0 << 12 | 15), parity(1 << 22 | 0x32004) };
        const auto ctrl = NpuStreamReader::read(NpuStreamWriter::toBytes(packets));
        QVERIFY(ctrl);
        QCOMPARE(ctrl->format, NpuFormat::ControlPackets);
        QCOMPARE(NpuStreamReader::controlPacketCount(packets), 2);
        QVERIFY(ctrl->ops.isEmpty());

        const auto unknown = NpuStreamReader::read(NpuStreamWriter::toBytes({ 0xDEADBEEF, 0 }));
        QVERIFY(unknown);
        QCOMPARE(unknown->format, NpuFormat::Unknown);
        QCOMPARE(npuFormatName(unknown->format), QStringLiteral("unknown"));
        QVERIFY(unknown->recognisedAs.contains(QLatin1String("0xdeadbeef")));
    }

    // --- malformed input: typed errors, never a crash -------------------------------------------------------

    void truncatedMidOp()
    {
        QList<quint32> words = test::loadNpuFixture(QStringLiteral("iron-single-add")).words.mid(0, 25);
        words[3] = quint32(words.size() * 4); // TxnSize agrees: the walk itself must find the cut
        const NpuStreamError e = wordsError(words);
        QCOMPARE(e.code, NpuStreamError::Code::TruncatedOp);
        QCOMPARE(e.wordOffset, 16);
        QCOMPARE(e.message(),
                 QStringLiteral("insts.bin: at word 16 (byte 64): expected 48 bytes for a DDR_PATCH op, found 36 "
                                "bytes left"));
    }

    void txnSizeLies()
    {
        QList<quint32> words = test::loadNpuFixture(QStringLiteral("iron-single-add")).words;
        words[3] = 400;
        const NpuStreamError e = wordsError(words);
        QCOMPARE(e.code, NpuStreamError::Code::SizeMismatch);
        QCOMPARE(e.wordOffset, 3);
        QVERIFY2(e.message().contains(QLatin1String("expected TxnSize equal to the stream size of 420 bytes, found "
                                                    "TxnSize 400")),
                 qPrintable(e.message()));
    }

    void numOpsTooLarge()
    {
        QList<quint32> words = test::loadNpuFixture(QStringLiteral("iron-single-add")).words;
        words[2] = 0xFFFFFFFF;
        NpuStreamError e = wordsError(words);
        QCOMPARE(e.code, NpuStreamError::Code::OpCountTooLarge);
        QCOMPARE(e.wordOffset, 2);
        words[2] = 12; // plausible, but there are 11
        e = wordsError(words);
        QCOMPARE(e.code, NpuStreamError::Code::TruncatedOp);
        QCOMPARE(e.wordOffset, 105);
        words[2] = 10;
        e = wordsError(words);
        QCOMPARE(e.code, NpuStreamError::Code::TrailingBytes);
        QCOMPARE(e.wordOffset, 101);
    }

    void badOpSize()
    {
        QList<quint32> words = test::loadNpuFixture(QStringLiteral("iron-single-add")).words;
        words[7] = 0; // op 0 (BLOCKWRITE) size
        NpuStreamError e = wordsError(words);
        QCOMPARE(e.code, NpuStreamError::Code::BadOpSize);
        QCOMPARE(e.message(),
                 QStringLiteral("insts.bin: at word 4 (byte 16): expected an op size of at least 16 bytes, found 0"));
        words[7] = 50;
        e = wordsError(words);
        QCOMPARE(e.code, NpuStreamError::Code::BadOpSize);
        QVERIFY(e.expected.contains(QLatin1String("multiple of 4")));
    }

    void unknownTxnOpcode()
    {
        QList<quint32> words = test::loadNpuFixture(QStringLiteral("iron-single-add")).words;
        words[4] = 9;
        const NpuStreamError e = wordsError(words);
        QCOMPARE(e.code, NpuStreamError::Code::UnknownOpcode);
        QCOMPARE(e.wordOffset, 4);
        QCOMPARE(e.codeName(), QStringLiteral("unknown-opcode"));
    }

    void badInputs()
    {
        QCOMPARE(readError(QByteArray()).code, NpuStreamError::Code::Empty);
        QCOMPARE(readError(QByteArray("\x00\x01\x03\x06\x00", 5)).code, NpuStreamError::Code::NotWords);
        QCOMPARE(readError(QByteArray("\n\r\n")).code, NpuStreamError::Code::Empty);
        const NpuStreamError hex = readError(QByteArray("06030100\n00000104\n123456789\n"));
        QCOMPARE(hex.code, NpuStreamError::Code::BadHexText);
        QCOMPARE(hex.line, 3);
        QCOMPARE(hex.wordOffset, 2);
        QVERIFY2(hex.message().startsWith(QLatin1String("insts.bin: at word 2 (line 3): expected one 32-bit hex word")),
                 qPrintable(hex.message()));
        // A hex-text TXN cut short names the line of the op.
        const QList<quint32> words = test::loadNpuFixture(QStringLiteral("iron-single-add")).words;
        QList<quint32> cut = words.mid(0, 25);
        cut[3] = quint32(cut.size() * 4);
        const NpuStreamError hexCut = readError(QByteArray("\n") + NpuStreamWriter::toHexText(cut));
        QCOMPARE(hexCut.code, NpuStreamError::Code::TruncatedOp);
        QCOMPARE(hexCut.line, 18);
        QCOMPARE(readError(QByteArray(NpuStreamReader::maxInputBytes + 1, '\0')).code, NpuStreamError::Code::TooLarge);
    }

    void loadErrors()
    {
        NpuStreamError e;
        QVERIFY(!NpuStreamReader::load(QStringLiteral("/nonexistent/insts.bin"), &e));
        QCOMPARE(e.code, NpuStreamError::Code::CannotOpen);
        QVERIFY(e.message().startsWith(QLatin1String("/nonexistent/insts.bin: expected a readable")));
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("big.bin"));
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(NpuStreamReader::maxInputBytes + 4)); // sparse: nothing is read
        f.close();
        QVERIFY(!NpuStreamReader::load(big, &e));
        QCOMPARE(e.code, NpuStreamError::Code::TooLarge);
    }

    void everyPrefix_data() { test::addFixtureRows(test::npuFixtureNames()); }
    void everyPrefix()
    {
        QFETCH(QString, name);
        const QByteArray bytes = fixtureBytes(name);
        for (qsizetype n = 0; n < bytes.size(); ++n) {
            NpuStreamError error;
            const auto s = NpuStreamReader::read(bytes.left(n), name, &error);
            if (!s) {
                QVERIFY(!error.message().isEmpty());
                QVERIFY(error.wordOffset <= n);
            } else if (s->isTxn()) {
                QFAIL("a cut TXN stream must not decode");
            }
        }
    }

    void everyOpRemovedOrDuplicated_data() { test::addFixtureRows(test::npuTxnFixtureNames()); }
    void everyOpRemovedOrDuplicated()
    {
        QFETCH(QString, name);
        const NpuStream s = test::loadNpuFixture(name);
        for (int i = 0; i < s.ops.size(); ++i) {
            const NpuStream removed = test::decodeWords(test::removeOp(s, i));
            QCOMPARE(removed.ops.size(), s.ops.size() - 1);
            const NpuStream doubled = test::decodeWords(test::insertOp(s, i, test::opWords(s, i)));
            QCOMPARE(doubled.ops.size(), s.ops.size() + 1);
        }
    }

    void randomGarbage()
    {
        QRandomGenerator rng(20240611);
        const QList<quint32> fixture = test::loadNpuFixture(QStringLiteral("iron-gemm-512-4col")).words;
        int decoded = 0, errors = 0;
        for (int round = 0; round < 3000; ++round) {
            QList<quint32> words;
            const int n = int(rng.bounded(200));
            if (round % 3 == 0) {
                // A valid header and then noise: the op walk must catch it.
                words = { 0x06030100, 0x00000104, rng.bounded(64u), 0 };
                for (int i = 0; i < n; ++i)
                    words << (rng.bounded(4) == 0 ? rng.bounded(0x90u) : rng.generate());
                words[3] = quint32(words.size() * 4);
            } else if (round % 3 == 1) {
                // A fixture with some words flipped.
                words = fixture;
                for (int i = 0; i < 1 + n % 8; ++i)
                    words[rng.bounded(qsizetype(words.size()))] ^= 1u << rng.bounded(32);
            } else {
                for (int i = 0; i < n; ++i)
                    words << rng.generate();
            }
            QByteArray bytes = NpuStreamWriter::toBytes(words);
            bytes.chop(round % 5 == 0 ? round % 4 : 0);
            NpuStreamError error;
            const auto s = NpuStreamReader::read(bytes, QStringLiteral("garbage"), &error);
            if (s) {
                ++decoded;
                const QJsonObject json = s->toJson(true, NpuStreamChecker::check(*s));
                QVERIFY(json.contains(QLatin1String("transfers")));
                QVERIFY(!s->toText(true).isEmpty());
                for (int i = 0; i < s->ops.size(); ++i)
                    QVERIFY(!s->describeOpIndex(quint32(i)).isEmpty());
            } else {
                ++errors;
                QVERIFY(!error.message().isEmpty());
            }
        }
        QVERIFY(decoded > 0);
        QVERIFY(errors > 0);
    }

    void largeStreamDecodes()
    {
        const QByteArray bytes = NpuStreamBench::syntheticTxn(10 * 1024 * 1024);
        QVERIFY(bytes.size() > 10 * 1024 * 1024 - 200);
        NpuStreamError error;
        const auto s = NpuStreamReader::read(bytes, QStringLiteral("10MiB.bin"), &error);
        QVERIFY2(s, qPrintable(error.message()));
        QVERIFY(s->transfers.size() > 70000);
        QCOMPARE(s->arguments.size(), 3);
        QVERIFY(NpuStreamChecker::check(*s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNpuStreamReader)
#include "tst_npustreamreader.moc"
