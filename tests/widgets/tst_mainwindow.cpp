// SPDX-License-Identifier: GPL-3.0-or-later
#include "demofiles.h"
#include "documentview.h"
#include "helpdialogs.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "util/buildconfig.h"
#include "welcomepage.h"
#include "widgets/binding/bindingview.h"
#include "widgets/common/findbar.h"
#include "widgets/common/tablecopy.h"
#include "widgets/common/verdictstyle.h"
#include "widgets/common/wrappingdelegate.h"
#include "widgets/compare/compareview.h"
#include "widgets/compare/diffmodel.h"
#include "widgets/decoder/decoderresultmodel.h"
#include "widgets/decoder/decoderview.h"
#include "widgets/issues/issuesmodel.h"
#include "widgets/issues/issuesview.h"
#include "widgets/summary/summaryview.h"
#include "widgets/xclbin/argumentdetails.h"
#include "widgets/xclbin/argumenttablemodel.h"
#include "widgets/xclbin/argumenttableview.h"
#include "widgets/xclbin/hexmodel.h"
#include "widgets/xclbin/hexview.h"
#include "widgets/xclbin/memorydiagram.h"
#include "widgets/xclbin/metadataview.h"
#include "widgets/xclbin/npucolumnswidget.h"
#include "widgets/xclbin/overviewview.h"
#include "widgets/xclbin/partitionview.h"
#include "widgets/xclbin/sectionmodel.h"
#include "widgettestutil.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QGraphicsRectItem>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

using namespace xi;

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    // Opens a file and waits until its background load has finished (successfully or not).
    static DocumentView* openAndWait(MainWindow& window, const QString& path)
    {
        DocumentView* doc = window.openFile(path);
        if (!QTest::qWaitFor([doc] { return !doc->isLoading(); }, 20000))
            qWarning("%s is still loading after 20 s", qPrintable(path));
        return doc;
    }

    static QString cell(const QAbstractItemModel* model, int row, int column)
    {
        return model->index(row, column).data().toString();
    }

    static void checkRow(const ArgumentTableModel* model, int row, const QString& name, const QString& hex,
                         const QString& dec, Verdict verdict)
    {
        QCOMPARE(cell(model, row, ArgumentTableModel::NameColumn), name);
        QCOMPARE(cell(model, row, ArgumentTableModel::GroupHexColumn), hex);
        QCOMPARE(cell(model, row, ArgumentTableModel::GroupDecColumn), dec);
        const QModelIndex index = model->index(row, ArgumentTableModel::VerdictColumn);
        QCOMPARE(index.data(ArgumentTableModel::VerdictRole).toInt(), int(verdict));
        QCOMPARE(index.data().toString(), VerdictStyle::label(verdict));
        QCOMPARE(index.data(Qt::BackgroundRole).value<QColor>(), VerdictStyle::background(verdict, QPalette()));
        const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(!icon.isNull());
        QCOMPARE(icon.pixmap(16).toImage(), VerdictStyle::icon(verdict).pixmap(16).toImage());
        const QString tip = model->index(row, ArgumentTableModel::NameColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(VerdictStyle::label(verdict)), qPrintable(tip));
        QVERIFY2(tip.contains(model->argumentOfRow(row)->reason.toHtmlEscaped()), qPrintable(tip));
    }

