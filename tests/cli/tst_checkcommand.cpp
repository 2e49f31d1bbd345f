// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace xi::test;

namespace {

QString xrtWarning(int index, qint64 bank, qint64 connected)
{
    return QStringLiteral(
               "Kernel MLIR_AIE has no compute units with connectivity required for global argument at index "
               "%1. The argument is allocated in bank %2, the compute unit is connected to bank %3. "
               "Allocating local copy of argument buffer in connected bank.")
        .arg(index)
        .arg(bank)
        .arg(connected);
}

QStringList findingCodes(const QJsonObject& o, const QString& severity)
{
    QStringList out;
    for (const QJsonValue& v : o.value(QLatin1String("findings")).toArray()) {
        if (v.toObject().value(QLatin1String("severity")).toString() == severity)
            out << v.toObject().value(QLatin1String("code")).toString();
    }
    return out;
}

} // namespace

class TestCheckCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    // The seed guide's own call kernel(instr_bo, len(insts), 0, input_bo, output_bo), typed by hand.
    void seedGuideCallHuman()
    {
        const CliRun run = runCli({ QStringLiteral("check"), xclbinFixturePath(QStringLiteral("iron-single-add")),
                                    QStringLiteral("--call"), QStringLiteral("instr:1, nbytes, 0, bo:3, bo:4") });
        QVERIFY2(run.exitCode == 1, run.describe());
        const QString text = run.text();
        QVERIFY(text.contains(QLatin1String("Kernel MLIR_AIE (opcode convention)")));
        QVERIFY(text.contains(QLatin1String("(found next to the xclbin, binary, 105 words)")));
        QVERIFY(text.contains(QLatin1String("error   arg 0  bo-at-scalar")));
        QVERIFY(text.contains(QLatin1String("error   arg 1  missing-instr")));
        QVERIFY(text.contains(QLatin1String("error   arg 2  ninstr-mismatch")));
        QVERIFY(text.contains(QLatin1String("  ") + xrtWarning(0, 1, 131071) + QLatin1Char('\n')));
        QVERIFY(text.contains(QLatin1String("  ") + xrtWarning(0, 1, -1) + QLatin1Char('\n')));
        QVERIFY(text.contains(QLatin1String("  run = kernel(3, instr_bo, 105, bo_arg3, bo_arg4)\n")));
        QVERIFY(text.contains(QLatin1String("  auto run = kernel(3, instr_bo, 105, bo_arg3, bo_arg4);\n")));
        QVERIFY(text.contains(QLatin1String("5 error(s), 0 warning(s)")));
    }

    void seedGuideProgramJson()
    {
        const CliRun run = runCli({ QStringLiteral("check"), xclbinFixturePath(QStringLiteral("whisper-mel-fixed-v3")),
                                    QStringLiteral("--host"), hostProgramPath(QStringLiteral("bug_seed_guide_call.py")),
                                    QStringLiteral("--json") });
        QVERIFY2(run.exitCode == 1, run.describe());
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QLatin1String("kernel")).toString(), QStringLiteral("MLIR_AIE"));
        QVERIFY(findingCodes(o, QStringLiteral("error")).contains(QStringLiteral("bo-at-scalar")));
        const QJsonObject first = o.value(QLatin1String("findings")).toArray().first().toObject();
        QCOMPARE(first.value(QLatin1String("argument")).toInt(), 0);
        QCOMPARE(first.value(QLatin1String("line")).toInt(), 30);
        QCOMPARE(o.value(QLatin1String("predicted_xrt_warnings")).toArray(), QJsonArray { xrtWarning(0, 1, 131071) });
        const QJsonObject call = o.value(QLatin1String("corrected_call")).toObject();
        QCOMPARE(call.value(QLatin1String("python")).toString(),
                 QStringLiteral("run = kernel(3, instr_bo, len(insts) // 4, input_bo, output_bo)"));
        QVERIFY(call.value(QLatin1String("cpp"))
                    .toString()
                    .endsWith(QLatin1String("auto run = kernel(3, instr_bo, n_words, input_bo, output_bo);")));
    }

    // --xrt-noop runs the same plan through Debian's XRT on the noop device: XRT's real words, next to the
    // prediction.
    void throughXrtNoop()
    {
        const QStringList args
            = { QStringLiteral("check"), xclbinFixturePath(QStringLiteral("iron-single-add")), QStringLiteral("--host"),
                hostProgramPath(QStringLiteral("bug_seed_guide_call.py")), QStringLiteral("--xrt-noop") };
        CliRun run = runCli(args + QStringList { QStringLiteral("--json") });
        QVERIFY2(run.exitCode == 1, run.describe());
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QLatin1String("xrt_messages")).toArray(), QJsonArray { xrtWarning(0, 1, -1) });
        const QJsonObject noop = o.value(QLatin1String("xrt_noop")).toObject();
        QCOMPARE(noop.value(QLatin1String("xrt_version")).toString(), QStringLiteral("2.13.0"));
        QCOMPARE(noop.value(QLatin1String("run_state")).toString(), QStringLiteral("COMPLETED"));
        QVERIFY(noop.value(QLatin1String("matches_prediction")).toBool());
        QCOMPARE(o.value(QLatin1String("predicted_xrt_warnings_by_xrt"))
                     .toObject()
                     .value(QLatin1String("xrt-2.13"))
                     .toArray(),
                 QJsonArray { xrtWarning(0, 1, -1) });
        run = runCli(args);
        QVERIFY(run.text().contains(QLatin1String("XRT 2.13.0 on the noop device printed:\n  WARNING: ")
                                    + xrtWarning(0, 1, -1)));
        QVERIFY(run.text().contains(QLatin1String("  matches the prediction\n")));
    }

    void correctProgramsExitZero_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("program");
        QTest::newRow("py") << QStringLiteral("iron-single-add") << QStringLiteral("correct.py");
        QTest::newRow("cpp") << QStringLiteral("iron-single-add") << QStringLiteral("correct.cpp");
        QTest::newRow("riallto") << QStringLiteral("riallto-color-detect-720p") << QStringLiteral("correct_riallto.py");
    }

    void correctProgramsExitZero()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, program);
        const CliRun run = runCli({ QStringLiteral("check"), xclbinFixturePath(fixture), QStringLiteral("--host"),
                                    hostProgramPath(program), QStringLiteral("--json") });
        QVERIFY2(run.exitCode == 0, QByteArray(run.describe() + run.out).constData());
        QCOMPARE(run.json().value(QLatin1String("errors")).toInt(), 0);
        QCOMPARE(run.json().value(QLatin1String("predicted_xrt_warnings")).toArray().size(), 0);
    }

    void slotAndXrt213()
    {
        const QStringList base = { QStringLiteral("check"), xclbinFixturePath(QStringLiteral("iron-single-add")),
                                   QStringLiteral("--call"), QStringLiteral("bo:3, bo:4"), QStringLiteral("--json") };
        CliRun run = runCli(base + QStringList { QStringLiteral("--slot"), QStringLiteral("2") });
        QCOMPARE(run.json().value(QLatin1String("predicted_xrt_warnings")).toArray(),
                 QJsonArray({ xrtWarning(0, 0, 0x2FFFF), xrtWarning(1, 0, 0x20001) }));
        run = runCli(base + QStringList { QStringLiteral("--xrt213") });
        QCOMPARE(run.json().value(QLatin1String("predicted_xrt_warnings")).toArray(),
                 QJsonArray({ xrtWarning(0, 0, -1), xrtWarning(1, 0, 1) }));
    }

    void explicitInstructionsAndKernel()
    {
        const CliRun run = runCli(
            { QStringLiteral("check"), xclbinFixturePath(QStringLiteral("riallto-color-detect-720p")),
              QStringLiteral("--call"), QStringLiteral("instr:0, 57, bo:2, bo:3, bo:4"), QStringLiteral("--kernel"),
              QStringLiteral("color_detect_v1_720p"), QStringLiteral("--insts"),
              fixturesDir() + QStringLiteral("/xclbin/riallto-color-detect-720p/riallto-color-detect-720p.seq") });
        QVERIFY2(run.exitCode == 0, QByteArray(run.describe() + run.out).constData());
        QVERIFY(run.text().contains(QLatin1String("hex text, 57 words")));
        QVERIFY(run.text().contains(QLatin1String("Kernel color_detect_v1_720p (legacy convention)")));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString x = xclbinFixturePath(QStringLiteral("iron-single-add"));
        QTest::newRow("no plan") << QStringList { QStringLiteral("check"), x } << 64
                                 << QStringLiteral("either --host PROGRAM or --call PLAN");
        QTest::newRow("bad plan") << QStringList { QStringLiteral("check"), x, QStringLiteral("--call"),
                                                   QStringLiteral("3, instr_bo") }
                                  << 64 << QStringLiteral("item 1 'instr_bo'");
        QTest::newRow("missing program") << QStringList { QStringLiteral("check"), x, QStringLiteral("--host"),
                                                          QStringLiteral("/nonexistent/host.py") }
                                         << 2 << QStringLiteral("/nonexistent/host.py: cannot open host program");
        QTest::newRow("missing xclbin") << QStringList { QStringLiteral("check"),
                                                         QStringLiteral("/nonexistent/a.xclbin"),
                                                         QStringLiteral("--call"), QStringLiteral("3") }
                                        << 2 << QStringLiteral("/nonexistent/a.xclbin");
        QTest::newRow("bad insts") << QStringList { QStringLiteral("check"),   x,
                                                    QStringLiteral("--call"),  QStringLiteral("3"),
                                                    QStringLiteral("--insts"), x + QStringLiteral(".missing") }
                                   << 2 << QStringLiteral("cannot open instruction file");
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliRun run = runCli(args);
        QVERIFY2(run.exitCode == exitCode, run.describe());
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    // A program that cannot be followed is its own verdict: exit 3, the lines it could not follow, no finding and no
    // corrected call; --fix refuses it the same way. Issue 13: 20,000 nested calls end there too, not in a crash.
    void unresolvedProgram_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::newRow("argument from elsewhere")
            << QStringLiteral("import pyxrt as xrt\nimport config\nk = xrt.kernel(ctx, 'MLIR_AIE')\n"
                              "run = k(3, config.instr_bo, config.n, config.a)\n")
            << 4;
        QTest::newRow("nested 20000 deep") << QStringLiteral("import pyxrt as xrt\nk = xrt.kernel(ctx, 'MLIR_AIE')\n"
                                                             "run = k(3, ")
                + QStringLiteral("f(").repeated(20000) + QString(20000, QLatin1Char(')'))
                + QStringLiteral(")\n") << 3;
    }

    void unresolvedProgram()
    {
        QFETCH(QString, source);
        QFETCH(int, line);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("host.py"));
        QVERIFY(writeFile(path, source.toUtf8()));
        const QStringList base = { QStringLiteral("check"), xclbinFixturePath(QStringLiteral("iron-single-add")),
                                   QStringLiteral("--host"), path };
        CliRun run = runCli(base + QStringList { QStringLiteral("--json") });
        QVERIFY2(run.exitCode == 3, run.describe());
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("unresolved"));
        QVERIFY(o.value(QLatin1String("findings")).toArray().isEmpty());
        QVERIFY(o.value(QLatin1String("corrected_call")).isNull());
        const QJsonArray unresolved = o.value(QLatin1String("unresolved")).toArray();
        QVERIFY(!unresolved.isEmpty());
        QCOMPARE(unresolved.first().toObject().value(QLatin1String("line")).toInt(), line);
        QVERIFY(!unresolved.first().toObject().value(QLatin1String("what")).toString().isEmpty());

        run = runCli(base);
        QVERIFY2(run.exitCode == 3, run.describe());
        QVERIFY2(run.text().contains(QLatin1String("Unresolved: the call could not be followed")), run.out);
        run = runCli(base + QStringList { QStringLiteral("--fix") });
        QVERIFY2(run.exitCode == 3, run.describe());
        QVERIFY2(run.err.contains(QLatin1String("never built from guesses")), qPrintable(run.err));
        QCOMPARE(readFile(path), source.toUtf8()); // nothing written
    }
};

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
