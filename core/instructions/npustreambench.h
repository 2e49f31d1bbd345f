// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace xi {

// How fast the decoder is, on a synthetic stream shaped like mlir-aie's (BD blockwrite, DDR patch, queue push,
// and a sync after every output push), spread over four columns and all 16 BDs.
class NpuStreamBench {
public:
    // A TXN v0.1 stream of at most `bytes` bytes (and as close to it as whole op groups allow).
    static QByteArray syntheticTxn(qsizetype bytes);
    // Median wall time in milliseconds of reading + decoding + checking a `bytes`-sized stream, over `runs` runs.
    static double medianDecodeMs(int runs, qsizetype bytes = 1 << 20);
};

} // namespace xi
