// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instructions/npubufferdescriptor.h"
#include "instructions/npufinding.h"
#include "instructions/npuregisters.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>

namespace xi {

// What the bytes are (sniffed by content, never by name). Only the first three are decoded.
enum class NpuFormat { Txn01, Txn10, Legacy, Elf, ControlPackets, Unknown };
enum class NpuEncoding { Binary, HexText };

QString npuFormatName(NpuFormat format); // "txn-0.1", "txn-1.0", "legacy", "elf", "control-packets", "unknown"
QString npuEncodingName(NpuEncoding encoding); // "binary", "hex-text"
// "BLOCKWRITE", "SYNC" (TCT), "DDR_PATCH", legacy "WRITEBD_EXTEND_SHIMTILE", ...; "OP_0x9" when unnamed.
QString npuOpcodeName(NpuFormat format, quint16 opcode);
// aie-rt XAIE_DEV_GEN_*: 2 "AIE-ML", 3 "npu1 (AIE2IPU, Phoenix/Hawk Point)", 4 "npu2 (AIE2P, Strix/Krackan)", ...
QString npuDeviceGenerationName(int generation);

// One op as it sits in the stream. The fields an opcode does not use stay 0; names and details are
// computed on demand (NpuStream::opName, opDetail) so decoding a large stream stays cheap.
struct NpuOp {
    quint32 byteOffset = 0;
    quint32 size = 0; // bytes
    quint16 opcode = 0; // TXN opcode, or legacy opcode (bits 31:24 of the first word)
    qint16 column = -1; // of the register written, the patched BD or the synced channel; -1 none
    qint16 row = -1;
    quint64 address = 0; // register (WRITE, BLOCKWRITE, MASKWRITE, MASKPOLL, WRITE32), patched register, PDI
    quint32 value = 0; // WRITE/MASKWRITE value; SYNC word; PREEMPT level; LOADPDI id; legacy WRITEBD ddr_id
    quint32 mask = 0; // MASKWRITE/MASKPOLL mask; SYNC config; LOADPDI size
    quint64 argIndex = 0; // DDR_PATCH arg_idx, legacy ddr_id
    quint64 argPlus = 0; // DDR_PATCH arg_plus, legacy buffer offset (bytes)
    quint32 dataWord = 0; // BLOCKWRITE payload (or a legacy WRITEBD's words): first index in NpuStream::words
    quint32 dataCount = 0;
};

// One BD started by a queue push (or reached from it through USE_NEXT_BD).
struct NpuTransfer {
    int opIndex = -1; // the push
    int column = 0;
    NpuChannel channel = NpuChannel::MM2S0;
    int bd = 0;
    int chainStep = 0; // 0 = the pushed BD, n = n-th BD followed through USE_NEXT_BD
    NpuBufferDescriptor descriptor; // the BD register state at the push
    bool patched = false;
    qint64 argIndex = -1; // arg_idx (TXN) or ddr_id (legacy), -1 when unpatched
    qint64 xrtArgument = -1; // 3 + arg_idx (TXN), 2 + ddr_id (legacy), -1 when unpatched
    quint64 offset = 0; // arg_plus, bytes
    int patchOpIndex = -1;
    int bdWriteOpIndex = -1; // last op that wrote this BD's words
    int patchLostAtOp = -1; // op that rewrote the address words after the patch, -1 if none
    int runs = 1; // REPEAT_COUNT + 1
    quint64 bytes = 0; // 4 * length * runs
    NpuExtent extent; // bytes touched in the host buffer
    bool token = false; // ENABLE_TOKEN_ISSUE
    // Index in NpuStream::syncs of the sync that consumed this push's token (or, for a push without a token, of
    // the next sync on its column and channel); -1 when none did.
    int waitedBySync = -1;

