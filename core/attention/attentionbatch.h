// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace xi {

// Float32 multi-head attention, out[h] = softmax(Q[h] K[h]^T * scale) V[h], for the bench and for
// long sequences: heads x seq x dim contiguous arrays (C order). Register-blocked loops with a
// fused stable softmax, compiled for x86-64-v4, x86-64-v3 and baseline and picked at run time
// (GCC function multiversioning), so one binary runs on any x86-64 CPU. Heads run in parallel.
class AttentionBatch {
public:
    // threads <= 0: one per core, at most one per head.
    static void run(const float* q, const float* k, const float* v, float* out, int heads, int seq, int dim,
                    float scale, int threads = 0);
    // The instruction set the dispatcher picked on this CPU: "x86-64-v4", "x86-64-v3", "baseline".
    static QString instructionSet();
};

} // namespace xi
