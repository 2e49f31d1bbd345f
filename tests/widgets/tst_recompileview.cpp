// SPDX-License-Identifier: GPL-3.0-or-later
#include "standin/standinsupport.h"
#include "widgets/workflow/diagnosticsmodel.h"
#include "widgets/workflow/recompileview.h"
#include "widgets/workflow/toolchainpanel.h"
#include "widgettestutil.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace xi;

namespace {

bool processGone(qint64 pid)
{
    const QByteArray stat = test::readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    return stat.isEmpty() || (close > 0 && stat.mid(close + 2, 1) == "Z");
}

} // namespace

class TestRecompileView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void recompileStreamsAndCompares();
    void failureListsClickableDiagnostics();
    void cancelEndsTheProcessTree();
    void repackageWithoutAiecc();
    void noAieccSaysWhatIsMissing();
    void toolchainSettingsAreKept();

private:
    RecompileView* makeView(const QString& design, const ToolchainSettings& settings = test::standinSettings());
    std::unique_ptr<RecompileView> m_view;
};

void TestRecompileView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    test::prepareStandin("0.01");
}

void TestRecompileView::cleanup()
{
    m_view.reset();
    qunsetenv("AIECC_STANDIN_FAIL");
    qunsetenv("AIECC_STANDIN_HANG");
    qunsetenv("AIECC_STANDIN_PIDFILE");
}

RecompileView* TestRecompileView::makeView(const QString& design, const ToolchainSettings& settings)
{
    m_view = std::make_unique<RecompileView>();
    m_view->resize(1300, 850);
    m_view->toolchain()->setSettings(settings);
    m_view->setDesign(design);
    m_view->show();
    return m_view.get();
}

void TestRecompileView::recompileStreamsAndCompares()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    RecompileView* view = makeView(design);
    QSignalSpy ready(view, &RecompileView::buildReady);
    QSignalSpy finished(view, &RecompileView::finished);
    QAbstractItemModelTester tester(view->diagnostics(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view->recompileButton()->click();
    QVERIFY(view->isRunning());
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.first().first().toBool());
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.first().at(0).toString(), dir.filePath(QStringLiteral("attention_64x64.xclbin")));
    QCOMPARE(ready.first().at(1).toString(), dir.filePath(QStringLiteral("attention_64x64.insts.bin")));
    QCOMPARE(ready.first().at(2).toString(), QStringLiteral("recompiled"));
    QVERIFY(view->commandLabel()->text().startsWith(test::standinAiecc() + QStringLiteral(" --alloc-scheme")));
    QVERIFY(view->log()->toPlainText().contains(QLatin1String("Done in")));
    QVERIFY(view->resultLabel()->text().contains(QLatin1String("aiecc finished")));
    QVERIFY(!view->compareButton()->isEnabled()); // nothing to compare with yet
    QCOMPARE(view->diagnostics()->rowCount(), 0);
    // The second build keeps the first as the previous one and compares them.
    view->recompile();
    QVERIFY(finished.wait(60000));
    QVERIFY(view->compareButton()->isEnabled());
    QVERIFY(QTest::qWaitFor([view] { return view->comparisonTable()->rowCount() > 0; }, 10000));
    QVERIFY(view->comparison() && view->comparison()->sameGroupIds());
    QVERIFY(view->comparisonTable()->item(0, 2)->text().contains(QLatin1String("group IDs unchanged")));
    QSignalSpy compare(view, &RecompileView::compareRequested);
    view->compareButton()->click();
    QCOMPARE(compare.size(), 1);
    QCOMPARE(compare.first().at(0).toString(), dir.filePath(QStringLiteral("previous-build/attention_64x64.xclbin")));
    QCOMPARE(compare.first().at(1).toString(), dir.filePath(QStringLiteral("attention_64x64.xclbin")));
    test::saveScreenshot(view, QStringLiteral("recompile-success"));
}

void TestRecompileView::failureListsClickableDiagnostics()
{
    QTemporaryDir dir;
    const QString design
        = test::designCopy(dir, QStringLiteral("broken.mlir"), "    %buf = aie.buffer(%shim) : memref<64xi8>\n");
    const int line = test::lineContaining(design, "aie.buffer(%shim)");
    qputenv("AIECC_STANDIN_FAIL", "mlir");
    RecompileView* view = makeView(design);
    QSignalSpy finished(view, &RecompileView::finished);
    QSignalSpy location(view, &RecompileView::openLocation);
    view->recompile();
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.first().first().toBool());
    QCOMPARE(view->diagnostics()->rowCount(), 3);
    QCOMPARE(view->diagnostics()->index(0, DiagnosticsModel::LineColumn).data().toInt(), line);
    QCOMPARE(view->diagnostics()->index(2, DiagnosticsModel::KindColumn).data().toString(),
             QStringLiteral("failed-command"));
    QVERIFY(view->resultLabel()->text().contains(QLatin1String("exit code 1")));
    QVERIFY(view->currentXclbin().isEmpty());
    QTableView* table = view->diagnosticsTable();
    QVERIFY(QTest::qWaitForWindowExposed(view));
    const QPoint first = table->visualRect(table->model()->index(0, 1)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, first);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, first);
    QCOMPARE(location.size(), 1);
    QCOMPARE(location.first().at(0).toString(), design);
    QCOMPARE(location.first().at(1).toInt(), line);
    QVERIFY(location.first().at(2).toInt() > 0);
    // The failed step has no location: double-clicking it opens nothing.
    const QPoint failedStep = table->visualRect(table->model()->index(2, 1)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, failedStep);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, failedStep);
    QCOMPARE(location.size(), 1);
    test::saveScreenshot(view, QStringLiteral("recompile-failure"));
}

