// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace xi {

// This CPU's float peak as a program can reach it: twelve independent chains of fused multiply-adds on the widest
// vectors the CPU has (AVX-512, else AVX2 with FMA, else SSE multiply and add), nothing else in the loop.
class FmaPeak {
public:
    // Runs `rounds` rounds on the calling thread; returns the floating-point operations done (an FMA counts 2).
    static double run(qint64 rounds);
    // "avx512f", "avx2+fma" or "sse2": what run() uses here.
    static QString instructionSet();
};

} // namespace xi
