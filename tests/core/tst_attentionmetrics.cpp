// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionmetrics.h"

#include <QJsonDocument>
#include <QtTest>

#include <cmath>

using namespace xi;

class TestAttentionMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void activityAndStatistics();
    void allZeroAndConstant();
    void errorsAgainstReference();
    void pearsonMatchesDefinition();
    void jsonRoundTripAndNullForUndefined();
};

void TestAttentionMetrics::activityAndStatistics()
{
    MatrixI8 out(2, 3);
    out << 0, 2, -1, 0, 0, 5;
    const AttentionMetrics m = AttentionMetrics::compute(out);
    QCOMPARE(m.nonzero, 3);
    QCOMPARE(m.total, 6);
    QCOMPARE(m.rowActivity, (QList<int> { 2, 1 }));
    QCOMPARE(m.columnActivity, (QList<int> { 0, 1, 2 }));
    QCOMPARE(m.min, -1.0);
    QCOMPARE(m.max, 5.0);
    QCOMPARE(m.mean, 1.0);
    QVERIFY(std::abs(m.std - std::sqrt((1 + 1 + 1 + 1 + 4 + 16) / 6.0)) < 1e-12);
    // One bin per integer from -1 to 5.
    QCOMPARE(m.histogram.size(), 7);
    QCOMPARE(m.histogramLow, -1.5);
    QCOMPARE(m.histogram, (QList<qint64> { 1, 3, 0, 1, 0, 0, 1 }));
    QVERIFY(!m.allZero);
    QVERIFY(!m.constant);
    QVERIFY(!m.hasReference);
}

void TestAttentionMetrics::allZeroAndConstant()
{
    const AttentionMetrics z = AttentionMetrics::compute(MatrixI8(MatrixI8::Zero(64, 64)));
    QVERIFY(z.allZero);
    QVERIFY(z.constant);
    QCOMPARE(z.nonzero, 0);
    const AttentionMetrics c = AttentionMetrics::compute(MatrixI8(MatrixI8::Constant(4, 4, -1)));
    QVERIFY(!c.allZero);
    QVERIFY(c.constant);
    QCOMPARE(c.nonzero, 16);
}

void TestAttentionMetrics::errorsAgainstReference()
{
    MatrixF out(1, 4), ref(1, 4);
    out << 1, 2, 3, 4;
    ref << 1.5f, 2, 2, 4;
    const AttentionMetrics m = AttentionMetrics::compute(out, &ref);
    QVERIFY(m.hasReference);
    QCOMPARE(m.mae, 0.375);
    QCOMPARE(m.rmse, std::sqrt((0.25 + 1) / 4));
    QCOMPARE(m.maxAbsError, 1.0);
    // Histogram of a non-integral output uses equal-width bins.
    const AttentionMetrics f = AttentionMetrics::compute(ref, nullptr, 4);
    QCOMPARE(f.histogram.size(), 4);
    QCOMPARE(f.histogram, (QList<qint64> { 3, 0, 0, 1 }));
}

void TestAttentionMetrics::pearsonMatchesDefinition()
{
    MatrixF a(1, 5), b(1, 5);
    a << 1, 2, 3, 4, 5;
    b << 2, 4, 6, 8, 10;
    QVERIFY(std::abs(AttentionMetrics::pearson(a, b) - 1) < 1e-12);
    QVERIFY(std::abs(AttentionMetrics::pearson(a, -b) + 1) < 1e-12);
    b << 1, 3, 2, 5, 4; // hand value: 0.8
    QVERIFY(std::abs(AttentionMetrics::pearson(a, b) - 0.8) < 1e-12);
    QVERIFY(std::isnan(AttentionMetrics::pearson(a, MatrixF::Zero(1, 5))));
}

void TestAttentionMetrics::jsonRoundTripAndNullForUndefined()
{
    const MatrixF ref = MatrixF::Constant(2, 2, 1.5f);
    const AttentionMetrics m = AttentionMetrics::compute(MatrixI8(MatrixI8::Zero(2, 2)), &ref);
    QVERIFY(!m.correlationDefined());
    const QJsonObject o = m.toJson();
    QVERIFY(o.value(QLatin1String("correlation")).isNull());
    QCOMPARE(o.value(QLatin1String("mae")).toDouble(), 1.5);
    const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact);
    QVERIFY(!text.contains("nan"));
    const AttentionMetrics back = AttentionMetrics::fromJson(QJsonDocument::fromJson(text).object());
    QCOMPARE(back.total, 4);
    QVERIFY(back.allZero);
    QVERIFY(std::isnan(back.correlation));
    QCOMPARE(back.histogram, m.histogram);
    QCOMPARE(back.rowActivity, m.rowActivity);
}

QTEST_GUILESS_MAIN(TestAttentionMetrics)
#include "tst_attentionmetrics.moc"
