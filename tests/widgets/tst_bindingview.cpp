// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clirunner.h"
#include "testsupport.h"
#include "widgets/binding/bindingplanmodel.h"
#include "widgets/binding/bindingview.h"
#include "widgets/common/verdictstyle.h"
#include "xclbin/xclbinreader.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>

using namespace xi;

class TestBindingView : public QObject {
    Q_OBJECT

private:
    XclbinPtr m_xclbin;

    static QStringList codes(const BindingReport& r, int argument)
    {
        QStringList out;
        for (const BindingFinding& f : r.findings) {
            if (f.argument == argument)
                out.append(f.code);
        }
        return out;
    }
    void save(QWidget& w, const QString& name)
    {
        const QString path = xi::test::outputDir() + u'/' + name;
        QCoreApplication::processEvents();
        QVERIFY(w.grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

private slots:
    void initTestCase()
    {
        XI_REQUIRE_FIXTURES();
        const QStringList names = xi::test::mlirAieFixtureNames();
        QVERIFY(names.contains(QStringLiteral("iron-single-add")));
        m_xclbin = XclbinReader::read(xi::test::xclbinFixturePath(QStringLiteral("iron-single-add")));
    }

    void modelIsConsistent()
    {
        BindingPlanModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Kernel& k = m_xclbin->kernels.first();
        model.setKernel(k, ArgumentGroups::compute(*m_xclbin, k));
        QCOMPARE(model.rowCount(), 8);
        model.setPlan(*BindingPlan::parseQuick(QStringLiteral("instr:1, 16, bo:3, bo:4")));
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.index(0, BindingPlanModel::KindColumn).data().toString(), QStringLiteral("instruction BO"));
        QCOMPARE(model.index(2, BindingPlanModel::BoGroupColumn).data().toString(), QStringLiteral("group_id(3)"));
        QCOMPARE(model.index(2, BindingPlanModel::BoGroupColumn).data(Qt::EditRole).toString(), QStringLiteral("3"));
        QCOMPARE(model.index(5, BindingPlanModel::KindColumn).data().toString(), QStringLiteral("nothing"));
        QVERIFY(model.flags(model.index(0, BindingPlanModel::FlagsColumn)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(5, BindingPlanModel::FlagsColumn)) & Qt::ItemIsEditable));

        // Edits reach the plan and say so.
        QSignalSpy edited(&model, &BindingPlanModel::planEdited);
        QVERIFY(model.setData(model.index(0, BindingPlanModel::KindColumn), QStringLiteral("scalar")));
        QVERIFY(model.setData(model.index(0, BindingPlanModel::ValueColumn), QStringLiteral("3")));
        QVERIFY(model.setData(model.index(1, BindingPlanModel::KindColumn), QStringLiteral("instruction BO")));
        QVERIFY(model.setData(model.index(2, BindingPlanModel::KindColumn), QStringLiteral("scalar")));
        QVERIFY(model.setData(model.index(2, BindingPlanModel::ValueColumn), QStringLiteral("ninstr")));
        QVERIFY(model.setData(model.index(3, BindingPlanModel::BoGroupColumn), QStringLiteral("@65536")));
        QVERIFY(!model.setData(model.index(3, BindingPlanModel::FlagsColumn), QStringLiteral("sticky")));
        QCOMPARE(edited.count(), 6);
        QCOMPARE(model.plan().toQuick(),
                 BindingPlan::parseQuick(QStringLiteral("3, instr:1, ninstr, bo@65536"))->toQuick());
    }

    void seedGuideCallIsFlagged()
    {
        BindingView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1400, 900);
        view.setXclbin(m_xclbin);
        QString error;
        QVERIFY2(view.importHostProgram(test::hostProgramPath(QStringLiteral("bug_seed_guide_call.py")), &error),
                 qPrintable(error));

