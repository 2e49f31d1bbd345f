// SPDX-License-Identifier: GPL-3.0-or-later
#include "designdocument.h"
#include "documentview.h"
#include "mainwindow.h"
#include "neighbourdesignview.h"
#include "standin/standinsupport.h"
#include "widgets/issues/issuesmodel.h"
#include "widgets/mlir/mlirdesignview.h"
#include "widgets/mlir/mlirsourceview.h"
#include "widgets/workflow/bugreportview.h"
#include "widgets/workflow/recompileview.h"
#include "widgets/workflow/toolchainpanel.h"
#include "widgets/workflow/workflowview.h"
#include "widgettestutil.h"

#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QUrl>

using namespace xi;

class TestDesignDocument : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensFromFileOpenAndDrop();
    void recompileFeedsWorkflowsAndReport();
    void designNextToItsXclbin();
    void diagnosticOpensTheDesignAtItsLine();
    void issuesSayWhichFixTheyNeed();
};

void TestDesignDocument::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    test::prepareStandin();
    ToolchainPanel::saveSettings(test::standinSettings());
}

void TestDesignDocument::opensFromFileOpenAndDrop()
{
    MainWindow window;
    const QString design = QStringLiteral(XI_SOURCE_DIR "/kernels/attention/attention_64x64.mlir");
    QCOMPARE(window.openFile(design), nullptr); // a design is not an xclbin document
    DesignDocument* doc = window.currentDesign();
    QVERIFY(doc);
    QCOMPARE(doc->path(), design);
    QCOMPARE(window.tabs()->tabText(window.tabs()->currentIndex()), QStringLiteral("attention_64x64.mlir"));
    QVERIFY(doc->errorText().isEmpty());
    for (const QString& view : DesignDocument::viewNames()) {
        QVERIFY(window.setCurrentView(view));
        QCOMPARE(doc->currentViewName(), view);
    }
    QVERIFY(!window.setCurrentView(QStringLiteral("arguments")));
    // Opening it again reuses the tab.
    window.openDesign(design);
    QCOMPARE(window.tabs()->count(), 1);
    // A dropped design opens like File > Open.
    window.show();
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(QStringLiteral(XI_SOURCE_DIR "/tests/data/mlir/old_syntax.mlir")) });
    const QPoint at = window.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QCOMPARE(window.tabs()->count(), 2);
    QVERIFY(window.currentDesign()->path().endsWith(QLatin1String("old_syntax.mlir")));
    // Not a design: the tab says why.
    DesignDocument* bad = window.openDesign(QStringLiteral(XI_SOURCE_DIR "/tests/data/mlir/missing.mlir"));
    QVERIFY(bad->errorText().contains(QLatin1String("cannot open for reading")));
}

void TestDesignDocument::recompileFeedsWorkflowsAndReport()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    MainWindow window;
    window.resize(1500, 950);
    window.show();
    DesignDocument* doc = window.openDesign(design);
    QVERIFY(doc);
    QCOMPARE(doc->context().xclbinPath, QString()); // not built yet
    QVERIFY(doc->bugReport()->markdown().contains(QLatin1String("No xclbin given")));
    QSignalSpy finished(doc->recompileView(), &RecompileView::finished);
    doc->setCurrentView(QStringLiteral("recompile"));
    doc->recompileView()->recompile();
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.first().first().toBool());
    QVERIFY(QTest::qWaitFor([doc] { return doc->build() != nullptr; }, 10000));
    const WorkflowContext c = doc->context();
    QCOMPARE(c.xclbinPath, dir.filePath(QStringLiteral("attention_64x64.xclbin")));
    QCOMPARE(c.instructionsPath, dir.filePath(QStringLiteral("attention_64x64.insts.bin")));
    QCOMPARE(c.projectFolder, dir.filePath(QStringLiteral("attention_64x64.mlir.prj")));
    QCOMPARE(doc->workflowView()->context().xclbinPath, c.xclbinPath);
    // The bug report now has the real build, its binding and the toolchain's version.
    const QString md = doc->bugReport()->markdown();
    QVERIFY(md.contains(QLatin1String("| 3 | bo0 | global | HOST | 0x10000 (65536) | valid | - |")));
    QVERIFY(md.contains(QLatin1String("mlir-aie 0.0.0+standin")));
    QVERIFY(md.contains(QLatin1String("| columns | 4 |")));
    test::saveScreenshot(&window, QStringLiteral("design-recompiled"));
    doc->setCurrentView(QStringLiteral("report"));
    test::saveScreenshot(&window, QStringLiteral("design-bug-report"));
    doc->setCurrentView(QStringLiteral("design"));
    test::saveScreenshot(&window, QStringLiteral("design-view-with-build"));
}

