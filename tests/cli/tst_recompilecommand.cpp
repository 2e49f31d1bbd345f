// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace xi;
using test::runCli;

namespace {

QString standin()
{
    return QStringLiteral(XI_STANDIN_AIECC);
}

// A copy of the 64x64 design in a fresh folder, with extra lines added after the tiles.
QString designCopy(const QTemporaryDir& dir, const QString& name, const QByteArray& afterTiles = {})
{
    QByteArray text = test::readFile(QStringLiteral(XI_SOURCE_DIR "/kernels/attention/attention_64x64.mlir"));
    if (!afterTiles.isEmpty())
        text.replace("%core = aie.tile(0, 2)\n", QByteArray(QByteArray("%core = aie.tile(0, 2)\n") + afterTiles));
    const QString path = dir.filePath(name);
    return test::writeFile(path, text) ? path : QString();
}

int lineOf(const QString& path, const QByteArray& needle)
{
    const QList<QByteArray> lines = test::readFile(path).split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].contains(needle))
            return i + 1;
    }
    return 0;
}

QJsonObject diagnosticOfKind(const QJsonObject& report, const QString& kind)
{
    for (const QJsonValue& d : report.value(QLatin1String("diagnostics")).toArray()) {
        if (d.toObject().value(QLatin1String("kind")).toString() == kind)
            return d.toObject();
    }
    return {};
}

} // namespace

class TestRecompileCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void successHuman();
    void successJsonComparesWithThePreviousBuild();
    void failureWithDiagnostics();
    void failingStepWithoutLocation();
    void flagSetFromHelp_data();
    void flagSetFromHelp();
    void pythonModuleCommand();
    void helpWithoutKnownFlagsExitsTwo();
    void missingAieccExitsTwo();
    void unreadableDesignExitsTwo();
    void usageExits64();
};

void TestRecompileCommand::initTestCase()
{
    // The stand-in builds its xclbin with our own build-xclbin.
    qputenv("AIECC_STANDIN_CLI", QByteArray(XI_CLI_PATH));
    qputenv("AIECC_STANDIN_DELAY", "0.005");
}

void TestRecompileCommand::cleanup()
{
    qunsetenv("AIECC_STANDIN_HELP");
    qunsetenv("AIECC_STANDIN_FAIL");
    qunsetenv("PYTHONPATH");
    qunsetenv("PYTHONDONTWRITEBYTECODE");
}

void TestRecompileCommand::successHuman()
{
    QTemporaryDir dir;
    const QString design = designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    const test::CliRun run = runCli({ QStringLiteral("recompile"), design, QStringLiteral("--aiecc"), standin() });
    QVERIFY2(run.exitCode == 0, run.describe());
    const QString text = run.text();
    // The exact command, as an argument list with the flags this aiecc's --help offers.
    QVERIFY2(text.contains(QStringLiteral("$ %1 --alloc-scheme=basic-sequential").arg(standin())), qPrintable(text));
    QVERIFY(text.contains(
        QLatin1String("--aie-generate-xclbin --aie-generate-npu-insts "
                      "--xclbin-name=attention_64x64.xclbin --npu-insts-name=attention_64x64.insts.bin")));
    QVERIFY(text.contains(QLatin1String("exit code: 0")));
    QVERIFY(text.contains(QStringLiteral("xclbin: ") + dir.filePath(QStringLiteral("attention_64x64.xclbin"))));
    QVERIFY(
        text.contains(QStringLiteral("instructions: ") + dir.filePath(QStringLiteral("attention_64x64.insts.bin"))));
    QVERIFY(
        text.contains(QStringLiteral("project folder: ") + dir.filePath(QStringLiteral("attention_64x64.mlir.prj"))));
    // The log streamed to stderr, step by step.
    QVERIFY2(run.err.contains(QLatin1String("Done in"))
                 && run.err.contains(QLatin1String("xclbinutil --add-replace-section")),
             qPrintable(run.err));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("attention_64x64.mlir.prj/main_kernels.json"))));
    // What it built is a real xclbin our reader and `groups` accept.
    const test::CliRun groups
        = runCli({ QStringLiteral("groups"), dir.filePath(QStringLiteral("attention_64x64.xclbin")) });
    QVERIFY2(groups.exitCode == 0, groups.describe());
    QVERIFY(groups.text().contains(QLatin1String("6 valid, 2 scalar, 0 warning, 0 invalid")));
}

