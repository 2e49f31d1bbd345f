// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionmetrics.h"
#include "attention/testvectors.h"
#include "util/attentionmatrix.h"

#include <QJsonObject>
#include <QString>

namespace xi {

struct CpuFallbackResult {
    QString vectors;
    MatrixF answer; // the float reference softmax(QK^T/sqrt(d))V: the fallback's answer
    MatrixI8 answerInt8; // as the guide returns it: output.astype(np.int8), truncated toward zero
    double timeMs = 0; // computing the answer on this CPU (best of a few repetitions)
    int repetitions = 0;
    AttentionMetrics answerMetrics; // the float answer's own activity and range
    AttentionMetrics int8Metrics; // the int8 answer against the float one
    AttentionMetrics kernelMetrics; // our int8 kernel (host build) against the float answer, for comparison
    QString conclusion;
    QJsonObject toJson() const;
};

// The seed guide's option 4: attention on the CPU when the NPU cannot be used. The reference output is the
// answer, with the time it takes here.
class CpuFallback {
public:
    static CpuFallbackResult run(const TestVectors& vectors, int repetitions = 5);
};

} // namespace xi