private slots:
    void initTestCase()
    {
        XI_REQUIRE_FIXTURES();
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("xclbin-inspector-tests"));
        QApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void argumentTableOfMlirAie()
    {
        MainWindow window;
        window.show();
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        ArgumentTableModel* model = doc->argumentModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 8);
        checkRow(model, 0, QStringLiteral("opcode"), QStringLiteral("0x1FFFF"), QStringLiteral("131071"),
                 Verdict::Scalar);
        checkRow(model, 1, QStringLiteral("instr"), QStringLiteral("0x10001"), QStringLiteral("65537"), Verdict::Valid);
        checkRow(model, 2, QStringLiteral("ninstr"), QStringLiteral("0x1FFFF"), QStringLiteral("131071"),
                 Verdict::Scalar);
        for (int row = 3; row < 8; ++row) {
            checkRow(model, row, QStringLiteral("bo%1").arg(row - 3), QStringLiteral("0x10000"),
                     QStringLiteral("65536"), Verdict::Valid);
            QCOMPARE(cell(model, row, ArgumentTableModel::MemoryColumn), QStringLiteral("HOST"));
        }
        QCOMPARE(cell(model, 1, ArgumentTableModel::MemoryColumn), QStringLiteral("SRAM"));
        QCOMPARE(cell(model, 0, ArgumentTableModel::BankColumn), QStringLiteral("none"));
        QVERIFY(!model->headerData(ArgumentTableModel::GroupHexColumn, Qt::Horizontal, Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
        QCOMPARE(doc->issuesModel()->count(Severity::Error), 0);
        doc->setCurrentView(QStringLiteral("arguments"));
        doc->argumentView()->table()->selectRow(3);
        const QString details = doc->argumentView()->details()->toPlainText();
        QVERIFY2(details.contains(QStringLiteral("group_id(3)")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("xrt.bo(")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("xrt::bo ")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("(1 << 16)")), qPrintable(details));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-arguments-iron-single-add"));
    }

    void slotSelectorUpdatesLive()
    {
        MainWindow window;
        window.show();
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        ArgumentTableModel* model = doc->argumentModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QComboBox* slot = doc->argumentView()->slotSelector();
        QVERIFY(!slot->toolTip().isEmpty());
        slot->setCurrentIndex(1); // slot 2
        QCOMPARE(cell(model, 0, ArgumentTableModel::GroupHexColumn), QStringLiteral("0x2FFFF"));
        QCOMPARE(cell(model, 1, ArgumentTableModel::GroupHexColumn), QStringLiteral("0x20001"));
        QCOMPARE(cell(model, 3, ArgumentTableModel::GroupDecColumn), QStringLiteral("131072"));
        QCOMPARE(cell(model, 3, ArgumentTableModel::SlotColumn), QStringLiteral("2"));
        QCOMPARE(model->index(3, 0).data(ArgumentTableModel::VerdictRole).toInt(), int(Verdict::Valid));
        slot->setCurrentIndex(slot->count() - 1); // XRT 2.13
        QCOMPARE(slot->currentText(), QStringLiteral("XRT 2.13: no slot"));
        QCOMPARE(cell(model, 0, ArgumentTableModel::GroupDecColumn), QStringLiteral("-1"));
        QCOMPARE(cell(model, 1, ArgumentTableModel::GroupDecColumn), QStringLiteral("1"));
        QCOMPARE(cell(model, 3, ArgumentTableModel::GroupDecColumn), QStringLiteral("0"));
        QCOMPARE(cell(model, 3, ArgumentTableModel::SlotColumn), QStringLiteral("n/a"));
        doc->setCurrentView(QStringLiteral("arguments"));
        doc->argumentView()->table()->selectRow(0);
        test::saveScreenshot(&window, QStringLiteral("mainwindow-arguments-xrt213"));
    }

    void everyViewShowsTheFile()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        for (const QString& name : DocumentView::viewNames()) {
            QVERIFY(window.setCurrentView(name));
            QCOMPARE(doc->currentViewName(), name);
            QVERIFY(doc->views()->currentWidget()->isVisible());
            QVERIFY(!doc->views()->tabToolTip(doc->views()->currentIndex()).isEmpty());
            const QString path = test::saveScreenshot(&window, QStringLiteral("mainwindow-view-") + name);
            QVERIFY(QFileInfo(path).size() > 1000);
        }
        // Overview: header and section table from the file.
        QCOMPARE(doc->overview()->sectionModel()->rowCount(), 7);
        QVERIFY(doc->overview()->hexView()->model()->rowCount() > 0);
        // Diagram: one box per argument and per memory, a line per connection.
        QCOMPARE(doc->diagram()->argumentBoxCount(), 8);
        QCOMPARE(doc->diagram()->bankBoxCount(), 2);
        QCOMPARE(doc->diagram()->lineCount(), 6);
        QCOMPARE(doc->diagram()->argumentColor(0),
                 VerdictStyle::background(Verdict::Scalar, doc->diagram()->palette()));
        QCOMPARE(doc->diagram()->argumentColor(3), VerdictStyle::background(Verdict::Valid, doc->diagram()->palette()));
        // Partition: one PDI, start columns drawn.
        QStandardItemModel* pdis = doc->partition()->pdiModel();
        QAbstractItemModelTester pdiTester(pdis, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(pdis->rowCount() >= 1);
        QVERIFY(pdis->item(0, 0)->rowCount() >= 1); // cdo groups
        QVERIFY(doc->partition()->columns()->totalColumns() >= 4);
        // Metadata: the embedded XML.
        QVERIFY(doc->metadata()->documentNames().contains(QStringLiteral("EMBEDDED_METADATA")));
        QVERIFY(doc->metadata()->currentText().contains(QStringLiteral("MLIR_AIE")));
    }

    void sharedSelectionCrossProbes()
    {
        MainWindow window;
        window.show();
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        doc->setCurrentView(QStringLiteral("arguments"));
        doc->argumentView()->table()->selectRow(1); // instr -> SRAM (memory 1)
        QVERIFY(doc->diagram()->isArgumentHighlighted(1));
        QVERIFY(doc->diagram()->isBankHighlighted(1));
        QVERIFY(!doc->diagram()->isBankHighlighted(0));
        // Selecting bank 0 in the diagram selects every argument on it in the table.
        doc->diagram()->selectBank(0);
        const QModelIndexList rows = doc->argumentView()->table()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 5);
        QVERIFY(doc->diagram()->isBankHighlighted(0));
        QVERIFY(!doc->diagram()->isArgumentHighlighted(1));
        doc->setCurrentView(QStringLiteral("diagram"));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-diagram-bank0-selected"));
        // A click on an argument box in the diagram selects that row.
        doc->diagram()->resize(1200, 800);
        QGraphicsRectItem* box = doc->diagram()->argumentBox(7);
        QVERIFY(box);
        const QPoint at = doc->diagram()->mapFromScene(box->sceneBoundingRect().center());
        QTest::mouseClick(doc->diagram()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(doc->sharedSelection()->selectedRows().size(), 1);
        QCOMPARE(doc->sharedSelection()->selectedRows().first().row(), 7);
    }

    void wrongConnectionsAreColoured()
    {
        QTemporaryDir dir;
        const QString path = test::wronglyConnectedCopy(dir);
        QVERIFY(!path.isEmpty());
        MainWindow window;
        window.show();
        DocumentView* doc = openAndWait(window, path);
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        ArgumentTableModel* model = doc->argumentModel();
        QCOMPARE(model->index(3, 0).data(ArgumentTableModel::VerdictRole).toInt(), int(Verdict::Warning));
        QCOMPARE(model->index(4, 0).data(ArgumentTableModel::VerdictRole).toInt(), int(Verdict::Invalid));
        checkRow(model, 3, QStringLiteral("bo0"), QStringLiteral("0x10001"), QStringLiteral("65537"), Verdict::Warning);
        QCOMPARE(model->index(4, ArgumentTableModel::VerdictColumn).data(Qt::BackgroundRole).value<QColor>(),
                 VerdictStyle::background(Verdict::Invalid, QPalette()));
        QVERIFY(doc->issuesModel()->count(Severity::Error) >= 1);
        QVERIFY(doc->issuesModel()->count(Severity::Warning) >= 1);
        // The issues list: filter, then double-click jumps to the argument row.
        IssuesView* issues = doc->issues();
        QAbstractItemModelTester tester(doc->issuesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        doc->setCurrentView(QStringLiteral("issues"));
        QAbstractItemModelTester filterTester(issues->table()->model(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        issues->severityFilter()->setCurrentIndex(0); // errors only
        QCOMPARE(issues->table()->model()->rowCount(), doc->issuesModel()->count(Severity::Error));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-issues-errors"));
        issues->severityFilter()->setCurrentIndex(2);
        int bo1Row = -1;
        for (int r = 0; r < issues->table()->model()->rowCount(); ++r) {
            if (issues->table()
                    ->model()
                    ->index(r, IssuesModel::LocationColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("bo1")))
                bo1Row = r;
        }
        QVERIFY(bo1Row >= 0);
        const QRect rect = issues->table()->visualRect(issues->table()->model()->index(bo1Row, 1));
        QTest::mouseClick(issues->table()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(issues->table()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(doc->currentViewName(), QStringLiteral("arguments"));
        QCOMPARE(doc->sharedSelection()->selectedRows().size(), 1);
        QCOMPARE(doc->sharedSelection()->selectedRows().first().row(), 4);
        test::saveScreenshot(&window, QStringLiteral("mainwindow-arguments-wrongly-connected"));
        doc->setCurrentView(QStringLiteral("diagram"));
        // The memory index outside the table is drawn as its own (invalid) box, highlighted with bo1.
        QCOMPARE(doc->diagram()->bankBoxCount(), 3);
        QVERIFY(doc->diagram()->bankBox(7));
        QVERIFY(doc->diagram()->isBankHighlighted(7));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-diagram-wrongly-connected"));
    }

    void malformedFileShowsErrorAndKeepsPrevious()
    {
        QTemporaryDir dir;
        const QString good
            = test::patchedCopy(dir, QStringLiteral("iron-single-add"), QStringLiteral("copy.xclbin"), {});
        const QString broken = test::sectionOutsideCopy(dir);
        MainWindow window;
        window.show();
        DocumentView* first = openAndWait(window, good);
        QVERIFY2(first->xclbin(), qPrintable(first->errorText()));
        DocumentView* second = openAndWait(window, broken);
        QCOMPARE(window.documentCount(), 2);
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("section-outside.xclbin")));
        QVERIFY(!second->xclbin());
        QVERIFY(!second->views()->isEnabled());
        QVERIFY(second->banner()->isVisible());
        QVERIFY2(second->banner()->text().contains(QStringLiteral("offset")), qPrintable(second->banner()->text()));
        QVERIFY(second->errorText().contains(QStringLiteral("section-outside.xclbin")));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-malformed-file"));
        // The first tab still works.
        window.tabs()->setCurrentWidget(first);
        QCOMPARE(first->argumentModel()->rowCount(), 8);
        first->setCurrentView(QStringLiteral("arguments"));
        first->argumentView()->table()->selectRow(2);
        QCOMPARE(first->sharedSelection()->selectedRows().first().row(), 2);

        // A reload that fails keeps the last good load on screen.
        QFile::remove(good);
        QVERIFY(QFile::copy(broken, good));
        QSignalSpy failed(first, &DocumentView::loadFailed);
        window.reloadAction()->trigger();
        QVERIFY(failed.wait(20000));
        QVERIFY(first->xclbin());
        QCOMPARE(first->argumentModel()->rowCount(), 8);
        QVERIFY(first->banner()->text().contains(QStringLiteral("last good load")));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-reload-failed-keeps-previous"));
    }

    void cancelledLoadKeepsTheWindowUsable()
    {
        MainWindow window;
        window.show();
        DocumentView* doc = window.openFile(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY(doc->banner()->text().contains(QStringLiteral("Cancel")));
        QSignalSpy loaded(doc, &DocumentView::loaded);
        doc->cancelLoad();
        QTRY_VERIFY_WITH_TIMEOUT(!doc->isLoading(), 20000);
        QCOMPARE(loaded.count(), 0);
        QVERIFY(doc->banner()->text().contains(QStringLiteral("cancelled")));
        QVERIFY(!doc->xclbin());
        window.reloadAction()->trigger();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(doc->argumentModel()->rowCount(), 8);
    }

    void pluggedInViewGetsEveryLoad()
    {
        MainWindow window;
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        int made = 0;
        doc->addView<DecoderView>(QStringLiteral("extra"), QStringLiteral("Extra"), QStringLiteral("A plugged-in view"),
                                  [&made](QWidget* parent) {
                                      ++made;
                                      return new DecoderView(parent);
                                  });
        QVERIFY(!doc->isViewCreated(QStringLiteral("extra")));
        QVERIFY(doc->setCurrentView(QStringLiteral("extra")));
        QCOMPARE(doc->currentViewName(), QStringLiteral("extra"));
        auto extra = doc->view<DecoderView>(QStringLiteral("extra"));
        QVERIFY(extra);
        QCOMPARE(made, 1);
        QCOMPARE(doc->view<DecoderView>(QStringLiteral("extra")), extra);
        QCOMPARE(made, 1);
        // Made after the load, it was handed that load.
        extra->setInput(QStringLiteral("65537"));
        QVERIFY(extra->results()->findings().first().groupId->summary().contains(QStringLiteral("SRAM")));
    }

    void viewsAreMadeWhenFirstShown()
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        const QString first = doc->currentViewName();
        QVERIFY(doc->isViewCreated(first));
        for (const QString& name : doc->allViewNames()) {
            if (name != first)
                QVERIFY2(!doc->isViewCreated(name), qPrintable(name + QStringLiteral(" was made before it was shown")));
        }
        // Shown: made and given the file; the Run view brings the Binding view it follows.
        QVERIFY(doc->setCurrentView(QStringLiteral("partition")));
        QVERIFY(doc->isViewCreated(QStringLiteral("partition")));
        QVERIFY(doc->partition()->pdiModel()->rowCount() > 0);
        QVERIFY(doc->setCurrentView(QStringLiteral("run")));
        QVERIFY(doc->isViewCreated(QStringLiteral("run")));
        QVERIFY(doc->isViewCreated(QStringLiteral("binding")));
        QVERIFY(!doc->isViewCreated(QStringLiteral("diagram")));
        // Asked for: made without being shown.
        QCOMPARE(doc->diagram()->argumentBoxCount(), doc->argumentModel()->rowCount());
        QVERIFY(!doc->viewWidget(QStringLiteral("no-such-view")));
    }

    void dragAndDropOpensFiles()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.acceptDrops());
        QMimeData mime;
        mime.setUrls({ QUrl::fromLocalFile(test::xclbinFixturePath(QStringLiteral("iron-single-add"))),
                       QUrl::fromLocalFile(test::xclbinFixturePath(QStringLiteral("iron-gemv-288"))) });
        const QPoint at = window.rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QCOMPARE(window.documentCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(window.document(0)->xclbin() && window.document(1)->xclbin(), 20000);
        QCOMPARE(window.document(1)->argumentModel()->rowCount(), 8);
        // A drop of something that is not a file is refused.
        QMimeData text;
        text.setText(QStringLiteral("hello"));
        QDragEnterEvent refused(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        refused.setAccepted(false);
        QApplication::sendEvent(&window, &refused);
        QVERIFY(!refused.isAccepted());
    }

    void findFiltersAndCopyGivesText()
    {
        MainWindow window;
        window.show();
        QApplication::setActiveWindow(&window);
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        doc->setCurrentView(QStringLiteral("arguments"));
        QCOMPARE(window.findAction()->shortcut(), QKeySequence(QKeySequence::Find));
        QCOMPARE(window.copyAction()->shortcut(), QKeySequence(QKeySequence::Copy));
        QCOMPARE(window.openAction()->shortcut(), QKeySequence(QKeySequence::Open));
        QCOMPARE(window.reloadAction()->shortcut(), QKeySequence(QKeySequence::Refresh));
        window.findAction()->trigger();
        QLineEdit* find = doc->argumentView()->findBar()->lineEdit();
        QTRY_VERIFY(find->hasFocus());
        QTest::keyClicks(find, QStringLiteral("HOST")); // every column counts: bo0..bo4 are on HOST
        QTableView* table = doc->argumentView()->table();
        QCOMPARE(table->model()->rowCount(), 5);
        test::saveScreenshot(&window, QStringLiteral("mainwindow-find-bo"));
        find->clear();
        QCOMPARE(table->model()->rowCount(), 8);

        table->setFocus();
        table->selectRow(0);
        window.copyAction()->trigger();
        const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("#\tName\tVerdict\tReason\tGroup ID")),
                 qPrintable(lines[0])); // one kernel: no column
        QVERIFY2(lines[1].startsWith(QStringLiteral("0\topcode\tScalar\tA scalar argument")), qPrintable(lines[1]));
        QVERIFY(lines[1].contains(QStringLiteral("\t0x1FFFF\t")));
        QVERIFY(lines[1].contains(QStringLiteral("\t131071\t1\t")));
        TableCopy::copyToClipboard(table, TableCopy::Format::Markdown);
        QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("| # | Name | Verdict | Reason |")));
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("| --- |")));

        // Find in the raw metadata.
        doc->setCurrentView(QStringLiteral("metadata"));
        window.findAction()->trigger();
        QTest::keyClicks(doc->metadata()->findEdit(), QStringLiteral("<arg "));
        QCOMPARE(doc->metadata()->matchCount(), 8);
        QVERIFY(doc->metadata()->editor()->textCursor().selectedText() == QStringLiteral("<arg "));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-metadata-find"));
    }

    void decoderExplainsLogText()
    {
        MainWindow window;
        window.show();
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        doc->setCurrentView(QStringLiteral("decoder"));
        doc->decoder()->setInput(QStringLiteral(
            "65536 131072 131071\n"
            "[XRT] WARNING: Kernel MLIR_AIE has no compute units with connectivity required for global argument at "
            "index 0. The argument is allocated in bank 1, the compute unit is connected to bank 131071. Allocating "
            "local copy of argument buffer in connected bank.\n"));
        DecoderResultModel* results = doc->decoder()->results();
        QAbstractItemModelTester tester(results, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(results->rowCount() >= 4);
        bool warning = false;
        for (const LogFinding& f : results->findings())
            warning = warning || f.kind == LogFinding::Kind::ConnectivityWarning;
        QVERIFY(warning);
        QVERIFY(cell(results, 0, DecoderResultModel::MeaningColumn).contains(QStringLiteral("HOST")));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-decoder"));
    }

    void compareTwoFiles()
    {
        MainWindow window;
        window.show();
        const QString a = test::xclbinFixturePath(QStringLiteral("iron-single-add"));
        QTemporaryDir dir;
        const QString b = test::wronglyConnectedCopy(dir);
        CompareView* compare = window.openCompare(a, b);
        QSignalSpy ready(compare, &CompareView::ready);
        QVERIFY(ready.wait(20000));
        DiffModel* diff = compare->diffModel();
        QAbstractItemModelTester tester(diff, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(diff->rowCount() > 0);
        bool groupChanged = false;
        for (int r = 0; r < diff->rowCount(); ++r) {
            const DiffRecord& rec = diff->records()[r];
            if (rec.area == DiffRecord::Area::GroupId && rec.key.contains(QStringLiteral("bo0"))) {
                groupChanged = true;
                QCOMPARE(diff->index(r, 0).data(Qt::BackgroundRole).value<QColor>(),
                         DiffModel::changeColor(rec.change, QPalette()));
            }
        }
        QVERIFY(groupChanged);
        QCOMPARE(compare->afterArguments()->index(4, 0).data(ArgumentTableModel::VerdictRole).toInt(),
                 int(Verdict::Invalid));
        // The changed arguments are marked on both sides, the others not.
        for (ArgumentTableModel* side : { compare->beforeArguments(), compare->afterArguments() }) {
            QVERIFY(side->isMarked(3) && side->isMarked(4));
            QVERIFY(!side->isMarked(0) && !side->isMarked(5));
            QVERIFY(side->index(3, ArgumentTableModel::NameColumn).data(Qt::FontRole).value<QFont>().bold());
            QVERIFY(
                side->index(3, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Changed between A and B")));
        }
        QVERIFY(window.setCurrentView(QStringLiteral("compare")));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-compare"));
        window.findAction()->trigger();
        QTest::keyClicks(compare->findBar()->lineEdit(), QStringLiteral("bo1"));
        QVERIFY(compare->diffTable()->model()->rowCount() > 0);
        QVERIFY(compare->diffTable()->model()->rowCount() < diff->rowCount());
        compare->findBar()->lineEdit()->clear();
        // The same file against itself: nothing but the build stamp can differ.
        CompareView* same = window.openCompare(a, a);
        QSignalSpy sameReady(same, &CompareView::ready);
        QVERIFY(sameReady.wait(20000));
        QCOMPARE(same->diffModel()->rowCount(), 0);
    }

    void recentFilesKeepNineExisting()
    {
        QSettings().remove(QStringLiteral("RecentFiles"));
        QTemporaryDir dir;
        RecentFiles recent;
        for (int i = 0; i < 11; ++i) {
            const QString path = dir.filePath(QStringLiteral("f%1.xclbin").arg(i));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            recent.add(path);
        }
        QCOMPARE(recent.files().size(), RecentFiles::MaxFiles);
        QVERIFY(recent.files().first().endsWith(QStringLiteral("f10.xclbin")));
        QFile::remove(dir.filePath(QStringLiteral("f10.xclbin")));
        QCOMPARE(recent.files().size(), RecentFiles::MaxFiles - 1);
        QVERIFY(recent.files().first().endsWith(QStringLiteral("f9.xclbin")));
        MainWindow window;
        openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QCOMPARE(window.recentFiles()->files().first(),
                 QFileInfo(test::xclbinFixturePath(QStringLiteral("iron-single-add"))).absoluteFilePath());
    }

    void watchReloadsOnRebuild()
    {
        QTemporaryDir dir;
        const QString path
            = test::patchedCopy(dir, QStringLiteral("iron-single-add"), QStringLiteral("watched.xclbin"), {});
        MainWindow window;
        window.watchAction()->setChecked(true);
        DocumentView* doc = openAndWait(window, path);
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        QVERIFY(doc->watchEnabled());
        QCOMPARE(doc->argumentModel()->index(3, 0).data(ArgumentTableModel::VerdictRole).toInt(), int(Verdict::Valid));
        // "Rebuild": replace the file with the wrongly connected variant.
        const QString rebuilt = test::wronglyConnectedCopy(dir);
        QSignalSpy loaded(doc, &DocumentView::loaded);
        QTest::qWait(1100); // the new file must get a different modification time than the old one
        QFile::remove(path);
        QVERIFY(QFile::copy(rebuilt, path));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(doc->argumentModel()->index(3, 0).data(ArgumentTableModel::VerdictRole).toInt(),
                 int(Verdict::Warning));
    }

    // A watched file that vanishes says so and keeps the last good view; it reloads when the file is back.
    void watchSaysAVanishedFile()
    {
        QTemporaryDir dir;
        const QString path
            = test::patchedCopy(dir, QStringLiteral("iron-single-add"), QStringLiteral("vanishing.xclbin"), {});
        const QByteArray bytes = test::readFile(path);
        MainWindow window;
        window.watchAction()->setChecked(true);
        DocumentView* doc = openAndWait(window, path);
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        QVERIFY(QFile::remove(path));
        QTRY_VERIFY_WITH_TIMEOUT(!doc->banner()->isHidden(), 10000);
        QVERIFY2(doc->banner()->text().contains(QStringLiteral("%1 was deleted or moved.").arg(path)),
                 qPrintable(doc->banner()->text()));
        QVERIFY(doc->banner()->text().contains(QLatin1String("Still showing the last good load")));
        QVERIFY(doc->xclbin());
        QVERIFY(doc->views()->isEnabled());
        QCOMPARE(doc->argumentModel()->rowCount(), 8);
        test::saveScreenshot(&window, QStringLiteral("mainwindow-watched-file-vanished"));
        QSignalSpy loaded(doc, &DocumentView::loaded);
        QVERIFY(test::writeFile(path, bytes));
        QVERIFY(loaded.wait(20000));
        QVERIFY(doc->banner()->isHidden());
    }

    // Settings an older version (or a damaged file) left: wrong types and foreign layouts are ignored, nothing crashes.
    void settingsOfAnOlderLayoutAreIgnored()
    {
        {
            QSettings settings;
            settings.setValue(QStringLiteral("MainWindow/version"), QStringLiteral("one"));
            settings.setValue(QStringLiteral("MainWindow/geometry"), QByteArray("\x01\xd9\xd0\xcb garbage"));
            settings.setValue(QStringLiteral("MainWindow/state"), QByteArray(300, '\xff'));
            settings.setValue(QStringLiteral("MainWindow/theme"), 42);
            settings.setValue(QStringLiteral("MainWindow/watch"), QStringList { QStringLiteral("maybe") });
            settings.setValue(QStringLiteral("RecentFiles/paths"), 17);
            settings.setValue(QStringLiteral("ArgumentTable/splitter"), QByteArray(64, '\x7f'));
            settings.setValue(QStringLiteral("Toolchain/settings"), QByteArray("{ not json"));
        }
        MainWindow window;
        window.show();
        QCOMPARE(window.size(), QSize(1400, 900));
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        QVERIFY(doc->setCurrentView(QStringLiteral("arguments")));
        QCOMPARE(doc->argumentModel()->rowCount(), 8);
        window.saveSettings();
        QCOMPARE(QSettings().value(QStringLiteral("MainWindow/version")).toInt(), MainWindow::SettingsVersion);
        QSettings().clear(); // later tests start from defaults
    }

    void settingsPersistWithVersion()
    {
        {
            MainWindow window;
            window.resize(1111, 777);
            window.setTheme(Theme::Dark);
            window.saveSettings();
        }
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("MainWindow/version")).toInt(), MainWindow::SettingsVersion);
        QCOMPARE(settings.value(QStringLiteral("MainWindow/theme")).toString(), QStringLiteral("dark"));
        MainWindow restored;
        QCOMPARE(restored.size(), QSize(1111, 777));
        QVERIFY(VerdictStyle::isDark(QApplication::palette()));
        // A saved layout of another version is ignored.
        settings.setValue(QStringLiteral("MainWindow/version"), MainWindow::SettingsVersion + 1);
        MainWindow fresh;
        QCOMPARE(fresh.size(), QSize(1400, 900));
        restored.setTheme(Theme::Light);
        QVERIFY(!VerdictStyle::isDark(QApplication::palette()));
        settings.remove(QStringLiteral("MainWindow")); // later tests start from defaults
    }

    void darkPaletteRecolours()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QTemporaryDir dir;
        DocumentView* doc = openAndWait(window, test::wronglyConnectedCopy(dir));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        window.setTheme(Theme::Dark);
        QCoreApplication::processEvents();
        const QColor dark = doc->argumentModel()->index(4, 0).data(Qt::BackgroundRole).value<QColor>();
        QCOMPARE(dark, VerdictStyle::background(Verdict::Invalid, Theme::palette(Theme::Dark)));
        QVERIFY(dark.lightness() < 128);
        doc->setCurrentView(QStringLiteral("arguments"));
        doc->argumentView()->table()->selectRow(3);
        test::saveScreenshot(&window, QStringLiteral("mainwindow-dark-arguments"));
        doc->setCurrentView(QStringLiteral("diagram"));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-dark-diagram"));
        window.setTheme(Theme::Light);
        QCoreApplication::processEvents();
        QVERIFY(doc->argumentModel()->index(4, 0).data(Qt::BackgroundRole).value<QColor>().lightness() > 128);
    }

    void demoShowsEveryVerdict()
    {
        const QStringList files = DemoFiles::files();
        QVERIFY2(
            files.size() == 2 && files[1].endsWith(QStringLiteral("attention-64x64-broken.xclbin")),
            qPrintable(QStringLiteral("demo files not built (target xi_demo): %1").arg(files.join(QLatin1Char(' ')))));
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(window.openDemo());
        QCOMPARE(window.documentCount(), 2);
        QCOMPARE(window.tabs()->count(), 3);
        DocumentView* broken = window.currentDocument();
        QVERIFY(broken);
        QTRY_VERIFY_WITH_TIMEOUT(broken->xclbin() && window.document(0)->xclbin(), 20000);
        QSet<int> verdicts;
        for (int row = 0; row < broken->argumentModel()->rowCount(); ++row)
            verdicts.insert(broken->argumentModel()->index(row, 0).data(ArgumentTableModel::VerdictRole).toInt());
        QCOMPARE(verdicts.size(), 4);
        QCOMPARE(broken->currentViewName(), QStringLiteral("summary"));
        QVERIFY(
            broken->summaryView()->summary().headline.startsWith(QLatin1String("2 buffer arguments have no memory")));
        test::saveScreenshot(&window, QStringLiteral("demo-summary"));
        QVERIFY(window.setCurrentView(QStringLiteral("arguments")));
        QTRY_COMPARE(broken->sharedSelection()->selectedRows().size(), 1);
        QCOMPARE(
            broken->argumentModel()->argumentOfRow(broken->sharedSelection()->selectedRows().first().row())->verdict,
            Verdict::Invalid);
        test::saveScreenshot(&window, QStringLiteral("demo-arguments"));
        broken->setCurrentView(QStringLiteral("partition"));
        QVERIFY(broken->partition()->pdiModel()->item(0, 0)->text().contains(QStringLiteral("placeholder")));
        test::saveScreenshot(&window, QStringLiteral("demo-partition"));
        QVERIFY(window.setCurrentView(QStringLiteral("compare")));
        QTRY_VERIFY_WITH_TIMEOUT(window.currentCompare()->diffModel()->rowCount() > 0, 20000);
        test::saveScreenshot(&window, QStringLiteral("demo-compare"));
    }

    void everyFixtureOpensInEveryView_data() { test::addFixtureRows(test::xclbinFixtureNames()); }

    void everyFixtureOpensInEveryView()
    {
        QFETCH(QString, name);
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(name));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        QCOMPARE(doc->overview()->sectionModel()->rowCount(), doc->xclbin()->sections.size());
        QCOMPARE(doc->diagram()->argumentBoxCount(), doc->argumentModel()->rowCount());
        QCOMPARE(doc->partition()->pdiModel()->rowCount(),
                 doc->xclbin()->aiePartition ? doc->xclbin()->aiePartition->pdis.size() : 0);
        for (const QString& view : DocumentView::viewNames()) {
            QVERIFY(doc->setCurrentView(view));
            QCoreApplication::processEvents();
        }
        doc->setCurrentView(QStringLiteral("arguments"));
        test::saveScreenshot(&window, QStringLiteral("fixture-") + name);
    }

    void everyControlHasATooltip()
    {
        MainWindow window;
        window.show();
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        QStringList missing;
        // The built-in views (views plugged in by others are tested with their own classes).
        QList<QWidget*> widgets;
        for (int i = 0; i < DocumentView::viewNames().size(); ++i)
            widgets += doc->views()->widget(i)->findChildren<QWidget*>();
        for (QWidget* w : widgets) {
            const bool control = qobject_cast<QComboBox*>(w) || qobject_cast<QLineEdit*>(w)
                || qobject_cast<QAbstractButton*>(w) || qobject_cast<QAbstractItemView*>(w);
            // Parts Qt builds inside a control (headers, corner and clear buttons, tab scrollers) are not ours.
            QWidget* parent = w->parentWidget();
            if (!control || qobject_cast<QHeaderView*>(w) || qobject_cast<QAbstractItemView*>(parent)
                || qobject_cast<QLineEdit*>(parent) || qobject_cast<QTabBar*>(parent)
                || qobject_cast<QComboBox*>(parent))
                continue;
            if (w->toolTip().isEmpty())
                missing << QStringLiteral("%1 in %2")
                               .arg(QString::fromLatin1(w->metaObject()->className()),
                                    QString::fromLatin1(w->parentWidget()->metaObject()->className()));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
        for (QAction* action : { window.openAction(), window.reloadAction(), window.copyAction(), window.findAction() })
            QVERIFY(!action->toolTip().isEmpty());
    }

    // Nothing open: a welcome page with Open, the recent files and the demo; the demo opens only when chosen.
    void welcomePageWhenNothingIsOpen()
    {
        QSettings().remove(QStringLiteral("MainWindow/demoAtStart"));
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.isWelcomeShown());
        QCOMPARE(window.documentCount(), 0);
        QVERIFY(!window.demoAtStart());
        QVERIFY(window.welcomePage()->openButton()->isVisible());
        QVERIFY(window.welcomePage()->demoButton()->isEnabled());
        test::saveScreenshot(&window, QStringLiteral("mainwindow-welcome"));
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY(!window.isWelcomeShown());
        QVERIFY(window.welcomePage()->recentList()->count() >= 1);
        window.tabs()->tabCloseRequested(window.tabs()->indexOf(doc));
        QVERIFY(window.isWelcomeShown());
        // Chosen on the welcome page, kept for the next start.
        window.welcomePage()->demoAtStartBox()->setChecked(true);
        QVERIFY(window.demoAtStart());
        MainWindow next;
        QVERIFY(next.demoAtStart());
        next.setDemoAtStart(false);
        QVERIFY(!MainWindow().demoAtStart());
        QSignalSpy demo(window.welcomePage(), &WelcomePage::demoRequested);
        window.welcomePage()->demoButton()->click();
        QCOMPARE(demo.size(), 1);
        QCOMPARE(window.documentCount(), 2);
    }

    // Every file opens on its summary; its links lead to the view and the argument they name.
    void summaryFirstWithLinks()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        DocumentView* doc = openAndWait(window, test::demoXclbin(QStringLiteral("attention-64x64-broken")));
        QVERIFY2(doc->xclbin(), qPrintable(doc->errorText()));
        QCOMPARE(doc->currentViewName(), QStringLiteral("summary"));
        QCOMPARE(DocumentView::viewNames().first(), QStringLiteral("summary"));
        SummaryView* summary = doc->summaryView();
        QTRY_VERIFY(
            summary->browser()->toPlainText().left(50).contains(QLatin1String("2 buffer arguments have no memory")));
        QVERIFY(summary->browser()->toHtml().contains(QLatin1String("xi:binding")) == false
                || doc->allViewNames().contains(QStringLiteral("binding")));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-summary-broken-demo"));
        summary->activateLink(QStringLiteral("xi:arguments/MLIR_AIE/5"));
        QCOMPARE(doc->currentViewName(), QStringLiteral("arguments"));
        const QModelIndexList rows = doc->sharedSelection()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(doc->argumentModel()->argumentOfRow(rows.first().row())->argument.name, QStringLiteral("bo2"));
        QVERIFY(doc->argumentView()->details()->toPlainText().contains(QLatin1String("bo2")));
        QVERIFY(window.setCurrentView(QStringLiteral("summary")));
        summary->activateLink(QStringLiteral("xi:binding"));
        QCOMPARE(doc->currentViewName(), QStringLiteral("binding"));
    }

    // The Arguments view opens on the first argument that is not valid, its reason in a column and its details shown;
    // the instruction stream next to the file says what the NPU does with each buffer.
    void argumentsOpenOnTheFirstFinding()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        DocumentView* doc = openAndWait(window, test::demoXclbin(QStringLiteral("attention-64x64-broken")));
        QVERIFY(window.setCurrentView(QStringLiteral("arguments")));
        const QModelIndexList rows = doc->sharedSelection()->selectedRows();
        QCOMPARE(rows.size(), 1);
        const ArgumentGroup* arg = doc->argumentModel()->argumentOfRow(rows.first().row());
        QCOMPARE(arg->verdict, Verdict::Invalid);
        QCOMPARE(arg->argument.name, QStringLiteral("bo1"));
        QVERIFY(doc->argumentView()->details()->toPlainText().contains(QLatin1String("NPU writes 4096 bytes")));
        ArgumentTableModel* model = doc->argumentModel();
        QCOMPARE(cell(model, rows.first().row(), ArgumentTableModel::ReasonColumn), arg->reason);
        QCOMPARE(cell(model, 3, ArgumentTableModel::StreamColumn), QStringLiteral("NPU reads 12288 bytes"));
        QCOMPARE(cell(model, 0, ArgumentTableModel::StreamColumn), QString());
        // At 1280 x 800 the verdict and the start of the reason are on screen without scrolling.
        QTableView* table = doc->argumentView()->table();
        const auto reasonMiddle = [table] {
            return table->columnViewportPosition(ArgumentTableModel::ReasonColumn)
                + table->columnWidth(ArgumentTableModel::ReasonColumn) / 2;
        };
        QTRY_VERIFY2(table->viewport()->width() > 500, qPrintable(QString::number(table->viewport()->width())));
        QVERIFY2(reasonMiddle() < table->viewport()->width(),
                 qPrintable(QStringLiteral("%1 of %2").arg(reasonMiddle()).arg(table->viewport()->width())));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-arguments-1280x800"));
        // A correct file: the first row, explained.
        DocumentView* good = openAndWait(window, test::demoXclbin());
        QCOMPARE(good->sharedSelection()->selectedRows().first().row(), 0);
    }

    void nextAndPreviousFile()
    {
        MainWindow window;
        window.show();
        QApplication::setActiveWindow(&window); // shortcuts go to the active window (no window manager under Xvfb)
        openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        DocumentView* second = openAndWait(window, test::demoXclbin());
        QCOMPARE(window.currentDocument(), second);
        QVERIFY(window.nextFileAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Tab)));
        QVERIFY(window.nextFileAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_PageDown)));
        QVERIFY(window.previousFileAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_PageUp)));
        second->summaryView()->browser()->setFocus();
        QTest::keyClick(second->summaryView()->browser(), Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentIndex(), 0);
        QTest::keyClick(window.currentDocument()->summaryView()->browser(), Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentIndex(), 1);
        window.nextFileAction()->trigger(); // wraps around
        QCOMPARE(window.tabs()->currentIndex(), 0);
    }

    // A shortcut for every view of a file, and Esc clears the filter.
    void shortcutsForEveryView()
    {
        MainWindow window;
        window.show();
        QApplication::setActiveWindow(&window);
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QStringList viewsWithAction;
        for (QAction* action : window.viewActions()) {
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
            viewsWithAction << action->data().toString();
        }
        for (const QString& name : doc->allViewNames())
            QVERIFY2(viewsWithAction.contains(name), qPrintable(name));
        for (QAction* action : window.viewActions()) {
            const QString name = action->data().toString();
            if (!action->isEnabled())
                continue;
            action->trigger();
            QCOMPARE(doc->currentViewName(), name);
        }
        QVERIFY(window.setCurrentView(QStringLiteral("arguments")));
        FindBar* find = doc->argumentView()->findBar();
        find->setText(QStringLiteral("SRAM"));
        QCOMPARE(doc->argumentView()->proxy()->rowCount(), 1);
        doc->argumentView()->table()->setFocus();
        QTest::keyClick(doc->argumentView()->table(), Qt::Key_Escape);
        QCOMPARE(find->lineEdit()->text(), QString());
        QCOMPARE(doc->argumentView()->proxy()->rowCount(), doc->argumentModel()->rowCount());
    }

    void helpUserGuideShortcutsAndAbout()
    {
        MainWindow window;
        QStringList texts;
        for (QAction* action : window.menuActions())
            texts << action->text().remove(u'&');
        for (const char* wanted : { "User guide", "Keyboard shortcuts", "About", "Open demo" })
            QVERIFY2(texts.contains(QLatin1String(wanted)), wanted);
        const QString guide = HelpDialogs::userGuidePath();
        QVERIFY2(!guide.isEmpty(), "docs/user-guide.md");
        QDialog* dialog = HelpDialogs::userGuide(&window);
        auto browser = dialog->findChild<QTextBrowser*>();
        QVERIFY(browser->toPlainText().contains(QLatin1String("Summary")));
        QVERIFY(browser->document()
                    ->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("screenshots/summary.png")))
                    .isValid());
        dialog->show();
        test::saveScreenshot(dialog, QStringLiteral("help-user-guide"));
        dialog->close();
        const QString keys = HelpDialogs::shortcutsHtml(window.menuActions());
        for (const char* wanted : { "Next file", "Summary", "Esc", "Ctrl+O" })
            QVERIFY2(keys.contains(QLatin1String(wanted)), wanted);
        const QString about = HelpDialogs::aboutHtml();
        QVERIFY(about.contains(QString::fromLatin1(qVersion())));
        QVERIFY(about.contains(QLatin1String(XI_XRT_VERSION)));
    }

    // Every control a screen reader meets has a name.
    void accessibleNames()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QStringList missing;
        auto check = [&missing](QWidget* root) {
            for (QWidget* w : root->findChildren<QWidget*>()) {
                const bool control = qobject_cast<QComboBox*>(w) || qobject_cast<QLineEdit*>(w)
                    || qobject_cast<QAbstractButton*>(w) || qobject_cast<QAbstractItemView*>(w)
                    || qobject_cast<QAbstractScrollArea*>(w);
                QWidget* parent = w->parentWidget();
                if (!control || !w->isVisibleTo(root) || qobject_cast<QHeaderView*>(w)
                    || qobject_cast<QAbstractItemView*>(parent) || qobject_cast<QLineEdit*>(parent)
                    || qobject_cast<QTabBar*>(parent) || qobject_cast<QComboBox*>(parent)
                    || qobject_cast<QAbstractSpinBox*>(parent) || w->inherits("QCustomPlot"))
                    continue;
                QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
                if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
                    missing << QStringLiteral("%1 %2 in %3")
                                   .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                        QString::fromLatin1(parent ? parent->metaObject()->className() : "-"));
            }
        };
        check(window.welcomePage());
        DocumentView* doc = openAndWait(window, test::demoXclbin());
        for (const QString& name : doc->allViewNames()) {
            QVERIFY(doc->setCurrentView(name));
            QCoreApplication::processEvents();
            check(doc->viewWidget(name));
        }
        missing.removeDuplicates();
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
    }

    // The Binding view starts on the NPU kernel, not the PL one listed first.
    void bindingStartsOnTheNpuKernel()
    {
        MainWindow window;
        window.show();
        DocumentView* doc = openAndWait(window, test::xclbinFixturePath(QStringLiteral("riallto-edge-detect-720p")));
        QVERIFY(doc->setCurrentView(QStringLiteral("binding")));
        auto binding = doc->view<BindingView>(QStringLiteral("binding"));
        QTRY_COMPARE(binding->plan().kernelName, QStringLiteral("edge_detect_720p"));
        // Its findings wrap at the message column rather than being cut.
        QVERIFY(binding->setQuickPlan(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4")));
        auto findings = binding->findChild<QTreeWidget*>();
        QVERIFY(findings);
        QVERIFY(qobject_cast<WrappingDelegate*>(findings->itemDelegateForColumn(4)));
    }

    // In a comparison a row's colour says it changed, not its verdict.
    void compareColoursMeanChanges()
    {
        MainWindow window;
        window.show();
        CompareView* compare
            = window.openCompare(test::demoXclbin(), test::demoXclbin(QStringLiteral("attention-64x64-broken")));
        QTRY_VERIFY_WITH_TIMEOUT(compare->diffModel()->rowCount() > 0, 20000);
        QTableView* after = compare->afterTable();
        const QAbstractItemModel* model = after->model();
        QSet<QString> colours;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QVariant bg = model->index(row, 0).data(Qt::BackgroundRole);
            if (bg.isValid())
                colours << bg.value<QColor>().name();
        }
        QCOMPARE(colours.size(), 1); // the one colour of a change
        for (Verdict v : { Verdict::Valid, Verdict::Warning, Verdict::Invalid, Verdict::Scalar })
            QVERIFY(!colours.contains(VerdictStyle::background(v, after->palette()).name()));
        test::saveScreenshot(&window, QStringLiteral("mainwindow-compare-change-colours"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