void TestRecompileCommand::successJsonComparesWithThePreviousBuild()
{
    QTemporaryDir dir;
    const QString design = designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    const QStringList args { QStringLiteral("recompile"), design, QStringLiteral("--aiecc"), standin(),
                             QStringLiteral("--json") };
    const test::CliRun first = runCli(args);
    QVERIFY2(first.exitCode == 0, first.describe());
    QVERIFY(first.err.isEmpty()); // --json: no log on stderr
    QCOMPARE(first.json().value(QLatin1String("previous_build")).toObject().size(), 0);
    const test::CliRun second = runCli(args);
    QVERIFY2(second.exitCode == 0, second.describe());
    const QJsonObject report = second.json();
    QCOMPARE(report.value(QLatin1String("exit_code")).toInt(), 0);
    QVERIFY(report.value(QLatin1String("succeeded")).toBool());
    QCOMPARE(report.value(QLatin1String("flag_set")).toString(), QStringLiteral("npu-insts"));
    QCOMPARE(report.value(QLatin1String("command")).toString(), standin());
    QCOMPARE(report.value(QLatin1String("arguments")).toArray().last().toString(), design);
    QCOMPARE(report.value(QLatin1String("xclbin")).toString(), dir.filePath(QStringLiteral("attention_64x64.xclbin")));
    QVERIFY(report.value(QLatin1String("log")).toArray().size() > 5);
    QVERIFY(report.value(QLatin1String("toolchain")).toObject().value(QLatin1String("can_recompile")).toBool());
    const QJsonObject previous = report.value(QLatin1String("previous_build")).toObject();
    QCOMPARE(previous.value(QLatin1String("before_xclbin")).toString(),
             dir.filePath(QStringLiteral("previous-build/attention_64x64.xclbin")));
    QVERIFY(previous.value(QLatin1String("same_group_ids")).toBool());
    QCOMPARE(previous.value(QLatin1String("argument_changes")).toInt(), 0);
    bool wordsCompared = false;
    for (const QJsonValue& row : previous.value(QLatin1String("instruction_stream")).toArray()) {
        const QJsonObject r = row.toObject();
        if (r.value(QLatin1String("aspect")).toString() == QLatin1String("words")) {
            wordsCompared = true;
            QCOMPARE(r.value(QLatin1String("before")).toString(), r.value(QLatin1String("after")).toString());
            QVERIFY(!r.value(QLatin1String("changed")).toBool());
        }
    }
    QVERIFY(wordsCompared);
}

void TestRecompileCommand::failureWithDiagnostics()
{
    QTemporaryDir dir;
    const QString design
        = designCopy(dir, QStringLiteral("broken.mlir"), "    %buf = aie.buffer(%shim) : memref<64xi8>\n");
    const int bufferLine = lineOf(design, "aie.buffer(%shim)");
    QVERIFY(bufferLine > 0);
    qputenv("AIECC_STANDIN_FAIL", "mlir");
    const test::CliRun json = runCli(
        { QStringLiteral("recompile"), design, QStringLiteral("--aiecc"), standin(), QStringLiteral("--json") });
    QVERIFY2(json.exitCode == 1, json.describe());
    const QJsonObject report = json.json();
    QVERIFY(!report.value(QLatin1String("succeeded")).toBool());
    QCOMPARE(report.value(QLatin1String("exit_code")).toInt(), 1);
    const QJsonObject error = diagnosticOfKind(report, QStringLiteral("error"));
    QCOMPARE(error.value(QLatin1String("file")).toString(), design);
    QCOMPARE(error.value(QLatin1String("line")).toInt(), bufferLine);
    QVERIFY(error.value(QLatin1String("column")).toInt() > 0);
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QLatin1String("unreachable tile")));
    const QJsonObject failed = diagnosticOfKind(report, QStringLiteral("failed-command"));
    QVERIFY(failed.value(QLatin1String("command")).toString().startsWith(QLatin1String("aie-opt ")));
    // A failed build has no outputs of its own.
    QVERIFY(report.value(QLatin1String("xclbin")).toString().isEmpty());
    QVERIFY(
        report.value(QLatin1String("sentence")).toString().contains(QLatin1String("the failing step was: aie-opt")));

    const test::CliRun human = runCli({ QStringLiteral("recompile"), design, QStringLiteral("--aiecc"), standin() });
    QVERIFY2(human.exitCode == 1, human.describe());
    QVERIFY2(human.text().contains(QStringLiteral("  %1:%2:").arg(design).arg(bufferLine)), qPrintable(human.text()));
    QVERIFY(human.text().contains(QLatin1String("xclbin: (none found)")));
}