        const BindingReport& r = view.report();
        QCOMPARE(r.kernelName, QStringLiteral("MLIR_AIE"));
        QVERIFY(r.hasErrors());
        QVERIFY(codes(r, 0).contains(QStringLiteral("bo-at-scalar")));
        QCOMPARE(view.model()->rowCount(), 8);
        // Row 0 gets the instruction BO: invalid, coloured like the argument table's invalid rows.
        const QModelIndex verdict0 = view.model()->index(0, BindingPlanModel::VerdictColumn);
        QCOMPARE(verdict0.data(BindingPlanModel::VerdictRole).toInt(), int(Verdict::Invalid));
        QCOMPARE(verdict0.data(Qt::BackgroundRole).value<QColor>(),
                 VerdictStyle::background(Verdict::Invalid, view.palette()));
        QCOMPARE(view.model()->index(0, BindingPlanModel::KindColumn).data().toString(),
                 QStringLiteral("instruction BO"));
        QCOMPARE(view.model()->index(0, 0).data(BindingPlanModel::LineRole).toInt(), 30);

        // XRT would warn about index 0 (the instruction BO at the opcode).
        QVERIFY(view.predictedWarnings()->toPlainText().contains(QStringLiteral("global argument at index 0")));
        // The corrected call, both languages.
        QVERIFY2(view.correctedCall(true).contains(QStringLiteral("kernel(3, instr_bo, ")),
                 qPrintable(view.correctedCall(true)));
        QVERIFY(view.correctedCall(false).contains(QStringLiteral("kernel(3, instr_bo, ")));
        QCOMPARE(view.correctedCall(true), r.correctedPython);

