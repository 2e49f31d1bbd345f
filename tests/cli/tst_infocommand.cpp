// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "xclbin/xclbinreader.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace xi;
using test::runCli;

class TestInfoCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }
    void everyFixture_data();
    void everyFixture();
    void humanSummary();
    void summaryHeadsTheOutput();
    void errors();
};

void TestInfoCommand::everyFixture_data()
{
    test::addFixtureRows(test::xclbinFixtureNames());
}

void TestInfoCommand::everyFixture()
{
    QFETCH(QString, name);
    const QString path = test::xclbinFixturePath(name);
    const test::CliRun run = runCli({ QStringLiteral("info"), path, QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, run.describe());
    const QJsonObject o = run.json();
    const XclbinPtr x = XclbinReader::read(path);
    // The UUID as xclbinutil --info prints it.
    const QString uuid = o.value(QLatin1String("header")).toObject().value(QLatin1String("xclbin_uuid")).toString();
    const QByteArray info = test::readFile(test::xclbinReferenceDir(name) + QStringLiteral("/xclbinutil-info.txt"));
    QVERIFY2(info.contains(QByteArray("UUID (xclbin):          " + uuid.toLatin1())), qPrintable(uuid));
    const QString version = o.value(QLatin1String("header")).toObject().value(QLatin1String("version")).toString();
    QVERIFY2(info.contains(QByteArray("Version:                " + version.toLatin1())), qPrintable(version));
    const QJsonArray sections = o.value(QLatin1String("sections")).toArray();
    QCOMPARE(sections.size(), x->sections.size());
    for (qsizetype i = 0; i < sections.size(); ++i) {
        QCOMPARE(sections[i].toObject().value(QLatin1String("kind_name")).toString(), x->sections[i].kindName());
        QCOMPARE(quint64(sections[i].toObject().value(QLatin1String("size")).toInteger()), x->sections[i].size);
    }
    QCOMPARE(o.value(QLatin1String("kernels")).toArray().size(), x->kernels.size());
    QCOMPARE(o.value(QLatin1String("memories")).toArray().size(), x->memories().size());
}

void TestInfoCommand::humanSummary()
{
    const test::CliRun run
        = runCli({ QStringLiteral("info"), test::xclbinFixturePath(QStringLiteral("iron-single-add")) });
    QVERIFY2(run.exitCode == 0, run.describe());
    const QString text = run.text();
    QVERIFY(text.contains(QLatin1String("UUID (xclbin):   cb6fdad1-f27f-f9a7-b669-a5bed84b45d7")));
    QVERIFY(text.contains(QLatin1String("Sections (7):")));
    QVERIFY(text.contains(QLatin1String("MEM_TOPOLOGY (6)")));
    QVERIFY(text.contains(QLatin1String("0     HOST  MEM_DRAM  yes   65536 KiB  0x4000000")));
    QVERIFY(text.contains(QLatin1String("MLIR_AIE [dpu], convention opcode, instances: MLIRAIE")));
    QVERIFY(text.contains(QLatin1String("AIE partition: column width 4, start columns 0, 1 PDI(s)")));
}

// The same summary as the GUI's Summary view, before everything else.
void TestInfoCommand::summaryHeadsTheOutput()
{
    const test::CliRun run
        = runCli({ QStringLiteral("info"), test::demoXclbin(QStringLiteral("attention-64x64-broken")) });
    QVERIFY2(run.exitCode == 0, run.describe());
    const QStringList lines = run.text().split(u'\n');
    QVERIFY2(
        lines.first().startsWith(QLatin1String("Summary: 2 buffer arguments have no memory: bo1, bo2. Design fix:")),
        qPrintable(lines.first()));
    QVERIFY(run.text().contains(QLatin1String("  Kernel:        MLIR_AIE, opcode convention (mlir-aie since mid-2024): "
                                              "run = kernel(3, instr_bo, n_words, bo0, bo1, bo2, bo3, bo4)\n")));
    QVERIFY(run.text().contains(QLatin1String("  Instructions:  attention-64x64-broken.insts.bin (txn-0.1, ")));
    QVERIFY(run.text().contains(QLatin1String("  Verdicts:      3 valid, 2 scalar, 1 warning, 2 invalid\n")));
    QVERIFY(run.text().indexOf(QLatin1String("Summary:")) < run.text().indexOf(QLatin1String("UUID (xclbin):")));
    const test::CliRun json = runCli({ QStringLiteral("info"), test::demoXclbin(), QStringLiteral("--json") });
    const QJsonObject summary = json.json().value(QLatin1String("summary")).toObject();
    QCOMPARE(summary.value(QLatin1String("level")).toString(), QStringLiteral("info"));
    QCOMPARE(summary.value(QLatin1String("counts")).toObject().value(QLatin1String("valid")).toInt(), 6);
    QVERIFY(summary.value(QLatin1String("instructions")).toObject().value(QLatin1String("moves")).toArray().size()
            == 2);
    // A file with no kernels says so, and a Riallto kernel is valid with one note.
    const test::CliRun none
        = runCli({ QStringLiteral("info"), test::xclbinFixturePath(QStringLiteral("xrt-unittest-valid")) });
    QVERIFY(none.text().startsWith(QLatin1String("Summary: No kernels: this file has nothing to bind or run.\n")));
    const test::CliRun riallto
        = runCli({ QStringLiteral("groups"), test::xclbinFixturePath(QStringLiteral("riallto-edge-detect-720p")) });
    QCOMPARE(riallto.exitCode, 0);
    QVERIFY(riallto.text().contains(QLatin1String("\n7 valid, 2 scalar, 0 warning, 0 invalid\n")));
    QCOMPARE(riallto.text().count(QLatin1String("\n  info     ")), 1);
}

void TestInfoCommand::errors()
{
    QTemporaryDir dir;
    QFile empty(dir.filePath(QStringLiteral("empty.xclbin")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    test::CliRun run = runCli({ QStringLiteral("info"), empty.fileName() });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(empty.fileName()), qPrintable(run.err));
    run = runCli({ QStringLiteral("info") });
    QCOMPARE(run.exitCode, 64);
    run = runCli({ QStringLiteral("info"), empty.fileName(), QStringLiteral("--wat") });
    QCOMPARE(run.exitCode, 64);
    run = runCli({ QStringLiteral("no-such-command") });
    QCOMPARE(run.exitCode, 64);
}

QTEST_GUILESS_MAIN(TestInfoCommand)
#include "tst_infocommand.moc"