void TestRecompileView::cancelEndsTheProcessTree()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    const QString pidfile = dir.filePath(QStringLiteral("grandchild.pid"));
    qputenv("AIECC_STANDIN_HANG", "1");
    qputenv("AIECC_STANDIN_PIDFILE", pidfile.toUtf8());
    RecompileView* view = makeView(design);
    QSignalSpy finished(view, &RecompileView::finished);
    view->recompile();
    QVERIFY(QTest::qWaitFor([&] { return QFile::exists(pidfile); }, 30000));
    QTest::qWait(200);
    const qint64 grandchild = test::readFile(pidfile).trimmed().toLongLong();
    QVERIFY(grandchild > 0 && !processGone(grandchild));
    QVERIFY(view->cancelButton()->isEnabled());
    QVERIFY(!view->recompileButton()->isEnabled());
    QVERIFY(view->stepLabel()->text().startsWith(QLatin1String("step ")));
    test::saveScreenshot(view, QStringLiteral("recompile-running"));
    view->cancelButton()->click();
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.first().first().toBool());
    QVERIFY(view->lastResult() && view->lastResult()->cancelled);
    QVERIFY(view->resultLabel()->text().startsWith(QLatin1String("Cancelled")));
    QVERIFY2(QTest::qWaitFor([grandchild] { return processGone(grandchild); }, 8000), "the grandchild survived Cancel");
    QVERIFY(view->recompileButton()->isEnabled());
}

void TestRecompileView::repackageWithoutAiecc()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    {
        RecompileView* view = makeView(design);
        QSignalSpy finished(view, &RecompileView::finished);
        view->recompile();
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().first().toBool());
    }
    ToolchainSettings none;
    none.mode = ToolchainSettings::AieccMode::Program;
    none.program = dir.filePath(QStringLiteral("no-aiecc"));
    RecompileView* view = makeView(design, none);
    QCOMPARE(view->projectFolder(), dir.filePath(QStringLiteral("attention_64x64.mlir.prj")));
    QSignalSpy ready(view, &RecompileView::buildReady);
    QSignalSpy finished(view, &RecompileView::finished);
    view->repackageButton()->click();
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.first().first().toBool());
    QVERIFY(view->lastRepackage() && view->lastRepackage()->ok);
    QCOMPARE(ready.first().at(2).toString(), QStringLiteral("repackaged"));
    QVERIFY(view->resultLabel()->text().startsWith(QLatin1String("Repackaged")));
    QVERIFY(view->commandLabel()->text().contains(QLatin1String("aiecc is not run")));
    // The build it replaced is kept for Compare, and as the .bak of the writer.
    QVERIFY(view->compareButton()->isEnabled());
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("attention_64x64.xclbin.bak"))));
    test::saveScreenshot(view, QStringLiteral("repackage"));
}

void TestRecompileView::noAieccSaysWhatIsMissing()
{
    QTemporaryDir dir;
    ToolchainSettings none;
    none.mode = ToolchainSettings::AieccMode::Program;
    none.program = dir.filePath(QStringLiteral("no-aiecc"));
    RecompileView* view = makeView(test::designCopy(dir, QStringLiteral("attention_64x64.mlir")), none);
    QSignalSpy finished(view, &RecompileView::finished);
    view->recompile();
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.first().first().toBool());
    const QString text = view->resultLabel()->text();
    QVERIFY2(text.contains(QLatin1String("Cannot recompile")) && text.contains(QLatin1String("pip install mlir_aie"))
                 && text.contains(QLatin1String("Repackage")),
             qPrintable(text));
    QVERIFY(!view->lastResult());
    QVERIFY(view->toolchain()->status() && !view->toolchain()->status()->canRecompile());
    QVERIFY(view->toolchain()->statusTable()->rowCount() >= 5);
    test::saveScreenshot(view->toolchain(), QStringLiteral("toolchain-missing"));
}

void TestRecompileView::toolchainSettingsAreKept()
{
    ToolchainSettings settings = test::standinSettings();
    settings.peanoInstallDir = QStringLiteral("/opt/peano");
    settings.environment = test::strings({ "PYTHONPATH=/opt/mlir_aie/python" });
    ToolchainPanel::saveSettings(settings);
    ToolchainPanel panel;
    QCOMPARE(panel.settings(), settings);
}

QTEST_MAIN(TestRecompileView)
#include "tst_recompileview.moc"
