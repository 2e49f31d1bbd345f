// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instructions/npustream.h"
#include "instructions/npustreamerror.h"

#include <optional>

namespace xi {

// Walks the ops of a TXN (v0.1 or v1.0) or legacy stream and models the shim BD registers per column, so that
// every queue push becomes a transfer with the BD state, address patch and geometry it had at that moment.
class NpuStreamDecoder {
public:
    // BDs reached through USE_NEXT_BD, over the whole stream, beyond which chains are no longer followed.
    static constexpr qint64 maxChainedTransfers = 65536;

    // Fills stream.ops/transfers/syncs/arguments and the header from stream.words in stream.format. Returns the
    // error (word offset, expected, found; no path) when the stream is malformed; the stream is then partial.
    static std::optional<NpuStreamError> decode(NpuStream& stream);
};

} // namespace xi
