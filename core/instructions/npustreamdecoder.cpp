// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustreamdecoder.h"

#include <QMap>

#include <algorithm>
#include <vector>

namespace xi {

namespace {

enum TxnOpcode : quint32 {
    OpWrite = 0,
    OpBlockWrite = 1,
    OpMaskWrite = 3,
    OpMaskPoll = 4,
    OpNoop = 5,
    OpPreempt = 6,
    OpMaskPollBusy = 7,
    OpLoadPdi = 8,
    OpTct = 0x80,
    OpDdrPatch = 0x81,
    OpReadRegs = 0x82,
    OpRecordTimer = 0x83,
    OpMergeSync = 0x84,
};

enum LegacyOpcode : quint32 { LegacyWrite32 = 2, LegacySync = 3, LegacyWriteBdShim = 6 };

// The register state of one shim BD plus the address patch that belongs to its last address write.
struct BdState {
    NpuBufferDescriptor bd;
    int lastWriteOp = -1;
    bool patched = false;
    qint64 argIndex = -1;
    quint64 argPlus = 0;
    int patchOp = -1;
    int lostAtOp = -1;
};

struct Failure {
    NpuStreamError error;
};

QString hex32(quint32 v)
{
    return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}

class Decoder {
public:
    explicit Decoder(NpuStream& stream)
        : m_s(stream)
    {
    }

    void run()
    {
        if (m_s.format == NpuFormat::Legacy) {
            m_argBase = 2;
            decodeLegacy();
        } else {
            decodeTxn();
        }
        summarise();
    }

private:
    NpuStream& m_s;
    std::vector<std::array<BdState, NpuRegisters::shimBdCount>> m_bds; // per column, grown on demand
    // Per column * 4 + channel: pushes whose token no sync has consumed yet (one per sync, oldest first), and
    // pushes without a token, which the next sync on the channel merely follows.
    std::vector<QList<int>> m_tokens;
    std::vector<QList<int>> m_untokened;
    qint64 m_argBase = 3;
    qint64 m_chainBudget = NpuStreamDecoder::maxChainedTransfers;

    [[noreturn]] void fail(NpuStreamError::Code code, qint64 word, const QString& expected, const QString& found)
    {
        NpuStreamError e;
        e.code = code;
        e.wordOffset = word;
        e.expected = expected;
        e.found = found;
        throw Failure { e };
    }

    quint32 word(qsizetype i) const { return m_s.words.at(i); }
    quint64 word64(qsizetype i) const { return quint64(word(i)) | quint64(word(i + 1)) << 32; }

    BdState& state(int column, int bd)
    {
        if (m_bds.size() <= size_t(column))
            m_bds.resize(size_t(column) + 1);
        return m_bds[size_t(column)][size_t(bd)];
    }

    static QList<int>& slot(std::vector<QList<int>>& lists, int column, NpuChannel channel)
    {
        const size_t i = size_t(column) * 4 + size_t(channel);
        if (lists.size() <= i)
            lists.resize(i + 1);
        return lists[i];
    }

    // --- TXN -------------------------------------------------------------------------------------------

    void decodeTxn()
    {
        const qsizetype n = m_s.words.size();
        if (n < 4)
            fail(NpuStreamError::Code::TruncatedHeader, n, QStringLiteral("a 16-byte TXN header"),
                 QStringLiteral("%1 bytes").arg(n * 4));
        const quint32 w0 = word(0), w1 = word(1);
        m_s.deviceGeneration = int(w0 >> 16 & 0xFF);
        m_s.rows = int(w0 >> 24);
        m_s.columns = int(w1 & 0xFF);
        m_s.memTileRows = int(w1 >> 8 & 0xFF);
        const quint32 numOps = word(2);
        m_s.headerOpCount = numOps;
        m_s.txnSize = word(3);
        if (m_s.txnSize != n * 4) {
            fail(NpuStreamError::Code::SizeMismatch, 3,
                 QStringLiteral("TxnSize equal to the stream size of %1 bytes").arg(n * 4),
                 QStringLiteral("TxnSize %1").arg(m_s.txnSize));
        }
        // The smallest op (NOOP, PREEMPT) is one word: more ops than words cannot be real.
        if (qint64(numOps) > n - 4) {
            fail(NpuStreamError::Code::OpCountTooLarge, 2,
                 QStringLiteral("at most %1 ops in the %2 bytes after the header").arg(n - 4).arg((n - 4) * 4),
                 QStringLiteral("NumOps %1").arg(numOps));
        }
        // NumOps may still lie: reserve no more than 3-word ops (v1.0 WRITE) could fill.
        m_s.ops.reserve(std::min<qsizetype>(qsizetype(numOps), (n - 4) / 3 + 1));
        qsizetype pos = 4;
        for (quint32 i = 0; i < numOps; ++i) {
            if (pos >= n) {
                fail(NpuStreamError::Code::TruncatedOp, pos,
                     QStringLiteral("op %1 of the %2 NumOps").arg(i).arg(numOps),
                     QStringLiteral("the end of the stream"));
            }
            pos += txnOp(pos, n);
        }
        if (pos != n)
            fail(NpuStreamError::Code::TrailingBytes, pos, QStringLiteral("the stream to end after %1 ops").arg(numOps),
                 QStringLiteral("%1 more bytes").arg((n - pos) * 4));
    }

