// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionrun.h"

#include "attention/attentionreference.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>

namespace xi {

namespace {

template<typename Matrix>
QJsonArray matrixToJson(const Matrix& m)
{
    QJsonArray rows;
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        QJsonArray row;
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            row.append(double(m(r, c)));
        rows.append(row);
    }
    return rows;
}

// matrices.<name> of a saved run: nullopt when absent, or when malformed with *why saying where.
std::optional<MatrixF> matrixFromJson(const QJsonObject& matrices, const QString& name, QString* why)
{
    const QJsonArray rows = matrices.value(name).toArray();
    if (rows.isEmpty())
        return std::nullopt;
    const qsizetype cols = rows.first().toArray().size();
    MatrixF m(rows.size(), cols);
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonArray row = rows[r].toArray();
        if (row.size() != cols || cols == 0) {
            *why = QStringLiteral("matrices.%1 row %2 has %3 values, expected %4 like row 0")
                       .arg(name)
                       .arg(r)
                       .arg(row.size())
                       .arg(cols);
            return std::nullopt;
        }
        for (qsizetype c = 0; c < cols; ++c) {
            if (!row[c].isDouble()) {
                *why = QStringLiteral("matrices.%1 row %2 column %3: expected a number").arg(name).arg(r).arg(c);
                return std::nullopt;
            }
            // Clamped first: a double beyond float's range does not convert to float with defined behaviour.
            const double maxFloat = std::numeric_limits<float>::max();
            m(r, c) = float(std::clamp(row[c].toDouble(), -maxFloat, maxFloat));
        }
    }
    return m;
}

QString shape(const MatrixF& m)
{
    return QStringLiteral("%1 x %2").arg(m.rows()).arg(m.cols());
}

MatrixI8 toI8(const MatrixF& m)
{
    return m.array().round().max(-128.0f).min(127.0f).cast<std::int8_t>().matrix();
}

} // namespace

QJsonObject AttentionTimings::toJson() const
{
    return { { QStringLiteral("write_ms"), writeMs },
             { QStringLiteral("run_ms"), runMs },
             { QStringLiteral("read_ms"), readMs },
             { QStringLiteral("total_ms"), totalMs } };
}

AttentionTimings AttentionTimings::fromJson(const QJsonObject& o)
{
    return { o.value(QLatin1String("write_ms")).toDouble(), o.value(QLatin1String("run_ms")).toDouble(),
             o.value(QLatin1String("read_ms")).toDouble(), o.value(QLatin1String("total_ms")).toDouble() };
}

MatrixF AttentionRun::outputFloat() const
{
    return output ? MatrixF(output->cast<float>()) : MatrixF();
}

MatrixF AttentionRun::difference() const
{
    if (!output || reference.rows() != output->rows() || reference.cols() != output->cols())
        return {};
    return outputFloat() - reference;
}

bool AttentionRun::computeReferences(const CancelToken& token)
{
    if (!vectors.isValid())
        return !token.isCancelled();
    reference = AttentionReference::floatReference(vectors);
    if (token.isCancelled())
        return false;
    weights = AttentionReference::floatWeights(vectors);
    if (token.isCancelled())
        return false;
    if (output)
        metrics = AttentionMetrics::compute(*output, &reference);
    return !token.isCancelled();
}

void AttentionRun::evaluateChecklist(const std::optional<KernelGroups>& groups, double threshold)
{
    SuccessChecklist::Inputs in;
    in.groups = groups;
    in.xrtMessages = xrtMessages;
    in.xrtInvolved = backend != QLatin1String("cpu");
    if (output)
        in.metrics = metrics;
    in.state = state;
    in.correlationThreshold = threshold;
    in.scope = scope;
    checklist = SuccessChecklist::evaluate(in);
}

bool AttentionRun::succeeded() const
{
    return state == QLatin1String("COMPLETED") && (hasOutput() || !scope.outputJudged)
        && SuccessChecklist::allPassed(checklist);
}

QString AttentionRun::verdict() const
{
    if (state != QLatin1String("COMPLETED"))
        return error.isEmpty() ? QStringLiteral("The run did not complete (%1).")
                                     .arg(state.isEmpty() ? QStringLiteral("not started") : state)
                               : QStringLiteral("The run did not complete: %1").arg(error);
    if (!SuccessChecklist::allPassed(checklist))
        return QStringLiteral("A check failed (see the checklist).");
    if (!scope.outputJudged)
        return QStringLiteral("Binding check passed; the output is not judged: %1.").arg(scope.outputNotJudged);
    return hasOutput() ? QStringLiteral("Every check passed.") : QStringLiteral("No output was read.");
}

