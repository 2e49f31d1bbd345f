// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/argumenttablemodel.h"
#include "widgets/xclbin/memorydiagram.h"
#include "widgettestutil.h"

#include <QItemSelectionModel>
#include <QScrollBar>
#include <QtTest>

using namespace xi;

// The memory diagram: readable for an overlay with many kernels (zoom, pan, fit), cross-probing kept.
class TestMemoryDiagram : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void largeOverlayStaysReadableAndPans()
    {
        XI_REQUIRE_FIXTURES();
        ArgumentTableModel model;
        QItemSelectionModel selection(&model);
        model.setXclbin(XclbinReader::read(test::xclbinFixturePath(QStringLiteral("ryzenai-1x4-1mb"))));
        MemoryDiagram diagram(&model, &selection);
        diagram.resize(1000, 650);
        diagram.show();
        QVERIFY(QTest::qWaitForWindowExposed(&diagram));
        QCOMPARE(diagram.argumentBoxCount(), model.rowCount());
        // 16 kernels do not fit: shown at a readable size with a scroll bar rather than shrunk to a stamp.
        QCOMPARE(diagram.zoom(), MemoryDiagram::MinFitScale);
        QVERIFY(diagram.verticalScrollBar()->maximum() > 0);
        test::saveScreenshot(&diagram, QStringLiteral("memorydiagram-ryzenai-1x4-1mb"));

        const qreal fitted = diagram.zoom();
        QTest::keyClick(&diagram, Qt::Key_Plus);
        QVERIFY(diagram.zoom() > fitted);
        QWheelEvent wheel(QPointF(100, 100), diagram.mapToGlobal(QPointF(100, 100)), QPoint(), QPoint(0, -240),
                          Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        const qreal zoomed = diagram.zoom();
        QApplication::sendEvent(diagram.viewport(), &wheel);
        QVERIFY(diagram.zoom() < zoomed);
        // A resize keeps the user's zoom; 0 fits again.
        const qreal chosen = diagram.zoom();
        diagram.resize(900, 600);
        QCOMPARE(diagram.zoom(), chosen);
        QTest::keyClick(&diagram, Qt::Key_0);
        QCOMPARE(diagram.zoom(), fitted);
        // Panning: the scroll bar moves the view.
        diagram.verticalScrollBar()->setValue(diagram.verticalScrollBar()->maximum());
        QVERIFY(diagram.mapToScene(0, 0).y() > 100);
    }

    void smallDesignFits()
    {
        ArgumentTableModel model;
        QItemSelectionModel selection(&model);
        model.setXclbin(XclbinReader::read(test::demoXclbin()));
        MemoryDiagram diagram(&model, &selection);
        diagram.resize(1000, 650);
        diagram.show();
        QVERIFY(QTest::qWaitForWindowExposed(&diagram));
        QVERIFY(diagram.zoom() >= MemoryDiagram::MinFitScale);
        QCOMPARE(diagram.verticalScrollBar()->maximum(), 0);
    }
};

QTEST_MAIN(TestMemoryDiagram)
#include "tst_memorydiagram.moc"