    // Decodes the op at word `pos` and returns its size in words.
    qsizetype txnOp(qsizetype pos, qsizetype n)
    {
        const bool opt = m_s.format == NpuFormat::Txn10;
        const quint32 opcode = word(pos) & 0xFF;
        const qsizetype left = n - pos;
        NpuOp op;
        op.byteOffset = quint32(pos * 4);
        op.opcode = quint16(opcode);
        const int index = int(m_s.ops.size());
        auto need = [&](qsizetype words) {
            if (left < words) {
                fail(NpuStreamError::Code::TruncatedOp, pos,
                     QStringLiteral("%1 bytes for a %2 op")
                         .arg(words * 4)
                         .arg(npuOpcodeName(m_s.format, quint16(opcode))),
                     QStringLiteral("%1 bytes left").arg(left * 4));
            }
        };
        auto sizeField = [&](qsizetype at, quint32 minimum) -> qsizetype {
            need(at + 1);
            const quint32 size = word(pos + at);
            if (size < minimum)
                fail(NpuStreamError::Code::BadOpSize, pos,
                     QStringLiteral("an op size of at least %1 bytes").arg(minimum), QString::number(size));
            if (size % 4 != 0)
                fail(NpuStreamError::Code::BadOpSize, pos, QStringLiteral("an op size that is a multiple of 4 bytes"),
                     QString::number(size));
            if (qint64(size / 4) > left) {
                fail(NpuStreamError::Code::TruncatedOp, pos,
                     QStringLiteral("%1 bytes for a %2 op").arg(size).arg(npuOpcodeName(m_s.format, quint16(opcode))),
                     QStringLiteral("%1 bytes left").arg(left * 4));
            }
            return qsizetype(size / 4);
        };

        qsizetype words = 0;
        switch (opcode) {
        case OpWrite:
            if (opt) {
                need(3);
                words = 3;
                op.address = word(pos + 1);
                op.value = word(pos + 2);
            } else {
                words = sizeField(5, 24);
                op.address = word64(pos + 2);
                op.value = word(pos + 4);
            }
            op.mask = 0xFFFFFFFF;
            break;
        case OpBlockWrite: {
            const qsizetype header = opt ? 3 : 4;
            words = sizeField(opt ? 2 : 3, quint32(header * 4));
            op.address = word(pos + (opt ? 1 : 2));
            op.dataWord = quint32(pos + header);
            op.dataCount = quint32(words - header);
            break;
        }
        case OpMaskWrite:
        case OpMaskPoll:
        case OpMaskPollBusy:
            if (opt) {
                need(4);
                words = 4;
                op.address = word(pos + 1);
                op.value = word(pos + 2);
                op.mask = word(pos + 3);
            } else {
                words = sizeField(6, 28);
                op.address = word64(pos + 2);
                op.value = word(pos + 4);
                op.mask = word(pos + 5);
            }
            break;
        case OpNoop: words = 1; break;
        case OpPreempt:
            words = 1;
            op.value = word(pos) >> 8 & 0xFF;
            break;
        case OpLoadPdi:
            need(4);
            words = 4;
            op.value = word(pos) >> 16;
            op.mask = word(pos + 1);
            op.address = word64(pos + 2);
            break;
        case OpTct:
            words = sizeField(1, 16);
            op.value = word(pos + 2);
            op.mask = word(pos + 3);
            break;
        case OpDdrPatch:
            if (opt) {
                words = sizeField(1, 24);
                op.address = word(pos + 2);
                op.argIndex = word(pos + 3) & 0xFF;
                op.argPlus = word64(pos + 4);
            } else {
                words = sizeField(1, 48);
                op.address = word64(pos + 6);
                op.argIndex = word64(pos + 8);
                op.argPlus = word64(pos + 10);
            }
            break;
        case OpReadRegs:
        case OpRecordTimer:
        case OpMergeSync:
            words = sizeField(1, 8);
            op.dataWord = quint32(pos + 2);
            op.dataCount = quint32(words - 2);
            break;
        default:
            fail(NpuStreamError::Code::UnknownOpcode, pos,
                 QStringLiteral("a TXN opcode whose size is certain (0-8 or 0x80-0x84)"),
                 QStringLiteral("opcode %1 (0x%2)").arg(opcode).arg(opcode, 0, 16));
        }
        const bool hasRegister = opcode == OpWrite || opcode == OpBlockWrite || opcode == OpMaskWrite
            || opcode == OpMaskPoll || opcode == OpMaskPollBusy || opcode == OpDdrPatch;
        if (hasRegister && op.address <= 0xFFFFFFFFu) {
            op.column = qint16(NpuRegisters::column(op.address));
            op.row = qint16(NpuRegisters::row(op.address));
        }
        op.size = quint32(words * 4);
        m_s.ops.append(op);

        switch (opcode) {
        case OpWrite:
        case OpMaskWrite: writeAddress(op.address, op.value, op.mask, index); break;
        case OpBlockWrite:
            for (quint32 i = 0; i < op.dataCount; ++i)
                writeAddress(op.address + 4 * quint64(i), word(op.dataWord + i), 0xFFFFFFFF, index);
            break;
        case OpTct: {
            NpuOp& stored = m_s.ops.last();
            stored.column = qint16(op.value >> 16 & 0xFF);
            stored.row = qint16(op.value >> 8 & 0xFF);
            syncOp(op.value, op.mask, index);
            break;
        }
        case OpDdrPatch:
            if (op.address <= 0xFFFFFFFFu)
                patch(NpuRegisters::column(op.address), NpuRegisters::row(op.address), NpuRegisters::offset(op.address),
                      op.argIndex, op.argPlus, index);
            break;
        case OpMergeSync: mergedSync(index); break;
        default: break;
        }
        return words;
    }

