// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionmetrics.h"

#include "util/saturatingcast.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace xi {

namespace {

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

double numberFrom(const QJsonValue& v)
{
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

template<typename T>
QJsonArray toArray(const QList<T>& list)
{
    QJsonArray a;
    for (T v : list)
        a.append(double(v));
    return a;
}

template<typename T>
QList<T> fromArray(const QJsonValue& v)
{
    QList<T> list;
    const QJsonArray a = v.toArray();
    for (const QJsonValue x : a)
        list << saturatingCast<T>(x.toDouble());
    return list;
}

void fillHistogram(AttentionMetrics& m, const MatrixF& out, int maxBins)
{
    const bool integral = (out.array() == out.array().round()).all();
    const double span = m.max - m.min;
    int bins = maxBins;
    if (integral && span + 1 <= maxBins) {
        bins = int(span) + 1;
        m.histogramLow = m.min - 0.5;
        m.histogramBinWidth = 1;
    } else {
        m.histogramLow = m.min;
        m.histogramBinWidth = span > 0 ? span / bins : 1;
    }
    m.histogram = QList<qint64>(bins, 0);
    for (Eigen::Index i = 0; i < out.size(); ++i) {
        const int bin = int((out.data()[i] - m.histogramLow) / m.histogramBinWidth);
        ++m.histogram[std::clamp(bin, 0, bins - 1)];
    }
}

} // namespace

double AttentionMetrics::pearson(const MatrixF& a, const MatrixF& b)
{
    const Eigen::ArrayXd x = a.reshaped<Eigen::RowMajor>().cast<double>().array();
    const Eigen::ArrayXd y = b.reshaped<Eigen::RowMajor>().cast<double>().array();
    const Eigen::ArrayXd dx = x - x.mean();
    const Eigen::ArrayXd dy = y - y.mean();
    const double denom = std::sqrt((dx * dx).sum() * (dy * dy).sum());
    if (!(denom > 0))
        return std::numeric_limits<double>::quiet_NaN();
    return (dx * dy).sum() / denom;
}

AttentionMetrics AttentionMetrics::compute(const MatrixI8& output, const MatrixF* reference, int maxBins)
{
    return compute(MatrixF(output.cast<float>()), reference, maxBins);
}

AttentionMetrics AttentionMetrics::compute(const MatrixF& out, const MatrixF* reference, int maxBins)
{
    AttentionMetrics m;
    m.total = out.size();
    if (m.total == 0)
        return m;
    const auto nz = (out.array() != 0.0f);
    m.nonzero = nz.count();
    for (Eigen::Index r = 0; r < out.rows(); ++r)
        m.rowActivity << int(nz.row(r).count());
    for (Eigen::Index c = 0; c < out.cols(); ++c)
        m.columnActivity << int(nz.col(c).count());
    const Eigen::ArrayXd x = out.reshaped<Eigen::RowMajor>().cast<double>().array();
    m.min = x.minCoeff();
    m.max = x.maxCoeff();
    m.mean = x.mean();
    m.std = std::sqrt((x - m.mean).square().mean());
    m.allZero = m.nonzero == 0;
    m.constant = m.min == m.max;
    fillHistogram(m, out, std::max(1, maxBins));
    if (reference && reference->rows() == out.rows() && reference->cols() == out.cols()) {
        m.hasReference = true;
        const Eigen::ArrayXd err = x - reference->reshaped<Eigen::RowMajor>().cast<double>().array();
        m.mae = err.abs().mean();
        m.rmse = std::sqrt(err.square().mean());
        m.maxAbsError = err.abs().maxCoeff();
        m.correlation = pearson(out, *reference);
    }
    return m;
}

bool AttentionMetrics::correlationDefined() const
{
    return hasReference && std::isfinite(correlation);
}

QJsonObject AttentionMetrics::toJson() const
{
    QJsonObject o {
        { QStringLiteral("nonzero"), double(nonzero) },
        { QStringLiteral("total"), double(total) },
        { QStringLiteral("min"), min },
        { QStringLiteral("max"), max },
        { QStringLiteral("mean"), mean },
        { QStringLiteral("std"), std },
        { QStringLiteral("all_zero"), allZero },
        { QStringLiteral("constant"), constant },
        { QStringLiteral("row_activity"), toArray(rowActivity) },
        { QStringLiteral("column_activity"), toArray(columnActivity) },
        { QStringLiteral("histogram"),
          QJsonObject { { QStringLiteral("low"), histogramLow },
                        { QStringLiteral("bin_width"), histogramBinWidth },
                        { QStringLiteral("counts"), toArray(histogram) } } },
        { QStringLiteral("has_reference"), hasReference },
    };
    if (hasReference) {
        o.insert(QStringLiteral("correlation"), number(correlation));
        o.insert(QStringLiteral("mae"), mae);
        o.insert(QStringLiteral("rmse"), rmse);
        o.insert(QStringLiteral("max_abs_error"), maxAbsError);
    } else {
        for (const char* key : { "correlation", "mae", "rmse", "max_abs_error" })
            o.insert(QLatin1String(key), QJsonValue::Null);
    }
    return o;
}

AttentionMetrics AttentionMetrics::fromJson(const QJsonObject& o)
{
    AttentionMetrics m;
    m.nonzero = saturatingCast<qint64>(o.value(QLatin1String("nonzero")).toDouble());
    m.total = saturatingCast<qint64>(o.value(QLatin1String("total")).toDouble());
    m.min = o.value(QLatin1String("min")).toDouble();
    m.max = o.value(QLatin1String("max")).toDouble();
    m.mean = o.value(QLatin1String("mean")).toDouble();
    m.std = o.value(QLatin1String("std")).toDouble();
    m.allZero = o.value(QLatin1String("all_zero")).toBool();
    m.constant = o.value(QLatin1String("constant")).toBool();
    m.rowActivity = fromArray<int>(o.value(QLatin1String("row_activity")));
    m.columnActivity = fromArray<int>(o.value(QLatin1String("column_activity")));
    const QJsonObject h = o.value(QLatin1String("histogram")).toObject();
    m.histogramLow = h.value(QLatin1String("low")).toDouble();
    m.histogramBinWidth = h.value(QLatin1String("bin_width")).toDouble(1);
    m.histogram = fromArray<qint64>(h.value(QLatin1String("counts")));
    m.hasReference = o.value(QLatin1String("has_reference")).toBool();
    m.correlation = numberFrom(o.value(QLatin1String("correlation")));
    m.mae = numberFrom(o.value(QLatin1String("mae")));
    m.rmse = numberFrom(o.value(QLatin1String("rmse")));
    m.maxAbsError = numberFrom(o.value(QLatin1String("max_abs_error")));
    return m;
}

} // namespace xi