QJsonObject AttentionRun::toJson(bool withMatrices) const
{
    QJsonObject o {
        { QStringLiteral("backend"), backend },
        { QStringLiteral("backend_description"), backendDescription },
        { QStringLiteral("state"), state },
        { QStringLiteral("error"), error },
        { QStringLiteral("error_detail"), errorDetail },
        { QStringLiteral("xclbin"), xclbinPath },
        { QStringLiteral("kernel"), kernelName },
        { QStringLiteral("instructions"), instructionFile },
        { QStringLiteral("call"), call },
        { QStringLiteral("started"), started.toString(Qt::ISODateWithMs) },
        { QStringLiteral("timings"), timings.toJson() },
        { QStringLiteral("vectors"),
          QJsonObject { { QStringLiteral("seq"), vectors.seq() },
                        { QStringLiteral("dim"), vectors.dim() },
                        { QStringLiteral("description"), vectors.description } } },
        { QStringLiteral("has_output"), hasOutput() },
        { QStringLiteral("metrics"), metrics.toJson() },
        { QStringLiteral("xrt_messages"), QJsonArray::fromStringList(xrtMessages) },
        { QStringLiteral("notes"), QJsonArray::fromStringList(notes) },
        { QStringLiteral("checklist"), SuccessChecklist::toJson(checklist) },
        { QStringLiteral("succeeded"), succeeded() },
        { QStringLiteral("verdict"), verdict() },
        { QStringLiteral("scope"), scope.toJson() },
    };
    if (withMatrices) {
        QJsonObject m { { QStringLiteral("q"), matrixToJson(vectors.q) },
                        { QStringLiteral("k"), matrixToJson(vectors.k) },
                        { QStringLiteral("v"), matrixToJson(vectors.v) },
                        { QStringLiteral("reference"), matrixToJson(reference) } };
        if (output)
            m.insert(QStringLiteral("output"), matrixToJson(*output));
        o.insert(QStringLiteral("matrices"), m);
    }
    return o;
}

std::optional<AttentionRun> AttentionRun::fromJson(const QJsonObject& o, QString* error)
{
    if (!o.contains(QLatin1String("backend")) || !o.contains(QLatin1String("state"))) {
        if (error)
            *error = QStringLiteral("expected an attention run object with \"backend\" and \"state\"");
        return std::nullopt;
    }
    AttentionRun r;
    r.backend = o.value(QLatin1String("backend")).toString();
    r.backendDescription = o.value(QLatin1String("backend_description")).toString();
    r.state = o.value(QLatin1String("state")).toString();
    r.error = o.value(QLatin1String("error")).toString();
    r.errorDetail = o.value(QLatin1String("error_detail")).toString();
    r.xclbinPath = o.value(QLatin1String("xclbin")).toString();
    r.kernelName = o.value(QLatin1String("kernel")).toString();
    r.instructionFile = o.value(QLatin1String("instructions")).toString();
    r.call = o.value(QLatin1String("call")).toString();
    r.started = QDateTime::fromString(o.value(QLatin1String("started")).toString(), Qt::ISODateWithMs);
    r.timings = AttentionTimings::fromJson(o.value(QLatin1String("timings")).toObject());
    r.vectors.description = o.value(QLatin1String("vectors")).toObject().value(QLatin1String("description")).toString();
    r.metrics = AttentionMetrics::fromJson(o.value(QLatin1String("metrics")).toObject());
    for (const QJsonValue v : o.value(QLatin1String("xrt_messages")).toArray())
        r.xrtMessages << v.toString();
    for (const QJsonValue v : o.value(QLatin1String("notes")).toArray())
        r.notes << v.toString();
    r.checklist = SuccessChecklist::fromJson(o.value(QLatin1String("checklist")).toArray());
    r.scope = RunScope::fromJson(o.value(QLatin1String("scope")).toObject());
    const QJsonObject m = o.value(QLatin1String("matrices")).toObject();
    QString why;
    std::optional<MatrixF> read[5];
    const QString names[5] = { QStringLiteral("q"), QStringLiteral("k"), QStringLiteral("v"),
                               QStringLiteral("reference"), QStringLiteral("output") };
    for (int i = 0; i < 5 && why.isEmpty(); ++i)
        read[i] = matrixFromJson(m, names[i], &why);
    // Q, K, V, the reference and the output of one run share one shape (seq x dim); a mismatch would make every
    // later computation read past a matrix, so the file is refused.
    const int first = read[0] ? 0 : read[1] ? 1 : read[2] ? 2 : read[3] ? 3 : 4;
    for (int i = 0; i < 5 && why.isEmpty(); ++i) {
        if (read[i] && read[first]
            && (read[i]->rows() != read[first]->rows() || read[i]->cols() != read[first]->cols())) {
            why = QStringLiteral("matrices.%1 is %2, expected %3 like matrices.%4 (the matrices of one run have one "
                                 "shape, seq x dim)")
                      .arg(names[i], shape(*read[i]), shape(*read[first]), names[first]);
        } else if (i < 3 && !read[i] && (read[0] || read[1] || read[2])) {
            why = QStringLiteral("matrices.%1 is missing, expected it beside matrices.%2 (Q, K and V come together)")
                      .arg(names[i], names[first]);
        }
    }
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    if (read[0]) {
        r.vectors.q = toI8(*read[0]);
        r.vectors.k = toI8(*read[1]);
        r.vectors.v = toI8(*read[2]);
        r.weights = AttentionReference::floatWeights(r.vectors);
    }
    if (read[3])
        r.reference = *read[3];
    if (read[4])
        r.output = toI8(*read[4]);
    return r;
}

} // namespace xi
