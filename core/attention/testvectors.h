// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/attentionmatrix.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace xi {

// Q, K and V of one attention call (seq rows x dim columns each, int8).
class TestVectors {
public:
    enum class Pattern { Random, Constant, Identity };

    MatrixI8 q;
    MatrixI8 k;
    MatrixI8 v;
    QString description; // "random seq 64 x dim 64, seed 1, values in [-64, 64)"

    int seq() const { return int(q.rows()); }
    int dim() const { return int(q.cols()); }
    bool isValid() const;

    // Uniform integers in [low, high), the seed project's np.random.randint(-64, 64) by default.
    // The same seed gives the same vectors on every platform (mt19937, no distribution object).
    static TestVectors random(int seq, int dim, quint32 seed, int low = -64, int high = 64);
    // Q = K = V = value everywhere: every weight is equal and the output is `value`.
    static TestVectors constant(int seq, int dim, int value);
    // Q = K = `scale` on the diagonal, 0 elsewhere; V random: each row attends to itself, output ~ V.
    static TestVectors identity(int seq, int dim, quint32 seed, int scale = 64);
    static TestVectors make(Pattern pattern, int seq, int dim, quint32 seed);
    static std::optional<Pattern> parsePattern(const QString& name);
    static QString patternName(Pattern pattern);

    // The kernel's input buffer: Q, K, V row-major, one after the other (3 * seq * dim bytes).
    QByteArray packed() const;
    static std::optional<TestVectors> fromPacked(const QByteArray& bytes, int seq, int dim, QString* error = nullptr);
};

} // namespace xi
