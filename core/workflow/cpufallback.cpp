// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/cpufallback.h"

#include "attention/attentionreference.h"

#include <QElapsedTimer>

#include <cmath>
#include <limits>

namespace xi {

QJsonObject CpuFallbackResult::toJson() const
{
    return { { QStringLiteral("vectors"), vectors },
             { QStringLiteral("time_ms"), timeMs },
             { QStringLiteral("repetitions"), repetitions },
             { QStringLiteral("int8_answer"), int8Metrics.toJson() },
             { QStringLiteral("kernel_model"), kernelMetrics.toJson() },
             { QStringLiteral("conclusion"), conclusion } };
}

CpuFallbackResult CpuFallback::run(const TestVectors& vectors, int repetitions)
{
    CpuFallbackResult result;
    result.vectors = vectors.description;
    result.repetitions = qMax(1, repetitions);
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i < result.repetitions; ++i) {
        QElapsedTimer timer;
        timer.start();
        result.answer = AttentionReference::floatReference(vectors);
        best = qMin(best, double(timer.nsecsElapsed()) / 1e6);
    }
    result.timeMs = best;
    result.answerInt8 = result.answer
                            .unaryExpr([](float x) {
                                const float t = std::trunc(x);
                                return std::int8_t(qBound(-128.0f, t, 127.0f));
                            })
                            .cast<std::int8_t>();
    result.answerMetrics = AttentionMetrics::compute(result.answer, &result.answer);
    result.int8Metrics = AttentionMetrics::compute(result.answerInt8, &result.answer);
    const MatrixI8 kernel = AttentionReference::kernelModel(vectors);
    result.kernelMetrics = AttentionMetrics::compute(kernel, &result.answer);
    result.conclusion
        = QStringLiteral("The CPU answers in %1 ms (%2 x %3, best of %4). Truncated to int8 as the guide does, it "
                         "correlates %5 with the float answer; our int8 kernel (host build) correlates %6.")
              .arg(result.timeMs, 0, 'f', 3)
              .arg(vectors.seq())
              .arg(vectors.dim())
              .arg(result.repetitions)
              .arg(result.int8Metrics.correlation, 0, 'f', 4)
              .arg(result.kernelMetrics.correlation, 0, 'f', 4);
    return result;
}

} // namespace xi
