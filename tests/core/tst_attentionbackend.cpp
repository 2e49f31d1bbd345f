// SPDX-License-Identifier: GPL-3.0-or-later
// Each attention backend for real: the cpu model, XRT's noop device (Debian's libxrt 2.13) with and
// without our emulated kernel, and the xrt backend on a machine with no NPU.
#include "attention/attentionbackend.h"
#include "attention/attentionreference.h"
#include "testsupport.h"

#include <QtTest>

using namespace xi;

namespace {

AttentionRunOptions options(AttentionBackendKind backend, const QString& call = {})
{
    AttentionRunOptions o;
    o.xclbinPath = test::demoXclbin();
    o.backend = backend;
    o.vectors = TestVectors::random(64, 64, 7);
    o.call = call;
    o.cliPath = test::cliPath();
    return o;
}

const ChecklistItem* item(const AttentionRun& run, const char* id)
{
    for (const ChecklistItem& i : run.checklist) {
        if (i.id == QLatin1String(id))
            return &i;
    }
    return nullptr;
}

bool hasBankWarning(const AttentionRun& run)
{
    return std::any_of(run.xrtMessages.cbegin(), run.xrtMessages.cend(), SuccessChecklist::isBankWarning);
}

// The seed guide's own call: kernel(instr_bo, len(insts), 0, input_bo, output_bo).
const QString kSeedCall = QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4");

} // namespace

class TestAttentionBackend : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cpuIsTheKernelModel();
    void requestWiresVectorsIntoTheCall();
    void emulatedCorrectCall();
    void emulatedMisboundSeedCall();
    void xrtNoopIsABindingCheckOnly();
    void emulatedOnAnotherDesignJudgesNoOutput();
    void missingStreamFailsTheChecklist();
    void xrtWithoutDeviceSaysSo();
    void instructionsSniffedIntoTheRequest();
    void badCallIsReported();
};

void TestAttentionBackend::initTestCase()
{
    XI_REQUIRE_FIXTURES();
    QVERIFY(QFile::exists(test::demoXclbin()));
    QVERIFY(QFile::exists(test::cliPath()));
}

void TestAttentionBackend::cpuIsTheKernelModel()
{
    const AttentionRunOptions o = options(AttentionBackendKind::Cpu);
    const AttentionRun run = AttentionBackend::run(o);
    QCOMPARE(run.backend, QStringLiteral("cpu"));
    QCOMPARE(run.state, QStringLiteral("COMPLETED"));
    QVERIFY(run.hasOutput());
    QVERIFY(*run.output == AttentionReference::kernelModel(o.vectors));
    QVERIFY(run.metrics.correlation >= 0.99);
    QCOMPARE(item(run, "xrt_warnings")->status, ChecklistItem::Status::NotApplicable);
    QVERIFY(item(run, "group_ids")->passed());
    QVERIFY(run.succeeded());
    QCOMPARE(run.toJson().value(QLatin1String("backend")).toString(), QStringLiteral("cpu"));
}

void TestAttentionBackend::requestWiresVectorsIntoTheCall()
{
    QString error;
    const auto request = AttentionBackend::makeRequest(options(AttentionBackendKind::Emulated, kSeedCall), &error);
    QVERIFY2(request, qPrintable(error));
    QCOMPARE(request->backend, RunBackend::Emulated);
    QCOMPARE(request->emulatedKernel, QStringLiteral("attention-int8-64x64"));
    QCOMPARE(request->inputData.keys(), (QList<int> { 0, 3 })); // the stream (at the seed's index 0), Q, K, V
    QCOMPARE(request->inputData.value(3).size(), 12288);
    QCOMPARE(AttentionBackend::outputArgument(request->plan), 4);
    QVERIFY(request->plan.argument(4)->bo.readBack);
    QCOMPARE(request->plan.argument(4)->bo.size, quint64(4096));
}

