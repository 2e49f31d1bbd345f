// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npuregisters.h"

namespace xi {

quint64 NpuRegisters::address(int column, int row, quint32 offset)
{
    return quint64(column & 0x7F) << 25 | quint64(row & 0x1F) << 20 | (offset & 0xFFFFF);
}

int NpuRegisters::shimBd(quint32 offset)
{
    if (offset < shimBdBase || offset >= shimBdBase + shimBdStride * shimBdCount)
        return -1;
    return int((offset - shimBdBase) / shimBdStride);
}

std::optional<NpuChannel> NpuRegisters::queueChannel(quint32 offset)
{
    switch (offset) {
    case 0x1D204: return NpuChannel::S2MM0;
    case 0x1D20C: return NpuChannel::S2MM1;
    case 0x1D214: return NpuChannel::MM2S0;
    case 0x1D21C: return NpuChannel::MM2S1;
    default: return std::nullopt;
    }
}

quint32 NpuRegisters::queueOffset(NpuChannel channel)
{
    switch (channel) {
    case NpuChannel::S2MM0: return 0x1D204;
    case NpuChannel::S2MM1: return 0x1D20C;
    case NpuChannel::MM2S0: return 0x1D214;
    case NpuChannel::MM2S1: return 0x1D21C;
    }
    return 0;
}

QString NpuRegisters::channelName(NpuChannel channel)
{
    switch (channel) {
    case NpuChannel::S2MM0: return QStringLiteral("S2MM0");
    case NpuChannel::S2MM1: return QStringLiteral("S2MM1");
    case NpuChannel::MM2S0: return QStringLiteral("MM2S0");
    case NpuChannel::MM2S1: return QStringLiteral("MM2S1");
    }
    return {};
}

NpuChannel NpuRegisters::channel(bool toNpu, int index)
{
    if (toNpu)
        return index == 0 ? NpuChannel::MM2S0 : NpuChannel::MM2S1;
    return index == 0 ? NpuChannel::S2MM0 : NpuChannel::S2MM1;
}

QString NpuRegisters::tileName(int column, int row, int memTileRows)
{
    const QString kind = row == 0 ? QStringLiteral("shim")
        : row <= memTileRows      ? QStringLiteral("memtile")
                                  : QStringLiteral("core");
    return kind % QLatin1Char('(') % QString::number(column) % QLatin1Char(',') % QString::number(row)
        % QLatin1Char(')');
}

QString NpuRegisters::registerName(int column, int row, quint32 offset, int memTileRows)
{
    const QString tile = tileName(column, row, memTileRows);
    if (row == 0) {
        const int bd = shimBd(offset);
        if (bd >= 0 && offset % 4 == 0)
            return tile % QStringLiteral(".BD") % QString::number(bd) % QStringLiteral(".w")
                % QString::number(shimBdWord(offset));
        if (const auto channel = queueChannel(offset))
            return tile % QLatin1Char('.') % channelName(*channel) % QStringLiteral(".TASK_QUEUE");
        switch (offset) {
        case 0x1D200: return tile % QStringLiteral(".S2MM0.CTRL");
        case 0x1D208: return tile % QStringLiteral(".S2MM1.CTRL");
        case 0x1D210: return tile % QStringLiteral(".MM2S0.CTRL");
        case 0x1D218: return tile % QStringLiteral(".MM2S1.CTRL");
        case 0x1D220: return tile % QStringLiteral(".S2MM0.STATUS");
        case 0x1D224: return tile % QStringLiteral(".S2MM1.STATUS");
        case 0x1D228: return tile % QStringLiteral(".MM2S0.STATUS");
        case 0x1D22C: return tile % QStringLiteral(".MM2S1.STATUS");
        default: break;
        }
    }
    return tile % QStringLiteral("@0x") % QString::number(offset, 16);
}

QString NpuRegisters::registerName(quint64 address, int memTileRows)
{
    if (address > 0xFFFFFFFFu)
        return QStringLiteral("0x") % QString::number(address, 16);
    return registerName(column(address), row(address), offset(address), memTileRows);
}

} // namespace xi
