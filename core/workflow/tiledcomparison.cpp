// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/tiledcomparison.h"

#include "attention/attentionmetrics.h"
#include "attention/attentionreference.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <cmath>

namespace xi {

namespace {

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

TiledVariant measure(const QString& id, const QString& name, const MatrixF& output, const MatrixF& reference,
                     double timeMs, bool isAttention, const QString& note)
{
    const AttentionMetrics m = AttentionMetrics::compute(output, &reference);
    TiledVariant v;
    v.id = id;
    v.name = name;
    v.computedBy = QStringLiteral("CPU");
    v.isAttention = isAttention;
    v.correlation = m.correlationDefined() ? m.correlation : std::nan("");
    v.maxAbsError = m.maxAbsError;
    v.timeMs = timeMs;
    v.note = note;
    return v;
}

} // namespace

QJsonObject TiledVariant::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("name"), name },
             { QStringLiteral("computed_by"), computedBy },
             { QStringLiteral("is_attention"), isAttention },
             { QStringLiteral("correlation"), number(correlation) },
             { QStringLiteral("max_abs_error"), number(maxAbsError) },
             { QStringLiteral("time_ms"), timeMs },
             { QStringLiteral("note"), note } };
}

QJsonObject TiledComparisonResult::toJson() const
{
    QJsonArray list;
    for (const TiledVariant& v : variants)
        list.append(v.toJson());
    return { { QStringLiteral("vectors"), vectors },
             { QStringLiteral("variants"), list },
             { QStringLiteral("backend_run"), backendRun ? backendRun->toJson() : QJsonObject() },
             { QStringLiteral("conclusion"), conclusion } };
}

TiledComparisonResult TiledComparison::run(const TestVectors& vectors,
                                           const std::optional<AttentionRunOptions>& backend, const CancelToken& token)
{
    TiledComparisonResult result;
    result.vectors = vectors.description;
    QElapsedTimer timer;
    timer.start();
    const MatrixF reference = AttentionReference::floatReference(vectors);
    result.variants << measure(QStringLiteral("float"), QStringLiteral("float attention softmax(QK^T/sqrt(d))V"),
                               reference, reference, double(timer.nsecsElapsed()) / 1e6, true,
                               QStringLiteral("the reference every other row is compared with"));
    if (token.isCancelled())
        return result;
    timer.restart();
    const MatrixF guide = AttentionReference::guideTiledWorkaround(vectors);
    result.variants << measure(QStringLiteral("guide-tiled"), QStringLiteral("the guide's option 3 (2x2 tiles)"), guide,
                               reference, double(timer.nsecsElapsed()) / 1e6, false,
                               QStringLiteral("not attention: output tile (i, j) = softmax(Q_ij K_ij^T) V_ij sees half "
                                              "the keys and half of every dot product, with no 1/sqrt(d) scale"));
    if (token.isCancelled())
        return result;
    timer.restart();
    const MatrixF exact = AttentionReference::tiledOnlineSoftmax(vectors, ExactBlockSize);
    result.variants << measure(
        QStringLiteral("exact-tiled"),
        QStringLiteral("exact tiled attention (online softmax, %1-key blocks)").arg(ExactBlockSize), exact, reference,
        double(timer.nsecsElapsed()) / 1e6, true,
        QStringLiteral("keys and values in blocks with a running max and sum: equals attention "
                       "to float rounding"));
    if (backend && !token.isCancelled()) {
        AttentionRunOptions options = *backend;
        options.vectors = vectors;
        const AttentionRun run = AttentionBackend::run(options, token);
        result.backendRun = run;
        TiledVariant v;
        v.id = QStringLiteral("kernel");
        v.name = QStringLiteral("our int8 attention kernel");
        v.computedBy = QStringLiteral("%1 backend").arg(run.backend);
        v.timeMs = run.timings.totalMs;
        if (run.hasOutput()) {
            v.correlation = run.metrics.correlationDefined() ? run.metrics.correlation : std::nan("");
            v.maxAbsError = run.metrics.maxAbsError;
            v.note = run.backendDescription;
        } else {
            v.correlation = std::nan("");
            v.note = QStringLiteral("no output: %1").arg(run.error.isEmpty() ? run.state : run.error);
        }
        result.variants << v;
    }
    const TiledVariant& g = result.variants.at(1);
    const TiledVariant& e = result.variants.at(2);
    result.conclusion
        = QStringLiteral("The guide's tiling correlates %1 with attention: it is a different computation, not a "
                         "workaround. The exact tiled attention correlates %2 (max error %3). The matrix products of "
                         "both tilings run on the CPU here; no NPU matmul kernel is involved.")
              .arg(std::isfinite(g.correlation) ? QString::number(g.correlation, 'f', 3) : QStringLiteral("undefined"),
                   std::isfinite(e.correlation) ? QString::number(e.correlation, 'f', 6) : QStringLiteral("undefined"))
              .arg(e.maxAbsError, 0, 'g', 3);
    return result;
}

} // namespace xi
