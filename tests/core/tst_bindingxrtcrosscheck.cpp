// SPDX-License-Identifier: GPL-3.0-or-later
// The checker's predicted XRT messages against what the real XRT (Debian's 2.13, noop device) prints for the
// same plans: every bug class, from our own Python and C++ host programs and from quick plans.
#include "binding/bindingchecker.h"
#include "hostprogram/hostprogramreader.h"
#include "runner/xrtrunner.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <QFileInfo>

using namespace xi;

namespace {

QString instsPath(const QString& fixture)
{
    const QString base = test::fixturesDir() + QStringLiteral("/xclbin/") + fixture + QLatin1Char('/') + fixture;
    return QFileInfo::exists(base + QStringLiteral(".insts.bin")) ? base + QStringLiteral(".insts.bin")
                                                                  : base + QStringLiteral(".seq");
}

struct Comparison {
    QStringList predictedWarnings;
    QStringList predictedExceptions;
    RunResult result;
};

Comparison runBoth(const QString& fixture, BindingPlan plan)
{
    Comparison c;
    const XclbinPtr x = XclbinReader::read(test::xclbinFixturePath(fixture));
    BindingCheckOptions options;
    options.slot = SlotMode::xrt213(); // the XRT this image has
    options.instructions = BindingInstructions::load(instsPath(fixture));
    const BindingReport report = BindingChecker::check(*x, plan, options);
    for (const PredictedXrtWarning& w : report.predictedWarnings)
        (w.exception ? c.predictedExceptions : c.predictedWarnings) << w.text;

    // The files the host program would read, here: the fixture's instruction stream; data stays zero.
    plan.instructionFile = instsPath(fixture);
    for (ArgBinding& a : plan.arguments) {
        if (a.isBuffer())
            a.bo.inputFile = a.bo.instructions ? plan.instructionFile : QString();
    }
    RunRequest request;
    request.xclbinPath = test::xclbinFixturePath(fixture);
    request.kernelName = report.kernelName; // the kernel the checker chose when the host names none
    request.backend = RunBackend::XrtNoop;
    request.plan = plan;
    request.timeoutMs = 60000;
    XrtRunnerOptions runner;
    runner.cliPath = test::cliPath();
    c.result = XrtRunner::runBlocking(request, runner);
    return c;
}

} // namespace

class TestBindingXrtCrossCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    void hostPrograms_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("expectedWarnings"); // how many clones XRT reports: guards against 0 == 0
        QTest::addColumn<bool>("expectException");
        const QString add = QStringLiteral("iron-single-add");
        struct Row {
            const char* name;
            int warnings;
            bool exception;
        };
        const Row rows[] = {
            { "correct", 0, false },          { "bug_two_buffers", 2, false },
            { "bug_opcode_last", 3, false },  { "bug_seed_guide_call", 1, false },
            { "bug_scalar_group", 0, true },  { "bug_missing_instr", 0, false },
            { "bug_ninstr_bytes", 0, false }, { "bug_opcode2", 0, false },
            { "bug_legacy_mix", 2, false },
        };
        for (const char* ext : { ".py", ".cpp" }) {
            for (const Row& r : rows) {
                const QString file = QLatin1String(r.name) + QLatin1String(ext);
                QTest::newRow(qPrintable(file)) << file << add << r.warnings << r.exception;
            }
        }
        const QString riallto = QStringLiteral("riallto-color-detect-720p");
        QTest::newRow("correct_riallto.py") << QStringLiteral("correct_riallto.py") << riallto << 0 << false;
        QTest::newRow("old_mlir_aie_test.py on Riallto")
            << QStringLiteral("old_mlir_aie_test.py") << riallto << 0 << false;
        // group_id(0) of the opcode is -1 in XRT 2.13: it throws as the instruction BO is passed at index 0.
        QTest::newRow("old_mlir_aie_test.py on IRON") << QStringLiteral("old_mlir_aie_test.py") << add << 0 << true;
    }

    void hostPrograms()
    {
        QFETCH(QString, file);
        QFETCH(QString, fixture);
        QFETCH(int, expectedWarnings);
        QFETCH(bool, expectException);
        QString error;
        const auto plan = HostProgramReader::read(test::hostProgramPath(file), &error);
        QVERIFY2(plan, qPrintable(error));
        const Comparison c = runBoth(fixture, *plan);
        QVERIFY2(c.result.messagesCaptured, qPrintable(c.result.error));
        QCOMPARE(c.result.xrtVersion, QStringLiteral("2.13.0"));
        // Exactly XRT's messages, in XRT's order, nothing more.
        QCOMPARE(c.result.messageTexts(), c.predictedWarnings);
        QCOMPARE(c.predictedWarnings.size(), expectedWarnings);
        QCOMPARE(c.predictedExceptions.size(), expectException ? 1 : 0);
        if (expectException) {
            QVERIFY(!c.result.completed);
            // XRT's own words are the detail; the error says what went wrong and what to do.
            QCOMPARE(c.result.failedStage, QStringLiteral("arguments"));
            QCOMPARE(c.result.errorDetail, c.predictedExceptions.first());
            QVERIFY2(c.result.error.contains(QLatin1String("kernel.group_id(i)")), qPrintable(c.result.error));
        } else {
            QVERIFY2(c.result.completed, qPrintable(c.result.error));
        }
        QList<int> predictedClones;
        for (const QString& w : c.predictedWarnings)
            predictedClones << XrtMessage { QStringLiteral("WARNING"), w, QString() }.connectivityArgument();
        QCOMPARE(c.result.clonedArguments(), predictedClones);
    }

    // Plans typed by hand, including raw group numbers (XRT 2.13 reads 65536 as a memory index).
    void quickPlans_data()
    {
        QTest::addColumn<QString>("quick");
        QTest::addColumn<int>("expectedWarnings");
        QTest::addColumn<bool>("expectException");
        QTest::newRow("correct") << QStringLiteral("3, instr:1, ninstr, bo:3, bo:4[out]") << 0 << false;
        QTest::newRow("seed guide") << QStringLiteral("instr:1, nbytes, 0, bo:3, bo:4") << 1 << false;
        QTest::newRow("old convention") << QStringLiteral("instr:1, 16, bo:3, bo:4") << 2 << false;
        QTest::newRow("instr bo as data") << QStringLiteral("3, instr:1, ninstr, instr:1, bo:4") << 1 << false;
        QTest::newRow("data bo as instr") << QStringLiteral("3, bo:3, ninstr, bo:3, bo:4") << 1 << false;
        QTest::newRow("every bo slot") << QStringLiteral("3, instr:1, ninstr, bo:3, bo:4, bo:5, bo:6, bo:7") << 0
                                       << false;
        QTest::newRow("raw slot-aware group") << QStringLiteral("3, instr:1, ninstr, bo@65536, bo:4") << 0 << true;
        QTest::newRow("raw -1 after a clone") << QStringLiteral("bo:3, instr:1, ninstr, bo@-1, bo:4") << 1 << true;
        QTest::newRow("raw bank 0") << QStringLiteral("3, instr@0, ninstr, bo@0, bo@1") << 2 << false;
    }

    void quickPlans()
    {
        QFETCH(QString, quick);
        QFETCH(int, expectedWarnings);
        QFETCH(bool, expectException);
        const auto plan = BindingPlan::parseQuick(quick);
        QVERIFY(plan);
        const Comparison c = runBoth(QStringLiteral("iron-single-add"), *plan);
        QVERIFY2(c.result.messagesCaptured, qPrintable(c.result.error));
        QCOMPARE(c.result.messageTexts(), c.predictedWarnings);
        QCOMPARE(c.predictedWarnings.size(), expectedWarnings);
        QCOMPARE(c.predictedExceptions.size(), expectException ? 1 : 0);
        if (expectException)
            QCOMPARE(c.result.errorDetail, c.predictedExceptions.first());
        else
            QVERIFY2(c.result.completed, qPrintable(c.result.error));
    }
};

QTEST_GUILESS_MAIN(TestBindingXrtCrossCheck)
#include "tst_bindingxrtcrosscheck.moc"
