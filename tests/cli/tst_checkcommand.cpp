// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "testsupport.h"

#include <QJsonArray>

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
};

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
