// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npubufferdescriptor.h"

#include <algorithm>

namespace xi {

namespace {

// Offsets come from 64-bit patch fields: saturate rather than wrap, so a huge arg_plus stays huge.
quint64 addSat(quint64 a, quint64 b)
{
    return a > ~quint64(0) - b ? ~quint64(0) : a + b;
}

quint64 mulSat(quint64 a, quint64 b)
{
    if (a != 0 && b > ~quint64(0) / a)
        return ~quint64(0);
    return a * b;
}

} // namespace

int NpuBufferDescriptor::dims(std::array<NpuDim, 3>& out) const
{
    const quint32 d0 = d0Wrap();
    if (d0 == 0) {
        out[0] = { lengthWords(), 1 };
        return 1;
    }
    const quint64 d1 = std::max<quint32>(d1Wrap(), 1);
    const quint64 d2 = (quint64(lengthWords()) + d0 * d1 - 1) / (d0 * d1);
    int n = 0;
    if (d2 > 1)
        out[n++] = { quint32(d2), d2Stride() };
    if (d1Wrap() != 0)
        out[n++] = { d1Wrap(), d1Stride() };
    out[n++] = { d0, d0Stride() };
    return n;
}

quint64 NpuBufferDescriptor::maxRunWordOffset() const
{
    const quint64 len = lengthWords();
    if (len == 0)
        return 0;
    const quint64 d0 = d0Wrap();
    if (d0 == 0)
        return len - 1;
    const quint64 d1 = std::max<quint32>(d1Wrap(), 1);
    const quint64 s0 = d0Stride(), s1 = d1Stride(), s2 = d2Stride();
    const quint64 block = d0 * d1;
    const quint64 full = len / block;
    const quint64 rest = len % block;
    quint64 best = 0;
    if (full > 0)
        best = (d0 - 1) * s0 + (d1 - 1) * s1 + (full - 1) * s2;
    if (rest > 0) {
        // A last, partial d2 step: whole d1 rows first, then a partial row.
        const quint64 rows = rest / d0, tail = rest % d0;
        quint64 partial = 0;
        if (rows > 0)
            partial = (rows - 1) * s1 + (d0 - 1) * s0;
        if (tail > 0)
            partial = std::max(partial, rows * s1 + (tail - 1) * s0);
        best = std::max(best, full * s2 + partial);
    }
    return best;
}

NpuExtent NpuBufferDescriptor::extent(quint64 argPlus, int runs) const
{
    if (lengthWords() == 0 || runs <= 0)
        return { argPlus, argPlus };
    const quint64 wrap = iterationWrap();
    const quint64 positions = std::min<quint64>(quint64(runs), wrap);
    quint64 minStart = ~quint64(0), maxStart = 0;
    for (quint64 k = 0; k < positions; ++k) {
        const quint64 start = (iterationCurrent() + k) % wrap * iterationStride();
        minStart = std::min(minStart, start);
        maxStart = std::max(maxStart, start);
    }
    const quint64 first = addSat(argPlus, mulSat(4, minStart));
    const quint64 endWord = addSat(addSat(maxStart, maxRunWordOffset()), 1);
    return { first, addSat(argPlus, mulSat(4, endWord)) };
}

} // namespace xi
