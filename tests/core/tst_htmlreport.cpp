// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionbackend.h"
#include "report/htmlreport.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <QtTest>

using namespace xi;

class TestHtmlReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void escapesEverythingFromTheFile();
    void selfContainedWithRunAndHeatmaps();
    void comparesTwoRuns();
};

void TestHtmlReport::escapesEverythingFromTheFile()
{
    auto x = std::make_shared<Xclbin>();
    x->filePath = QStringLiteral("/tmp/<img src=x onerror=alert(1)>.xclbin");
    x->header.platformVbnv = QStringLiteral("\"quoted\" & 'single'");
    Kernel k;
    k.name = QStringLiteral("<script>alert('kernel')</script>");
    KernelArgument a;
    a.name = QStringLiteral("<b>bo0</b>");
    a.addressQualifier = KernelArgument::Global;
    k.arguments << a;
    x->kernels << k;
    AttentionRun run;
    run.backend = QStringLiteral("cpu");
    run.kernelName = k.name;
    run.xrtMessages << QStringLiteral("WARNING: <iframe>");
    HtmlReportInput in;
    in.title = QStringLiteral("</title><script>x</script>");
    in.xclbin = x;
    in.runs << run;
    const QString html = HtmlReport::generate(in);
    QVERIFY(!html.contains(QLatin1String("<script")));
    QVERIFY(!html.contains(QLatin1String("<img src=x")));
    QVERIFY(!html.contains(QLatin1String("<iframe")));
    QVERIFY(!html.contains(QLatin1String("<b>bo0")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(&#39;kernel&#39;)&lt;/script&gt;")));
    QVERIFY(html.contains(QLatin1String("&quot;quoted&quot; &amp; &#39;single&#39;")));
    QCOMPARE(html.count(QLatin1String("<title>")), 1);
}

void TestHtmlReport::selfContainedWithRunAndHeatmaps()
{
    XI_REQUIRE_FIXTURES();
    AttentionRunOptions o;
    o.xclbinPath = test::demoXclbin();
    o.backend = AttentionBackendKind::Cpu;
    HtmlReportInput in;
    in.xclbin = XclbinReader::read(o.xclbinPath);
    in.runs << AttentionBackend::run(o);
    const QString html = HtmlReport::generate(in);
    // Nothing fetched from elsewhere: inline style, images as data: URIs, no links or scripts.
    QVERIFY(html.contains(QLatin1String("<style>")));
    QVERIFY(!html.contains(QLatin1String("http://"))
            || html.count(QLatin1String("http://"))
                == html.count(QLatin1String("xmlns=\"http://www.w3.org/2000/svg\"")));
    QVERIFY(!html.contains(QLatin1String("src=\"http")));
    QCOMPARE(html.count(QLatin1String("src=\"data:image/png;base64,")), 7); // q k v weights output reference difference
    QVERIFY(html.contains(QLatin1String("MLIR_AIE")));
    QVERIFY(html.contains(QLatin1String("0x1FFFF")));
    QVERIFY(html.contains(QLatin1String("class=\"backend\">cpu<")));
    QVERIFY(html.contains(QLatin1String("Pearson correlation")));
    QFile out(test::outputDir() + QStringLiteral("/htmlreport-cpu.html"));
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(html.toUtf8());
}

void TestHtmlReport::comparesTwoRuns()
{
    AttentionRunOptions o;
    o.backend = AttentionBackendKind::Cpu;
    AttentionRun good = AttentionBackend::run(o);
    AttentionRun bad = good;
    bad.output = MatrixI8::Zero(64, 64);
    bad.computeReferences();
    bad.evaluateChecklist(std::nullopt);
    HtmlReportInput in;
    in.comparison
        = HtmlReportInput::Comparison { QStringLiteral("before <run>"), QStringLiteral("after"), bad, good, {}, {} };
    const QString html = HtmlReport::generate(in);
    QVERIFY(html.contains(QLatin1String("Before / after")));
    QVERIFY(html.contains(QLatin1String("before &lt;run&gt;")));
    QVERIFY(html.contains(QLatin1String("class=\"changed\"")));
    QVERIFY(html.contains(QLatin1String("0 / 4096")));
}

QTEST_GUILESS_MAIN(TestHtmlReport)
#include "tst_htmlreport.moc"