    // --- legacy IPU sequence ---------------------------------------------------------------------------

    void decodeLegacy()
    {
        const qsizetype n = m_s.words.size();
        constexpr qsizetype prolog = 17;
        if (n < prolog)
            fail(NpuStreamError::Code::TruncatedHeader, n, QStringLiteral("the 17-word prolog of a legacy sequence"),
                 QStringLiteral("%1 words").arg(n));
        m_s.prologWords = int(prolog);
        m_s.ops.reserve((n - prolog) / 2);
        qsizetype pos = prolog;
        while (pos < n) {
            const quint32 w0 = word(pos);
            const quint32 opcode = w0 >> 24;
            qsizetype size = 0;
            switch (opcode) {
            case LegacyWrite32: size = 3; break;
            case LegacySync: size = 2; break;
            case LegacyWriteBdShim: size = 10; break;
            default:
                fail(NpuStreamError::Code::UnknownOpcode, pos,
                     QStringLiteral("a legacy opcode whose size is certain (2 WRITE32, 3 SYNC, 6 "
                                    "WRITEBD_EXTEND_SHIMTILE)"),
                     QStringLiteral("opcode %1 in word %2").arg(opcode).arg(hex32(w0)));
            }
            if (n - pos < size) {
                fail(NpuStreamError::Code::TruncatedOp, pos,
                     QStringLiteral("%1 words for a %2 op").arg(size).arg(npuOpcodeName(m_s.format, quint16(opcode))),
                     QStringLiteral("%1 words left").arg(n - pos));
            }
            legacyOp(pos, opcode, size);
            pos += size;
        }
    }

