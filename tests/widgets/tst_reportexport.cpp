// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionbackend.h"
#include "binding/bindingchecker.h"
#include "testsupport.h"
#include "widgets/run/reportexport.h"
#include "xclbin/xclbinreader.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

using namespace xi;

namespace {

int pageCount(const QByteArray& pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    return int(QString::fromLatin1(pdf).count(page));
}

// The demo's before/after: the seed guide's call (all zero, XRT's warning), then the correct call.
HtmlReportInput demoReport(const QString& outputPath)
{
    const QString path = test::demoXclbin();
    AttentionRunOptions o;
    o.xclbinPath = path;
    o.backend = AttentionBackendKind::Emulated;
    o.cliPath = test::cliPath();
    o.call = QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4");
    const AttentionRun before = AttentionBackend::run(o);
    o.call.clear();
    const AttentionRun after = AttentionBackend::run(o);
    HtmlReportInput in;
    in.outputPath = outputPath;
    in.xclbin = XclbinReader::read(path);
    in.binding
        = BindingChecker::check(*in.xclbin, *BindingPlan::parseQuick(QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4")));
    in.runs << before << after;
    in.comparison
        = HtmlReportInput::Comparison { QStringLiteral("run 1"), QStringLiteral("run 2"), before, after, {}, {} };
    return in;
}

} // namespace

// The report as a stakeholder gets it: a two-run PDF in at most three pages, tables within the page width.
class TestReportExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void twoRunPdfFitsInThreePages()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        const HtmlReportInput in = demoReport(pdf);
        QVERIFY2(in.comparison->afterRun->succeeded(), qPrintable(in.comparison->afterRun->error));
        QVERIFY(in.comparison->beforeRun->metrics.allZero);
        QString error;
        QVERIFY2(ReportExport::write(in, pdf, &error), qPrintable(error));
        const QByteArray bytes = test::readFile(pdf);
        QVERIFY(bytes.startsWith("%PDF"));
        // For a person (and scripts/check-report, which renders the pages with pdftoppm).
        QString keep = qEnvironmentVariable("XI_REPORT_PDF");
        if (keep.isEmpty())
            keep = test::outputDir() + QStringLiteral("/report-demo-two-runs.pdf");
        QVERIFY(test::writeFile(keep, bytes));
        const int pages = pageCount(bytes);
        QVERIFY2(pages >= 1 && pages <= 3, qPrintable(QString::number(pages)));
    }

    // Every table is laid out within the page's text width: none wider than the page.
    void tablesFitThePageWidth()
    {
        QTemporaryDir dir;
        const QString html = HtmlReport::generate(demoReport(dir.filePath(QStringLiteral("r.html"))));
        QTextDocument doc;
        ReportExport::load(&doc, html);
        constexpr qreal A4TextWidth = 1100; // A4 at 150 dpi, less the margins
        doc.setTextWidth(A4TextWidth);
        QCOMPARE(doc.idealWidth() <= A4TextWidth + 1, true);
        // The histograms are pictures the PDF can print (no SVG).
        QVERIFY(html.contains(QLatin1String("alt=\"histogram\"")));
        QVERIFY(!html.contains(QLatin1String("<svg")));
    }
};

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
