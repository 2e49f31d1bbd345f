// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionemulatedkernel.h"
#include "instructions/npustream.h"

#include <QByteArray>
#include <QString>

namespace xi {

// Our attention design (kernels/attention/attention_SxS.mlir) as the NPU sees it: its runtime sequence moves
// Q, K and V (3 x S x S int8, packed) from runtime-sequence argument 0 = XRT argument 3, and the output (S x S
// int8) to argument 1 = XRT argument 4, then waits for the output. That is what the emulated backend needs to
// know before it may stand in for the NPU with our host-built kernel.
class AttentionDesign {
public:
    static constexpr int InputArgument = AttentionEmulatedKernel::InputArgument; // %qkvHost
    static constexpr int OutputArgument = AttentionEmulatedKernel::OutputArgument; // %outHost

    // Whether a decoded stream is our attention design, and for which size (0 = not ours, `why` says what differs).
    struct Recognition {
        int size = 0;
        QString why; // the evidence, one sentence either way

        bool ours() const { return size > 0; }
    };
    static Recognition recognise(const NpuStream& stream);

    // The TXN v0.1 stream aiecc writes for the design's runtime sequence (output BD 0 on S2MM0 with a completion
    // token, input BD 1 on MM2S0, a sync on the output), for npu1 with `columns` columns.
    static QByteArray instructionStream(int size, int columns = 4);
};

} // namespace xi