void TestAttentionBackend::emulatedCorrectCall()
{
    const AttentionRun run = AttentionBackend::run(options(AttentionBackendKind::Emulated));
    QCOMPARE(run.backend, QStringLiteral("emulated"));
    QVERIFY2(run.state == QLatin1String("COMPLETED"), qPrintable(run.state + QLatin1Char(' ') + run.error));
    QVERIFY2(!hasBankWarning(run), qPrintable(run.xrtMessages.join(QLatin1Char('\n'))));
    QVERIFY(run.hasOutput());
    QVERIFY(run.metrics.nonzero > run.metrics.total * 8 / 10);
    QVERIFY2(run.metrics.correlation >= 0.99, qPrintable(QString::number(run.metrics.correlation)));
    QVERIFY(*run.output == AttentionReference::kernelModel(run.vectors));
    QVERIFY(run.succeeded());
}

void TestAttentionBackend::emulatedMisboundSeedCall()
{
    const AttentionRun run = AttentionBackend::run(options(AttentionBackendKind::Emulated, kSeedCall));
    QCOMPARE(run.backend, QStringLiteral("emulated"));
    // XRT's real warning for the BO at scalar index 0 (XRT 2.13 prints bank -1 for the scalar).
    const QString all = run.xrtMessages.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("Kernel MLIR_AIE has no compute units with connectivity required for global "
                                        "argument at index 0")),
             qPrintable(all));
    QVERIFY(hasBankWarning(run));
    QVERIFY(run.hasOutput());
    QVERIFY(run.metrics.allZero);
    QCOMPARE(item(run, "xrt_warnings")->status, ChecklistItem::Status::Failed);
    // ninstr is passed as 0 at index 2: the NPU would be given nothing to run.
    QCOMPARE(item(run, "instructions")->status, ChecklistItem::Status::Failed);
    QVERIFY2(item(run, "instructions")->detail.contains(QLatin1String("ninstr = 0")),
             qPrintable(item(run, "instructions")->detail));
    QCOMPARE(item(run, "nonzero_output")->status, ChecklistItem::Status::Failed);
    QCOMPARE(item(run, "correlation")->status, ChecklistItem::Status::Failed);
    // The file itself is fine: the group IDs pass, which is the guide's misdiagnosis.
    QVERIFY(item(run, "group_ids")->passed());
    QVERIFY(!run.succeeded());
}

// The noop device runs no kernel: the run is a binding check and its zero output is not judged.
void TestAttentionBackend::xrtNoopIsABindingCheckOnly()
{
    const AttentionRun run = AttentionBackend::run(options(AttentionBackendKind::XrtNoop));
    QCOMPARE(run.backend, QStringLiteral("xrt-noop"));
    QCOMPARE(run.state, QStringLiteral("COMPLETED"));
    QVERIFY(!hasBankWarning(run));
    QVERIFY(!run.hasOutput());
    QVERIFY(!run.scope.outputJudged);
    QVERIFY2(run.scope.outputNotJudged.contains(QLatin1String("binding check only: no kernel runs")),
             qPrintable(run.scope.outputNotJudged));
    QCOMPARE(item(run, "nonzero_output")->status, ChecklistItem::Status::NotApplicable);
    QCOMPARE(item(run, "correlation")->status, ChecklistItem::Status::NotApplicable);
    QVERIFY(item(run, "instructions")->passed());
    QVERIFY(run.succeeded());
    QVERIFY2(run.verdict().contains(QLatin1String("not judged")), qPrintable(run.verdict()));
    QVERIFY(run.scope.notExercised.join(u' ').contains(QLatin1String("runs nothing")));
}

// A vector-add xclbin with its own stream: our attention kernel must not stand in for it; only XRT's binding
// check is emulated and nothing is said about the output.
void TestAttentionBackend::emulatedOnAnotherDesignJudgesNoOutput()
{
    AttentionRunOptions o
        = options(AttentionBackendKind::Emulated, QStringLiteral("3, instr:1, ninstr, bo:3, bo:4, bo:5"));
    o.xclbinPath = test::xclbinFixturePath(QStringLiteral("iron-single-add"));
    QString error;
    const auto request = AttentionBackend::makeRequest(o, &error);
    QVERIFY2(request, qPrintable(error));
    QVERIFY(request->emulatedKernel.isEmpty());
    QVERIFY(request->inputData.keys() == QList<int> { 1 }); // only the instruction BO gets data
    const AttentionRun run = AttentionBackend::run(o);
    QCOMPARE(run.state, QStringLiteral("COMPLETED"));
    QVERIFY(!run.hasOutput());
    QVERIFY(!run.scope.outputJudged);
    QVERIFY2(run.scope.outputNotJudged.contains(QLatin1String("only XRT's binding check was emulated")),
             qPrintable(run.scope.outputNotJudged));
    QVERIFY2(run.scope.design.contains(QLatin1String("not our attention layout")), qPrintable(run.scope.design));
    QCOMPARE(item(run, "nonzero_output")->status, ChecklistItem::Status::NotApplicable);
    QVERIFY(item(run, "instructions")->passed());
    QVERIFY(run.notes.join(u' ').contains(QLatin1String("only XRT's binding check was emulated")));
}

