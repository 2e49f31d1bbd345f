// SPDX-License-Identifier: GPL-3.0-or-later
// The bench's float multi-head attention equals the Eigen reference (speed is in `bench attention`).
#include "attention/attentionbatch.h"
#include "attention/attentionreference.h"
#include "attention/testvectors.h"

#include <QtTest>

#include <vector>

using namespace xi;

class TestAttentionBatch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void equalsReference_data();
    void equalsReference();
    void instructionSetIsNamed();
};

void TestAttentionBatch::equalsReference_data()
{
    QTest::addColumn<int>("heads");
    QTest::addColumn<int>("seq");
    QTest::addColumn<int>("dim");
    QTest::addColumn<int>("range");
    QTest::addColumn<int>("threads");
    QTest::newRow("1 x 64 x 64 seed inputs") << 1 << 64 << 64 << 64 << 1;
    QTest::newRow("3 x 130 x 64 smooth, 2 threads") << 3 << 130 << 64 << 3 << 2;
    QTest::newRow("2 x 7 x 20 (not 64 wide)") << 2 << 7 << 20 << 8 << 0;
    QTest::newRow("1 x 1 x 64") << 1 << 1 << 64 << 8 << 1;
}

void TestAttentionBatch::equalsReference()
{
    QFETCH(int, heads);
    QFETCH(int, seq);
    QFETCH(int, dim);
    QFETCH(int, range);
    QFETCH(int, threads);
    std::vector<TestVectors> vectors;
    std::vector<float> q, k, v;
    for (int h = 0; h < heads; ++h) {
        vectors.push_back(TestVectors::random(seq, dim, quint32(h + 10), -range, range));
        for (Eigen::Index i = 0; i < vectors.back().q.size(); ++i) {
            q.push_back(vectors.back().q.data()[i]);
            k.push_back(vectors.back().k.data()[i]);
            v.push_back(vectors.back().v.data()[i]);
        }
    }
    std::vector<float> out(q.size(), -999.0f);
    const float scale = AttentionReference::defaultScale(dim);
    AttentionBatch::run(q.data(), k.data(), v.data(), out.data(), heads, seq, dim, scale, threads);
    for (int h = 0; h < heads; ++h) {
        const MatrixF reference = AttentionReference::floatReference(vectors[h]);
        const Eigen::Map<const MatrixF> got(out.data() + size_t(h) * seq * dim, seq, dim);
        const float maxDiff = (got - reference).cwiseAbs().maxCoeff();
        QVERIFY2(maxDiff < 1e-3f * std::max(1.0f, reference.cwiseAbs().maxCoeff()),
                 qPrintable(QString::number(maxDiff)));
    }
}

void TestAttentionBatch::instructionSetIsNamed()
{
    const QString isa = AttentionBatch::instructionSet();
    QVERIFY(isa == QLatin1String("x86-64-v4") || isa == QLatin1String("x86-64-v3") || isa == QLatin1String("baseline"));
}

QTEST_GUILESS_MAIN(TestAttentionBatch)
#include "tst_attentionbatch.moc"
