// SPDX-License-Identifier: GPL-3.0-or-later
#include "standin/standinsupport.h"
#include "widgets/workflow/editpreview.h"
#include "widgets/workflow/editworkflowpage.h"
#include "widgets/workflow/hostfixpage.h"
#include "widgets/workflow/runworkflowpage.h"
#include "widgets/workflow/verificationmodel.h"
#include "widgets/workflow/workflowview.h"
#include "widgettestutil.h"
#include "workflow/rebuild.h"
#include "workflow/repackage.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace xi;

namespace {

struct Built {
    QString design;
    RebuildResult build;
};

Built build(const QTemporaryDir& dir, const QString& name, const QString& source)
{
    Built b;
    b.design = test::designCopy(dir, name, {}, source);
    RebuildOptions options;
    options.settings = test::standinSettings();
    b.build = Rebuild::run(b.design, options);
    return b;
}

WorkflowContext contextFor(const Built& b, const QTemporaryDir& dir)
{
    WorkflowContext c;
    c.designPath = b.design;
    c.xclbinPath = b.build.xclbin;
    c.instructionsPath = b.build.instructions;
    c.projectFolder = dir.filePath(QFileInfo(b.design).fileName() + QStringLiteral(".prj"));
    c.settings = test::standinSettings();
    c.toolchain = ToolchainDetection::detect(c.settings);
    c.cliPath = QStringLiteral(XI_CLI_PATH);
    c.backend = AttentionBackendKind::Emulated;
    return c;
}

} // namespace

class TestWorkflowView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::prepareStandin(); }
    void listsTheSixWorkflows();
    void symNamesOnACopyVerifiedAndUndone();
    void guideShimVariantComesWithItsFindings();
    void variant32();
    void tiledAndFallback();
    void hostFix();
    void designFixOfAnXclbinDefect();
    void nothingToCorrect();
};

void TestWorkflowView::listsTheSixWorkflows()
{
    WorkflowView view;
    QCOMPARE(view.list()->count(), 6);
    QCOMPARE(view.list()->item(0)->text(), QStringLiteral("Option 1: explicit buffer names"));
    QVERIFY(view.showWorkflow(QStringLiteral("cpu-fallback")));
    QCOMPARE(view.currentWorkflow(), FixWorkflowId::CpuFallback);
    QVERIFY(!view.showWorkflow(QStringLiteral("nope")));
    QVERIFY(view.editPage(FixWorkflowId::SymNames));
    QVERIFY(view.runPage(FixWorkflowId::Tiled));
    QVERIFY(!view.editPage(FixWorkflowId::Tiled));
}

void TestWorkflowView::symNamesOnACopyVerifiedAndUndone()
{
    QTemporaryDir dir;
    const Built b
        = build(dir, QStringLiteral("design.mlir"), QStringLiteral("tests/data/mlir/runtime_sequence_2025.mlir"));
    QCOMPARE(b.build.kind, RebuildResult::Kind::Recompiled);
    const QByteArray original = test::readFile(b.design);
    WorkflowView view;
    view.resize(1500, 950);
    view.setContext(contextFor(b, dir));
    view.show();
    view.showWorkflow(FixWorkflowId::SymNames);
    EditWorkflowPage* page = view.editPage(FixWorkflowId::SymNames);
    QAbstractItemModelTester tester(page->verification(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!page->verifyButton()->isEnabled()); // nothing written yet
    page->prepareButton()->click();
    EditPreview* preview = page->preview();
    QVERIFY(preview->edit().isValid());
    QVERIFY(preview->diffView()->toPlainText().contains(QLatin1String("+    %scores = aie.buffer(%core) {sym_name")));
    QCOMPARE(preview->changesList()->count(), 2);
    QCOMPARE(preview->targetPath(), dir.filePath(QStringLiteral("design_symnames.mlir")));
    QVERIFY(preview->writeButton()->isEnabled());
    preview->writeButton()->click();
    QVERIFY(QFile::exists(preview->targetPath()));
    QCOMPARE(test::readFile(b.design), original);
    QVERIFY(preview->status()->text().contains(QLatin1String("the original is unchanged")));
    QVERIFY(page->verifyButton()->isEnabled());
    QSignalSpy verified(page, &EditWorkflowPage::verified);
    page->verifyButton()->click();
    QVERIFY(verified.wait(120000));
    QVERIFY(page->outcome());
    QVERIFY2(page->conclusion()->text().contains(QLatin1String("XRT sees the same group IDs")),
             qPrintable(page->conclusion()->text()));
    QVERIFY(page->verification()->rowCount() > 10);
    QCOMPARE(page->verification()->count(QStringLiteral("worse")), 0);
    test::saveScreenshot(&view, QStringLiteral("workflow-sym-names"));
    QVERIFY(preview->undoButton()->isEnabled());
    preview->undoButton()->click();
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("design_symnames.mlir"))));
    QVERIFY(preview->status()->text().startsWith(QLatin1String("Undone")));
}

