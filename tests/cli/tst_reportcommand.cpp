// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace xi::test;

namespace {

// A real run.json from the emulated backend, as a JSON object to alter.
QJsonObject emulatedRun(const QTemporaryDir& dir)
{
    const QString out = dir.filePath(QStringLiteral("run"));
    const CliRun run = runCli({ QStringLiteral("run"), demoXclbin(), QStringLiteral("--backend"),
                                QStringLiteral("emulated"), QStringLiteral("--out"), out });
    if (run.exitCode != 0)
        qWarning("run failed: %s", run.describe().constData());
    return QJsonDocument::fromJson(readFile(out + QStringLiteral("/run.json"))).object();
}

QString saveRun(const QTemporaryDir& dir, const QJsonObject& run)
{
    const QString path = dir.filePath(QStringLiteral("altered.json"));
    if (!writeFile(path, QJsonDocument(run).toJson()))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestReportCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }
    void beforeAfterReport();
    void comparesTwoXclbins();
    void errors();
    void mismatchedMatricesAreRefused_data();
    void mismatchedMatricesAreRefused();
    void outOfRangeMetricsAreRead();
    void fullDiskKeepsTheOldReport();
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

void TestReportCommand::mismatchedMatricesAreRefused_data()
{
    QTest::addColumn<QString>("matrix");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("message");
    QTest::newRow("K shorter than Q") << QStringLiteral("k") << 3
                                      << QStringLiteral("matrices.k is 3 x 64, expected 64 x 64 like matrices.q");
    QTest::newRow("V shorter than Q") << QStringLiteral("v") << 1
                                      << QStringLiteral("matrices.v is 1 x 64, expected 64 x 64 like matrices.q");
    QTest::newRow("output shorter than Q")
        << QStringLiteral("output") << 2
        << QStringLiteral("matrices.output is 2 x 64, expected 64 x 64 like matrices.q");
    QTest::newRow("K missing") << QStringLiteral("k") << 0
                               << QStringLiteral("matrices.k is missing, expected it beside matrices.q");
}

// Q and K of different sizes once read past a heap buffer (issue 13): the run is refused with a sentence.
void TestReportCommand::mismatchedMatricesAreRefused()
{
    QFETCH(QString, matrix);
    QFETCH(int, rows);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QJsonObject run = emulatedRun(dir);
    QJsonObject matrices = run.value(QLatin1String("matrices")).toObject();
    QCOMPARE(matrices.value(QLatin1String("q")).toArray().size(), 64);
    QVERIFY(matrices.contains(QLatin1String("output")));
    if (rows == 0) {
        matrices.remove(matrix);
    } else {
        QJsonArray cut = matrices.value(matrix).toArray();
        while (cut.size() > rows)
            cut.removeLast();
        matrices.insert(matrix, cut);
    }
    run.insert(QLatin1String("matrices"), matrices);
    const QString path = saveRun(dir, run);
    const CliRun r = runCli({ QStringLiteral("report"), QStringLiteral("--run-json"), path, QStringLiteral("-o"),
                              dir.filePath(QStringLiteral("r.html")) });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("report: %1: %2").arg(path, message)), qPrintable(r.err));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("r.html"))));
}

// Counts far outside an int's range once converted with undefined behaviour; they saturate and the report is made.
void TestReportCommand::outOfRangeMetricsAreRead()
{
    QTemporaryDir dir;
    QJsonObject run = emulatedRun(dir);
    QJsonObject metrics = run.value(QLatin1String("metrics")).toObject();
    metrics.insert(QLatin1String("nonzero"), 1e300);
    metrics.insert(QLatin1String("total"), -1e300);
    metrics.insert(QLatin1String("row_activity"), QJsonArray { 1e20, -1e20, 3.0 });
    run.insert(QLatin1String("metrics"), metrics);
    QJsonObject matrices = run.value(QLatin1String("matrices")).toObject();
    QJsonArray q = matrices.value(QLatin1String("q")).toArray();
    QJsonArray row = q.first().toArray();
    row[0] = 1e300; // beyond float's range too
    q[0] = row;
    matrices.insert(QLatin1String("q"), q);
    run.insert(QLatin1String("matrices"), matrices);
    const QString html = dir.filePath(QStringLiteral("r.html"));
    const CliRun r = runCli(
        { QStringLiteral("report"), QStringLiteral("--run-json"), saveRun(dir, run), QStringLiteral("-o"), html });
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(readFile(html).startsWith("<!DOCTYPE html>"));
}

// The report goes through SafeFileWriter: a full disk says so, exits non-zero and leaves the old report whole.
void TestReportCommand::fullDiskKeepsTheOldReport()
{
    QTemporaryDir dir;
    const QString full = dir.filePath(QStringLiteral("full.html"));
    QVERIFY(QFile::link(QStringLiteral("/dev/full"), full));
    const CliRun r = runCli({ QStringLiteral("report"), QStringLiteral("--before"), demoXclbin(),
                              QStringLiteral("--after"), demoXclbin(), QStringLiteral("-o"), full });
    QVERIFY2(r.exitCode != 0, r.describe());
    QVERIFY2(r.err.contains(QStringLiteral("cannot write %1: No space left on device").arg(full)), qPrintable(r.err));
    QVERIFY(!r.text().contains(QLatin1String("Wrote")));
}

QTEST_GUILESS_MAIN(TestReportCommand)
#include "tst_reportcommand.moc"
