// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace xi::test;

namespace {

} // namespace

class TestReportCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }
    void beforeAfterReport();
    void comparesTwoXclbins();
    void errors();
};

void TestReportCommand::beforeAfterReport()
{
    QTemporaryDir dir;
    const QString before = dir.filePath(QStringLiteral("before"));
    const QString after = dir.filePath(QStringLiteral("after"));
    QCOMPARE(runCli({ QStringLiteral("run"), demoXclbin(), QStringLiteral("--backend"), QStringLiteral("emulated"),
                      QStringLiteral("--call"), QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4"),
                      QStringLiteral("--out"), before })
                 .exitCode,
             1);
    QCOMPARE(runCli({ QStringLiteral("run"), demoXclbin(), QStringLiteral("--backend"), QStringLiteral("emulated"),
                      QStringLiteral("--out"), after })
                 .exitCode,
             0);
    const QString html = outputDir() + QStringLiteral("/report-before-after.html");
    const CliRun r
        = runCli({ QStringLiteral("report"), QStringLiteral("--xclbin"), demoXclbin(), QStringLiteral("--run-json"),
                   after + QStringLiteral("/run.json"), QStringLiteral("--before"), before, QStringLiteral("--after"),
                   after, QStringLiteral("--call"), QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4"),
                   QStringLiteral("--output"), html });
    QVERIFY2(r.exitCode == 0, r.describe());
    const QString text = QString::fromUtf8(readFile(html));
    QVERIFY(text.startsWith(QLatin1String("<!DOCTYPE html>")));
    // The verdict first, then before and after, then the details.
    QVERIFY2(text.contains(QLatin1String("<h1 class=\"pass\">Fix verified: 0/4096 -&gt; ")),
             qPrintable(text.left(3000)));
    QVERIFY(text.contains(QLatin1String("XRT&#39;s warning gone</h1>")));
    QVERIFY(text.indexOf(QLatin1String("<b>Before</b>")) < text.indexOf(QLatin1String("<h2>Details</h2>")));
    QVERIFY(text.contains(QLatin1String("Binding: kernel MLIR_AIE")));
    QVERIFY(text.contains(QLatin1String("<h3>Before: ")) && text.contains(QLatin1String("emulated backend</h3>")));
    // Paths relative to the report, never absolute.
    for (const QString& folder : { QFileInfo(demoXclbin()).absolutePath(), QFileInfo(before).absolutePath() }) {
        const QRegularExpression absolute(QStringLiteral("(?<![\\w.])") + QRegularExpression::escape(folder));
        QVERIFY2(!text.contains(absolute), qPrintable(folder));
    }
    QVERIFY(text.contains(QLatin1String("/before)")));
    QVERIFY(text.contains(QLatin1String("data:image/png;base64,")));
    QVERIFY(!text.contains(QLatin1String("<script")));
}

void TestReportCommand::comparesTwoXclbins()
{
    const QString html = outputDir() + QStringLiteral("/report-two-xclbins.html");
    const QString other = aieccReferenceXclbin(QStringLiteral("whisper-matmul-16x16"));
    const CliRun r = runCli({ QStringLiteral("report"), QStringLiteral("--before"), other, QStringLiteral("--after"),
                              demoXclbin(), QStringLiteral("-o"), html });
    QVERIFY2(r.exitCode == 0, r.describe());
    const QString text = QString::fromUtf8(readFile(html));
    QVERIFY(text.contains(QLatin1String("Files before and after")));
    QVERIFY(text.contains(QLatin1String("Arguments after (changed rows shaded)")));
}

void TestReportCommand::errors()
{
    QCOMPARE(runCli({ QStringLiteral("report"), QStringLiteral("--xclbin"), demoXclbin() }).exitCode, 64);
    QCOMPARE(runCli({ QStringLiteral("report"), QStringLiteral("--before"), demoXclbin(), QStringLiteral("-o"),
                      QStringLiteral("/tmp/x.html") })
                 .exitCode,
             64);
    QTemporaryDir dir;
    QFile bad(dir.filePath(QStringLiteral("run.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{ not json");
    bad.close();
    const CliRun r = runCli({ QStringLiteral("report"), QStringLiteral("--run-json"), bad.fileName(),
                              QStringLiteral("-o"), dir.filePath(QStringLiteral("r.html")) });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(bad.fileName()) && r.err.contains(QLatin1String("offset")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestReportCommand)
#include "tst_reportcommand.moc"
