// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/attentionmatrix.h"

#include <QJsonObject>
#include <QList>

namespace xi {

// Activity and accuracy of one output matrix, optionally against the float reference.
struct AttentionMetrics {
    qint64 nonzero = 0;
    qint64 total = 0;
    QList<int> rowActivity; // non-zero count per row
    QList<int> columnActivity; // non-zero count per column
    double min = 0;
    double max = 0;
    double mean = 0;
    double std = 0; // population standard deviation
    // Histogram over [histogramLow, histogramLow + bins * histogramBinWidth).
    double histogramLow = 0;
    double histogramBinWidth = 1;
    QList<qint64> histogram;
    bool allZero = true;
    bool constant = true;

    bool hasReference = false;
    double correlation = 0; // Pearson; NaN when either side is constant
    double mae = 0;
    double rmse = 0;
    double maxAbsError = 0;

    // Integer-valued outputs get one bin per value when the range allows (at most maxBins).
    static AttentionMetrics compute(const MatrixF& output, const MatrixF* reference = nullptr, int maxBins = 64);
    static AttentionMetrics compute(const MatrixI8& output, const MatrixF* reference = nullptr, int maxBins = 64);
    static double pearson(const MatrixF& a, const MatrixF& b);

    double nonzeroFraction() const { return total ? double(nonzero) / double(total) : 0; }
    bool correlationDefined() const;
    // NaN becomes null.
    QJsonObject toJson() const;
    static AttentionMetrics fromJson(const QJsonObject& o);
};

} // namespace xi