void TestRecompileCommand::failingStepWithoutLocation()
{
    QTemporaryDir dir;
    const QString design = designCopy(dir, QStringLiteral("attention_64x64.mlir"), "    // aiecc-standin: fail=step\n");
    const test::CliRun run = runCli(
        { QStringLiteral("recompile"), design, QStringLiteral("--aiecc"), standin(), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 1, run.describe());
    const QJsonObject report = run.json();
    QVERIFY(diagnosticOfKind(report, QStringLiteral("failed-command"))
                .value(QLatin1String("command"))
                .toString()
                .startsWith(QLatin1String("xclbinutil ")));
    // xclbinutil's own "ERROR: ..." line is reported as an error without a location.
    const QJsonObject error = diagnosticOfKind(report, QStringLiteral("error"));
    QVERIFY(error.value(QLatin1String("file")).toString().isEmpty());
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QLatin1String("could not be read")));
}

void TestRecompileCommand::flagSetFromHelp_data()
{
    QTest::addColumn<QByteArray>("help");
    QTest::addColumn<QString>("flagSet");
    QTest::addColumn<QString>("instsFlag");
    QTest::addColumn<QString>("instsFile");
    QTest::newRow("2023 ipu") << QByteArray("ipu") << QStringLiteral("ipu") << QStringLiteral("--aie-generate-ipu")
                              << QStringLiteral("attention_64x64.insts.txt");
    QTest::newRow("2024 npu") << QByteArray("npu") << QStringLiteral("npu") << QStringLiteral("--aie-generate-npu")
                              << QStringLiteral("attention_64x64.insts.txt");
    QTest::newRow("2025 npu-insts") << QByteArray("npu-insts") << QStringLiteral("npu-insts")
                                    << QStringLiteral("--aie-generate-npu-insts")
                                    << QStringLiteral("attention_64x64.insts.bin");
    QTest::newRow("2026 C++ get") << QByteArray("get") << QStringLiteral("get") << QStringLiteral("--get-npu-insts")
                                  << QStringLiteral("attention_64x64.insts.bin");
}

void TestRecompileCommand::flagSetFromHelp()
{
    QFETCH(QByteArray, help);
    QFETCH(QString, flagSet);
    QFETCH(QString, instsFlag);
    QFETCH(QString, instsFile);
    qputenv("AIECC_STANDIN_HELP", help);
    QTemporaryDir dir;
    const QString design = designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    const test::CliRun run = runCli(
        { QStringLiteral("recompile"), design, QStringLiteral("--aiecc"), standin(), QStringLiteral("--json") });
    // The stand-in rejects flags of another generation like argparse (exit 2): success proves the choice.
    QVERIFY2(run.exitCode == 0, QByteArray(run.describe() + " " + run.out));
    const QJsonObject report = run.json();
    QCOMPARE(report.value(QLatin1String("flag_set")).toString(), flagSet);
    QVERIFY(report.value(QLatin1String("arguments")).toArray().contains(instsFlag));
    QCOMPARE(report.value(QLatin1String("instructions")).toString(), dir.filePath(instsFile));
    const QByteArray insts = test::readFile(dir.filePath(instsFile));
    if (instsFile.endsWith(QLatin1String(".txt")))
        QVERIFY(insts.startsWith("06030100\n"));
    else
        QVERIFY(insts.startsWith(QByteArray::fromHex("00010306")));
}

