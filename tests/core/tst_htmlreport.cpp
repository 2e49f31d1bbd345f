// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionbackend.h"
#include "report/htmlreport.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <QtTest>

using namespace xi;

namespace {

const QString XrtWarning = QStringLiteral(
    "WARNING: Kernel MLIR_AIE has no compute units with connectivity required for global argument at index 0. The "
    "argument is allocated in bank 1, the compute unit is connected to bank -1. Allocating local copy of argument "
    "buffer in connected bank.");

AttentionRun cpuRun()
{
    AttentionRunOptions o;
    o.backend = AttentionBackendKind::Cpu;
    return AttentionBackend::run(o);
}

// The seed guide's call as it ends: XRT warns about argument 0 and the output stays all zero.
AttentionRun allZeroRun()
{
    AttentionRun bad = cpuRun();
    bad.backend = QStringLiteral("emulated");
    bad.call = QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4");
    bad.output = MatrixI8::Zero(64, 64);
    bad.xrtMessages << XrtWarning;
    bad.computeReferences();
    bad.evaluateChecklist(std::nullopt);
    return bad;
}

} // namespace

class TestHtmlReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void escapesEverythingFromTheFile();
    void opensWithTheVerdictThenBeforeAndAfter();
    void allZeroMapIsMarked();
    void noAbsolutePaths();
    void singleRunWithHistogramAndHeatmaps();
    void fileOnlyReportOpensWithItsSummary();
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
    QCOMPARE(html.count(QLatin1String("<title>")), 1);
}

void TestHtmlReport::opensWithTheVerdictThenBeforeAndAfter()
{
    HtmlReportInput in;
    AttentionRun good = cpuRun();
    good.backend = QStringLiteral("emulated");
    const qint64 nonzero = good.metrics.nonzero;
    QVERIFY(nonzero > 3000);
    in.comparison
        = HtmlReportInput::Comparison { QStringLiteral("run 1"), QStringLiteral("run 2"), allZeroRun(), good, {}, {} };
    QCOMPARE(HtmlReport::verdict(in),
             QStringLiteral("Fix verified: 0/4096 -> %1/4096 non-zero, XRT's warning gone").arg(nonzero));
    const QString html = HtmlReport::generate(in);
    const qsizetype verdict = html.indexOf(
        QStringLiteral("Fix verified: 0/4096 -&gt; %1/4096 non-zero, XRT&#39;s warning gone").arg(nonzero));
    const qsizetype before = html.indexOf(QLatin1String("<b>Before</b> (run 1): emulated, call"));
    const qsizetype after = html.indexOf(QLatin1String("<b>After</b> (run 2):"));
    const qsizetype pictures = html.indexOf(QLatin1String("<img alt=\"output\""));
    const qsizetype details = html.indexOf(QLatin1String("<h2>Details</h2>"));
    QVERIFY2(verdict > 0 && html.lastIndexOf(QLatin1String("<h1"), verdict) >= 0, qPrintable(html.left(2000)));
    QVERIFY(verdict < before && before < after && after < pictures && pictures < details);
    // One sentence each: the outcome with its numbers and XRT's warning.
    QVERIFY(html.contains(QLatin1String("0/4096 non-zero (all zero), XRT warned about argument 0.")));
    QVERIFY(html.contains(QStringLiteral("%1/4096 non-zero (%2%), correlation %3, no XRT warning.")
                              .arg(nonzero)
                              .arg(100.0 * double(nonzero) / 4096, 0, 'f', 1)
                              .arg(good.metrics.correlation, 0, 'f', 3)));
    // The two outputs side by side, each with its activity count and checklist, before the details.
    QCOMPARE(html.left(details).count(QLatin1String("<img alt=\"output\"")), 2);
    QCOMPARE(html.left(details).count(QLatin1String("<th width=\"82%\">Check</th>")), 2);
    QVERIFY(html.left(details).contains(QStringLiteral("<b>%1/4096 non-zero</b>").arg(nonzero)));
}

void TestHtmlReport::allZeroMapIsMarked()
{
    HtmlReportInput in;
    in.runs << allZeroRun();
    const QString html = HtmlReport::generate(in);
    QVERIFY(html.contains(QLatin1String("ALL ZERO: the kernel's output never arrived")));
    QVERIFY(html.contains(QLatin1String("class=\"fail\"")));
    HtmlReportInput good;
    good.runs << cpuRun();
    QVERIFY(!HtmlReport::generate(good).contains(QLatin1String("ALL ZERO")));
}

void TestHtmlReport::noAbsolutePaths()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("build/demo"));
    AttentionRun run = allZeroRun();
    run.xclbinPath = data + QStringLiteral("/a.xclbin");
    run.instructionFile = data + QStringLiteral("/a.insts.bin");
    run.notes << QStringLiteral("XRT loaded %1 from %2").arg(run.xclbinPath, data);
    run.error = QStringLiteral("The instruction file %1 is not there").arg(run.instructionFile);
    HtmlReportInput in;
    in.runs << run;
    in.outputPath = dir.filePath(QStringLiteral("reports/report.html"));
    QString html = HtmlReport::generate(in);
    QVERIFY2(!html.contains(dir.path()), qPrintable(html));
    QVERIFY(html.contains(QLatin1String("../build/demo/a.insts.bin")));
    // With no folder to be relative to: the file names.
    in.outputPath.clear();
    html = HtmlReport::generate(in);
    QVERIFY(!html.contains(dir.path()));
    QVERIFY(html.contains(QLatin1String(">a.insts.bin<")));
}

void TestHtmlReport::singleRunWithHistogramAndHeatmaps()
{
    HtmlReportInput in;
    in.runs << cpuRun();
    const QString html = HtmlReport::generate(in);
    QVERIFY(html.contains(QLatin1String("<style>")));
    QVERIFY(!html.contains(QLatin1String("http://")) && !html.contains(QLatin1String("https://")));
    QVERIFY(!html.contains(QLatin1String("<svg"))); // the PDF prints no SVG: every picture is a PNG
    // The output up front; the histogram, the reference and the difference in the details.
    QCOMPARE(html.count(QLatin1String("src=\"data:image/png;base64,")), 4);
    QVERIFY(html.contains(QLatin1String("alt=\"histogram\"")));
    QVERIFY(html.contains(QLatin1String("<h1 class=\"pass\">Run passed: ")));
    QFile out(test::outputDir() + QStringLiteral("/htmlreport-cpu.html"));
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(html.toUtf8());
}

void TestHtmlReport::fileOnlyReportOpensWithItsSummary()
{
    HtmlReportInput in;
    in.xclbin = XclbinReader::read(test::demoXclbin(QStringLiteral("attention-64x64-broken")));
    const QString html = HtmlReport::generate(in);
    QVERIFY(html.contains(QLatin1String("<h1 class=\"fail\">2 buffer arguments have no memory: bo1, bo2.")));
    QVERIFY(html.indexOf(QLatin1String("<h1")) < html.indexOf(QLatin1String("xclbin UUID")));
    QVERIFY(!html.contains(QLatin1String(XI_DEMO_DIR)));
}

QTEST_GUILESS_MAIN(TestHtmlReport)
#include "tst_htmlreport.moc"
