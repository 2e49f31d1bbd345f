// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <QJsonArray>

using namespace xi;
using test::runCli;

namespace {

QString sourcePath(const QString& relative)
{
    return QStringLiteral(XI_SOURCE_DIR "/") + relative;
}

QJsonArray findingsWithCode(const QJsonObject& report, const QString& code)
{
    QJsonArray out;
    for (const QJsonValue f : report.value(QLatin1String("findings")).toArray()) {
        if (f.toObject().value(QLatin1String("code")).toString() == code)
            out.append(f);
    }
    return out;
}

} // namespace

class TestAnalyzeMlirCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void attentionJson_data();
    void attentionJson();
    void seedOptionOneExitsOne();
    void sixHostBuffersJson();
    void oldSyntaxText();
    void unreadableFileExitsTwo();
    void notADesignExitsTwo();
    void usageExits64();
};

void TestAnalyzeMlirCommand::attentionJson_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("64x64") << QStringLiteral("kernels/attention/attention_64x64.mlir");
    QTest::newRow("32x32") << QStringLiteral("kernels/attention/attention_32x32.mlir");
}

void TestAnalyzeMlirCommand::attentionJson()
{
    QFETCH(QString, file);
    const test::CliRun run = runCli({ QStringLiteral("analyze-mlir"), sourcePath(file), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, run.describe());
    const QJsonObject report = run.json();
    QCOMPARE(report.value(QLatin1String("device")).toString(), QStringLiteral("npu1"));
    QCOMPARE(report.value(QLatin1String("errors")).toInt(), 0);
    QCOMPARE(report.value(QLatin1String("device_line")).toInt(), file.contains(QLatin1String("64x64")) ? 13 : 15);
    QCOMPARE(report.value(QLatin1String("object_fifos")).toArray().size(), 2);
    // snake_case only: the camelCase keys of earlier versions are gone.
    for (const char* old : { "deviceLine", "objectFifos", "runtimeSequence" })
        QVERIFY2(!report.contains(QLatin1String(old)), old);
    const QJsonArray arguments
        = report.value(QLatin1String("runtime_sequence")).toObject().value(QLatin1String("arguments")).toArray();
    QCOMPARE(arguments.size(), 2);
    QCOMPARE(arguments[0].toObject().value(QLatin1String("index")).toInt(), 0);
    QCOMPARE(arguments[0].toObject().value(QLatin1String("bo")).toString(), QStringLiteral("bo0"));
    QCOMPARE(arguments[0].toObject().value(QLatin1String("xrt_argument")).toInt(), 3);
    QCOMPARE(arguments[1].toObject().value(QLatin1String("index")).toInt(), 1);
    QCOMPARE(arguments[1].toObject().value(QLatin1String("bo")).toString(), QStringLiteral("bo1"));
    QCOMPARE(arguments[1].toObject().value(QLatin1String("xrt_argument")).toInt(), 4);
    QVERIFY(!arguments[0].toObject().contains(QLatin1String("xrtArgument")));
    const QJsonArray hostArguments = findingsWithCode(report, QStringLiteral("host-arguments"));
    QCOMPARE(hostArguments.size(), 1);
    QCOMPARE(hostArguments[0].toObject().value(QLatin1String("fix")).toObject().value(QLatin1String("kind")).toString(),
             QStringLiteral("none"));
}

void TestAnalyzeMlirCommand::seedOptionOneExitsOne()
{
    const QString path = sourcePath(QStringLiteral("tests/data/mlir/seed_option1_shim_buffers.mlir"));
    const test::CliRun run = runCli({ QStringLiteral("analyze-mlir"), path });
    QVERIFY2(run.exitCode == 1, run.describe());
    const QString text = run.text();
    QVERIFY2(text.contains(path + QStringLiteral(":9: error: buffer %buf_in is on shim tile (0, 0)")),
             qPrintable(text));
    QVERIFY(text.contains(path + QStringLiteral(":10: error: buffer %buf_out")));
    QVERIFY(text.contains(path + QStringLiteral(":11: error: buffer %buf_instr")));
    QVERIFY(text.contains(QLatin1String("[attributes-not-groups]")));
    // Every error says the fix it needs: a design fix and a rebuild, not a host change.
    QVERIFY2(text.contains(QLatin1String("[buffer-on-shim] (design fix (rebuild))")), qPrintable(text));
}

void TestAnalyzeMlirCommand::sixHostBuffersJson()
{
    const test::CliRun run = runCli({ QStringLiteral("analyze-mlir"), QStringLiteral("--json"),
                                      sourcePath(QStringLiteral("tests/data/mlir/six_host_buffers.mlir")) });
    QVERIFY2(run.exitCode == 1, run.describe());
    const QJsonObject report = run.json();
    const QJsonArray many = findingsWithCode(report, QStringLiteral("too-many-host-buffers"));
    QCOMPARE(many.size(), 1);
    QCOMPARE(many[0].toObject().value(QLatin1String("line")).toInt(), 11);
    QCOMPARE(many[0].toObject().value(QLatin1String("severity")).toString(), QStringLiteral("error"));
    const QJsonObject fix = many[0].toObject().value(QLatin1String("fix")).toObject();
    QCOMPARE(fix.value(QLatin1String("kind")).toString(), QStringLiteral("design-rebuild"));
    QCOMPARE(fix.value(QLatin1String("action")).toString(), QStringLiteral("correct-design"));
    const QJsonArray arguments
        = report.value(QLatin1String("runtime_sequence")).toObject().value(QLatin1String("arguments")).toArray();
    QCOMPARE(arguments.size(), 6);
    QVERIFY(arguments[4].toObject().value(QLatin1String("bindable")).toBool());
    QVERIFY(!arguments[5].toObject().value(QLatin1String("bindable")).toBool());
    QCOMPARE(arguments[5].toObject().value(QLatin1String("index")).toInt(), 5);
    QCOMPARE(arguments[5].toObject().value(QLatin1String("xrt_argument")).toInt(), 8);
}

void TestAnalyzeMlirCommand::oldSyntaxText()
{
    const QString path = sourcePath(QStringLiteral("tests/data/mlir/old_syntax.mlir"));
    const test::CliRun run = runCli({ QStringLiteral("analyze-mlir"), path });
    QVERIFY2(run.exitCode == 1, run.describe());
    const QString text = run.text();
    QVERIFY2(text.contains(QLatin1String("device ipu, 3 tile(s), 3 buffer(s), 1 object FIFO(s), 1 core(s)")),
             qPrintable(text));
    QVERIFY(text.contains(path + QStringLiteral(":12: error: buffers on compute tile (0, 2)")));
    QVERIFY(text.contains(QLatin1String("%tmp (memref<64xi16>) = XRT argument 5 = bo2, group_id(5)")));
}

void TestAnalyzeMlirCommand::unreadableFileExitsTwo()
{
    const QString path = sourcePath(QStringLiteral("tests/data/mlir/does_not_exist.mlir"));
    const test::CliRun run = runCli({ QStringLiteral("analyze-mlir"), path });
    QVERIFY2(run.exitCode == 2, run.describe());
    QVERIFY2(run.err.contains(path), qPrintable(run.err));
}

void TestAnalyzeMlirCommand::notADesignExitsTwo()
{
    const QString path = sourcePath(QStringLiteral("docs/cli.md"));
    const test::CliRun run = runCli({ QStringLiteral("analyze-mlir"), path });
    QVERIFY2(run.exitCode == 2, run.describe());
    QVERIFY2(run.err.contains(path + QStringLiteral(": not an mlir-aie design")), qPrintable(run.err));
}

void TestAnalyzeMlirCommand::usageExits64()
{
    QCOMPARE(runCli({ QStringLiteral("analyze-mlir") }).exitCode, 64);
    QCOMPARE(runCli({ QStringLiteral("analyze-mlir"), QStringLiteral("a.mlir"), QStringLiteral("b.mlir") }).exitCode,
             64);
    QCOMPARE(runCli({ QStringLiteral("analyze-mlir"), QStringLiteral("--bogus"), QStringLiteral("a.mlir") }).exitCode,
             64);
}

QTEST_GUILESS_MAIN(TestAnalyzeMlirCommand)
#include "tst_analyzemlircommand.moc"
