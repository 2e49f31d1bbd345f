// SPDX-License-Identifier: GPL-3.0-or-later
// The host build of kernels/attention/attention.c against the float reference.
#include "attention.h"
#include "attention/attentionmetrics.h"
#include "attention/attentionreference.h"
#include "attention/testvectors.h"

#include <QtTest>

using namespace xi;

class TestAttentionKernel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void accuracyOnSeedInputs_data();
    void accuracyOnSeedInputs();
    void smoothSoftmaxStillAccurate();
    void packedEntryPointsMatchGeneric();
    void expScaleIsRoundedLog2eOverSqrtDim();
    void extremeInputsSaturateNowhere();
    void constantPatternGivesTheConstant();
    void identityPatternCopiesV();
    void longRowsUseChunks();
    void rejectsOutOfRangeSizes();
};

void TestAttentionKernel::accuracyOnSeedInputs_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<quint32>("seed");
    for (int size : { 64, 32 }) {
        for (quint32 seed : { 1u, 2u, 3u, 42u, 2025u })
            QTest::addRow("%dx%d seed %u", size, size, seed) << size << seed;
    }
}

void TestAttentionKernel::accuracyOnSeedInputs()
{
    QFETCH(int, size);
    QFETCH(quint32, seed);
    const TestVectors t = TestVectors::random(size, size, seed); // randint(-64, 64)
    const MatrixF reference = AttentionReference::floatReference(t);
    const MatrixI8 out = AttentionReference::kernelModel(t);
    const AttentionMetrics m = AttentionMetrics::compute(out, &reference);
    qInfo("%dx%d seed %u: correlation %.6f, MAE %.4f, max abs error %.3f, %lld/%lld non-zero", size, size, seed,
          m.correlation, m.mae, m.maxAbsError, m.nonzero, m.total);
    QVERIFY2(m.correlation >= 0.99, qPrintable(QString::number(m.correlation)));
    // Rounding to the int8 grid is the only error left: within half a step plus the table's error.
    QVERIFY(m.maxAbsError <= 0.6);
    QVERIFY(m.nonzero > m.total * 8 / 10);
}

void TestAttentionKernel::smoothSoftmaxStillAccurate()
{
    // With values in [-8, 8) the weights spread over many keys, so the table and the Q15 sums matter;
    // the remaining error is the int8 output grid (1:1 scale).
    const TestVectors t = TestVectors::random(64, 64, 1, -8, 8);
    const MatrixF reference = AttentionReference::floatReference(t);
    const AttentionMetrics m = AttentionMetrics::compute(AttentionReference::kernelModel(t), &reference);
    qInfo("values in [-8, 8): correlation %.5f, MAE %.4f, max abs error %.3f", m.correlation, m.mae, m.maxAbsError);
    QVERIFY(m.correlation >= 0.99);
    QVERIFY(m.maxAbsError <= 0.6);
}

void TestAttentionKernel::packedEntryPointsMatchGeneric()
{
    for (int size : { 64, 32 }) {
        const TestVectors t = TestVectors::random(size, size, 7);
        const QByteArray packed = t.packed();
        QCOMPARE(packed.size(), 3 * size * size);
        MatrixI8 out(size, size);
        const auto* qkv = reinterpret_cast<const int8_t*>(packed.constData());
        if (size == 64)
            attention_int8_64x64(qkv, out.data());
        else
            attention_int8_32x32(qkv, out.data());
        QVERIFY(out == AttentionReference::kernelModel(t));
    }
}

void TestAttentionKernel::expScaleIsRoundedLog2eOverSqrtDim()
{
    for (int dim : { 1, 2, 3, 16, 32, 63, 64, 100, 128 }) {
        const double exact = 65536.0 * 1.4426950408889634 / std::sqrt(double(dim));
        QCOMPARE(attention_int8_exp_scale_q16(dim), int32_t(std::lround(exact)));
    }
    QCOMPARE(attention_int8_exp_scale_q16(0), 0);
    QCOMPARE(attention_int8_exp_scale_q16(ATTENTION_INT8_MAX_DIM + 1), 0);
}

void TestAttentionKernel::extremeInputsSaturateNowhere()
{
    // Full int8 range: largest possible scores (|s| = 64 * 128 * 128) must not overflow.
    TestVectors t = TestVectors::random(64, 64, 9, -128, 128);
    t.q.row(0).setConstant(-128);
    t.k.row(5).setConstant(-128);
    t.v.row(5).setConstant(127);
    const MatrixF reference = AttentionReference::floatReference(t);
    const MatrixI8 out = AttentionReference::kernelModel(t);
    const AttentionMetrics m = AttentionMetrics::compute(out, &reference);
    QVERIFY(m.correlation >= 0.999);
    QVERIFY(m.maxAbsError <= 0.6);
    // Row 0 attends to key 5 only (score 64 * 128 * 128, far above the rest): it copies V's 127s.
    QVERIFY((out.row(0).array() == 127).all());
    QCOMPARE(int(m.max), 127);
    QCOMPARE(int(m.min), -128);
}

void TestAttentionKernel::constantPatternGivesTheConstant()
{
    for (int value : { -128, -1, 1, 5, 127 }) {
        const TestVectors t = TestVectors::constant(32, 32, value);
        const MatrixI8 out = AttentionReference::kernelModel(t);
        QVERIFY2((out.array() == int8_t(value)).all(), qPrintable(QString::number(value)));
    }
}

void TestAttentionKernel::identityPatternCopiesV()
{
    for (int size : { 16, 32, 64 }) {
        const TestVectors t = TestVectors::identity(size, size, 3);
        QVERIFY(AttentionReference::kernelModel(t) == t.v);
    }
}

void TestAttentionKernel::longRowsUseChunks()
{
    // 300 keys: scores recomputed per chunk of 64 and weights shifted; still the same attention.
    const TestVectors t = TestVectors::random(300, 64, 5);
    const MatrixF reference = AttentionReference::floatReference(t);
    const AttentionMetrics m = AttentionMetrics::compute(AttentionReference::kernelModel(t), &reference);
    QVERIFY2(m.correlation >= 0.99, qPrintable(QString::number(m.correlation)));
    // Non-square head dimension.
    const TestVectors u = TestVectors::random(48, 20, 5);
    const MatrixF refU = AttentionReference::floatReference(u);
    QVERIFY(AttentionMetrics::compute(AttentionReference::kernelModel(u), &refU).correlation >= 0.99);
}

void TestAttentionKernel::rejectsOutOfRangeSizes()
{
    int8_t in[4] = { 1, 2, 3, 4 };
    int8_t out[4] = { 9, 9, 9, 9 };
    QCOMPARE(attention_int8(in, in, in, out, 0, 1), -1);
    QCOMPARE(attention_int8(in, in, in, out, 1, 0), -1);
    QCOMPARE(attention_int8(in, in, in, out, 1, ATTENTION_INT8_MAX_DIM + 1), -1);
    QCOMPARE(out[0], int8_t(9));
    QCOMPARE(attention_int8(in, in, in, out, 2, 2), 0);
}

QTEST_GUILESS_MAIN(TestAttentionKernel)
#include "tst_attentionkernel.moc"
