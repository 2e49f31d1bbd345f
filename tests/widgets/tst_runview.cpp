// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentview.h"
#include "mainwindow.h"
#include "testsupport.h"
#include "theme.h"
#include "util/npyfile.h"
#include "widgets/binding/bindingview.h"
#include "widgets/plots/activitychart.h"
#include "widgets/plots/heatmapcolormap.h"
#include "widgets/plots/heatmapqcp.h"
#include "widgets/plots/heatmapwidget.h"
#include "widgets/run/reportexport.h"
#include "widgets/run/runview.h"
#include "widgets/run/runviewcompare.h"
#include "widgets/run/runviewresults.h"

#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextDocument>

#include <memory>

using namespace xi;

class TestRunView : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<RunView> m_view;

    static QString demoXclbin() { return QStringLiteral(XI_DEMO_DIR "/attention-64x64-good.xclbin"); }
    AttentionRun runOnce()
    {
        QSignalSpy finished(m_view.get(), &RunView::runFinished);
        m_view->run();
        if (!m_view->isRunning() || !finished.wait(120000))
            return {};
        return finished.at(0).at(0).value<AttentionRun>();
    }
    QString checklistStatus(const AttentionRun& run, const QString& id)
    {
        for (const ChecklistItem& c : run.checklist) {
            if (c.id == id)
                return ChecklistItem::statusName(c.status);
        }
        return QStringLiteral("missing");
    }
    void save(QWidget* w, const QString& name)
    {
        const QString path = xi::test::outputDir() + u'/' + name;
        QCoreApplication::processEvents(); // the plots replot on the next event loop pass (rpQueuedReplot)
        QVERIFY(w->grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }
    QString metric(const QString& label)
    {
        QTableWidget* t = m_view->results()->metrics();
        for (int r = 0; r < t->rowCount(); ++r) {
            if (t->item(r, 0)->text() == label)
                return t->item(r, 1)->text();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<AttentionRun>();
        QVERIFY2(QFileInfo::exists(demoXclbin()), "the demo xclbin is made by the xi_demo target: build it first");
        m_view = std::make_unique<RunView>();
        m_view->setCliPath(xi::test::cliPath());
        m_view->resize(1500, 950);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cpuRunFillsHeatmapsMetricsChecklist()
    {
        m_view->setBackend(AttentionBackendKind::Cpu);
        m_view->setVectors(TestVectors::Pattern::Random, 64, 64, 1);
        QVERIFY(m_view->backendLabel()->text().contains(QStringLiteral("cpu")));
        const AttentionRun run = runOnce();
        QCOMPARE(run.backend, QStringLiteral("cpu"));
        QCOMPARE(run.state, QStringLiteral("COMPLETED"));
        QCOMPARE(m_view->history().size(), 1);

        RunViewResults* r = m_view->results();
        for (HeatmapWidget* h : r->heatmaps()) {
            QVERIFY2(h->hasData(), qPrintable(h->title()));
            QCOMPARE(h->rows(), 64);
        }
        const TestVectors expected = TestVectors::random(64, 64, 1);
        QCOMPARE(*r->heatmap(QStringLiteral("q"))->valueAt(0, 63), double(expected.q(0, 63)));
        QCOMPARE(*r->heatmap(QStringLiteral("output"))->valueAt(5, 7), double((*run.output)(5, 7)));
        QVERIFY(run.metrics.nonzero > 0);
        QVERIFY(run.metrics.correlation >= 0.99);
        QVERIFY(r->activity()->rowBars()->data()->size() == 64);
        QCOMPARE(metric(QStringLiteral("Backend")), QStringLiteral("cpu"));
        QCOMPARE(metric(QStringLiteral("Non-zero")).section(u' ', 0, 0), QString::number(run.metrics.nonzero));
        QVERIFY(!metric(QStringLiteral("Correlation")).isEmpty());
        QVERIFY(!metric(QStringLiteral("RMSE")).isEmpty());
        for (const ChecklistItem& c : run.checklist)
            QVERIFY(r->checklist()->toPlainText().contains(c.item));
        QCOMPARE(checklistStatus(run, QStringLiteral("correlation")), QStringLiteral("passed"));
        QVERIFY(r->banner()->text().contains(QStringLiteral("Backend: cpu")));
    }

    void emulatedRunOfTheDemo()
    {
        m_view->setXclbinPath(demoXclbin());
        m_view->setBackend(AttentionBackendKind::Emulated);
        m_view->setBindingSource(RunView::BindingSource::Default);
        const AttentionRun run = runOnce();
        QVERIFY2(run.state == QLatin1String("COMPLETED"),
                 qPrintable(run.state + u' ' + run.error + u' ' + run.notes.join(u';')));
        QCOMPARE(run.backend, QStringLiteral("emulated"));
        QVERIFY(run.hasOutput());
        QVERIFY2(run.metrics.nonzeroFraction() > 0.5, qPrintable(QString::number(run.metrics.nonzero)));
        for (const QString& m : run.xrtMessages)
            QVERIFY2(!SuccessChecklist::isBankWarning(m), qPrintable(m));
        QCOMPARE(checklistStatus(run, QStringLiteral("xrt_warnings")), QStringLiteral("passed"));
        QCOMPARE(checklistStatus(run, QStringLiteral("nonzero_output")), QStringLiteral("passed"));
        HeatmapWidget* out = m_view->results()->heatmap(QStringLiteral("output"));
        QVERIFY(out->hasData());
        QVERIFY((out->values().array() != 0.0f).count() > 2048);
        QVERIFY(m_view->results()->banner()->text().contains(QStringLiteral("Backend: emulated")));
        save(m_view.get(), QStringLiteral("run-view-emulated-demo.png"));
        save(m_view->results()->tabs()->currentWidget(), QStringLiteral("run-view-heatmaps.png"));
        save(out, QStringLiteral("heatmap-output-emulated.png"));
    }

    void emulatedRunWithTheSeedGuidesCall()
    {
        // kernel(instr_bo, len(insts), 0, input_bo, output_bo): the instruction BO lands on the scalar opcode.
        m_view->setCall(QStringLiteral("instr:1, ninstr, 0, bo:3[size=12288], bo:4[size=4096]"));
        const AttentionRun run = runOnce();
        QCOMPARE(run.backend, QStringLiteral("emulated"));
        QVERIFY(run.hasOutput());
        QVERIFY2(run.metrics.allZero, qPrintable(QString::number(run.metrics.nonzero)));
        bool warned = false;
        for (const QString& m : run.xrtMessages)
            warned |= m.contains(QStringLiteral("global argument at index 0"));
        QVERIFY2(warned, qPrintable(run.xrtMessages.join(u'\n')));
        QCOMPARE(checklistStatus(run, QStringLiteral("xrt_warnings")), QStringLiteral("failed"));
        QCOMPARE(checklistStatus(run, QStringLiteral("nonzero_output")), QStringLiteral("failed"));
        HeatmapWidget* out = m_view->results()->heatmap(QStringLiteral("output"));
        QVERIFY(out->hasData());
        QCOMPARE((out->values().array() != 0.0f).count(), 0);
        // What is drawn: every cell in the zero colour.
        QCoreApplication::processEvents();
        const QImage img = out->plot()->toPixmap().toImage();
        img.save(xi::test::outputDir() + QStringLiteral("/heatmap-output-all-zero.png"));
        QCPColorGradient g = out->colorMap()->gradient();
        const QColor zero = QColor::fromRgb(g.color(0, out->colorMap()->dataRange()));
        for (int row : { 8, 31, 56 }) {
            for (int col : { 8, 40, 56 }) {
                const QPoint p(int(out->plot()->xAxis->coordToPixel(col)), int(out->plot()->yAxis->coordToPixel(row)));
                const QColor c = img.pixelColor(p);
                QVERIFY2(qAbs(c.red() - zero.red()) + qAbs(c.green() - zero.green()) + qAbs(c.blue() - zero.blue())
                             <= 6,
                         qPrintable(c.name() + QStringLiteral(" vs ") + zero.name()));
            }
        }
        QVERIFY(m_view->results()->messages()->toPlainText().contains(QStringLiteral("global argument at index 0")));
        save(m_view.get(), QStringLiteral("run-view-emulated-demo-seed-call.png"));
    }

    void historyComparesTwoRuns()
    {
        QCOMPARE(m_view->history().size(), 3);
        QCOMPARE(m_view->historyList()->count(), 3);
        QVERIFY(m_view->compareRuns(1, 2));
        RunViewCompare* c = m_view->comparison();
        QVERIFY(c->table()->rowCount() > 5);
        bool nonzeroRow = false;
        for (int r = 0; r < c->table()->rowCount(); ++r) {
            if (c->table()->item(r, 0)->text() == QLatin1String("Non-zero")) {
                nonzeroRow = true;
                QCOMPARE(c->table()->item(r, 3)->text(), QString::number(-m_view->history().at(1).metrics.nonzero));
            }
        }
        QVERIFY(nonzeroRow);
        QVERIFY(c->beforeOutput()->hasData());
        QCOMPARE((c->afterOutput()->values().array() != 0.0f).count(), 0);
        // Linked zoom between the two outputs.
        c->beforeOutput()->plot()->xAxis->setRange(10, 20);
        QCOMPARE(c->afterOutput()->plot()->xAxis->range().lower, 10.0);
        c->beforeOutput()->resetZoom();
        save(m_view.get(), QStringLiteral("run-view-compare.png"));
        QVERIFY(!m_view->compareRuns(1, 1));
    }

    void exportReport()
    {
        QTemporaryDir dir;
        QString error;
        const QString html = dir.filePath(QStringLiteral("report.html"));
        QVERIFY2(m_view->exportReport(html, &error), qPrintable(error));
        const QByteArray text = xi::test::readFile(html);
        QVERIFY(text.contains("emulated"));
        QVERIFY(text.contains("data:image/png;base64,"));
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY2(m_view->exportReport(pdf, &error), qPrintable(error));
        QVERIFY(xi::test::readFile(pdf).startsWith("%PDF"));
        QVERIFY(xi::test::readFile(pdf).size() > 10000); // the heatmap images are in it
        QVERIFY(!m_view->exportReport(dir.filePath(QStringLiteral("report.doc")), &error));
        // The comparison chosen last (runs 2 and 3: the correct call, then the seed guide's) opens the report, and
        // no path in it is absolute.
        QVERIFY(text.contains("<h1 class=\"fail\">Worse after the change: "));
        QVERIFY(!text.contains(QFileInfo(demoXclbin()).absolutePath().toUtf8()));
        QVERIFY(!text.contains(dir.path().toUtf8()));
        // The user picks which run is before and which after.
        m_view->setBeforeAfter(2, 1);
        QVERIFY2(m_view->exportReport(html, &error), qPrintable(error));
        QVERIFY(xi::test::readFile(html).contains("<h1 class=\"pass\">Fix verified: 0/4096 -&gt; "));
        QVERIFY(xi::test::readFile(html).contains("XRT&#39;s warning gone</h1>"));

        // What the PDF prints, as an image a person can look at.
        QTextDocument doc;
        ReportExport::load(&doc, QString::fromUtf8(text));
        doc.setTextWidth(900);
        QImage preview(900, int(qMin<qreal>(doc.size().height(), 4000)), QImage::Format_RGB32);
        preview.fill(Qt::white);
        QPainter painter(&preview);
        doc.drawContents(&painter);
        painter.end();
        for (int page = 0; page * 1100 < preview.height(); ++page) {
            const QImage slice = preview.copy(0, page * 1100, 900, qMin(1100, preview.height() - page * 1100));
            QVERIFY(slice.save(xi::test::outputDir() + QStringLiteral("/run-report-preview-%1.png").arg(page + 1)));
        }
    }

    // A relative instruction path that is in neither the current folder nor next to the xclbin: the run does not
    // start, and says where it looked.
    void runThatNeverStartedSaysWhy()
    {
        m_view->setBindingSource(RunView::BindingSource::Default);
        m_view->setInstructionFile(QStringLiteral("no-such-folder/insts.bin"));
        const AttentionRun run = runOnce();
        m_view->setInstructionFile(QString());
        QVERIFY(run.state.isEmpty());
        QVERIFY2(
            run.error.startsWith(QLatin1String("The run did not start. The instruction file no-such-folder/insts.bin "
                                               "is not there")),
            qPrintable(run.error));
        QVERIFY(run.error.contains(QFileInfo(demoXclbin()).absolutePath()));
        QVERIFY(!run.verdict().contains(QLatin1String("differ")));
        QVERIFY(m_view->results()->banner()->text().contains(QLatin1String("did not start")));
        m_view->setInstructionFile(QStringLiteral("attention-64x64-good.insts.bin")); // found next to the xclbin
        QCOMPARE(m_view->options().instructionFile, QStringLiteral("attention-64x64-good.insts.bin"));
        const AttentionRun found = runOnce();
        m_view->setInstructionFile(QString());
        QVERIFY2(found.succeeded(), qPrintable(found.error));
        QCOMPARE(m_view->history().size(), 5);
    }

    void demoInTheMainWindow()
    {
        // The Run tab of the open demo: it runs that file, emulated by default, with the correct call.
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        window.openFiles({ demoXclbin() });
        DocumentView* doc = window.currentDocument();
        QVERIFY(doc);
        QTRY_VERIFY_WITH_TIMEOUT(doc->xclbin() != nullptr, 30000);
        QVERIFY(doc->setCurrentView(QStringLiteral("run")));
        auto run = doc->findChild<RunView*>();
        QVERIFY(run);
        run->setCliPath(xi::test::cliPath());
        QCOMPARE(QFileInfo(run->options().xclbinPath).canonicalFilePath(), QFileInfo(demoXclbin()).canonicalFilePath());
        QCOMPARE(run->options().backend, AttentionBackendKind::Emulated);
        QSignalSpy finished(run, &RunView::runFinished);
        run->run();
        QVERIFY(finished.wait(120000));
        const AttentionRun r = finished.at(0).at(0).value<AttentionRun>();
        QVERIFY2(r.hasOutput() && r.metrics.nonzeroFraction() > 0.5, qPrintable(r.error));
        QVERIFY(r.succeeded());
        save(&window, QStringLiteral("main-window-run-view-demo.png"));

        // The seed guide's call typed in the Binding tab, run from the Run tab: XRT warns, the output stays zero.
        auto binding = doc->findChild<BindingView*>();
        QVERIFY(binding);
        QVERIFY(binding->setQuickPlan(QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4")));
        run->setBindingSource(RunView::BindingSource::BindingView);
        QCOMPARE(run->currentCall(), binding->planQuick());
        run->run();
        QVERIFY(finished.wait(120000));
        const AttentionRun bad = finished.at(1).at(0).value<AttentionRun>();
        QVERIFY(bad.hasOutput() && bad.metrics.allZero);
        QVERIFY2(bad.xrtMessages.join(u'\n').contains(QStringLiteral("global argument at index 0")),
                 qPrintable(bad.xrtMessages.join(u'\n')));
        save(&window, QStringLiteral("main-window-run-view-demo-binding-view-call.png"));
        QVERIFY(doc->setCurrentView(QStringLiteral("binding")));
        save(&window, QStringLiteral("main-window-binding-view-demo-seed-call.png"));
        QVERIFY(doc->setCurrentView(QStringLiteral("run")));
        run->setBindingSource(RunView::BindingSource::Default);
        run->showHistoryEntry(0);
        // Dark palette: every plot re-colours.
        window.setTheme(Theme::Kind::Dark);
        HeatmapWidget* out = run->results()->heatmap(QStringLiteral("output"));
        QTRY_VERIFY(out->palette().color(QPalette::Base).lightness() < 128);
        QCOMPARE(out->plot()->axisRect()->backgroundBrush().color(), out->palette().color(QPalette::Base));
        save(&window, QStringLiteral("main-window-run-view-demo-dark.png"));
        window.setTheme(Theme::Kind::Light);
    }

    void xrtNoopIsABindingCheckOnly()
    {
        // XRT's noop device runs no kernel: the correct call completes without warnings, and its output is not
        // shown as one.
        m_view->setBackend(AttentionBackendKind::XrtNoop);
        m_view->setBindingSource(RunView::BindingSource::Default);
        const AttentionRun run = runOnce();
        QCOMPARE(run.backend, QStringLiteral("xrt-noop"));
        QVERIFY2(run.state == QLatin1String("COMPLETED"), qPrintable(run.state + u' ' + run.error));
        QVERIFY(!run.hasOutput());
        QVERIFY(m_view->results()->banner()->text().contains(QStringLiteral("Backend: xrt-noop")));
        QVERIFY2(m_view->results()->banner()->text().contains(QStringLiteral("binding check only: no kernel runs")),
                 qPrintable(m_view->results()->banner()->text()));
        m_view->setBackend(AttentionBackendKind::Emulated);
    }

    void importNpyVectors()
    {
        QTemporaryDir dir;
        const TestVectors t = TestVectors::random(32, 32, 7);
        QStringList paths;
        for (const auto& [name, m] : { qMakePair(QStringLiteral("q.npy"), t.q), qMakePair(QStringLiteral("k.npy"), t.k),
                                       qMakePair(QStringLiteral("v.npy"), t.v) }) {
            paths.append(dir.filePath(name));
            QVERIFY(NpyFile::write(paths.last(), NpyArray::fromMatrix(m)));
        }
        QString error;
        QVERIFY2(m_view->importNpy(paths, &error), qPrintable(error));
        const AttentionRunOptions o = m_view->options();
        QCOMPARE(o.vectors.seq(), 32);
        QVERIFY(o.vectors.q == t.q && o.vectors.k == t.k && o.vectors.v == t.v);
        // A float array is refused with a sentence naming the file.
        const QString bad = dir.filePath(QStringLiteral("k.npy"));
        QVERIFY(NpyFile::write(bad, NpyArray::fromMatrix(MatrixF(MatrixF::Zero(32, 32)))));
        QVERIFY(!m_view->importNpy({ paths[0], bad, paths[2] }, &error));
        QVERIFY2(error.contains(bad), qPrintable(error));
        // A shape whose element count wraps to 0 (a 128-byte file) once let std::bad_alloc abort the GUI; a zero
        // dimension once copied into a null pointer. Both are refused with a sentence (issue 13).
        NpyArray wrapped;
        wrapped.shape = { qint64(1) << 32, qint64(1) << 32 };
        QVERIFY(test::writeFile(bad, NpyFile::encode(wrapped)));
        QCOMPARE(QFileInfo(bad).size(), qint64(128));
        QVERIFY(!m_view->importNpy({ paths[0], bad, paths[2] }, &error));
        QVERIFY2(error.contains(bad) && error.contains(QLatin1String("expected at most 268435456 elements")),
                 qPrintable(error));
        NpyArray empty;
        empty.shape = { 0, 32 };
        QVERIFY(test::writeFile(bad, NpyFile::encode(empty)));
        QVERIFY(!m_view->importNpy({ paths[0], bad, paths[2] }, &error));
        QCOMPARE(error,
                 QStringLiteral("%1: expected a non-empty 2-D int8 array, found int8 of shape (0, 32)").arg(bad));
        m_view->setVectors(TestVectors::Pattern::Random, 64, 64, 1);
    }

    void cancelStopsTheChild()
    {
        m_view->setBindingSource(RunView::BindingSource::Default);
        const int before = int(m_view->history().size());
        m_view->run();
        QVERIFY(m_view->isRunning());
        m_view->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isRunning(), 30000);
        QVERIFY2(m_view->status()->text().contains(QStringLiteral("Cancelled")), qPrintable(m_view->status()->text()));
        QCOMPARE(m_view->history().size(), before);
    }

    // Whisper-length: the 1500 x 1500 weights and the 1500 x 64 matrices fill on the thread pool, and the plots
    // show them once filled.
    void longCpuRunFillsHeatmapsInTheBackground()
    {
        m_view->setBackend(AttentionBackendKind::Cpu);
        m_view->setVectors(TestVectors::Pattern::Random, 1500, 64, 2);
        const AttentionRun run = runOnce();
        QCOMPARE(run.state, QStringLiteral("COMPLETED"));
        RunViewResults* r = m_view->results();
        HeatmapWidget* weights = r->heatmap(QStringLiteral("weights"));
        QCOMPARE(weights->rows(), 1500);
        QCOMPARE(weights->columns(), 1500);
        for (HeatmapWidget* h : r->heatmaps())
            QTRY_VERIFY_WITH_TIMEOUT(!h->isFilling(), 20000);
        QCOMPARE(weights->colorMap()->data()->keySize(), 1500);
        QCOMPARE(weights->colorMap()->data()->cell(7, 3), double(run.weights(3, 7)));
        QCOMPARE(r->heatmap(QStringLiteral("q"))->colorMap()->data()->valueSize(), 1500);
        save(m_view.get(), QStringLiteral("run-view-cpu-1500.png"));
        QVERIFY(weights->heatmapColorMap()->usesPreparedImage());
        m_view->setVectors(TestVectors::Pattern::Random, 64, 64, 1);
    }
};

QTEST_MAIN(TestRunView)
#include "tst_runview.moc"
