// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the instruction-stream tests: the fixture streams and their decoded figures
// (npu-instructions-fixtures.txt), and helpers that mutate a TXN stream op by op.
#pragma once

#include "instructions/npustream.h"
#include "instructions/npustreamchecker.h"
#include "instructions/npustreamreader.h"
#include "instructions/npustreamwriter.h"
#include "testsupport.h"

#include <QRegularExpression>
#include <QStringList>

namespace xi::test {

struct NpuArgumentExpectation {
    qint64 xrtArgument;
    const char* direction;
    quint64 bytesMoved;
    quint64 minBytes;
    int pushes;
};

struct NpuFixtureExpectation {
    const char* name;
    const char* suffix;
    NpuFormat format;
    NpuEncoding encoding;
    qint64 words;
    int ops;
    int deviceGeneration; // -1 for legacy
    int rows, columns, memTileRows;
    int transfers;
    QStringList syncs;
    QList<NpuArgumentExpectation> arguments;
};

inline QList<NpuFixtureExpectation> npuFixtures()
{
    const auto txn = NpuFormat::Txn01;
    const auto bin = NpuEncoding::Binary;
    const QString s2mm0 = QStringLiteral("col 0 S2MM0");
    return {
        { "iron-single-add",
          ".insts.bin",
          txn,
          bin,
          105,
          11,
          3,
          6,
          4,
          1,
          3,
          { s2mm0 },
          { { 3, "to_npu", 8192, 8192, 1 }, { 4, "to_npu", 8192, 8192, 1 }, { 5, "from_npu", 8192, 8192, 1 } } },
        { "iron-fused-add-add",
          ".insts.bin",
          txn,
          bin,
          135,
          14,
          3,
          6,
          4,
          1,
          4,
          { s2mm0 },
          { { 3, "to_npu", 8192, 8192, 1 },
            { 4, "to_npu", 8192, 8192, 1 },
            { 5, "to_npu", 8192, 8192, 1 },
            { 6, "from_npu", 8192, 8192, 1 } } },
        { "iron-gemm-256-1col",
          ".insts.bin",
          txn,
          bin,
          648,
          68,
          3,
          6,
          4,
          1,
          20,
          { s2mm0, s2mm0, s2mm0, s2mm0 },
          { { 3, "to_npu", 1048576, 131072, 8 },
            { 4, "to_npu", 1048576, 131072, 8 },
            { 5, "from_npu", 262144, 262144, 4 } } },
        { "iron-gemm-512-4col",
          ".insts.bin",
          txn,
          bin,
          648,
          68,
          3,
          6,
          4,
          1,
          20,
          { QStringLiteral("col 1 S2MM0"), QStringLiteral("col 1 S2MM1"), s2mm0, QStringLiteral("col 2 S2MM0") },
          { { 3, "to_npu", 2097152, 524288, 8 },
            { 4, "to_npu", 1048576, 524288, 8 },
            { 5, "from_npu", 1048576, 1048576, 4 } } },
        { "iron-gemv-288",
          ".insts.bin",
          txn,
          bin,
          105,
          11,
          3,
          6,
          4,
          1,
          3,
          { s2mm0 },
          { { 3, "to_npu", 165888, 165888, 1 }, { 4, "to_npu", 5184, 576, 1 }, { 5, "from_npu", 1152, 1152, 1 } } },
        { "xdna-emu-aie",
          ".insts.bin",
          txn,
          bin,
          82,
          9,
          3,
          6,
          1,
          1,
          2,
          { s2mm0 },
          { { 3, "to_npu", 68, 68, 1 }, { 5, "from_npu", 64, 64, 1 } } },
        { "riallto-color-detect-720p",
          ".seq",
          NpuFormat::Legacy,
          NpuEncoding::HexText,
          57,
          9,
          -1,
          -1,
          -1,
          -1,
          2,
          { s2mm0 },
          { { 2, "to_npu", 3686400, 3686400, 1 }, { 3, "from_npu", 3686400, 3686400, 1 } } },
        { "riallto-edge-detect-720p",
          ".seq",
          NpuFormat::Legacy,
          NpuEncoding::HexText,
          84,
          18,
          -1,
          -1,
          -1,
          -1,
          2,
          { s2mm0 },
          { { 2, "to_npu", 3686400, 3686400, 1 }, { 3, "from_npu", 3686400, 3686400, 1 } } },
    };
}

inline NpuFixtureExpectation npuFixture(const QString& name)
{
    for (const NpuFixtureExpectation& f : npuFixtures()) {
        if (name == QLatin1String(f.name))
            return f;
    }
    qFatal("unknown instruction fixture");
}

inline QStringList npuFixtureNames()
{
    QStringList names;
    for (const NpuFixtureExpectation& f : npuFixtures())
        names << QLatin1String(f.name);
    return names;
}

inline QStringList npuTxnFixtureNames()
{
    QStringList names;
    for (const NpuFixtureExpectation& f : npuFixtures()) {
        if (f.format == NpuFormat::Txn01)
            names << QLatin1String(f.name);
    }
    return names;
}

inline QString npuStreamPath(const QString& name)
{
    const NpuFixtureExpectation f = npuFixture(name);
    return fixturesDir() + QStringLiteral("/xclbin/") + name + QLatin1Char('/') + name + QLatin1String(f.suffix);
}

inline NpuStream loadNpuFixture(const QString& name)
{
    NpuStreamError error;
    const auto stream = NpuStreamReader::load(npuStreamPath(name), &error);
    if (!stream)
        qFatal("%s", qPrintable(error.message()));
    return *stream;
}

inline NpuStream decodeWords(const QList<quint32>& words)
{
    NpuStreamError error;
    const auto stream = NpuStreamReader::read(NpuStreamWriter::toBytes(words), QStringLiteral("test.bin"), &error);
    if (!stream)
        qFatal("%s", qPrintable(error.message()));
    return *stream;
}

// The transfer lines of npu-instructions-fixtures.txt (with "; iter" for its " ; iter").
inline QStringList npuFixtureTransferLines(const QString& name)
{
    static const QList<std::pair<QString, QStringList>> lines = {
        { QStringLiteral("iron-fused-add-add"),
          {
              QStringLiteral("col 0 MM2S0 host->NPU BD0: arg_idx 0 (XRT 3) +0x0; len 2048 words (8192 B) x 1 run(s); "
                             "dims 2048@1; touches bytes [0, 8192); token 0"),
              QStringLiteral("col 0 MM2S1 host->NPU BD1: arg_idx 1 (XRT 4) +0x0; len 2048 words (8192 B) x 1 run(s); "
                             "dims 2048@1; touches bytes [0, 8192); token 0"),
              QStringLiteral("col 1 MM2S0 host->NPU BD0: arg_idx 2 (XRT 5) +0x0; len 2048 words (8192 B) x 1 run(s); "
                             "dims 2048@1; touches bytes [0, 8192); token 0"),
              QStringLiteral("col 0 S2MM0 NPU->host BD2: arg_idx 3 (XRT 6) +0x0; len 2048 words (8192 B) x 1 run(s); "
                             "dims 2048@1; touches bytes [0, 8192); token 1"),
          } },
        { QStringLiteral("iron-gemm-256-1col"),
          {
              QStringLiteral("col 0 MM2S0 host->NPU BD0: arg_idx 0 (XRT 3) +0x0; len 4096 words (16384 B) x 8 run(s); "
                             "dims 8@16 x 32@128 x 16@1; touches bytes [0, 16384); token 0"),
              QStringLiteral("col 0 MM2S1 host->NPU BD1: arg_idx 1 (XRT 4) +0x0; len 4096 words (16384 B) x 8 run(s); "
                             "dims 8@4096 x 32@128 x 16@1; iter wrap 8 step 16; touches bytes [0, 131072); token 0"),
              QStringLiteral("col 0 MM2S0 host->NPU BD2: arg_idx 0 (XRT 3) +0x4000; len 4096 words (16384 B) x 8 "
                             "run(s); dims 8@16 x 32@128 x 16@1; touches bytes [16384, 32768); token 0"),
              QStringLiteral("col 0 MM2S1 host->NPU BD3: arg_idx 1 (XRT 4) +0x0; len 4096 words (16384 B) x 8 run(s); "
                             "dims 8@4096 x 32@128 x 16@1; iter wrap 8 step 16; touches bytes [0, 131072); token 0"),
              QStringLiteral("col 0 S2MM0 NPU->host BD4: arg_idx 2 (XRT 5) +0x0; len 8192 words (32768 B) x 2 run(s); "
                             "dims 8@32 x 32@256 x 32@1; iter wrap 2 step 8192; touches bytes [0, 65536); token 1"),
              QStringLiteral("col 0 MM2S0 host->NPU BD5: arg_idx 0 (XRT 3) +0x8000; len 4096 words (16384 B) x 8 "
                             "run(s); dims 8@16 x 32@128 x 16@1; touches bytes [32768, 49152); token 0"),
              QStringLiteral("col 0 MM2S1 host->NPU BD6: arg_idx 1 (XRT 4) +0x0; len 4096 words (16384 B) x 8 run(s); "
                             "dims 8@4096 x 32@128 x 16@1; iter wrap 8 step 16; touches bytes [0, 131072); token 0"),
              QStringLiteral("col 0 MM2S0 host->NPU BD7: arg_idx 0 (XRT 3) +0xc000; len 4096 words (16384 B) x 8 "
                             "run(s); dims 8@16 x 32@128 x 16@1; touches bytes [49152, 65536); token 0"),
              QStringLiteral("col 0 MM2S1 host->NPU BD8: arg_idx 1 (XRT 4) +0x0; len 4096 words (16384 B) x 8 run(s); "
                             "dims 8@4096 x 32@128 x 16@1; iter wrap 8 step 16; touches bytes [0, 131072); token 0"),
              QStringLiteral(
                  "col 0 S2MM0 NPU->host BD9: arg_idx 2 (XRT 5) +0x10000; len 8192 words (32768 B) x 2 run(s); dims "
                  "8@32 x 32@256 x 32@1; iter wrap 2 step 8192; touches bytes [65536, 131072); token 1"),
              QStringLiteral("col 0 MM2S0 host->NPU BD0: arg_idx 0 (XRT 3) +0x10000; len 4096 words (16384 B) x 8 "
                             "run(s); dims 8@16 x 32@128 x 16@1; touches bytes [65536, 81920); token 0"),
              QStringLiteral("col 0 MM2S1 host->NPU BD1: arg_idx 1 (XRT 4) +0x0; len 4096 words (16384 B) x 8 run(s); "
                             "dims 8@4096 x 32@128 x 16@1; iter wrap 8 step 16; touches bytes [0, 131072); token 0"),
              QStringLiteral("col 0 MM2S0 host->NPU BD2: arg_idx 0 (XRT 3) +0x14000; len 4096 words (16384 B) x 8 "
                             "run(s); dims 8@16 x 32@128 x 16@1; touches bytes [81920, 98304); token 0"),
              QStringLiteral("col 0 MM2S1 host->NPU BD3: arg_idx 1 (XRT 4) +0x0; len 4096 words (16384 B) x 8 run(s); "
                             "dims 8@4096 x 32@128 x 16@1; iter wrap 8 step 16; touches bytes [0, 131072); token 0"),
              QStringLiteral(
                  "col 0 S2MM0 NPU->host BD4: arg_idx 2 (XRT 5) +0x20000; len 8192 words (32768 B) x 2 run(s); dims "
                  "8@32 x 32@256 x 32@1; iter wrap 2 step 8192; touches bytes [131072, 196608); token 1"),
              QStringLiteral("col 0 MM2S0 host->NPU BD5: arg_idx 0 (XRT 3) +0x18000; len 4096 words (16384 B) x 8 "
                             "run(s); dims 8@16 x 32@128 x 16@1; touches bytes [98304, 114688); token 0"),
              QStringLiteral("col 0 MM2S1 host->NPU BD6: arg_idx 1 (XRT 4) +0x0; len 4096 words (16384 B) x 8 run(s); "
                             "dims 8@4096 x 32@128 x 16@1; iter wrap 8 step 16; touches bytes [0, 131072); token 0"),
              QStringLiteral("col 0 MM2S0 host->NPU BD7: arg_idx 0 (XRT 3) +0x1c000; len 4096 words (16384 B) x 8 "
                             "run(s); dims 8@16 x 32@128 x 16@1; touches bytes [114688, 131072); token 0"),
              QStringLiteral("col 0 MM2S1 host->NPU BD8: arg_idx 1 (XRT 4) +0x0; len 4096 words (16384 B) x 8 run(s); "
                             "dims 8@4096 x 32@128 x 16@1; iter wrap 8 step 16; touches bytes [0, 131072); token 0"),
              QStringLiteral(
                  "col 0 S2MM0 NPU->host BD9: arg_idx 2 (XRT 5) +0x30000; len 8192 words (32768 B) x 2 run(s); dims "
                  "8@32 x 32@256 x 32@1; iter wrap 2 step 8192; touches bytes [196608, 262144); token 1"),
          } },
        { QStringLiteral("iron-gemm-512-4col"),
          {
              QStringLiteral(
                  "col 1 S2MM0 NPU->host BD0: arg_idx 2 (XRT 5) +0x0; len 32768 words (131072 B) x 2 run(s); dims "
                  "4@128 x 256@512 x 32@1; iter wrap 2 step 131072; touches bytes [0, 1048192); token 1"),
              QStringLiteral("col 0 MM2S0 host->NPU BD0: arg_idx 0 (XRT 3) +0x0; len 16384 words (65536 B) x 4 run(s); "
                             "dims 8@32 x 64@256 x 32@1; touches bytes [0, 65536); token 0"),
              QStringLiteral("col 1 MM2S1 host->NPU BD1: arg_idx 1 (XRT 4) +0x0; len 8192 words (32768 B) x 4 run(s); "
                             "dims 8@16384 x 64@256 x 16@1; iter wrap 4 step 64; touches bytes [0, 524096); token 0"),
              QStringLiteral("col 0 MM2S0 host->NPU BD1: arg_idx 0 (XRT 3) +0x40000; len 16384 words (65536 B) x 4 "
                             "run(s); dims 8@32 x 64@256 x 32@1; touches bytes [262144, 327680); token 0"),
              QStringLiteral("col 1 MM2S1 host->NPU BD2: arg_idx 1 (XRT 4) +0x0; len 8192 words (32768 B) x 4 run(s); "
                             "dims 8@16384 x 64@256 x 16@1; iter wrap 4 step 64; touches bytes [0, 524096); token 0"),
              QStringLiteral(
                  "col 1 S2MM1 NPU->host BD3: arg_idx 2 (XRT 5) +0x80; len 32768 words (131072 B) x 2 run(s); dims "
                  "4@128 x 256@512 x 32@1; iter wrap 2 step 131072; touches bytes [128, 1048320); token 1"),
              QStringLiteral("col 1 MM2S0 host->NPU BD4: arg_idx 0 (XRT 3) +0x10000; len 16384 words (65536 B) x 4 "
                             "run(s); dims 8@32 x 64@256 x 32@1; touches bytes [65536, 131072); token 0"),
              QStringLiteral("col 0 MM2S1 host->NPU BD2: arg_idx 1 (XRT 4) +0x40; len 8192 words (32768 B) x 4 run(s); "
                             "dims 8@16384 x 64@256 x 16@1; iter wrap 4 step 64; touches bytes [64, 524160); token 0"),
              QStringLiteral("col 1 MM2S0 host->NPU BD5: arg_idx 0 (XRT 3) +0x50000; len 16384 words (65536 B) x 4 "
                             "run(s); dims 8@32 x 64@256 x 32@1; touches bytes [327680, 393216); token 0"),
              QStringLiteral("col 0 MM2S1 host->NPU BD3: arg_idx 1 (XRT 4) +0x40; len 8192 words (32768 B) x 4 run(s); "
                             "dims 8@16384 x 64@256 x 16@1; iter wrap 4 step 64; touches bytes [64, 524160); token 0"),
              QStringLiteral(
                  "col 0 S2MM0 NPU->host BD4: arg_idx 2 (XRT 5) +0x100; len 32768 words (131072 B) x 2 run(s); dims "
                  "4@128 x 256@512 x 32@1; iter wrap 2 step 131072; touches bytes [256, 1048448); token 1"),
              QStringLiteral("col 2 MM2S0 host->NPU BD0: arg_idx 0 (XRT 3) +0x20000; len 16384 words (65536 B) x 4 "
                             "run(s); dims 8@32 x 64@256 x 32@1; touches bytes [131072, 196608); token 0"),
              QStringLiteral("col 2 MM2S1 host->NPU BD1: arg_idx 1 (XRT 4) +0x80; len 8192 words (32768 B) x 4 run(s); "
                             "dims 8@16384 x 64@256 x 16@1; iter wrap 4 step 64; touches bytes [128, 524224); token 0"),
              QStringLiteral("col 2 MM2S0 host->NPU BD2: arg_idx 0 (XRT 3) +0x60000; len 16384 words (65536 B) x 4 "
                             "run(s); dims 8@32 x 64@256 x 32@1; touches bytes [393216, 458752); token 0"),
              QStringLiteral("col 2 MM2S1 host->NPU BD3: arg_idx 1 (XRT 4) +0x80; len 8192 words (32768 B) x 4 run(s); "
                             "dims 8@16384 x 64@256 x 16@1; iter wrap 4 step 64; touches bytes [128, 524224); token 0"),
              QStringLiteral(
                  "col 2 S2MM0 NPU->host BD4: arg_idx 2 (XRT 5) +0x180; len 32768 words (131072 B) x 2 run(s); dims "
                  "4@128 x 256@512 x 32@1; iter wrap 2 step 131072; touches bytes [384, 1048576); token 1"),
              QStringLiteral("col 3 MM2S0 host->NPU BD0: arg_idx 0 (XRT 3) +0x30000; len 16384 words (65536 B) x 4 "
                             "run(s); dims 8@32 x 64@256 x 32@1; touches bytes [196608, 262144); token 0"),
              QStringLiteral("col 3 MM2S1 host->NPU BD1: arg_idx 1 (XRT 4) +0xc0; len 8192 words (32768 B) x 4 run(s); "
                             "dims 8@16384 x 64@256 x 16@1; iter wrap 4 step 64; touches bytes [192, 524288); token 0"),
              QStringLiteral("col 3 MM2S0 host->NPU BD2: arg_idx 0 (XRT 3) +0x70000; len 16384 words (65536 B) x 4 "
                             "run(s); dims 8@32 x 64@256 x 32@1; touches bytes [458752, 524288); token 0"),
              QStringLiteral("col 3 MM2S1 host->NPU BD3: arg_idx 1 (XRT 4) +0xc0; len 8192 words (32768 B) x 4 run(s); "
                             "dims 8@16384 x 64@256 x 16@1; iter wrap 4 step 64; touches bytes [192, 524288); token 0"),
          } },
        { QStringLiteral("iron-gemv-288"),
          {
              QStringLiteral("col 0 MM2S1 host->NPU BD0: arg_idx 1 (XRT 4) +0x0; len 144 words (576 B) x 9 run(s); "
                             "dims 144@1; touches bytes [0, 576); token 0"),
              QStringLiteral("col 0 MM2S0 host->NPU BD1: arg_idx 0 (XRT 3) +0x0; len 4608 words (18432 B) x 9 run(s); "
                             "dims 9@16 x 32@144 x 16@1; iter wrap 9 step 4608; touches bytes [0, 165888); token 0"),
              QStringLiteral("col 0 S2MM0 NPU->host BD2: arg_idx 2 (XRT 5) +0x0; len 288 words (1152 B) x 1 run(s); "
                             "dims 288@1; touches bytes [0, 1152); token 1"),
          } },
        { QStringLiteral("iron-single-add"),
          {
              QStringLiteral("col 0 MM2S0 host->NPU BD0: arg_idx 0 (XRT 3) +0x0; len 2048 words (8192 B) x 1 run(s); "
                             "dims 2048@1; touches bytes [0, 8192); token 0"),
              QStringLiteral("col 0 MM2S1 host->NPU BD1: arg_idx 1 (XRT 4) +0x0; len 2048 words (8192 B) x 1 run(s); "
                             "dims 2048@1; touches bytes [0, 8192); token 0"),
              QStringLiteral("col 0 S2MM0 NPU->host BD2: arg_idx 2 (XRT 5) +0x0; len 2048 words (8192 B) x 1 run(s); "
                             "dims 2048@1; touches bytes [0, 8192); token 1"),
          } },
        { QStringLiteral("xdna-emu-aie"),
          {
              QStringLiteral("col 0 S2MM0 NPU->host BD1: arg_idx 2 (XRT 5) +0x0; len 16 words (64 B) x 1 run(s); dims "
                             "16@1; touches bytes [0, 64); token 1"),
              QStringLiteral("col 0 MM2S0 host->NPU BD0: arg_idx 0 (XRT 3) +0x0; len 17 words (68 B) x 1 run(s); dims "
                             "17@1; touches bytes [0, 68); token 1"),
          } },
        { QStringLiteral("riallto-color-detect-720p"),
          {
              QStringLiteral("col 0 MM2S0 host->NPU BD1: arg_idx 0 (XRT 2) +0x0; len 921600 words (3686400 B) x 1 "
                             "run(s); dims 921600@1; touches bytes [0, 3686400); token 0"),
              QStringLiteral("col 0 S2MM0 NPU->host BD0: arg_idx 1 (XRT 3) +0x0; len 921600 words (3686400 B) x 1 "
                             "run(s); dims 921600@1; touches bytes [0, 3686400); token 1"),
          } },
        { QStringLiteral("riallto-edge-detect-720p"),
          {
              QStringLiteral("col 0 MM2S0 host->NPU BD1: arg_idx 0 (XRT 2) +0x0; len 921600 words (3686400 B) x 1 "
                             "run(s); dims 921600@1; touches bytes [0, 3686400); token 0"),
              QStringLiteral("col 0 S2MM0 NPU->host BD0: arg_idx 1 (XRT 3) +0x0; len 921600 words (3686400 B) x 1 "
                             "run(s); dims 921600@1; touches bytes [0, 3686400); token 1"),
          } },
    };
    for (const auto& [fixture, list] : lines) {
        if (fixture == name)
            return list;
    }
    return {};
}

// --- TXN mutations: the header's NumOps and TxnSize follow every edit ---------------------------------------

inline QList<quint32> opWords(const NpuStream& s, int index)
{
    const NpuOp& op = s.ops.at(index);
    return s.words.mid(op.byteOffset / 4, op.size / 4);
}

inline void fixTxnHeader(QList<quint32>& words, int opDelta)
{
    words[2] = quint32(int(words[2]) + opDelta);
    words[3] = quint32(words.size() * 4);
}

inline QList<quint32> removeOp(const NpuStream& s, int index)
{
    QList<quint32> words = s.words;
    const NpuOp& op = s.ops.at(index);
    words.remove(op.byteOffset / 4, op.size / 4);
    fixTxnHeader(words, -1);
    return words;
}

// Inserts `op` (words) before op `before` (== op count: at the end).
inline QList<quint32> insertOp(const NpuStream& s, int before, const QList<quint32>& op)
{
    QList<quint32> words = s.words;
    const qsizetype at = before < s.ops.size() ? s.ops.at(before).byteOffset / 4 : words.size();
    for (qsizetype i = 0; i < op.size(); ++i)
        words.insert(at + i, op.at(i));
    fixTxnHeader(words, +1);
    return words;
}

inline int firstOp(const NpuStream& s, const QString& name)
{
    for (int i = 0; i < s.ops.size(); ++i) {
        if (s.opName(i) == name)
            return i;
    }
    return -1;
}

// A legacy sequence: the 17-word prolog, then `ops`.
inline QList<quint32> legacyStream(const QList<quint32>& ops)
{
    QList<quint32> words
        = { 0x00000011, 0x01000405, 0x01000100, 0x0B590100, 0x000055FF, 0x00000001, 0x00000010, 0x314E5A5F, 0x635F5F31,
            0x676E696C, 0x39354E5F, 0x6E693131, 0x5F727473, 0x64726F77, 0x00004573, 0x07BD9630, 0x000055FF };
    words.append(ops);
    return words;
}

// The context of a fixture's own xclbin and a correct host call: argument kinds from the reference metadata
// (the kernel that takes instr), partition width from aie_partition.json, buffers exactly as large as needed.
inline NpuStreamContext npuFixtureContext(const QString& name, const NpuStream& stream)
{
    NpuStreamContext c;
    const QString xml
        = QString::fromUtf8(readFile(xclbinReferenceDir(name) + QStringLiteral("/embedded_metadata.xml")));
    static const QRegularExpression kernelRe(QStringLiteral("<kernel .*?</kernel>"),
                                             QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression argRe(QStringLiteral("<arg name=\"([^\"]*)\" addressQualifier=\"([0-9])\""));
    for (auto k = kernelRe.globalMatch(xml); k.hasNext();) {
        const QString kernel = k.next().captured(0);
        if (!kernel.contains(QLatin1String("name=\"instr\"")))
            continue;
        for (auto a = argRe.globalMatch(kernel); a.hasNext();) {
            const auto m = a.next();
            c.argumentKinds << (m.captured(2) == QLatin1String("0") ? NpuStreamContext::ArgumentKind::Scalar
                                                                    : NpuStreamContext::ArgumentKind::Buffer);
        }
        break;
    }
    const QString partition
        = QString::fromUtf8(readFile(xclbinReferenceDir(name) + QStringLiteral("/aie_partition.json")));
    static const QRegularExpression widthRe(QStringLiteral("\"column_width\": \"([0-9]+)\""));
    c.partitionColumns = widthRe.match(partition).captured(1).toInt();
    c.deviceName = QStringLiteral("npu1");
    QSet<qint64> passed;
    for (qsizetype i = 0; i < c.argumentKinds.size(); ++i) {
        if (c.argumentKinds.at(i) == NpuStreamContext::ArgumentKind::Buffer)
            passed.insert(i);
    }
    c.hostBufferIndices = passed;
    for (const NpuArgument& a : stream.arguments)
        c.hostBufferSizes[a.xrtArgument] = a.minBytes;
    c.ninstr = stream.wordCount();
    return c;
}

inline QStringList findingCodes(const QList<NpuFinding>& findings, Severity severity)
{
    QStringList codes;
    for (const NpuFinding& f : findings) {
        if (f.severity == severity)
            codes << f.code;
    }
    return codes;
}

inline QString describeFindings(const QList<NpuFinding>& findings)
{
    QStringList lines;
    for (const NpuFinding& f : findings)
        lines << f.toText();
    return lines.join(QLatin1Char('\n'));
}

} // namespace xi::test
