// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace xi {

// A shim DMA channel. MM2S reads host memory into the array (host -> NPU), S2MM writes it (NPU -> host).
enum class NpuChannel { S2MM0, S2MM1, MM2S0, MM2S1 };

// Register addresses of the array as the instruction stream writes them (docs/domain.md section 9):
// address = column << 25 | row << 20 | tile-local offset; row 0 is the shim, then mem-tile rows, then cores.
class NpuRegisters {
public:
    static constexpr quint32 shimBdBase = 0x1D000;
    static constexpr quint32 shimBdStride = 0x20;
    static constexpr int shimBdCount = 16;
    static constexpr int maxColumns = 128; // 7 column bits

    static int column(quint64 address) { return address > 0xFFFFFFFFu ? -1 : int(address >> 25 & 0x7F); }
    static int row(quint64 address) { return address > 0xFFFFFFFFu ? -1 : int(address >> 20 & 0x1F); }
    static quint32 offset(quint64 address) { return quint32(address & 0xFFFFF); }
    static quint64 address(int column, int row, quint32 offset);

    // The shim BD (0-15) and word (0-7) of a tile-local offset, or -1.
    static int shimBd(quint32 offset);
    static int shimBdWord(quint32 offset) { return int(offset >> 2 & 7); }
    static quint32 shimBdOffset(int bd) { return shimBdBase + shimBdStride * quint32(bd); }

    // The channel whose *_TASK_QUEUE (CTRL + 4) sits at a shim offset.
    static std::optional<NpuChannel> queueChannel(quint32 offset);
    static quint32 queueOffset(NpuChannel channel);
    static QString channelName(NpuChannel channel); // "MM2S0"
    static bool isToNpu(NpuChannel channel) { return channel == NpuChannel::MM2S0 || channel == NpuChannel::MM2S1; }
    static NpuChannel channel(bool toNpu, int index);

    // "shim(0,0)", "memtile(0,1)", "core(0,2)"
    static QString tileName(int column, int row, int memTileRows);
    // "shim(0,0).BD0.w1", "shim(0,0).MM2S0.TASK_QUEUE", "core(0,3)@0x1d00"
    static QString registerName(int column, int row, quint32 offset, int memTileRows);
    static QString registerName(quint64 address, int memTileRows);
};

} // namespace xi