        // The host program is shown with the call line and the findings' lines marked.
        QVERIFY(view.hostSource()->toPlainText().contains(
            QStringLiteral("run = kernel(instr_bo, len(insts), 0, input_bo, output_bo)")));
        QVERIFY(!view.hostSource()->extraSelections().isEmpty());
        QCOMPARE(view.tabs()->currentWidget(), view.hostSource());
        QVERIFY(view.findingsList()->topLevelItemCount() >= 1);

        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        save(view, QStringLiteral("binding-view-seed-call.png"));
        view.tabs()->setCurrentIndex(0);
        save(view, QStringLiteral("binding-view-seed-call-findings.png"));
    }

    // Of several calls the view imports the one `check` judges the program by: here the second (timed) call drops
    // ninstr, the warm-up call before it is right, and the view must not show the right one.
    void severalCallsShowTheOneCheckJudges()
    {
        BindingView view;
        view.setXclbin(m_xclbin);
        QVERIFY(view.importHostProgram(test::hostProgramPath(QStringLiteral("corpus/bug_multi_call_second_wrong.py"))));
        QVERIFY(view.report().hasErrors());
        QStringList all;
        for (const BindingFinding& f : view.report().findings)
            all << f.code;
        QVERIFY2(all.contains(QStringLiteral("bo-at-scalar")), qPrintable(all.join(u' ')));
    }

    void correctProgramHasNoError()
    {
        BindingView view;
        view.setXclbin(m_xclbin);
        QVERIFY(view.importHostProgram(test::hostProgramPath(QStringLiteral("correct.py"))));
        QVERIFY2(!view.report().hasErrors(),
                 qPrintable(view.findingsList()->topLevelItemCount() ? view.findingsList()->topLevelItem(0)->text(4)
                                                                     : QString()));
        for (int row = 0; row < view.model()->rowCount(); ++row) {
            const int v = view.model()->index(row, 0).data(BindingPlanModel::VerdictRole).toInt();
            QVERIFY2(v != int(Verdict::Invalid), qPrintable(QString::number(row)));
        }
        QVERIFY(view.predictedWarnings()->toPlainText().contains(QStringLiteral("none")));
    }

    void quickFormAndCorrectCall()
    {
        BindingView view;
        view.setXclbin(m_xclbin);
        // Opening an xclbin starts from the call the kernel expects.
        QCOMPARE(
            view.planQuick(),
            BindingPlan::parseQuick(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4, bo:5, bo:6, bo:7"))->toQuick());
        QVERIFY(!view.report().hasErrors());

        QVERIFY(view.setQuickPlan(QStringLiteral("3, instr:1, 118, bo:3, bo:4")));
        QVERIFY(!codes(view.report(), 3).contains(QStringLiteral("bank-not-connected")));
        QVERIFY(view.setQuickPlan(QStringLiteral("bo:3, bo:4")));
        QVERIFY(codes(view.report(), 0).contains(QStringLiteral("bo-at-scalar")));
        QString error;
        QVERIFY(!view.setQuickPlan(QStringLiteral("3, bo:x"), &error));
        QVERIFY(!error.isEmpty());
        view.useCorrectCall();
        QVERIFY(!view.report().hasErrors());
    }

    void noopRunShowsXrtsOwnWarnings()
    {
        BindingView view;
        view.setCliPath(xi::test::cliPath());
        view.resize(1400, 900);
        view.setXclbin(m_xclbin);
        QVERIFY(view.importHostProgram(test::hostProgramPath(QStringLiteral("bug_seed_guide_call.py"))));
        QSignalSpy finished(&view, &BindingView::noopRunFinished);
        view.runThroughNoop();
        QVERIFY(view.isRunning());
        QVERIFY(finished.wait(60000));
        const RunResult& result = view.lastRun();
        QVERIFY2(result.messagesCaptured, qPrintable(result.error + result.childStderr));
        QVERIFY2(result.clonedArguments().contains(0), qPrintable(view.xrtMessages()->toPlainText()));
        QVERIFY(view.xrtMessages()->toPlainText().contains(
            QStringLiteral("has no compute units with connectivity required for global argument at index 0")));
        // The checker's prediction equals what XRT printed.
        QVERIFY2(view.xrtSummary()->text().contains(QStringLiteral("They agree")),
                 qPrintable(view.xrtSummary()->text()));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        save(view, QStringLiteral("binding-view-seed-call-xrt-noop.png"));
    }

    // The CLI and the Binding view give one answer for the same input: the same instruction file, findings,
    // corrected call, and the same comparison of XRT's noop run with the prediction (NoopCrossCheck).
    void cliAndViewAgree_data()
    {
        QTest::addColumn<QString>("program");
        for (const char* name : { "correct.py", "bug_seed_guide_call.py", "bug_two_buffers.cpp", "bug_scalar_group.py",
                                  "bug_ninstr_bytes.cpp" })
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void cliAndViewAgree()
    {
        QFETCH(QString, program);
        const QString path = test::hostProgramPath(program);
        BindingView view;
        view.setCliPath(xi::test::cliPath());
        view.setXclbin(m_xclbin);
        QVERIFY(view.importHostProgram(path));
        QSignalSpy finished(&view, &BindingView::noopRunFinished);
        view.runThroughNoop();
        QVERIFY(finished.wait(60000));

        const test::CliRun cli = test::runCli({ QStringLiteral("check"), m_xclbin->filePath, QStringLiteral("--host"),
                                                path, QStringLiteral("--xrt-noop"), QStringLiteral("--json") });
        QVERIFY2(cli.exitCode == 0 || cli.exitCode == 1, cli.describe());
        const QJsonObject o = cli.json();
        QCOMPARE(o.value(QLatin1String("xrt_noop")).toObject().value(QLatin1String("comparison")).toObject(),
                 view.lastComparison().toJson());
        QStringList cliCodes, viewCodes;
        for (const QJsonValue& f : o.value(QLatin1String("findings")).toArray())
            cliCodes << f.toObject().value(QLatin1String("code")).toString();
        for (const BindingFinding& f : view.report().findings)
            viewCodes << f.code;
        QCOMPARE(viewCodes, cliCodes);
        QCOMPARE(view.report().toJson().value(QLatin1String("corrected_call")),
                 o.value(QLatin1String("corrected_call")));
        const QString cliInstructions
            = o.value(QLatin1String("instructions")).toObject().value(QLatin1String("path")).toString();
        QCOMPARE(view.instructionChoice().path, cliInstructions);
    }
};

QTEST_MAIN(TestBindingView)
#include "tst_bindingview.moc"