void TestWorkflowView::guideShimVariantComesWithItsFindings()
{
    WorkflowView view;
    WorkflowContext c;
    c.designPath = QStringLiteral(XI_SOURCE_DIR "/tests/data/mlir/runtime_sequence_2025.mlir");
    view.setContext(c);
    view.resize(1500, 950);
    EditWorkflowPage* page = view.editPage(FixWorkflowId::SymNames);
    page->showGuideVariant();
    QVERIFY(page->guideFindings()->isVisibleTo(page));
    QCOMPARE(page->guideFindings()->count(), 2);
    QVERIFY(page->guideFindings()->item(0)->text().contains(QLatin1String("[buffer-on-shim]")));
    QVERIFY(page->preview()->diffView()->toPlainText().contains(QLatin1String("+    %scores = aie.buffer(%shim)")));
    test::saveScreenshot(&view, QStringLiteral("workflow-sym-names-guide-step2"));
}

void TestWorkflowView::variant32()
{
    QTemporaryDir dir;
    const Built b
        = build(dir, QStringLiteral("attention_64x64.mlir"), QStringLiteral("kernels/attention/attention_64x64.mlir"));
    WorkflowView view;
    view.resize(1500, 950);
    view.setContext(contextFor(b, dir));
    view.showWorkflow(FixWorkflowId::Variant32);
    EditWorkflowPage* page = view.editPage(FixWorkflowId::Variant32);
    page->prepare();
    QVERIFY(page->preview()->diffView()->toPlainText().contains(
        QLatin1String("+    aie.runtime_sequence @attention_32x32")));
    QVERIFY(page->preview()->write());
    QSignalSpy verified(page, &EditWorkflowPage::verified);
    page->verify();
    QVERIFY(verified.wait(120000));
    QVERIFY2(page->conclusion()->text().contains(QLatin1String("same group IDs as the 64x64 one")),
             qPrintable(page->conclusion()->text()));
    test::saveScreenshot(&view, QStringLiteral("workflow-variant-32x32"));
}

void TestWorkflowView::tiledAndFallback()
{
    QTemporaryDir dir;
    const Built b
        = build(dir, QStringLiteral("attention_64x64.mlir"), QStringLiteral("kernels/attention/attention_64x64.mlir"));
    WorkflowView view;
    view.resize(1500, 950);
    view.setContext(contextFor(b, dir));
    view.showWorkflow(FixWorkflowId::Tiled);
    RunWorkflowPage* tiled = view.runPage(FixWorkflowId::Tiled);
    QSignalSpy tiledDone(tiled, &RunWorkflowPage::finished);
    tiled->runButton()->click();
    QVERIFY(tiledDone.wait(120000));
    QCOMPARE(tiled->table()->rowCount(), 4);
    QCOMPARE(tiled->table()->item(1, 2)->text(), QStringLiteral("no")); // the guide's tiling is not attention
    QCOMPARE(tiled->table()->item(3, 1)->text(), QStringLiteral("emulated backend"));
    QVERIFY(tiled->conclusion()->text().contains(QLatin1String("not a workaround")));
    test::saveScreenshot(&view, QStringLiteral("workflow-tiled"));

    view.showWorkflow(FixWorkflowId::CpuFallback);
    RunWorkflowPage* fallback = view.runPage(FixWorkflowId::CpuFallback);
    QSignalSpy fallbackDone(fallback, &RunWorkflowPage::finished);
    fallback->run();
    QVERIFY(fallbackDone.wait(60000));
    QCOMPARE(fallback->table()->rowCount(), 3);
    QVERIFY(fallback->fallback() && fallback->fallback()->timeMs > 0);
    QVERIFY(fallback->conclusion()->text().contains(QLatin1String("The CPU answers in")));
    test::saveScreenshot(&view, QStringLiteral("workflow-cpu-fallback"));
}

