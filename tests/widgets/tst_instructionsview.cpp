// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustreambench.h"
#include "testsupport.h"
#include "widgets/common/findbar.h"
#include "widgets/instructions/instructionsview.h"
#include "widgets/instructions/npuargumentbars.h"
#include "widgets/instructions/npuopsmodel.h"
#include "widgets/instructions/nputransfersmodel.h"
#include "xclbin/xclbinreader.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace xi;

// The Instructions view on real fixture streams, a dropped stream, a bad one and a 10 MiB one.
class TestInstructionsView : public QObject {
    Q_OBJECT

    static void save(QWidget& w, const QString& name)
    {
        QCoreApplication::processEvents();
        QVERIFY(w.grab().save(test::outputDir() + u'/' + name));
    }

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    // The stream next to the xclbin is found and decoded; the per-argument bars say what the NPU does.
    void streamNextToTheXclbin()
    {
        InstructionsView view;
        view.resize(1280, 800);
        QSignalSpy decoded(&view, &InstructionsView::decoded);
        view.setXclbin(XclbinReader::read(test::xclbinFixturePath(QStringLiteral("iron-gemm-256-1col"))));
        QTRY_VERIFY(!view.isDecoding());
        QVERIFY(view.stream());
        QCOMPARE(view.findings().size(), 0);
        QCOMPARE(view.bars()->lines(),
                 test::strings({ "XRT 3: NPU reads 131072 B (1048576 B moved in 8 push(es))",
                                 "XRT 4: NPU reads 131072 B (1048576 B moved in 8 push(es))",
                                 "XRT 5: NPU writes 262144 B (262144 B moved in 4 push(es))" }));
        QCOMPARE(view.transfers()->model()->rowCount(), 20);
        QCOMPARE(view.ops()->model()->rowCount(), 68);
        QAbstractItemModelTester ops(view.ops()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester transfers(view.transfers()->model(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The op filter keeps the syncs only.
        view.filter()->setText(QStringLiteral("SYNC"));
        QCOMPARE(view.ops()->model()->rowCount(), 4);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        save(view, QStringLiteral("instructions-view-gemm-256.png"));
    }

    // A stream opened by the user stays across reloads of the xclbin and is checked against it.
    void chosenStreamIsCheckedAgainstTheFile()
    {
        InstructionsView view;
        view.setXclbin(XclbinReader::read(test::xclbinFixturePath(QStringLiteral("npu2-gemm-256x256x256"))));
        QTRY_VERIFY(!view.isDecoding());
        QVERIFY(!view.stream());
        QVERIFY2(view.summary()->text().contains(QLatin1String("No instruction stream next to")),
                 qPrintable(view.summary()->text()));
        const QString stream = QFileInfo(test::xclbinFixturePath(QStringLiteral("iron-single-add")))
                                   .dir()
                                   .filePath(QStringLiteral("iron-single-add.insts.bin"));
        view.setStreamFile(stream);
        QTRY_VERIFY(view.stream());
        QStringList codes;
        for (const NpuFinding& f : view.findings())
            codes << f.code;
        QVERIFY2(codes.contains(QStringLiteral("device-mismatch")), qPrintable(codes.join(u' ')));
        view.setXclbin(XclbinReader::read(test::xclbinFixturePath(QStringLiteral("npu2-gemm-256x256x256"))));
        QTRY_VERIFY(!view.isDecoding());
        QCOMPARE(view.streamFile(), stream);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        save(view, QStringLiteral("instructions-view-npu1-stream-npu2-file.png"));
    }

    void unreadableStreamSaysWhy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.insts.bin"));
        QVERIFY(test::writeFile(path, QByteArray("\x00\x01\x03\x06\x04\x01\x00\x00\x09\x00", 10)));
        InstructionsView view;
        view.setStreamFile(path);
        QTRY_VERIFY(!view.isDecoding());
        QVERIFY(!view.stream());
        QVERIFY2(view.summary()->text().contains(QLatin1String("could not be read")),
                 qPrintable(view.summary()->text()));
        QVERIFY(view.summary()->text().contains(QLatin1String("broken.insts.bin")));
    }

    // A 10 MiB stream decodes off the GUI thread: the event loop keeps running meanwhile.
    void largeStreamKeepsTheWindowResponsive()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("large.insts.bin"));
        QVERIFY(test::writeFile(path, NpuStreamBench::syntheticTxn(10 << 20)));
        InstructionsView view;
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
        timer.start(0);
        view.setStreamFile(path);
        QVERIFY(view.isDecoding()); // returned at once, the work is elsewhere
        QTRY_VERIFY_WITH_TIMEOUT(!view.isDecoding(), 60000);
        QVERIFY(view.stream());
        QVERIFY(ticks > 0);
        QVERIFY(view.ops()->model()->rowCount() > 100000);
    }
};

QTEST_MAIN(TestInstructionsView)
#include "tst_instructionsview.moc"