void TestRecompileCommand::pythonModuleCommand()
{
    qputenv("PYTHONPATH", QFileInfo(standin()).absolutePath().toUtf8());
    qputenv("PYTHONDONTWRITEBYTECODE", "1"); // nothing written into the source tree
    QTemporaryDir dir;
    const QString design = designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    const test::CliRun run = runCli({ QStringLiteral("recompile"), design, QStringLiteral("--aiecc"),
                                      QStringLiteral("/usr/bin/python3 -m aiecc_standin"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, run.describe());
    const QJsonObject report = run.json();
    QCOMPARE(report.value(QLatin1String("command")).toString(), QStringLiteral("/usr/bin/python3"));
    const QJsonArray args = report.value(QLatin1String("arguments")).toArray();
    QCOMPARE(args.at(0).toString(), QStringLiteral("-m"));
    QCOMPARE(args.at(1).toString(), QStringLiteral("aiecc_standin"));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("attention_64x64.xclbin"))));
}

void TestRecompileCommand::helpWithoutKnownFlagsExitsTwo()
{
    QTemporaryDir dir;
    const QString design = designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    // /bin/true prints no help at all: no flag set can be chosen, so nothing is run.
    const test::CliRun run
        = runCli({ QStringLiteral("recompile"), design, QStringLiteral("--aiecc"), QStringLiteral("/bin/true") });
    QVERIFY2(run.exitCode == 2, run.describe());
    QVERIFY2(run.err.contains(QLatin1String("the command line cannot be chosen")), qPrintable(run.err));
}

void TestRecompileCommand::missingAieccExitsTwo()
{
    QTemporaryDir dir;
    const QString design = designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    const test::CliRun run = runCli({ QStringLiteral("recompile"), design, QStringLiteral("--aiecc"),
                                      QStringLiteral("no-such-aiecc-program"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 2, run.describe());
    const QJsonObject report = run.json();
    QVERIFY(report.value(QLatin1String("error")).toString().contains(QLatin1String("pip install mlir_aie")));
    const QJsonArray tools
        = report.value(QLatin1String("toolchain")).toObject().value(QLatin1String("tools")).toArray();
    QCOMPARE(tools.first().toObject().value(QLatin1String("tool")).toString(), QStringLiteral("aiecc"));
    QVERIFY(!tools.first().toObject().value(QLatin1String("found")).toBool());
    QVERIFY(!tools.first().toObject().value(QLatin1String("how_to_get")).toString().isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("attention_64x64.xclbin"))));
}

void TestRecompileCommand::unreadableDesignExitsTwo()
{
    const QString path = QStringLiteral(XI_SOURCE_DIR "/tests/data/mlir/does_not_exist.mlir");
    const test::CliRun run = runCli({ QStringLiteral("recompile"), path, QStringLiteral("--aiecc"), standin() });
    QVERIFY2(run.exitCode == 2, run.describe());
    QVERIFY2(run.err.contains(path), qPrintable(run.err));
}

void TestRecompileCommand::usageExits64()
{
    QCOMPARE(runCli({ QStringLiteral("recompile") }).exitCode, 64);
    QCOMPARE(runCli({ QStringLiteral("recompile"), QStringLiteral("a.mlir"), QStringLiteral("b.mlir") }).exitCode, 64);
    QCOMPARE(runCli({ QStringLiteral("recompile"), QStringLiteral("--bogus"), QStringLiteral("a.mlir") }).exitCode, 64);
    const test::CliRun help = runCli({ QStringLiteral("recompile"), QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.text().contains(QLatin1String("--aiecc PROGRAM")));
}

QTEST_GUILESS_MAIN(TestRecompileCommand)
#include "tst_recompilecommand.moc"