void TestWorkflowView::hostFix()
{
    QTemporaryDir dir;
    const Built b
        = build(dir, QStringLiteral("attention_64x64.mlir"), QStringLiteral("kernels/attention/attention_64x64.mlir"));
    const QString host = dir.filePath(QStringLiteral("test_attention.py"));
    QVERIFY(test::writeFile(host, test::readFile(test::hostProgramPath(QStringLiteral("bug_seed_guide_call.py")))));
    WorkflowView view;
    view.resize(1500, 950);
    WorkflowContext c = contextFor(b, dir);
    c.hostProgram = host;
    view.setContext(c);
    view.showWorkflow(FixWorkflowId::HostFix);
    HostFixPage* page = view.hostFixPage();
    QCOMPARE(page->hostProgram(), host);
    page->prepare();
    QVERIFY2(page->preview()->edit().isValid(), qPrintable(page->preview()->status()->text()));
    QVERIFY(page->preview()->diffView()->toPlainText().contains(QLatin1String("+run = kernel(3, ")));
    QVERIFY(page->preview()->write());
    QSignalSpy verified(page, &HostFixPage::verified);
    QSignalSpy outcome(&view, &WorkflowView::outcomeReady);
    page->verify();
    QVERIFY(verified.wait(120000));
    QCOMPARE(outcome.size(), 1);
    QVERIFY2(page->conclusion()->text().contains(QLatin1String("The corrected call has 0 binding error(s)")),
             qPrintable(page->conclusion()->text()));
    QCOMPARE(page->verification()->count(QStringLiteral("fixed")) > 0, true);
    test::saveScreenshot(&view, QStringLiteral("workflow-host-fix"));
}

void TestWorkflowView::designFixOfAnXclbinDefect()
{
    QTemporaryDir dir;
    const Built b
        = build(dir, QStringLiteral("attention_64x64.mlir"), QStringLiteral("kernels/attention/attention_64x64.mlir"));
    // The project folder's kernel JSON loses bo1's memory connection; its repackage is the broken build.
    const QString prj = dir.filePath(QStringLiteral("attention_64x64.mlir.prj"));
    const QByteArray kernels
        = test::withoutConnection(test::readFile(prj + QStringLiteral("/main_kernels.json")), "bo1");
    QVERIFY(test::writeFile(prj + QStringLiteral("/main_kernels.json"), kernels));
    const QString broken = dir.filePath(QStringLiteral("broken.xclbin"));
    QVERIFY(Repackage::run(prj, broken, false).ok);
    WorkflowContext c = contextFor(b, dir);
    c.xclbinPath = broken;
    WorkflowView view;
    view.resize(1500, 950);
    view.setContext(c);
    view.showWorkflow(FixWorkflowId::DesignFix);
    EditWorkflowPage* page = view.editPage(FixWorkflowId::DesignFix);
    page->prepare();
    EditPreview* preview = page->preview();
    QVERIFY2(preview->edit().isValid(), qPrintable(preview->status()->text()));
    QCOMPARE(preview->targetPath(), prj + QStringLiteral("-corrected/main_kernels.json"));
    QVERIFY(preview->write());
    QVERIFY(preview->status()->text().contains(QLatin1String("the original is unchanged")));
    QCOMPARE(test::readFile(prj + QStringLiteral("/main_kernels.json")), kernels); // the original inputs stay
    QVERIFY(QFile::exists(prj + QStringLiteral("-corrected/main_mem_topology.json")));
    QSignalSpy verified(page, &EditWorkflowPage::verified);
    page->verify();
    QVERIFY(verified.wait(120000));
    QVERIFY2(page->conclusion()->text().contains(QLatin1String("the xclbin defect is gone")),
             qPrintable(page->conclusion()->text()));
    QCOMPARE(page->outcome()->rebuild.kind, RebuildResult::Kind::Repackaged);
    test::saveScreenshot(&view, QStringLiteral("workflow-design-fix"));
}

void TestWorkflowView::nothingToCorrect()
{
    QTemporaryDir dir;
    const Built b
        = build(dir, QStringLiteral("attention_64x64.mlir"), QStringLiteral("kernels/attention/attention_64x64.mlir"));
    WorkflowView view;
    view.setContext(contextFor(b, dir));
    EditWorkflowPage* page = view.editPage(FixWorkflowId::DesignFix);
    page->prepare();
    QVERIFY(!page->preview()->edit().isValid());
    QVERIFY2(page->preview()->status()->text().contains(QLatin1String("no design defect found")),
             qPrintable(page->preview()->status()->text()));
    QVERIFY(!page->preview()->writeButton()->isEnabled());
}

QTEST_MAIN(TestWorkflowView)
#include "tst_workflowview.moc"
