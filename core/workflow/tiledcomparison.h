// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionbackend.h"
#include "attention/attentionrun.h"
#include "attention/testvectors.h"
#include "util/canceltoken.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace xi {

// One way of computing the attention output, with its distance to float attention.
struct TiledVariant {
    QString id; // "float", "kernel", "guide-tiled", "exact-tiled"
    QString name;
    QString computedBy; // where it ran: "CPU", "emulated backend", ...
    bool isAttention = true; // false for the guide's tiling: it computes something else
    double correlation = 0; // Pearson against float attention; NaN when undefined
    double maxAbsError = 0;
    double timeMs = 0;
    QString note;
    QJsonObject toJson() const;
};

struct TiledComparisonResult {
    QString vectors; // description of the test vectors
    std::optional<AttentionRun> backendRun; // our kernel through the chosen backend, when one was asked for
    QList<TiledVariant> variants;
    QString conclusion;
    QJsonObject toJson() const;
};

// The seed guide's option 3 next to the exact tiled attention: the guide's 2x2 tiling (each output tile sees half
// the keys and half of every dot product, no 1/sqrt(dim)) and the exact online-softmax tiling, each with its
// correlation to attention, beside our kernel run through a backend.
class TiledComparison {
public:
    static constexpr int ExactBlockSize = 32;
    // `backend`: our kernel's run (its xclbin, backend, call); nullopt = the CPU variants only. Blocks.
    static TiledComparisonResult run(const TestVectors& vectors, const std::optional<AttentionRunOptions>& backend,
                                     const CancelToken& token = {});
};

} // namespace xi
