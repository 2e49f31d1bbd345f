// SPDX-License-Identifier: GPL-3.0-or-later
// Flushing subnormals changes the float reference by less than float rounding, and only inside the guard.
#include "attention/attentionreference.h"
#include "attention/testvectors.h"
#include "util/flushdenormals.h"

#include <QtTest>

#include <limits>

using namespace xi;

namespace {

// 1e-30 * 1e-10 underflows to a subnormal (about 1e-40): kept under IEEE rules, 0 when flushed.
float underflow()
{
    volatile float a = 1e-30f;
    volatile float b = 1e-10f;
    return a * b;
}

// The reference computed the way it was before the guard: plain Eigen, IEEE subnormals kept.
MatrixF unflushedAttention(const MatrixF& q, const MatrixF& k, const MatrixF& v, float scale)
{
    MatrixF s = (q * k.transpose()) * scale;
    const Eigen::VectorXf rowMax = s.rowwise().maxCoeff();
    s.colwise() -= rowMax;
    s = s.array().exp();
    const Eigen::VectorXf rowSum = s.rowwise().sum();
    s.array().colwise() /= rowSum.array();
    return s * v;
}

} // namespace

class TestFlushDenormals : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void flushesOnlyInsideTheGuard();
    void nestedGuardsRestoreTheOuterMode();
    void referenceEqualsTheUnflushedOne();
};

void TestFlushDenormals::flushesOnlyInsideTheGuard()
{
    QVERIFY(!FlushDenormals::active());
    QVERIFY(underflow() > 0.0f);
    QVERIFY(underflow() < std::numeric_limits<float>::min());
    {
        const FlushDenormals flush;
#if defined(__SSE2__)
        QVERIFY(FlushDenormals::active());
        QCOMPARE(underflow(), 0.0f);
#else
        QSKIP("no MXCSR on this architecture: the guard does nothing");
#endif
    }
    QVERIFY(!FlushDenormals::active());
    QVERIFY(underflow() > 0.0f);
}

void TestFlushDenormals::nestedGuardsRestoreTheOuterMode()
{
    {
        const FlushDenormals outer;
        {
            const FlushDenormals inner;
        }
        QCOMPARE(FlushDenormals::active(), outer.active());
    }
    QVERIFY(!FlushDenormals::active());
}

void TestFlushDenormals::referenceEqualsTheUnflushedOne()
{
    // Seed-range integers at sequence 300: many weights underflow, so flushing does change some of them.
    const TestVectors t = TestVectors::random(300, 64, 5);
    const MatrixF q = t.q.cast<float>();
    const MatrixF k = t.k.cast<float>();
    const MatrixF v = t.v.cast<float>();
    const float scale = AttentionReference::defaultScale(64);
    const MatrixF flushed = AttentionReference::attention(q, k, v, scale);
    const MatrixF exact = unflushedAttention(q, k, v, scale);
    const float maxDiff = (flushed - exact).cwiseAbs().maxCoeff();
    qInfo("max |flushed - IEEE| = %g over outputs up to %g", double(maxDiff), double(exact.cwiseAbs().maxCoeff()));
    QVERIFY(maxDiff <= 1e-5f * std::max(1.0f, exact.cwiseAbs().maxCoeff()));
    QVERIFY(!FlushDenormals::active());
}

QTEST_GUILESS_MAIN(TestFlushDenormals)
#include "tst_flushdenormals.moc"