    void legacyOp(qsizetype pos, quint32 opcode, qsizetype size)
    {
        const quint32 w0 = word(pos);
        const int index = int(m_s.ops.size());
        NpuOp op;
        op.byteOffset = quint32(pos * 4);
        op.size = quint32(size * 4);
        op.opcode = quint16(opcode);
        const int column = int(w0 >> 16 & 0xFF);
        op.column = qint16(column);
        switch (opcode) {
        case LegacyWrite32: {
            const int row = int(w0 >> 8 & 0xFF);
            op.row = qint16(row);
            op.address = word(pos + 1);
            op.value = word(pos + 2);
            op.mask = 0xFFFFFFFF;
            m_s.ops.append(op);
            if (column < NpuRegisters::maxColumns && op.address <= 0xFFFFF && op.address % 4 == 0)
                writeRegister(column, row, quint32(op.address), op.value, op.mask, index);
            break;
        }
        case LegacySync:
            op.row = qint16(w0 >> 8 & 0xFF);
            op.value = w0 & 0xFFFFFF;
            op.mask = word(pos + 1);
            m_s.ops.append(op);
            syncOp(op.value, op.mask, index);
            break;
        case LegacyWriteBdShim: {
            const int columns = std::max(1, int(w0 >> 8 & 0xFF));
            const int bd = int(w0 & 0xF);
            op.row = 0;
            op.address = NpuRegisters::address(column, 0, NpuRegisters::shimBdOffset(bd));
            op.value = w0 >> 4 & 0xF;
            op.argIndex = op.value;
            op.argPlus = word(pos + 3);
            op.mask = quint32(columns);
            op.dataWord = quint32(pos);
            op.dataCount = quint32(size);
            m_s.ops.append(op);
            for (int c = column; c < std::min(column + columns, NpuRegisters::maxColumns); ++c) {
                BdState& s = state(c, bd);
                s.bd.words[0] = word(pos + 2);
                s.bd.words[1] = word(pos + 1);
                for (int i = 2; i < 8; ++i)
                    s.bd.words[size_t(i)] = word(pos + 2 + i);
                s.lastWriteOp = index;
                s.patched = true;
                s.argIndex = qint64(op.argIndex);
                s.argPlus = op.argPlus;
                s.patchOp = index;
                s.lostAtOp = -1;
            }
            break;
        }
        default: break;
        }
    }

    // --- register model --------------------------------------------------------------------------------

    void writeAddress(quint64 address, quint32 value, quint32 mask, int op)
    {
        if (address > 0xFFFFFFFFu || address % 4 != 0)
            return;
        writeRegister(NpuRegisters::column(address), NpuRegisters::row(address), NpuRegisters::offset(address), value,
                      mask, op);
    }

    void writeRegister(int column, int row, quint32 offset, quint32 value, quint32 mask, int op)
    {
        if (row != 0)
            return;
        const int bd = NpuRegisters::shimBd(offset);
        if (bd >= 0) {
            BdState& s = state(column, bd);
            const int w = NpuRegisters::shimBdWord(offset);
            quint32& reg = s.bd.words[size_t(w)];
            reg = (reg & ~mask) | (value & mask);
            s.lastWriteOp = op;
            // The patch wrote the address (word 1, bits 31:2, and word 2, bits 15:0): rewriting it undoes the patch.
            if ((w == 1 && (mask & 0xFFFFFFFC)) || (w == 2 && (mask & 0xFFFF))) {
                if (s.patched)
                    s.lostAtOp = op;
                s.patched = false;
            }
            return;
        }
        if (const auto channel = NpuRegisters::queueChannel(offset))
            push(column, *channel, value & mask, op);
    }

    void patch(int column, int row, quint32 offset, quint64 argIndex, quint64 argPlus, int op)
    {
        const int bd = NpuRegisters::shimBd(offset);
        if (row != 0 || bd < 0)
            return;
        BdState& s = state(column, bd);
        s.patched = true;
        s.argIndex = qint64(std::min<quint64>(argIndex, 0xFFFFFFFFu));
        s.argPlus = argPlus;
        s.patchOp = op;
        s.lostAtOp = -1;
    }

