// SPDX-License-Identifier: GPL-3.0-or-later
// The shape of `bench attention --json` (timings themselves are not asserted: that is what bench is for).
#include "clirunner.h"

#include <QJsonArray>
#include <QtTest>

using namespace xi::test;

class TestBenchAttention : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonListsNamesShapesAndTimes();
    void unknownOptionIsUsage();
};

void TestBenchAttention::jsonListsNamesShapesAndTimes()
{
    // The script named from this source tree: a build folder outside the tree (a preset's, CI's) has no scripts/
    // next to the executable.
    const CliRun r = runCli({ QStringLiteral("bench"), QStringLiteral("attention"), QStringLiteral("--json"),
                              QStringLiteral("--repeat"), QStringLiteral("1"), QStringLiteral("--no-large-kernel"),
                              QStringLiteral("--numpy-script"),
                              QStringLiteral(XI_SOURCE_DIR "/scripts/bench-attention-numpy.py") });
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonArray a = QJsonDocument::fromJson(r.out).array();
    QStringList names;
    bool whisper = false;
    for (const QJsonValue v : a) {
        const QJsonObject o = v.toObject();
        names << o.value(QLatin1String("name")).toString();
        const QJsonArray shape = o.value(QLatin1String("shape")).toArray();
        QCOMPARE(shape.size(), 3);
        QVERIFY(o.value(QLatin1String("ms")).toDouble() > 0);
        whisper = whisper || (shape[0].toInt() == 8 && shape[1].toInt() == 1500 && shape[2].toInt() == 64);
    }
    QVERIFY(whisper);
    QVERIFY(names.contains(QLatin1String("float reference (Eigen)")));
    QVERIFY(names.contains(QLatin1String("float attention batch")));
    QVERIFY(names.contains(QLatin1String("int8 kernel model")));
    // numpy from Debian's python3-numpy runs beside ours in the same command.
    QVERIFY2(names.contains(QLatin1String("numpy float32 attention")), qPrintable(r.err));
}

void TestBenchAttention::unknownOptionIsUsage()
{
    QCOMPARE(runCli({ QStringLiteral("bench"), QStringLiteral("attention"), QStringLiteral("--fast") }).exitCode, 64);
}

QTEST_GUILESS_MAIN(TestBenchAttention)
#include "tst_benchattention.moc"