void TestDesignDocument::designNextToItsXclbin()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    RecompileView builder;
    builder.toolchain()->setSettings(test::standinSettings());
    builder.setDesign(design);
    QSignalSpy built(&builder, &RecompileView::finished);
    builder.recompile();
    QVERIFY(built.wait(60000));
    MainWindow window;
    window.resize(1500, 950);
    DocumentView* doc = window.openFile(dir.filePath(QStringLiteral("attention_64x64.xclbin")));
    QVERIFY(doc);
    QVERIFY(QTest::qWaitFor([doc] { return doc->xclbin() != nullptr; }, 10000));
    QVERIFY(doc->setCurrentView(QStringLiteral("design")));
    auto neighbour = doc->view<NeighbourDesignView>(QStringLiteral("design"));
    QVERIFY(neighbour);
    QCOMPARE(neighbour->designPath(), design);
    QVERIFY(neighbour->openButton()->isEnabled());
    test::saveScreenshot(&window, QStringLiteral("xclbin-design-view"));
    neighbour->openButton()->click();
    QVERIFY(window.currentDesign());
    QCOMPARE(window.currentDesign()->path(), design);
}

void TestDesignDocument::diagnosticOpensTheDesignAtItsLine()
{
    QTemporaryDir dir;
    const QString design
        = test::designCopy(dir, QStringLiteral("broken.mlir"), "    %buf = aie.buffer(%shim) : memref<64xi8>\n");
    const int line = test::lineContaining(design, "aie.buffer(%shim)");
    qputenv("AIECC_STANDIN_FAIL", "mlir");
    MainWindow window;
    window.resize(1500, 950);
    DesignDocument* doc = window.openDesign(design);
    QSignalSpy finished(doc->recompileView(), &RecompileView::finished);
    doc->recompileView()->recompile();
    QVERIFY(finished.wait(60000));
    qunsetenv("AIECC_STANDIN_FAIL");
    emit doc->recompileView()->openLocation(design, line, 5);
    QCOMPARE(doc->currentViewName(), QStringLiteral("design"));
    QCOMPARE(doc->designView()->source()->currentLine(), line);
}

void TestDesignDocument::issuesSayWhichFixTheyNeed()
{
    // The broken demo: bo1 has no connection and bo2 only an unused memory. The file itself is wrong there, so the
    // fix is a design fix with a rebuild, never a host change.
    MainWindow window;
    DocumentView* doc = window.openFile(QStringLiteral(XI_DEMO_DIR "/attention-64x64-broken.xclbin"));
    QVERIFY(doc);
    QVERIFY(QTest::qWaitFor([doc] { return doc->xclbin() != nullptr; }, 10000));
    const IssuesModel* issues = doc->issuesModel();
    int designFixes = 0;
    for (int row = 0; row < issues->rowCount(); ++row) {
        const QString where = issues->index(row, IssuesModel::LocationColumn).data().toString();
        const QString fix = issues->index(row, IssuesModel::FixColumn).data().toString();
        if (where.endsWith(QLatin1String("bo1")) || where.endsWith(QLatin1String("bo2"))) {
            QCOMPARE(fix, QStringLiteral("design fix (rebuild)"));
            ++designFixes;
        }
    }
    QCOMPARE(designFixes, 2);
    QCOMPARE(issues->headerData(IssuesModel::FixColumn, Qt::Horizontal).toString(), QStringLiteral("Fix"));
}

QTEST_MAIN(TestDesignDocument)
#include "tst_designdocument.moc"