// No instruction stream (none next to the xclbin): the checklist fails on every backend that makes a call.
void TestAttentionBackend::missingStreamFailsTheChecklist()
{
    for (auto backend : { AttentionBackendKind::XrtNoop, AttentionBackendKind::Emulated }) {
        AttentionRunOptions o = options(backend);
        o.xclbinPath = test::attentionXclbin(); // the seed project's build: no stream beside it
        const AttentionRun run = AttentionBackend::run(o);
        QCOMPARE(item(run, "instructions")->status, ChecklistItem::Status::Failed);
        QVERIFY(!run.succeeded());
        QVERIFY(!run.scope.outputJudged);
    }
}

void TestAttentionBackend::xrtWithoutDeviceSaysSo()
{
    // No NPU on this machine (and XRT 2.13 cannot drive one): the run must stop with XRT's own words.
    const AttentionRun run = AttentionBackend::run(options(AttentionBackendKind::Xrt));
    QCOMPARE(run.backend, QStringLiteral("xrt"));
    QVERIFY2(run.state == QLatin1String("NO_DEVICE"), qPrintable(run.state + QLatin1Char(' ') + run.error));
    QVERIFY(!run.error.isEmpty());
    qInfo("xrt backend without a device: %s", qPrintable(run.error));
    QVERIFY(!run.hasOutput());
    QCOMPARE(item(run, "state_completed")->status, ChecklistItem::Status::Failed);
    QCOMPARE(item(run, "nonzero_output")->status, ChecklistItem::Status::NotApplicable);
    QVERIFY(!run.succeeded());
}

void TestAttentionBackend::instructionsSniffedIntoTheRequest()
{
    // Riallto's .seq is hex text: the instruction BO must get the binary words, ninstr their count.
    AttentionRunOptions o = options(AttentionBackendKind::Emulated);
    o.instructionFile
        = test::fixturesDir() + QStringLiteral("/xclbin/riallto-color-detect-720p/riallto-color-detect-720p.seq");
    QString error;
    const auto request = AttentionBackend::makeRequest(o, &error);
    QVERIFY2(request, qPrintable(error));
    const QByteArray words = request->inputData.value(1);
    QVERIFY(words.size() > 0 && words.size() % 4 == 0);
    QCOMPARE(*request->plan.argument(2)->scalarValue, qint64(words.size() / 4));
    QCOMPARE(request->plan.argument(1)->bo.size, quint64(words.size()));
    const QString text = QString::fromLatin1(test::readFile(o.instructionFile));
    QVERIFY(!words.startsWith(text.left(4).toLatin1())); // not the raw text
    // A binary .insts.bin passes through unchanged.
    o.instructionFile = test::fixturesDir() + QStringLiteral("/xclbin/iron-single-add/iron-single-add.insts.bin");
    const auto binary = AttentionBackend::makeRequest(o, &error);
    QVERIFY(binary);
    QCOMPARE(binary->inputData.value(1), test::readFile(o.instructionFile));
    // Unreadable instructions stop the run with a sentence naming the file.
    o.instructionFile = QStringLiteral("/nonexistent/insts.bin");
    QVERIFY(!AttentionBackend::makeRequest(o, &error));
    QVERIFY2(error.contains(QLatin1String("/nonexistent/insts.bin")), qPrintable(error));
}

void TestAttentionBackend::badCallIsReported()
{
    const AttentionRun run = AttentionBackend::run(options(AttentionBackendKind::Emulated, QStringLiteral("bo:")));
    QVERIFY(run.state.isEmpty());
    QVERIFY2(run.error.contains(QLatin1String("--call")), qPrintable(run.error));
    QVERIFY(!run.succeeded());
}

QTEST_GUILESS_MAIN(TestAttentionBackend)
#include "tst_attentionbackend.moc"
