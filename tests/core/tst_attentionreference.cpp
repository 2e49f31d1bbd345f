// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionmetrics.h"
#include "attention/attentionreference.h"
#include "attention/testvectors.h"

#include <QtTest>

using namespace xi;

class TestAttentionReference : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void weightsRowsSumToOne();
    void matchesAHandComputedCase();
    void tiledOnlineSoftmaxEqualsFull_data();
    void tiledOnlineSoftmaxEqualsFull();
    void guideOption3IsNotAttention();
    void guideOption3IsExactlyTheGuidesFormula();
};

void TestAttentionReference::weightsRowsSumToOne()
{
    const TestVectors t = TestVectors::random(64, 64, 1);
    const MatrixF w = AttentionReference::floatWeights(t);
    QVERIFY(((w.rowwise().sum().array() - 1.0f).abs() < 1e-5f).all());
    QVERIFY((w.array() >= 0).all());
}

void TestAttentionReference::matchesAHandComputedCase()
{
    // 2 keys, dim 4: scores q.k = (8, 0) / sqrt(4) = (4, 0): weights e^4/(e^4+1), 1/(e^4+1).
    MatrixF q(1, 4), k(2, 4), v(2, 4);
    q << 2, 2, 0, 0;
    k << 2, 2, 0, 0, 0, 0, 0, 0;
    v << 10, 0, -10, 1, 0, 10, 10, 1;
    const MatrixF out = AttentionReference::attention(q, k, v, 0.5f);
    const float a = std::exp(4.0f) / (std::exp(4.0f) + 1.0f);
    QVERIFY(std::abs(out(0, 0) - 10 * a) < 1e-4f);
    QVERIFY(std::abs(out(0, 1) - 10 * (1 - a)) < 1e-4f);
    QVERIFY(std::abs(out(0, 3) - 1.0f) < 1e-5f);
}

void TestAttentionReference::tiledOnlineSoftmaxEqualsFull_data()
{
    QTest::addColumn<int>("seq");
    QTest::addColumn<int>("block");
    QTest::addColumn<int>("range");
    QTest::newRow("64 keys, blocks of 16, seed inputs") << 64 << 16 << 64;
    QTest::newRow("64 keys, blocks of 32, small values") << 64 << 32 << 4;
    QTest::newRow("100 keys, blocks of 7 (ragged)") << 100 << 7 << 8;
    QTest::newRow("one block") << 32 << 64 << 8;
}

void TestAttentionReference::tiledOnlineSoftmaxEqualsFull()
{
    QFETCH(int, seq);
    QFETCH(int, block);
    QFETCH(int, range);
    const TestVectors t = TestVectors::random(seq, 64, 11, -range, range);
    const MatrixF full = AttentionReference::floatReference(t);
    const MatrixF tiled = AttentionReference::tiledOnlineSoftmax(t, block);
    const float maxDiff = (full - tiled).cwiseAbs().maxCoeff();
    qInfo("max |tiled - full| = %g", double(maxDiff));
    QVERIFY(maxDiff < 1e-3f);
}

void TestAttentionReference::guideOption3IsNotAttention()
{
    double worst = 1;
    for (quint32 seed : { 1u, 2u, 3u }) {
        const TestVectors t = TestVectors::random(64, 64, seed);
        const MatrixF reference = AttentionReference::floatReference(t);
        const MatrixF guide = AttentionReference::guideTiledWorkaround(t);
        const AttentionMetrics m = AttentionMetrics::compute(guide, &reference);
        qInfo("option 3 vs attention, seed %u: correlation %.4f, MAE %.2f, max abs error %.1f", seed, m.correlation,
              m.mae, m.maxAbsError);
        worst = std::min(worst, m.correlation);
        QVERIFY(m.correlation < 0.5);
        QVERIFY(m.mae > 10);
    }
    QVERIFY(worst < 0.5);
}

void TestAttentionReference::guideOption3IsExactlyTheGuidesFormula()
{
    const TestVectors t = TestVectors::random(64, 64, 4);
    const MatrixF q = t.q.cast<float>(), k = t.k.cast<float>(), v = t.v.cast<float>();
    const MatrixF guide = AttentionReference::guideTiledWorkaround(t);
    // Tile (1, 0): rows 32..63, columns 0..31 of everything, softmax without a scale.
    const MatrixF tile
        = AttentionReference::attention(q.block(32, 0, 32, 32), k.block(32, 0, 32, 32), v.block(32, 0, 32, 32), 1.0f);
    QVERIFY((guide.block(32, 0, 32, 32) - tile).cwiseAbs().maxCoeff() < 1e-4f);
}

QTEST_GUILESS_MAIN(TestAttentionReference)
#include "tst_attentionreference.moc"
