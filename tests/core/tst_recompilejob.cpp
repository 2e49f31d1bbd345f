// SPDX-License-Identifier: GPL-3.0-or-later
#include "standin/standinsupport.h"
#include "workflow/recompilejob.h"
#include "workflow/recompilerequest.h"
#include "workflow/toolchaindetection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <signal.h>
#include <atomic>

using namespace xi;

namespace {

RecompileRequest request(const QString& design)
{
    const ToolchainSettings settings = test::standinSettings();
    QString error;
    const std::optional<RecompileRequest> r
        = RecompileRequest::prepare(design, settings, ToolchainDetection::detect(settings), &error);
    if (!r)
        qFatal("%s", qPrintable(error));
    return *r;
}

bool processAlive(qint64 pid)
{
    // A zombie waiting for its reaper has exited too.
    const QByteArray stat = test::readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.isEmpty())
        return false;
    const qsizetype close = stat.lastIndexOf(')');
    return close < 0 || stat.mid(close + 2, 1) != "Z";
}

bool waitUntilGone(qint64 pid, int ms)
{
    QElapsedTimer t;
    t.start();
    while (processAlive(pid) && t.elapsed() < ms)
        QTest::qWait(50);
    return !processAlive(pid);
}

} // namespace

class TestRecompileJob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::prepareStandin(); }
    void cleanup();
    void successStreamsAndFindsOutputs();
    void secondBuildKeepsThePrevious();
    void failureReportsDiagnosticsAsTheyCome();
    void cancelEndsTheWholeProcessTree();
    void cancelledTokenInBlockingRun();
    void programThatDoesNotStart();
    void oneFinishedPerStart();
    void realAieccWhenInstalled();
};

void TestRecompileJob::cleanup()
{
    qunsetenv("AIECC_STANDIN_HANG");
    qunsetenv("AIECC_STANDIN_FAIL");
    qunsetenv("AIECC_STANDIN_PIDFILE");
}

void TestRecompileJob::successStreamsAndFindsOutputs()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    RecompileJob job;
    QSignalSpy started(&job, &RecompileJob::started);
    QSignalSpy lines(&job, &RecompileJob::lineReceived);
    QSignalSpy progress(&job, &RecompileJob::progressChanged);
    QSignalSpy finished(&job, &RecompileJob::finished);
    const RecompileRequest r = request(design);
    QVERIFY(job.start(r));
    QVERIFY(!job.start(r)); // one run at a time
    QVERIFY(finished.wait(60000));
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().first().toString(), r.commandLine());
    QVERIFY(lines.size() > 10);
    QVERIFY(progress.size() >= 5); // one per traced step
    const RecompileResult result = finished.first().first().value<RecompileResult>();
    QVERIFY2(result.succeeded(), qPrintable(result.sentence()));
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.diagnostics.isEmpty());
    QCOMPARE(result.log.size(), lines.size());
    QCOMPARE(result.outputs.xclbin, dir.filePath(QStringLiteral("attention_64x64.xclbin")));
    QCOMPARE(result.outputs.instructions, dir.filePath(QStringLiteral("attention_64x64.insts.bin")));
    QCOMPARE(result.outputs.projectFolder, dir.filePath(QStringLiteral("attention_64x64.mlir.prj")));
    QVERIFY(result.outputs.previousXclbin.isEmpty());
    QVERIFY(result.sentence().startsWith(QLatin1String("aiecc finished in")));
    QVERIFY(!job.isRunning());
}

void TestRecompileJob::secondBuildKeepsThePrevious()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    QVERIFY(RecompileJob::runBlocking(request(design)).succeeded());
    const QByteArray first = test::readFile(dir.filePath(QStringLiteral("attention_64x64.xclbin")));
    const RecompileResult second = RecompileJob::runBlocking(request(design));
    QVERIFY(second.succeeded());
    QCOMPARE(second.outputs.previousXclbin, dir.filePath(QStringLiteral("previous-build/attention_64x64.xclbin")));
    QCOMPARE(second.outputs.previousInstructions,
             dir.filePath(QStringLiteral("previous-build/attention_64x64.insts.bin")));
    QCOMPARE(test::readFile(second.outputs.previousXclbin), first);
}

void TestRecompileJob::failureReportsDiagnosticsAsTheyCome()
{
    QTemporaryDir dir;
    const QString design
        = test::designCopy(dir, QStringLiteral("broken.mlir"), "    %buf = aie.buffer(%shim) : memref<64xi8>\n");
    qputenv("AIECC_STANDIN_FAIL", "mlir");
    RecompileJob job;
    QSignalSpy diagnostics(&job, &RecompileJob::diagnosticFound);
    QSignalSpy finished(&job, &RecompileJob::finished);
    QVERIFY(job.start(request(design)));
    QVERIFY(finished.wait(60000));
    const RecompileResult result = finished.first().first().value<RecompileResult>();
    QVERIFY(!result.succeeded());
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(diagnostics.size(), result.diagnostics.size());
    QCOMPARE(result.diagnostics.size(), 3); // error, note, failed step
    const AieccDiagnostic first = diagnostics.first().first().value<AieccDiagnostic>();
    QCOMPARE(first.file, design);
    QCOMPARE(first.line, test::lineContaining(design, "aie.buffer(%shim)"));
    QCOMPARE(result.errorCount(), 2);
    QVERIFY(result.outputs.xclbin.isEmpty());
    QVERIFY(result.sentence().contains(QLatin1String("exit code 1")));
}

