// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/mlir/mlirdesignview.h"
#include "widgets/mlir/mlirelementsmodel.h"
#include "widgets/mlir/mlirfindingsmodel.h"
#include "widgets/mlir/mlirsourceview.h"
#include "widgettestutil.h"
#include "xclbin/aieccdesign.h"
#include "xclbin/xclbinwriter.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUuid>

using namespace xi;

namespace {

QString source(const QString& relative)
{
    return QStringLiteral(XI_SOURCE_DIR "/") + relative;
}

MlirElementsModel* model(const MlirDesignView& view, MlirElementsModel::Kind kind)
{
    return view.model(int(kind));
}

int rowOfCode(const MlirFindingsModel* m, const QString& code)
{
    for (int row = 0; row < m->rowCount(); ++row) {
        if (m->index(row, MlirFindingsModel::CodeColumn).data().toString() == code)
            return row;
    }
    return -1;
}

} // namespace

class TestMlirDesignView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void syntaxEras_data();
    void syntaxEras();
    void modelsPassTheTester();
    void hostBuffersAgainstAnXclbin();
    void findingsMarkedInTheSource();
    void fixButtonNamesTheAction();
    void unreadableAndNotADesign();
};

void TestMlirDesignView::syntaxEras_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("syntax");
    QTest::addColumn<int>("tiles");
    QTest::addColumn<int>("buffers");
    QTest::addColumn<int>("fifos");
    QTest::addColumn<int>("hostBuffers");
    QTest::newRow("2023 AIE. + func.func @sequence")
        << QStringLiteral("tests/data/mlir/old_syntax.mlir") << QStringLiteral("ipu") << QStringLiteral("func.func")
        << 3 << 3 << 1 << 3;
    QTest::newRow("2024 aiex.runtime_sequence")
        << QStringLiteral("tests/data/mlir/seed_option1_shim_buffers.mlir") << QStringLiteral("npu1")
        << QStringLiteral("aiex.runtime_sequence") << 2 << 3 << 0 << 2;
    QTest::newRow("2025 aie.runtime_sequence @name")
        << QStringLiteral("tests/data/mlir/runtime_sequence_2025.mlir") << QStringLiteral("npu1_4col")
        << QStringLiteral("aie.runtime_sequence") << 3 << 2 << 2 << 2;
    QTest::newRow("our 64x64 design") << QStringLiteral("kernels/attention/attention_64x64.mlir")
                                      << QStringLiteral("npu1") << QStringLiteral("aie.runtime_sequence") << 2 << 0 << 2
                                      << 2;
}

void TestMlirDesignView::syntaxEras()
{
    QFETCH(QString, file);
    QFETCH(QString, device);
    QFETCH(QString, syntax);
    QFETCH(int, tiles);
    QFETCH(int, buffers);
    QFETCH(int, fifos);
    QFETCH(int, hostBuffers);
    MlirDesignView view;
    view.resize(1300, 800);
    QSignalSpy loaded(&view, &MlirDesignView::designLoaded);
    QString error;
    QVERIFY2(view.loadFile(source(file), &error), qPrintable(error));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(view.design().device, device);
    QCOMPARE(view.design().runtimeSequence->syntax, syntax);
    QCOMPARE(model(view, MlirElementsModel::Kind::Tiles)->rowCount(), tiles);
    QCOMPARE(model(view, MlirElementsModel::Kind::Buffers)->rowCount(), buffers);
    QCOMPARE(model(view, MlirElementsModel::Kind::ObjectFifos)->rowCount(), fifos);
    QCOMPARE(model(view, MlirElementsModel::Kind::HostArguments)->rowCount(), hostBuffers);
    QCOMPARE(model(view, MlirElementsModel::Kind::Cores)->rowCount(), 1);
    QVERIFY(view.summary()->text().contains(QStringLiteral("device %1").arg(device)));
    QVERIFY(view.tables()->isEnabled());
    // Every element row knows its line, and double-clicking it shows that line of the source.
    const MlirElementsModel* tileModel = model(view, MlirElementsModel::Kind::Tiles);
    const int line = tileModel->index(0, 0).data(MlirElementsModel::LineRole).toInt();
    QVERIFY(line > 0);
    QVERIFY(view.gotoLine(line));
    QCOMPARE(view.source()->currentLine(), line);
    QVERIFY(view.source()->textCursor().selectedText().contains(QLatin1String("tile(0, 0)")));
    test::saveScreenshot(&view,
                         QStringLiteral("mlir-design-")
                             + QString::fromLatin1(QTest::currentDataTag()).section(QLatin1Char(' '), 0, 0));
}

