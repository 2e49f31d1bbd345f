// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real CLI child with Debian XRT's real noop device against real mlir-aie fixtures.
#include "attention/attentionbackend.h"
#include "runner/runchannel.h"
#include "runner/xrtrunner.h"
#include "runner/xrtrunnerprocess.h"
#include "testsupport.h"
#include "util/buildconfig.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryFile>

#include <sys/types.h>
#include <csignal>

using namespace xi;

namespace {

const QString fixture = QStringLiteral("iron-single-add");

QString instructionsPath()
{
    return test::fixturesDir() + QStringLiteral("/xclbin/iron-single-add/iron-single-add.insts.bin");
}

RunRequest request(const QString& quickPlan, RunBackend backend = RunBackend::XrtNoop)
{
    QString error;
    const auto plan = BindingPlan::parseQuick(quickPlan, &error);
    if (!plan)
        qFatal("bad plan in test: %s", qPrintable(error));
    RunRequest r;
    r.xclbinPath = test::xclbinFixturePath(fixture);
    r.backend = backend;
    r.plan = *plan;
    r.plan.instructionFile = instructionsPath();
    r.timeoutMs = 30000;
    return r;
}

XrtRunnerOptions cliOptions(const QStringList& extra = {})
{
    XrtRunnerOptions o;
    o.cliPath = test::cliPath();
    o.extraArguments = extra;
    return o;
}

// What XRT 2.13 writes for a BO at an index its compute unit does not connect to that BO's bank.
QString xrt213Warning(int index, int boBank, int connectedBank)
{
    return QStringLiteral("Kernel MLIR_AIE has no compute units with connectivity required for global argument at "
                          "index %1. The argument is allocated in bank %2, the compute unit is connected to bank %3. "
                          "Allocating local copy of argument buffer in connected bank.")
        .arg(index)
        .arg(boBank)
        .arg(connectedBank);
}

// /proc/PID/stat: "pid (comm) state ppid ...": the state letter and the parent, or {0, 0} when the process is gone.
QPair<char, qint64> procStat(qint64 pid)
{
    const QByteArray stat = test::readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return { 0, 0 };
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.size() < 2 ? QPair<char, qint64> { 0, 0 } : qMakePair(fields[0].at(0), fields[1].toLongLong());
}

qint64 childOf(qint64 parent)
{
    for (const QString& name : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        const qint64 pid = name.toLongLong(&ok);
        if (ok && procStat(pid).second == parent)
            return pid;
    }
    return -1;
}

// Gone, or a zombie nobody has reaped yet (in a container the new parent may never reap it): no longer running.
bool isRunning(qint64 pid)
{
    const char state = procStat(pid).first;
    return state != 0 && state != 'Z' && state != 'X';
}

} // namespace