void TestRecompileJob::cancelEndsTheWholeProcessTree()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    const QString pidfile = dir.filePath(QStringLiteral("grandchild.pid"));
    qputenv("AIECC_STANDIN_HANG", "1");
    qputenv("AIECC_STANDIN_PIDFILE", pidfile.toUtf8());
    RecompileJob job;
    QSignalSpy finished(&job, &RecompileJob::finished);
    QVERIFY(job.start(request(design)));
    // The stand-in starts a grandchild (sleep 600), writes its pid, and hangs.
    QElapsedTimer waited;
    waited.start();
    while (!QFile::exists(pidfile) && waited.elapsed() < 30000)
        QTest::qWait(50);
    QTest::qWait(100);
    const qint64 grandchild = test::readFile(pidfile).trimmed().toLongLong();
    QVERIFY2(grandchild > 0, "the stand-in did not start its grandchild");
    const qint64 child = job.processGroup();
    QVERIFY(child > 0);
    QVERIFY(processAlive(child));
    QVERIFY(processAlive(grandchild));
    job.cancel();
    QVERIFY(finished.wait(30000));
    const RecompileResult result = finished.first().first().value<RecompileResult>();
    QVERIFY(result.cancelled);
    QVERIFY(!result.succeeded());
    QVERIFY(result.sentence().startsWith(QLatin1String("Cancelled")));
    QVERIFY2(waitUntilGone(child, 5000), "aiecc itself survived the cancel");
    QVERIFY2(waitUntilGone(grandchild, RecompileJob::KillGraceMs + 5000), "the grandchild survived the cancel");
    QCOMPARE(finished.size(), 1);
}

void TestRecompileJob::cancelledTokenInBlockingRun()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    const QString pidfile = dir.filePath(QStringLiteral("grandchild.pid"));
    qputenv("AIECC_STANDIN_HANG", "1");
    qputenv("AIECC_STANDIN_PIDFILE", pidfile.toUtf8());
    // A worker thread runs the blocking form, as the fix workflows do; the token stops it.
    CancelToken token;
    std::atomic_bool done = false;
    RecompileResult result;
    const RecompileRequest r = request(design);
    QThreadPool::globalInstance()->start([&] {
        result = RecompileJob::runBlocking(r, token);
        done = true;
    });
    QElapsedTimer waited;
    waited.start();
    while (!QFile::exists(pidfile) && waited.elapsed() < 30000)
        QTest::qWait(50);
    QTest::qWait(100);
    const qint64 grandchild = test::readFile(pidfile).trimmed().toLongLong();
    QVERIFY(grandchild > 0);
    token.cancel();
    QVERIFY(QTest::qWaitFor([&] { return done.load(); }, 30000));
    QVERIFY(result.cancelled);
    QVERIFY(waitUntilGone(grandchild, 5000));
}

void TestRecompileJob::programThatDoesNotStart()
{
    QTemporaryDir dir;
    RecompileRequest r = request(test::designCopy(dir, QStringLiteral("attention_64x64.mlir")));
    r.command.program = dir.filePath(QStringLiteral("no-such-aiecc"));
    const RecompileResult result = RecompileJob::runBlocking(r);
    QVERIFY(!result.started);
    QVERIFY(!result.succeeded());
    QVERIFY2(result.sentence().startsWith(QLatin1String("aiecc could not be started")), qPrintable(result.sentence()));
    QVERIFY(result.sentence().contains(QLatin1String("no-such-aiecc")));
}

void TestRecompileJob::oneFinishedPerStart()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    RecompileJob job;
    QSignalSpy finished(&job, &RecompileJob::finished);
    QVERIFY(job.start(request(design)));
    job.cancel(); // at once, before any output
    QVERIFY(finished.wait(30000));
    QTest::qWait(300);
    QCOMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().value<RecompileResult>().cancelled);
    QVERIFY(job.start(request(design)));
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.size(), 2);
    QVERIFY(finished.last().first().value<RecompileResult>().succeeded());
}

void TestRecompileJob::realAieccWhenInstalled()
{
    // The stand-in proves the job; the real aiecc, when this machine has one, must at least be driven the same way:
    // detected, its flags understood, run, and its exit told in words.
    const ToolchainStatus status = ToolchainDetection::detect(ToolchainSettings());
    if (!status.canRecompile())
        QSKIP(qPrintable(QStringLiteral("no real aiecc here: %1").arg(status.tool(QStringLiteral("aiecc"))->detail)));
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    QString error;
    const std::optional<RecompileRequest> r = RecompileRequest::prepare(design, ToolchainSettings(), status, &error);
    QVERIFY2(r, qPrintable(error));
    const RecompileResult result = RecompileJob::runBlocking(*r);
    QVERIFY2(result.started, qPrintable(result.sentence()));
    QVERIFY(!result.sentence().isEmpty());
    if (!result.succeeded())
        QVERIFY2(!result.diagnostics.isEmpty() || result.exitCode != 0, qPrintable(result.sentence()));
}

QTEST_GUILESS_MAIN(TestRecompileJob)
#include "tst_recompilejob.moc"
