// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/keyvaluemodel.h"
#include "widgets/xclbin/datainspectormodel.h"
#include "widgets/xclbin/hexmodel.h"
#include "widgets/xclbin/hexview.h"
#include "widgets/xclbin/overviewview.h"
#include "widgets/xclbin/sectionmodel.h"
#include "xclbin/sectionjson.h"
#include "xclbin/sectionkind.h"
#include "xclbin/xclbinreader.h"

#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace xi;

class TestHexView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    void hexModelShowsBytes()
    {
        HexModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setData(QByteArray("xclbin2\0ABCDEFGHIJKLMNOP", 24), 0x100);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, HexModel::OffsetColumn).data().toString(), QStringLiteral("00000100"));
        QCOMPARE(model.index(0, HexModel::FirstByteColumn).data().toString(), QStringLiteral("78"));
        QCOMPARE(model.index(0, HexModel::AsciiColumn).data().toString(), QStringLiteral("xclbin2.ABCDEFGH"));
        QCOMPARE(model.index(1, HexModel::AsciiColumn).data().toString(), QStringLiteral("IJKLMNOP"));
        QCOMPARE(model.byteOffset(model.index(1, HexModel::FirstByteColumn + 7)), 23);
        QCOMPARE(model.byteOffset(model.index(1, HexModel::FirstByteColumn + 8)), -1);
        QCOMPARE(model.flags(model.index(1, HexModel::FirstByteColumn + 8)), Qt::NoItemFlags);
        model.setData({}, 0);
        QCOMPARE(model.rowCount(), 0);
    }

    void inspectorReadsLittleEndian()
    {
        DataInspectorModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBytes(QByteArray::fromHex("ffff010000000000"), 0x40);
        QCOMPARE(model.value(DataInspectorModel::Int8), QStringLiteral("-1"));
        QCOMPARE(model.value(DataInspectorModel::UInt8), QStringLiteral("255"));
        QCOMPARE(model.value(DataInspectorModel::Int16), QStringLiteral("-1"));
        QCOMPARE(model.value(DataInspectorModel::Int32), QStringLiteral("131071"));
        QCOMPARE(model.value(DataInspectorModel::UInt32), QStringLiteral("131071 (0x1ffff)"));
        model.setBytes(QByteArray::fromHex("01"), 0);
        QCOMPARE(model.value(DataInspectorModel::Int8), QStringLiteral("1"));
        QVERIFY(model.value(DataInspectorModel::Int16).isEmpty());
    }

    void overviewOfARealFile()
    {
        const XclbinPtr x = XclbinReader::read(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        OverviewView view;
        QAbstractItemModelTester sections(view.sectionModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester header(view.headerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester hex(view.hexView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1300, 800);
        view.show();
        view.setXclbin(x);
        QCOMPARE(view.headerModel()->value(QStringLiteral("Magic")), QStringLiteral("xclbin2"));
        QCOMPARE(view.headerModel()->value(QStringLiteral("xclbin UUID")),
                 x->header.xclbinUuid.toString(QUuid::WithoutBraces));
        QCOMPARE(view.sectionModel()->rowCount(), x->sections.size());
        // MEM_TOPOLOGY is section 0: its count (2) is the first byte; the inspector reads it.
        view.selectSection(0);
        QCOMPARE(view.currentSection()->kind, quint32(MEM_TOPOLOGY));
        QCOMPARE(view.hexView()->model()->bytes().size(), qsizetype(x->sections[0].size));
        view.hexView()->selectByte(0);
        QCOMPARE(view.hexView()->inspector()->value(DataInspectorModel::Int32), QStringLiteral("2"));
        // Tag "HOST" of memory 0 at 8 + 24 inside the section.
        QCOMPARE(view.hexView()->model()->index(2, HexModel::AsciiColumn).data().toString().left(4),
                 QStringLiteral("HOST"));
        view.grab().save(test::outputDir() + QStringLiteral("/overview-mem-topology.png"));

        // Export: raw bytes equal the section, JSON equals xclbinutil's dump.
        QTemporaryDir dir;
        QCOMPARE(view.exportRaw(dir.filePath(QStringLiteral("mem.bin"))), QString());
        QCOMPARE(test::readFile(dir.filePath(QStringLiteral("mem.bin"))), x->readSection(x->sections[0]));
        QCOMPARE(view.exportJson(dir.filePath(QStringLiteral("mem.json"))), QString());
        const QByteArray reference = test::readFile(test::xclbinReferenceDir(QStringLiteral("iron-single-add"))
                                                    + QStringLiteral("/mem_topology.json"));
        QCOMPARE(test::readFile(dir.filePath(QStringLiteral("mem.json"))), reference);

        // Exporting over an earlier export keeps it as .bak; a full disk says so and leaves the file whole.
        const QString raw = dir.filePath(QStringLiteral("mem.bin"));
        QVERIFY(test::writeFile(raw, "earlier export"));
        QCOMPARE(view.exportRaw(raw), QString());
        QCOMPARE(test::readFile(raw + QStringLiteral(".bak")), QByteArray("earlier export"));
        const QString full = dir.filePath(QStringLiteral("full.json"));
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), full));
        const QString error = view.exportJson(full);
        QVERIFY2(error.contains(full) && error.contains(QLatin1String("No space left on device")), qPrintable(error));
    }
};

QTEST_MAIN(TestHexView)
#include "tst_hexview.moc"
