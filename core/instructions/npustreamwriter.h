// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instructions/npubufferdescriptor.h"
#include "instructions/npuregisters.h"
#include "instructions/npustream.h"

#include <QByteArray>
#include <QList>

#include <initializer_list>

namespace xi {

// Builds a TXN stream (v0.1 with mlir-aie's op sizes, or v1.0 "_opt") op by op: for tests, benchmarks, and to
// re-encode a decoded stream in the other version.
class NpuStreamWriter {
public:
    explicit NpuStreamWriter(NpuFormat version = NpuFormat::Txn01);

    void setHeader(int deviceGeneration, int rows, int columns, int memTileRows);
    void write(quint64 address, quint32 value);
    void blockWrite(quint64 address, const QList<quint32>& data);
    void maskWrite(quint64 address, quint32 value, quint32 mask, quint32 sizeV01 = 28);
    void maskPoll(quint64 address, quint32 value, quint32 mask, bool busy = false, quint32 sizeV01 = 28);
    void ddrPatch(quint64 registerAddress, quint64 argIndex, quint64 argPlus);
    void sync(int column, int row, NpuChannel channel, int columns = 1, int rows = 1);
    void noop();
    void preempt(int level);
    void loadPdi(quint16 id, quint32 size, quint64 address);
    void custom(quint8 opcode, const QList<quint32>& payload); // READ_REGS, RECORD_TIMER, MERGE_SYNC
    // The common shapes: the eight words of a shim BD, its address patch, a queue push.
    void writeBd(int column, int bd, const NpuBufferDescriptor& descriptor);
    void patchBd(int column, int bd, quint64 argIndex, quint64 argPlus);
    void push(int column, NpuChannel channel, int bd, int runs = 1, bool token = false);

    int opCount() const { return m_ops; }
    QList<quint32> words() const; // header + ops
    QByteArray bytes() const { return toBytes(words()); }

    // The ops of a decoded TXN stream in `version`, with its header (and deviceGeneration when >= 0).
    static NpuStreamWriter fromStream(const NpuStream& stream, NpuFormat version, int deviceGeneration = -1);
    static QByteArray toBytes(const QList<quint32>& words); // little-endian
    static QByteArray toHexText(const QList<quint32>& words); // "%08X\n" per word, as aie-translate writes

private:
    bool opt() const { return m_version == NpuFormat::Txn10; }
    void add(std::initializer_list<quint32> words);

    NpuFormat m_version;
    int m_deviceGeneration = 3;
    int m_rows = 6;
    int m_columns = 4;
    int m_memTileRows = 1;
    int m_ops = 0;
    QList<quint32> m_body;
};

} // namespace xi