    bool toNpu() const { return NpuRegisters::isToNpu(channel); }
    QString directionName() const { return toNpu() ? QStringLiteral("to_npu") : QStringLiteral("from_npu"); }
    QString channelName() const { return NpuRegisters::channelName(channel); }
    int dims(std::array<NpuDim, 3>& out) const { return descriptor.dims(out); }
};

// A wait for task-completion tokens: TCT (TXN opcode 0x80), legacy SYNC (opcode 3), or MERGE_SYNC (0x84,
// which waits on everything pending).
struct NpuSync {
    int opIndex = -1;
    int column = 0;
    int row = 0;
    int columns = 1;
    int rows = 1;
    int channelIndex = 0; // 0 or 1
    bool toNpu = false; // direction bit: 1 = MM2S
    bool merged = false; // MERGE_SYNC: no column/channel in the op
    QList<int> waitsFor; // transfers (indices) whose completion token this sync consumes, one per channel
    QList<int> missingTokens; // covered columns where no earlier push issued a token: the sync would hang

    NpuChannel channel() const { return NpuRegisters::channel(toNpu, channelIndex); }
    QString describe() const; // "col 0 S2MM0", "col 0-3 S2MM0", "merged"
};

// Everything the stream does with one XRT argument.
struct NpuArgument {
    qint64 xrtArgument = -1;
    qint64 argIndex = -1;
    bool read = false; // some MM2S transfer reads it
    bool written = false; // some S2MM transfer writes it
    quint64 bytesMoved = 0;
    quint64 minBytes = 0; // highest end byte over its transfers
    int pushes = 0;
    int firstOpIndex = -1;
    int minBytesTransfer = -1; // the transfer that needs minBytes

    QString directionName() const; // "to_npu", "from_npu", "both"
};

// A decoded instruction stream: header, ops, the transfers and syncs they make, per-argument sums.
// Made by NpuStreamReader; for ELF, control packets and unknown content only the format and size are set.
struct NpuStream {
    QString path;
    NpuFormat format = NpuFormat::Unknown;
    NpuEncoding encoding = NpuEncoding::Binary;
    qint64 inputBytes = 0; // as read (hex text counts its characters)
    QList<quint32> words; // the stream as 32-bit words (empty for ELF)
    QString recognisedAs; // a phrase naming what the content is, for the formats not decoded

    // TXN header; -1 where the format has none (legacy).
    int deviceGeneration = -1;
    int rows = -1;
    int columns = -1;
    int memTileRows = -1;
    qint64 headerOpCount = -1;
    qint64 txnSize = -1;
    int prologWords = 0; // legacy: 17
    int chainsCut = 0; // pushes whose USE_NEXT_BD chain was not followed to its end (NpuStreamDecoder's budget)

    QList<NpuOp> ops;
    QList<NpuTransfer> transfers;
    QList<NpuSync> syncs;
    QList<NpuArgument> arguments; // sorted by XRT index

    bool isDecoded() const
    {
        return format == NpuFormat::Txn01 || format == NpuFormat::Txn10 || format == NpuFormat::Legacy;
    }
    bool isTxn() const { return format == NpuFormat::Txn01 || format == NpuFormat::Txn10; }
    qint64 wordCount() const { return words.size(); }
    qint64 byteCount() const { return words.size() * 4; } // what the instruction BO holds
    const NpuArgument* argument(qint64 xrtArgument) const;

    QString opName(int index) const; // "BLOCKWRITE", "SYNC", "WRITEBD_EXTEND_SHIMTILE"
    QString opRegisterName(int index) const; // "shim(0,0).BD0.w1"; empty for ops without a register
    QString opDetail(int index) const; // one line: "shim(0,0).MM2S0.TASK_QUEUE = 0x00000000"
    // The op an XRT `txn_op_idx` names, as a sentence; 0xFFFFFFFF = none started or all completed.
    QString describeOpIndex(quint32 txnOpIdx) const;
    QString transferText(const NpuTransfer& t) const; // one line, as in npu-instructions-fixtures.txt
    QString summaryText() const; // the header line
    // Summary, transfers, syncs, per argument, (ops), findings.
    QString toText(bool withOps = false, const QList<NpuFinding>& findings = {}) const;
    // {"format", "encoding", "device_generation", "rows", "columns", "mem_tile_rows", "words", "bytes",
    //  "op_count", "txn_size", "ops" (withOps only), "transfers", "arguments", "syncs", "findings"}
    QJsonObject toJson(bool withOps = false, const QList<NpuFinding>& findings = {}) const;
};

} // namespace xi
