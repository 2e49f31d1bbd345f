// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustreamwriter.h"

#include <QtEndian>

#include <initializer_list>

namespace xi {

namespace {

quint32 lo(quint64 v)
{
    return quint32(v);
}

quint32 hi(quint64 v)
{
    return quint32(v >> 32);
}

} // namespace

NpuStreamWriter::NpuStreamWriter(NpuFormat version)
    : m_version(version == NpuFormat::Txn10 ? NpuFormat::Txn10 : NpuFormat::Txn01)
{
}

void NpuStreamWriter::setHeader(int deviceGeneration, int rows, int columns, int memTileRows)
{
    m_deviceGeneration = deviceGeneration;
    m_rows = rows;
    m_columns = columns;
    m_memTileRows = memTileRows;
}

void NpuStreamWriter::add(std::initializer_list<quint32> words)
{
    for (quint32 w : words)
        m_body.append(w);
    ++m_ops;
}

void NpuStreamWriter::write(quint64 address, quint32 value)
{
    if (opt())
        add({ 0, lo(address), value });
    else
        add({ 0, 0, lo(address), hi(address), value, 24 });
}

void NpuStreamWriter::blockWrite(quint64 address, const QList<quint32>& data)
{
    const quint32 bytes = quint32(data.size() * 4);
    if (opt())
        add({ 1, lo(address), 12 + bytes });
    else
        add({ 1, 0, lo(address), 16 + bytes });
    m_body.append(data);
}

void NpuStreamWriter::maskWrite(quint64 address, quint32 value, quint32 mask, quint32 sizeV01)
{
    if (opt()) {
        add({ 3, lo(address), value, mask });
        return;
    }
    add({ 3, 0, lo(address), hi(address), value, mask, sizeV01 });
    for (quint32 i = 28; i < sizeV01; i += 4)
        m_body.append(0);
}

void NpuStreamWriter::maskPoll(quint64 address, quint32 value, quint32 mask, bool busy, quint32 sizeV01)
{
    const quint32 opcode = busy ? 7 : 4;
    if (opt()) {
        add({ opcode, lo(address), value, mask });
        return;
    }
    add({ opcode, 0, lo(address), hi(address), value, mask, sizeV01 });
    for (quint32 i = 28; i < sizeV01; i += 4)
        m_body.append(0);
}

void NpuStreamWriter::ddrPatch(quint64 registerAddress, quint64 argIndex, quint64 argPlus)
{
    if (opt())
        add({ 0x81, 24, lo(registerAddress), quint32(argIndex & 0xFF), lo(argPlus), hi(argPlus) });
    else
        add({ 0x81, 48, 0, 0, 0, 0, lo(registerAddress), hi(registerAddress), lo(argIndex), hi(argIndex), lo(argPlus),
              hi(argPlus) });
}

void NpuStreamWriter::sync(int column, int row, NpuChannel channel, int columns, int rows)
{
    const bool toNpu = NpuRegisters::isToNpu(channel);
    const quint32 index = channel == NpuChannel::S2MM1 || channel == NpuChannel::MM2S1 ? 1 : 0;
    add({ 0x80, 16, quint32(toNpu) | quint32(row) << 8 | quint32(column) << 16,
          quint32(rows) << 8 | quint32(columns) << 16 | index << 24 });
}

void NpuStreamWriter::noop()
{
    add({ 5 });
}

void NpuStreamWriter::preempt(int level)
{
    add({ 6 | quint32(level & 0xFF) << 8 });
}

void NpuStreamWriter::loadPdi(quint16 id, quint32 size, quint64 address)
{
    add({ 8 | quint32(id) << 16, size, lo(address), hi(address) });
}

void NpuStreamWriter::custom(quint8 opcode, const QList<quint32>& payload)
{
    add({ opcode, quint32(8 + payload.size() * 4) });
    m_body.append(payload);
}

void NpuStreamWriter::writeBd(int column, int bd, const NpuBufferDescriptor& descriptor)
{
    blockWrite(NpuRegisters::address(column, 0, NpuRegisters::shimBdOffset(bd)),
               QList<quint32>(descriptor.words.begin(), descriptor.words.end()));
}

void NpuStreamWriter::patchBd(int column, int bd, quint64 argIndex, quint64 argPlus)
{
    ddrPatch(NpuRegisters::address(column, 0, NpuRegisters::shimBdOffset(bd) + 4), argIndex, argPlus);
}

void NpuStreamWriter::push(int column, NpuChannel channel, int bd, int runs, bool token)
{
    write(NpuRegisters::address(column, 0, NpuRegisters::queueOffset(channel)),
          quint32(bd & 0xF) | quint32((runs - 1) & 0xFF) << 16 | quint32(token) << 31);
}

QList<quint32> NpuStreamWriter::words() const
{
    const quint32 major = opt() ? 1 : 0, minor = opt() ? 0 : 1;
    QList<quint32> all;
    all.reserve(4 + m_body.size());
    all << (quint32(m_rows) << 24 | quint32(m_deviceGeneration & 0xFF) << 16 | minor << 8 | major)
        << (quint32(m_columns & 0xFF) | quint32(m_memTileRows & 0xFF) << 8) << quint32(m_ops)
        << quint32((4 + m_body.size()) * 4);
    all.append(m_body);
    return all;
}

NpuStreamWriter NpuStreamWriter::fromStream(const NpuStream& stream, NpuFormat version, int deviceGeneration)
{
    NpuStreamWriter w(version);
    w.setHeader(deviceGeneration >= 0 ? deviceGeneration : stream.deviceGeneration, stream.rows, stream.columns,
                stream.memTileRows);
    const quint32 maskSize = 28;
    for (const NpuOp& op : stream.ops) {
        const quint32 sizeV01 = stream.format == NpuFormat::Txn01 ? op.size : maskSize;
        const QList<quint32> data = stream.words.mid(op.dataWord, op.dataCount);
        switch (op.opcode) {
        case 0: w.write(op.address, op.value); break;
        case 1: w.blockWrite(op.address, data); break;
        case 3: w.maskWrite(op.address, op.value, op.mask, sizeV01); break;
        case 4:
        case 7: w.maskPoll(op.address, op.value, op.mask, op.opcode == 7, sizeV01); break;
        case 5: w.noop(); break;
        case 6: w.preempt(int(op.value)); break;
        case 8: w.loadPdi(quint16(op.value), op.mask, op.address); break;
        case 0x80: w.add({ 0x80, 16, op.value, op.mask }); break;
        case 0x81: w.ddrPatch(op.address, op.argIndex, op.argPlus); break;
        default: w.custom(quint8(op.opcode), data); break;
        }
    }
    return w;
}

QByteArray NpuStreamWriter::toBytes(const QList<quint32>& words)
{
    // An empty list has no data pointer, and memcpy must not be handed a null one even for 0 bytes (UBSan).
    if (words.isEmpty())
        return {};
    QByteArray bytes(words.size() * 4, Qt::Uninitialized);
    qToLittleEndian<quint32>(words.constData(), words.size(), bytes.data());
    return bytes;
}

QByteArray NpuStreamWriter::toHexText(const QList<quint32>& words)
{
    QByteArray text;
    text.reserve(words.size() * 9);
    for (quint32 w : words)
        text += QByteArray::number(w, 16).toUpper().rightJustified(8, '0') + '\n';
    return text;
}

} // namespace xi