class TestXrtRunner : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        XI_REQUIRE_FIXTURES();
        QVERIFY2(QFile::exists(test::cliPath()), qPrintable(test::cliPath()));
    }

    void correctCallHasNoWarnings()
    {
        const RunResult r
            = XrtRunner::runBlocking(request(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4[out]")), cliOptions());
        QVERIFY2(r.completed, qPrintable(r.error + QLatin1Char(' ') + r.processOutcome + r.childStderr));
        QCOMPARE(r.runState, 4);
        QCOMPARE(r.runStateName(), QStringLiteral("COMPLETED"));
        QVERIFY(r.messagesCaptured);
        QVERIFY2(r.messages.isEmpty(), qPrintable(r.messageTexts().join(QLatin1Char('\n'))));
        QCOMPARE(r.kernelName, QStringLiteral("MLIR_AIE"));
        QVERIFY(r.device.found);
        // XRT 2.13: plain memory index, -1 for scalars (no hardware-context slot).
        QCOMPARE(r.groupIds, (QList<qint64> { -1, 1, -1, 0, 0, 0, 0, 0 }));
        QCOMPARE(r.xrtVersion, QStringLiteral(XI_XRT_VERSION));
        QVERIFY2(r.xrtVersionSource != QLatin1String("headers"), qPrintable(r.xrtVersionSource));
        QVERIFY(r.timings.loadUs >= 0 && r.timings.writeUs >= 0 && r.timings.runUs >= 0 && r.timings.readUs >= 0);
        QCOMPARE(r.outputs.size(), 1);
        QCOMPARE(r.outputs.first().argument, 4);
        QCOMPARE(r.outputs.first().bytes, QByteArray(int(RunRequest::DefaultBoSize), '\0'));
    }

    void seedCallWarnsForTheInstructionBuffer()
    {
        // The seed guide's kernel(instr_bo, len(insts), 0, input_bo, output_bo).
        const RunResult r
            = XrtRunner::runBlocking(request(QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4[out]")), cliOptions());
        QVERIFY2(r.completed, qPrintable(r.error));
        QCOMPARE(r.messages.size(), 1);
        QCOMPARE(r.messages.first().level, QStringLiteral("WARNING"));
        QCOMPARE(r.messages.first().text, xrt213Warning(0, 1, -1));
        QCOMPARE(r.clonedArguments(), QList<int> { 0 });
    }

    void oldConventionCallWarnsAtZeroAndTwo()
    {
        // k(instr, 16u, in, out) against an opcode-convention xclbin (docs/domain.md section 4).
        const RunResult r = XrtRunner::runBlocking(request(QStringLiteral("instr:1, 16, bo:3, bo:4")), cliOptions());
        QVERIFY2(r.completed, qPrintable(r.error));
        QCOMPARE(r.messageTexts(), (QStringList { xrt213Warning(0, 1, -1), xrt213Warning(2, 0, -1) }));
        QCOMPARE(r.clonedArguments(), (QList<int> { 0, 2 }));
    }

    void inputBytesComeBackFromTheNoopDevice()
    {
        RunRequest req = request(QStringLiteral("3, instr:1, ninstr, bo:3[out], bo:4[out,size=64]"));
        QByteArray input(256, '\0');
        for (int i = 0; i < input.size(); ++i)
            input[i] = char(i);
        req.inputData.insert(3, input);
        const RunResult r = XrtRunner::runBlocking(req, cliOptions());
        QVERIFY2(r.completed, qPrintable(r.error));
        QVERIFY(r.output(3));
        QCOMPARE(r.output(3)->bytes, input); // no kernel runs on the noop device: the BO keeps what was written
        QCOMPARE(r.output(4)->bytes, QByteArray(64, '\0'));
    }

    void argumentBeyondTheKernelIsRefused()
    {
        const RunResult r = XrtRunner::runBlocking(
            request(QStringLiteral("3, instr:1, ninstr, -, -, -, -, -, -, bo:3")), cliOptions());
        QVERIFY(!r.completed);
        QCOMPARE(r.failedStage, QStringLiteral("buffers"));
        QVERIFY2(r.error.contains(QLatin1String("has 8 arguments")), qPrintable(r.error));
    }

    void unknownKernelNamesXrtsMessage()
    {
        RunRequest req = request(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4"));
        req.kernelName = QStringLiteral("NOT_THERE");
        const RunResult r = XrtRunner::runBlocking(req, cliOptions());
        QVERIFY(!r.completed);
        QCOMPARE(r.failedStage, QStringLiteral("kernel"));
        // XRT's own words are the detail; the error says what to do.
        QVERIFY2(r.errorDetail.contains(QLatin1String("No such kernel 'NOT_THERE'")), qPrintable(r.errorDetail));
        QVERIFY2(r.error.startsWith(QLatin1String("XRT could not open the kernel (NOT_THERE)")), qPrintable(r.error));
    }

    void noDeviceGivesXrtsOwnReason()
    {
        // The real-device backend with no XRT installation configured: XRT says why.
        const QByteArray savedXrt = qgetenv("XILINX_XRT");
        const QByteArray savedMode = qgetenv("XCL_EMULATION_MODE");
        qunsetenv("XILINX_XRT");
        qunsetenv("XCL_EMULATION_MODE");
        const RunResult r = XrtRunner::runBlocking(
            request(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4"), RunBackend::Xrt), cliOptions());
        if (!savedXrt.isEmpty())
            qputenv("XILINX_XRT", savedXrt);
        if (!savedMode.isEmpty())
            qputenv("XCL_EMULATION_MODE", savedMode);
        QVERIFY(!r.completed);
        QVERIFY(!r.device.found);
        QCOMPARE(r.failedStage, QStringLiteral("device"));
        QVERIFY(!r.device.message.isEmpty());
        QVERIFY2(r.error.startsWith(QLatin1String("XRT found no device")), qPrintable(r.error));
        QVERIFY(r.error.contains(QLatin1String("emulated or xrt-noop backend")));
        QCOMPARE(r.errorDetail, r.device.message); // XRT's own words, kept as the detail
    }

    void emulatedBackendNeedsAKnownKernel()
    {
        RunRequest req = request(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4[out]"), RunBackend::Emulated);
        req.emulatedKernel = QStringLiteral("no-such-kernel");
        const RunResult r = XrtRunner::runBlocking(req, cliOptions());
        QVERIFY(!r.completed);
        QCOMPARE(r.failedStage, QStringLiteral("emulate"));
        QVERIFY(r.emulation && !r.emulation->ran);
    }

    void timeoutKillsTheChild()
    {
        // --test-fault=hang (test-only, docs/cli.md) makes the child sleep before touching XRT.
        RunRequest req = request(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4"));
        req.timeoutMs = 200;
        XrtRunnerOptions options = cliOptions({ QStringLiteral("--test-fault=hang") });
        options.killGraceMs = 300;
        const RunResult r = XrtRunner::runBlocking(req, options);
        QVERIFY(r.timedOut);
        QVERIFY(!r.completed);
        QCOMPARE(r.failedStage, QStringLiteral("process"));
        QVERIFY2(r.processOutcome.contains(QLatin1String("200 ms")), qPrintable(r.processOutcome));
    }

    void crashesBecomeSentences_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("expected");
        QTest::newRow("segv") << QStringLiteral("segv") << QStringLiteral("segmentation fault (SIGSEGV)");
        QTest::newRow("abort") << QStringLiteral("abort") << QStringLiteral("aborted (SIGABRT)");
    }

    void crashesBecomeSentences()
    {
        QFETCH(QString, fault);
        QFETCH(QString, expected);
        const RunResult r = XrtRunner::runBlocking(request(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4")),
                                                   cliOptions({ QStringLiteral("--test-fault=") + fault }));
        QVERIFY(!r.completed);
        QCOMPARE(r.failedStage, QStringLiteral("process"));
        if (XI_TEST_ASAN && fault == QLatin1String("segv")) {
            // ASan's handler catches the SIGSEGV, reports it on stderr and exits with 1: the run must still fail
            // with no result, and ASan's report of the crash must reach the result.
            QVERIFY2(r.error.contains(QLatin1String("printed no result")), qPrintable(r.error));
            QVERIFY2(r.childStderr.contains(QLatin1String("AddressSanitizer: SEGV")), qPrintable(r.childStderr));
            return;
        }
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    }

    void asyncRunStreamsProgress()
    {
        XrtRunnerProcess runner;
        QSignalSpy progress(&runner, &XrtRunnerProcess::progress);
        QSignalSpy finished(&runner, &XrtRunnerProcess::finished);
        QVERIFY(runner.start(request(QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4[out]")), cliOptions()));
        QVERIFY(runner.isRunning());
        QVERIFY(!runner.start(request(QStringLiteral("3"))));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.size(), 1);
        const auto r = finished.first().first().value<RunResult>();
        QVERIFY2(r.completed, qPrintable(r.error));
        QCOMPARE(r.clonedArguments(), QList<int> { 0 });
        QStringList stages;
        for (const auto& args : progress)
            stages << args.first().toString();
        QCOMPARE(stages,
                 (QStringList { QStringLiteral("device"), QStringLiteral("xclbin"), QStringLiteral("kernel"),
                                QStringLiteral("buffers"), QStringLiteral("run"), QStringLiteral("read") }));
        QVERIFY(!runner.isRunning());
    }

    void asyncCancel()
    {
        XrtRunnerProcess runner;
        QSignalSpy progress(&runner, &XrtRunnerProcess::progress);
        QSignalSpy finished(&runner, &XrtRunnerProcess::finished);
        QVERIFY(runner.start(request(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4")),
                             cliOptions({ QStringLiteral("--test-fault=hang") })));
        QVERIFY(progress.wait(30000)); // the child is up and hanging
        runner.cancel();
        QVERIFY(finished.wait(30000));
        const auto r = finished.first().first().value<RunResult>();
        QVERIFY(r.cancelled);
        QVERIFY(!r.completed);
        QVERIFY2(r.error.contains(QLatin1String("cancelled")), qPrintable(r.error));
    }

    // A crash is said once: the child left no result, so the outcome is the error (issue 13: it was doubled).
    // SIGABRT, not SIGSEGV: under ASan a SIGSEGV becomes ASan's report and exit status 1, an abort stays a signal.
    void crashIsSaidOnce()
    {
        const RunRequest req = request(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4"));
        const RunResult r = XrtRunner::runBlocking(req, cliOptions({ QStringLiteral("--test-fault=abort") }));
        QVERIFY(!r.completed);
        AttentionRunOptions o;
        o.xclbinPath = req.xclbinPath;
        o.backend = AttentionBackendKind::XrtNoop;
        const AttentionRun run = AttentionBackend::fromRunResult(r, o, req, CancelToken());
        QCOMPARE(run.error.count(QLatin1String("aborted")), 1);
        QCOMPARE(run.error, r.processOutcome);
    }

    // The runner child dies with its parent (PR_SET_PDEATHSIG): a killed CLI leaves no hanging XRT run under init.
    void childDiesWithItsParent()
    {
        QProcess parent;
        parent.start(test::cliPath(),
                     { QStringLiteral("run-binding"), QStringLiteral("--xclbin"), test::xclbinFixturePath(fixture),
                       QStringLiteral("--call"), QStringLiteral("3, instr:1, ninstr, bo:3, bo:4"),
                       QStringLiteral("--instructions"), instructionsPath(), QStringLiteral("--test-fault=hang") });
        QVERIFY(parent.waitForStarted());
        const qint64 parentPid = parent.processId();
        qint64 child = -1;
        QTRY_VERIFY_WITH_TIMEOUT((child = childOf(parentPid)) > 0, 30000);
        struct Reaper { // never leave the hanging child behind, even when the test fails
            qint64 pid;
            ~Reaper()
            {
                if (isRunning(pid))
                    ::kill(pid_t(pid), SIGKILL);
            }
        } reaper { child };
        QVERIFY(isRunning(child));
        QCOMPARE(::kill(pid_t(parentPid), SIGKILL), 0);
        QVERIFY(parent.waitForFinished(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!isRunning(child), 10000);
    }

    void missingChildIsASentence()
    {
        XrtRunnerOptions options = cliOptions();
        options.cliPath = test::outputDir() + QStringLiteral("/no-such-cli");
        const RunResult blocking = XrtRunner::runBlocking(request(QStringLiteral("3")), options);
        QVERIFY(!blocking.completed);
        QCOMPARE(blocking.failedStage, QStringLiteral("process"));
        QVERIFY2(blocking.error.startsWith(QLatin1String("The runner child could not be started")),
                 qPrintable(blocking.error));

        XrtRunnerProcess runner;
        QSignalSpy finished(&runner, &XrtRunnerProcess::finished);
        QVERIFY(runner.start(request(QStringLiteral("3")), options));
        QVERIFY(finished.size() == 1 || finished.wait(30000));
        const auto r = finished.first().first().value<RunResult>();
        QCOMPARE(r.error, blocking.error);
        QVERIFY(!runner.isRunning());
    }

    void childRejectsAnUnreadableRequest()
    {
        QTemporaryFile bad;
        QVERIFY(bad.open());
        bad.write("{\"xclbin\": 12");
        bad.close();
        QProcess p;
        p.start(test::cliPath(), { QStringLiteral("run-binding"), bad.fileName() });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("invalid JSON at offset"));
    }

    void cliRunsAQuickPlanByItself()
    {
        // Started by hand (no runner environment), run-binding starts itself as the child.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("XI_XRT_LOG"));
        p.setProcessEnvironment(env);
        p.start(test::cliPath(),
                { QStringLiteral("run-binding"), QStringLiteral("--xclbin"), test::xclbinFixturePath(fixture),
                  QStringLiteral("--call"), QStringLiteral("instr:1, 16, bo:3, bo:4"), QStringLiteral("--instructions"),
                  instructionsPath() });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        const auto event = RunChannel::parseLine(lines.last());
        QCOMPARE(int(event.kind), int(RunChannel::Event::Kind::Result));
        QCOMPARE(event.result.clonedArguments(), (QList<int> { 0, 2 }));
    }

    void resultSurvivesJson()
    {
        const RunResult r
            = XrtRunner::runBlocking(request(QStringLiteral("instr:1, 16, bo:3[out], bo:4")), cliOptions());
        const RunResult back = RunResult::fromJson(r.toJson());
        QCOMPARE(back.toJson(), r.toJson());
        QCOMPARE(back.messages, r.messages);
        QCOMPARE(back.outputs.first().bytes, r.outputs.first().bytes);
        RunRequest req = request(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4[out]"));
        req.inputData.insert(3, QByteArray("\x01\x02\xff", 3));
        QString error;
        const auto reqBack = RunRequest::fromJson(req.toJson(), &error);
        QVERIFY2(reqBack, qPrintable(error));
        QCOMPARE(reqBack->toJson(), req.toJson());
    }
};

QTEST_GUILESS_MAIN(TestXrtRunner)
#include "tst_xrtrunner.moc"