    void push(int column, NpuChannel channel, quint32 value, int op)
    {
        const int runs = int(value >> 16 & 0xFF) + 1;
        const bool token = value >> 31;
        int bd = int(value & 0xF);
        quint32 visited = 0;
        for (int step = 0;; ++step) {
            visited |= 1u << bd;
            const BdState& s = state(column, bd);
            NpuTransfer t;
            t.opIndex = op;
            t.column = column;
            t.channel = channel;
            t.bd = bd;
            t.chainStep = step;
            t.descriptor = s.bd;
            t.patched = s.patched;
            if (s.patched) {
                t.argIndex = s.argIndex;
                t.xrtArgument = m_argBase + s.argIndex;
                t.offset = s.argPlus;
                t.patchOpIndex = s.patchOp;
            }
            t.bdWriteOpIndex = s.lastWriteOp;
            t.patchLostAtOp = s.lostAtOp;
            t.runs = runs;
            t.bytes = 4 * quint64(s.bd.lengthWords()) * quint64(runs);
            t.extent = s.bd.extent(t.offset, runs);
            t.token = token && step == 0;
            if (step == 0)
                slot(token ? m_tokens : m_untokened, column, channel).append(int(m_s.transfers.size()));
            m_s.transfers.append(t);
            if (!s.bd.useNextBd() || (visited & (1u << s.bd.nextBd())))
                break;
            // Each push may follow up to 15 chained BDs; a budget keeps a stream of chained pushes from
            // multiplying its size in transfers.
            if (m_chainBudget-- <= 0) {
                ++m_s.chainsCut;
                break;
            }
            bd = s.bd.nextBd();
        }
    }

    // TCT word = dir | row << 8 | col << 16; config = nrows << 8 | ncols << 16 | channel << 24 (legacy SYNC alike).
    // A sync consumes one completion token per covered channel: that of the oldest push not yet waited for.
    void syncOp(quint32 word, quint32 config, int op)
    {
        NpuSync s;
        s.opIndex = op;
        s.toNpu = word & 1;
        s.row = int(word >> 8 & 0xFF);
        s.column = int(word >> 16 & 0xFF);
        s.rows = int(config >> 8 & 0xFF);
        s.columns = int(config >> 16 & 0xFF);
        s.channelIndex = int(config >> 24 & 0xFF);
        const int index = int(m_s.syncs.size());
        if (s.channelIndex <= 1) {
            const int last = std::min(s.column + std::max(s.columns, 1), NpuRegisters::maxColumns);
            for (int c = s.column; c < last; ++c) {
                QList<int>& tokens = slot(m_tokens, c, s.channel());
                if (!tokens.isEmpty())
                    wait(tokens.takeFirst(), s, index);
                else
                    s.missingTokens.append(c);
                follow(slot(m_untokened, c, s.channel()), index);
            }
        }
        m_s.syncs.append(s);
    }

    void mergedSync(int op)
    {
        NpuSync s;
        s.opIndex = op;
        s.merged = true;
        const int index = int(m_s.syncs.size());
        for (QList<int>& tokens : m_tokens) {
            for (int t : std::as_const(tokens))
                wait(t, s, index);
            tokens.clear();
        }
        for (QList<int>& list : m_untokened)
            follow(list, index);
        m_s.syncs.append(s);
    }

    void wait(int transfer, NpuSync& sync, int syncIndex)
    {
        sync.waitsFor.append(transfer);
        m_s.transfers[transfer].waitedBySync = syncIndex;
    }

    void follow(QList<int>& list, int syncIndex)
    {
        for (int t : std::as_const(list))
            m_s.transfers[t].waitedBySync = syncIndex;
        list.clear();
    }

    void summarise()
    {
        QMap<qint64, NpuArgument> byIndex;
        for (qsizetype i = 0; i < m_s.transfers.size(); ++i) {
            const NpuTransfer& t = m_s.transfers.at(i);
            if (!t.patched)
                continue;
            NpuArgument& a = byIndex[t.xrtArgument];
            if (a.pushes == 0) {
                a.xrtArgument = t.xrtArgument;
                a.argIndex = t.argIndex;
                a.firstOpIndex = t.opIndex;
            }
            ++a.pushes;
            (t.toNpu() ? a.read : a.written) = true;
            a.bytesMoved = a.bytesMoved > ~quint64(0) - t.bytes ? ~quint64(0) : a.bytesMoved + t.bytes;
            if (t.extent.end > a.minBytes || a.minBytesTransfer < 0) {
                a.minBytes = std::max(a.minBytes, t.extent.end);
                a.minBytesTransfer = int(i);
            }
        }
        m_s.arguments = byIndex.values();
    }
};

} // namespace

std::optional<NpuStreamError> NpuStreamDecoder::decode(NpuStream& stream)
{
    stream.ops.clear();
    stream.transfers.clear();
    stream.syncs.clear();
    stream.arguments.clear();
    if (!stream.isDecoded())
        return std::nullopt;
    try {
        Decoder(stream).run();
    } catch (const Failure& f) {
        return f.error;
    }
    return std::nullopt;
}

} // namespace xi
