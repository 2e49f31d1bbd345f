// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/testvectors.h"

#include <algorithm>
#include <cstring>
#include <random>

namespace xi {

namespace {

MatrixI8 randomMatrix(std::mt19937& engine, int rows, int cols, int low, int high)
{
    const quint32 range = quint32(high - low);
    MatrixI8 m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = std::int8_t(low + int(engine() % range));
    return m;
}

} // namespace

bool TestVectors::isValid() const
{
    return q.size() > 0 && k.rows() == q.rows() && k.cols() == q.cols() && v.rows() == q.rows() && v.cols() == q.cols();
}

TestVectors TestVectors::random(int seq, int dim, quint32 seed, int low, int high)
{
    low = std::clamp(low, -128, 127);
    high = std::clamp(high, low + 1, 128);
    std::mt19937 engine(seed);
    TestVectors t;
    t.q = randomMatrix(engine, seq, dim, low, high);
    t.k = randomMatrix(engine, seq, dim, low, high);
    t.v = randomMatrix(engine, seq, dim, low, high);
    t.description = QStringLiteral("random seq %1 x dim %2, seed %3, values in [%4, %5)")
                        .arg(seq)
                        .arg(dim)
                        .arg(seed)
                        .arg(low)
                        .arg(high);
    return t;
}

TestVectors TestVectors::constant(int seq, int dim, int value)
{
    TestVectors t;
    t.q = MatrixI8::Constant(seq, dim, std::int8_t(std::clamp(value, -128, 127)));
    t.k = t.q;
    t.v = t.q;
    t.description = QStringLiteral("constant %1, seq %2 x dim %3").arg(value).arg(seq).arg(dim);
    return t;
}

TestVectors TestVectors::identity(int seq, int dim, quint32 seed, int scale)
{
    TestVectors t = random(seq, dim, seed);
    t.q = MatrixI8::Zero(seq, dim);
    for (int i = 0; i < std::min(seq, dim); ++i)
        t.q(i, i) = std::int8_t(std::clamp(scale, -128, 127));
    t.k = t.q;
    t.description = QStringLiteral("identity Q = K (diagonal %1), random V (seed %2), seq %3 x dim %4")
                        .arg(scale)
                        .arg(seed)
                        .arg(seq)
                        .arg(dim);
    return t;
}

TestVectors TestVectors::make(Pattern pattern, int seq, int dim, quint32 seed)
{
    switch (pattern) {
    case Pattern::Constant: return constant(seq, dim, 1);
    case Pattern::Identity: return identity(seq, dim, seed);
    case Pattern::Random: break;
    }
    return random(seq, dim, seed);
}

std::optional<TestVectors::Pattern> TestVectors::parsePattern(const QString& name)
{
    for (Pattern p : { Pattern::Random, Pattern::Constant, Pattern::Identity }) {
        if (name.compare(patternName(p), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QString TestVectors::patternName(Pattern pattern)
{
    switch (pattern) {
    case Pattern::Constant: return QStringLiteral("constant");
    case Pattern::Identity: return QStringLiteral("identity");
    case Pattern::Random: break;
    }
    return QStringLiteral("random");
}

QByteArray TestVectors::packed() const
{
    const qsizetype n = q.size();
    QByteArray bytes(3 * n, Qt::Uninitialized);
    std::memcpy(bytes.data(), q.data(), size_t(n));
    std::memcpy(bytes.data() + n, k.data(), size_t(n));
    std::memcpy(bytes.data() + 2 * n, v.data(), size_t(n));
    return bytes;
}

std::optional<TestVectors> TestVectors::fromPacked(const QByteArray& bytes, int seq, int dim, QString* error)
{
    const qsizetype n = qsizetype(seq) * dim;
    if (seq <= 0 || dim <= 0 || bytes.size() != 3 * n) {
        if (error) {
            *error = QStringLiteral("packed Q, K, V of %1 x %2 need %3 bytes, got %4")
                         .arg(seq)
                         .arg(dim)
                         .arg(3 * n)
                         .arg(bytes.size());
        }
        return std::nullopt;
    }
    TestVectors t;
    const auto* p = reinterpret_cast<const std::int8_t*>(bytes.constData());
    t.q = Eigen::Map<const MatrixI8>(p, seq, dim);
    t.k = Eigen::Map<const MatrixI8>(p + n, seq, dim);
    t.v = Eigen::Map<const MatrixI8>(p + 2 * n, seq, dim);
    t.description = QStringLiteral("packed buffer, seq %1 x dim %2").arg(seq).arg(dim);
    return t;
}

} // namespace xi
