// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary/filesummarizer.h"
#include "theme.h"
#include "widgets/summary/summaryview.h"
#include "widgettestutil.h"
#include "xclbin/xclbinreader.h"

#include <QSignalSpy>
#include <QTextBrowser>
#include <QtTest>

using namespace xi;

// The first view of every file: the verdict, the calls, the stream, counts and findings, with links.
class TestSummaryView : public QObject {
    Q_OBJECT

private:
    static FileSummary brokenDemo()
    {
        return FileSummarizer::summarize(
            *XclbinReader::read(test::demoXclbin(QStringLiteral("attention-64x64-broken"))));
    }
    static SummaryHtml::Views views()
    {
        return { { QStringLiteral("summary"), QStringLiteral("Summary") },
                 { QStringLiteral("arguments"), QStringLiteral("Arguments & group IDs") },
                 { QStringLiteral("binding"), QStringLiteral("Binding") } };
    }

private Q_SLOTS:
    void showsTheVerdictFirst()
    {
        SummaryView view;
        view.resize(1000, 700);
        view.setViews(views());
        view.setSummary(brokenDemo());
        view.show();
        const QString text = view.browser()->toPlainText();
        const qsizetype headline = text.indexOf(QLatin1String("2 buffer arguments have no memory: bo1, bo2."));
        QVERIFY2(headline >= 0 && headline < 5, qPrintable(text)); // after the verdict's icon
        QVERIFY(headline < text.indexOf(QLatin1String("How to call it")));
        for (const char* part :
             { "How to call it", "run = kernel(3, instr_bo, n_words, bo0, bo1, bo2, bo3, bo4)", "Instruction stream",
               "writes 4096 bytes to bo1 (argument 4)", "Verdicts of 8 arguments", "Findings and notes" })
            QVERIFY2(text.contains(QLatin1String(part)), part);
        test::saveScreenshot(&view, QStringLiteral("summaryview-broken-demo"));
    }

    // Links go to the views that exist; a point for a view that is not there has no link.
    void linksGoWhereTheyShould()
    {
        SummaryView view;
        view.setViews(views());
        view.setSummary(brokenDemo());
        const QString html = view.browser()->toHtml();
        QVERIFY(html.contains(QLatin1String("xi:arguments/MLIR_AIE/4")));
        QVERIFY(!html.contains(QLatin1String("xi:instructions"))); // no Instructions view in this list
        QSignalSpy spy(&view, &SummaryView::linkActivated);
        view.activateLink(QStringLiteral("xi:arguments/MLIR_AIE/4"));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("arguments"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("MLIR_AIE"));
        QCOMPARE(spy.at(0).at(2).toInt(), 4);
        view.activateLink(QStringLiteral("https://example.com"));
        QCOMPARE(spy.size(), 1);
        SummaryHtml::Views withInstructions = views();
        withInstructions.append({ QStringLiteral("instructions"), QStringLiteral("Instructions") });
        view.setViews(withInstructions);
        QVERIFY(view.browser()->toHtml().contains(QLatin1String("xi:instructions")));
    }

    void recoloursWithThePalette()
    {
        SummaryView view;
        view.setViews(views());
        view.setSummary(brokenDemo());
        const QString light = view.browser()->toHtml();
        view.setPalette(Theme::palette(Theme::Dark));
        QVERIFY(view.browser()->toHtml() != light);
    }
};

QTEST_MAIN(TestSummaryView)
#include "tst_summaryview.moc"
