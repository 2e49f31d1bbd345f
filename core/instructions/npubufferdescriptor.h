// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>

namespace xi {

// One dimension of a DMA access pattern: `size` steps of `strideWords` 32-bit words.
struct NpuDim {
    quint32 size = 0;
    quint32 strideWords = 0;
};

// The byte range [first, end) a queue push touches in its host buffer, arg_plus included.
struct NpuExtent {
    quint64 first = 0;
    quint64 end = 0;
};

// The eight words of a shim DMA buffer descriptor (identical fields on AIE2 npu1 and AIE2P npu2,
// docs/domain.md section 9) and the geometry of one queue push of it (section 2.4).
struct NpuBufferDescriptor {
    std::array<quint32, 8> words {};

    quint32 lengthWords() const { return words[0]; }
    bool enablePacket() const { return words[2] >> 30 & 1; }
    quint32 d0Wrap() const { return words[3] >> 20 & 0x3FF; } // 0 = a linear transfer
    quint32 d0Stride() const { return (words[3] & 0xFFFFF) + 1; } // strides in words (the field holds stride - 1)
    quint32 d1Wrap() const { return words[4] >> 20 & 0x3FF; }
    quint32 d1Stride() const { return (words[4] & 0xFFFFF) + 1; }
    quint32 d2Stride() const { return (words[5] & 0xFFFFF) + 1; }
    quint32 iterationCurrent() const { return words[6] >> 26 & 0x3F; }
    quint32 iterationWrap() const { return (words[6] >> 20 & 0x3F) + 1; } // positions the runs cycle through
    quint32 iterationStride() const { return (words[6] & 0xFFFFF) + 1; }
    bool iterates() const { return (words[6] & 0x3FFFFFF) != 0; }
    int nextBd() const { return int(words[7] >> 27 & 0xF); }
    bool useNextBd() const { return words[7] >> 26 & 1; }
    bool valid() const { return words[7] >> 25 & 1; }

    // Outermost first, as "count@stride"; a linear BD is one dimension (length@1). Returns the count used.
    int dims(std::array<NpuDim, 3>& out) const;
    // The highest word offset one run reaches from its start (0 for an empty BD).
    quint64 maxRunWordOffset() const;
    // What `runs` runs from byte offset `argPlus` touch; empty (first == end == argPlus) when the length is 0.
    NpuExtent extent(quint64 argPlus, int runs) const;
};

} // namespace xi
