// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/verdictstyle.h"
#include "widgets/xclbin/argumenttablemodel.h"
#include "xclbin/xclbinreader.h"

#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QtTest>

using namespace xi;

class TestArgumentTableModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    void everyMlirAieFixtureDecodes_data()
    {
        const QStringList names = test::mlirAieFixtureNames();
        QVERIFY(!names.isEmpty());
        test::addFixtureRows(names);
    }

    void everyMlirAieFixtureDecodes()
    {
        QFETCH(QString, name);
        ArgumentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setXclbin(XclbinReader::read(test::xclbinFixturePath(name)));
        int row = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.index(r, ArgumentTableModel::KernelColumn).data().toString() == QLatin1String("MLIR_AIE")
                && model.index(r, ArgumentTableModel::IndexColumn).data().toInt() == 0)
                row = r;
        }
        QVERIFY(row >= 0);
        const QStringList expected { QStringLiteral("0x1FFFF"), QStringLiteral("0x10001"), QStringLiteral("0x1FFFF"),
                                     QStringLiteral("0x10000"), QStringLiteral("0x10000"), QStringLiteral("0x10000"),
                                     QStringLiteral("0x10000"), QStringLiteral("0x10000") };
        for (int i = 0; i < expected.size(); ++i) {
            const QModelIndex hex = model.index(row + i, ArgumentTableModel::GroupHexColumn);
            QCOMPARE(hex.data().toString(), expected[i]);
            const Verdict verdict = Verdict(hex.data(ArgumentTableModel::VerdictRole).toInt());
            QCOMPARE(verdict, expected[i] == QLatin1String("0x1FFFF") ? Verdict::Scalar : Verdict::Valid);
            QCOMPARE(hex.data(Qt::BackgroundRole).value<QColor>(), VerdictStyle::background(verdict, QPalette()));
            QVERIFY(!model.index(row + i, ArgumentTableModel::VerdictColumn)
                         .data(Qt::DecorationRole)
                         .value<QIcon>()
                         .isNull());
        }
        // Slot 3 and back while a tester watches every signal.
        model.setSlotMode({ 3, false });
        QCOMPARE(model.index(row + 1, ArgumentTableModel::GroupHexColumn).data().toString(), QStringLiteral("0x30001"));
        model.setSlotMode(SlotMode::xrt213());
        QCOMPARE(model.index(row, ArgumentTableModel::GroupHexColumn).data().toString(), QStringLiteral("-1"));
        model.setXclbin({});
        QCOMPARE(model.rowCount(), 0);
    }

    void verdictStylesDiffer()
    {
        // Four distinct icons and colours, in light and dark palettes alike.
        QSet<QRgb> light, dark;
        QSet<QByteArray> icons;
        QPalette darkPalette;
        darkPalette.setColor(QPalette::Base, Qt::black);
        for (Verdict v : { Verdict::Valid, Verdict::Scalar, Verdict::Warning, Verdict::Invalid }) {
            light.insert(VerdictStyle::background(v, QPalette(Qt::white)).rgb());
            dark.insert(VerdictStyle::background(v, darkPalette).rgb());
            const QImage image = VerdictStyle::icon(v).pixmap(32).toImage();
            icons.insert(QByteArray(reinterpret_cast<const char*>(image.constBits()), image.sizeInBytes()));
            QVERIFY(VerdictStyle::background(v, darkPalette).lightness() < 128);
            QVERIFY(VerdictStyle::background(v, QPalette(Qt::white)).lightness() > 128);
        }
        QCOMPARE(light.size(), 4);
        QCOMPARE(dark.size(), 4);
        QCOMPARE(icons.size(), 4);
    }
};

QTEST_MAIN(TestArgumentTableModel)
#include "tst_argumenttablemodel.moc"