void TestMlirDesignView::modelsPassTheTester()
{
    MlirDesignView view;
    for (const char* file : { "tests/data/mlir/old_syntax.mlir", "tests/data/mlir/runtime_sequence_2025.mlir" }) {
        QVERIFY(view.loadFile(source(QLatin1String(file))));
        for (int kind = 0; kind <= int(MlirElementsModel::Kind::HostArguments); ++kind)
            QAbstractItemModelTester tester(view.model(kind), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tester(view.findingsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
}

void TestMlirDesignView::hostBuffersAgainstAnXclbin()
{
    QTemporaryDir dir;
    AieccDesign design;
    design.memories = AieccDesign::mlirAieMemories();
    design.kernels << AieccDesign::mlirAieKernel();
    design.partition = AieccDesign::mlirAiePartition(QByteArray("test PDI"), QUuid::createUuid());
    const QString path = dir.filePath(QStringLiteral("attention.xclbin"));
    XclbinWriter().write(design, path, true);
    MlirDesignView view;
    QVERIFY(view.loadFile(source(QStringLiteral("tests/data/mlir/six_host_buffers.mlir"))));
    const MlirElementsModel* hosts = model(view, MlirElementsModel::Kind::HostArguments);
    QCOMPARE(hosts->index(0, 7).data().toString(), QStringLiteral("(no xclbin)"));
    view.setXclbin(XclbinReader::read(path));
    QCOMPARE(hosts->rowCount(), 6);
    QCOMPARE(hosts->index(0, 1).data().toString(), QStringLiteral("%a0"));
    QCOMPARE(hosts->index(0, 3).data().toLongLong(), 64);
    QCOMPARE(hosts->index(0, 4).data().toInt(), 3);
    QCOMPARE(hosts->index(0, 5).data().toString(), QStringLiteral("bo0"));
    QCOMPARE(hosts->index(0, 7).data().toString(), QStringLiteral("bo0 (global)"));
    QCOMPARE(hosts->index(0, 8).data().toString(), QStringLiteral("0x10000"));
    // The sixth host buffer has no XRT argument at all.
    QCOMPARE(hosts->index(5, 4).data().toString(), QStringLiteral("none"));
    QVERIFY(hosts->index(5, 6).data().toString().startsWith(QLatin1String("no")));
    QCOMPARE(hosts->index(5, 7).data().toString(), QStringLiteral("no argument 8"));
    QVERIFY(view.summary()->text().contains(QLatin1String("checked against attention.xclbin")));
}

void TestMlirDesignView::findingsMarkedInTheSource()
{
    MlirDesignView view;
    QVERIFY(view.loadFile(source(QStringLiteral("tests/data/mlir/seed_option1_shim_buffers.mlir"))));
    const MlirFindingsModel* findings = view.findingsModel();
    const int row = rowOfCode(findings, QStringLiteral("buffer-on-shim"));
    QVERIFY(row >= 0);
    QCOMPARE(findings->index(row, MlirFindingsModel::LineColumn).data().toInt(), 9);
    QCOMPARE(findings->index(row, MlirFindingsModel::FixColumn).data().toString(),
             QStringLiteral("design fix (rebuild)"));
    QCOMPARE(findings->index(row, 0).data(MlirFindingsModel::FixActionRole).toString(),
             QStringLiteral("correct-design"));
    QVERIFY(view.summary()->text().contains(QLatin1String("3 error finding(s)")));
    const QList<int> marked = view.source()->markedLines();
    for (int line : { 9, 10, 11, 17 })
        QVERIFY2(marked.contains(line), qPrintable(QString::number(line)));
    // Double-clicking a finding shows its line.
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableView* table = view.findingsTable();
    const QRect cell = table->visualRect(table->model()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(view.source()->currentLine(), 9);
    test::saveScreenshot(&view, QStringLiteral("mlir-design-seed-findings"));
}

void TestMlirDesignView::fixButtonNamesTheAction()
{
    MlirDesignView view;
    QVERIFY(view.loadFile(source(QStringLiteral("tests/data/mlir/seed_option1_shim_buffers.mlir"))));
    QVERIFY(!view.fixButton()->isEnabled());
    QSignalSpy fix(&view, &MlirDesignView::fixRequested);
    const int error = rowOfCode(view.findingsModel(), QStringLiteral("buffer-on-shim"));
    view.findingsTable()->setCurrentIndex(view.findingsTable()->model()->index(error, 0));
    QVERIFY(view.fixButton()->isEnabled());
    QCOMPARE(view.fixButton()->text(), QStringLiteral("Correct the design and recompile..."));
    view.fixButton()->click();
    QCOMPARE(fix.size(), 1);
    QCOMPARE(fix.first().first().value<FixAdvice>().action, QStringLiteral("correct-design"));
    QCOMPARE(fix.first().at(1).toInt(), 9);
    // An information finding needs no fix: the button is off.
    const int info = rowOfCode(view.findingsModel(), QStringLiteral("host-arguments"));
    view.findingsTable()->setCurrentIndex(view.findingsTable()->model()->index(info, 0));
    QVERIFY(!view.fixButton()->isEnabled());
}

void TestMlirDesignView::unreadableAndNotADesign()
{
    MlirDesignView view;
    QString error;
    QVERIFY(!view.loadFile(source(QStringLiteral("tests/data/mlir/missing.mlir")), &error));
    QVERIFY(error.contains(QLatin1String("missing.mlir: cannot open for reading")));
    QVERIFY(!view.hasDesign());
    QVERIFY(!view.tables()->isEnabled());
    QVERIFY(!view.loadFile(source(QStringLiteral("docs/cli.md")), &error));
    QVERIFY(error.contains(QLatin1String("not an mlir-aie design")));
    QCOMPARE(view.summary()->text(), error);
}

QTEST_MAIN(TestMlirDesignView)
#include "tst_mlirdesignview.moc"
