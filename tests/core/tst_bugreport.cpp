// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionbackend.h"
#include "binding/bindingchecker.h"
#include "mlir/mlirdesign.h"
#include "testsupport.h"
#include "workflow/bugreport.h"
#include "xclbin/aieccdesign.h"
#include "xclbin/xclbinreader.h"
#include "xclbin/xclbinwriter.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace xi;

namespace {

XclbinPtr buildXclbin(const QTemporaryDir& dir, bool bo1WithoutConnection)
{
    AieccDesign design;
    design.memories = AieccDesign::mlirAieMemories();
    design.kernels << AieccDesign::mlirAieKernel();
    if (bo1WithoutConnection)
        design.kernels[0].arguments[4].memoryConnection.reset();
    design.partition = AieccDesign::mlirAiePartition(QByteArray("test PDI"), QUuid::createUuid());
    const QString path
        = dir.filePath(bo1WithoutConnection ? QStringLiteral("broken.xclbin") : QStringLiteral("good.xclbin"));
    XclbinWriter().write(design, path, true);
    return XclbinReader::read(path);
}

BindingReport check(const Xclbin& x, const QString& quick)
{
    return BindingChecker::check(x, *BindingPlan::parseQuick(quick));
}

MlirDesign attentionDesign()
{
    QString error;
    return *MlirDesign::read(QStringLiteral(XI_SOURCE_DIR "/kernels/attention/attention_64x64.mlir"), &error);
}

// Our kernel on the cpu backend: a run that succeeds.
AttentionRun cpuRun()
{
    AttentionRunOptions options;
    options.backend = AttentionBackendKind::Cpu;
    return AttentionBackend::run(options);
}

} // namespace

class TestBugReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pointsAtTheHost();
    void pointsAtTheBuild();
    void nothingToReport();
    void unknownWithoutRuns();
    void environmentFromRealData();
    void npuNames();
};

void TestBugReport::pointsAtTheHost()
{
    QTemporaryDir dir;
    BugReportInput in;
    in.xclbin = buildXclbin(dir, false);
    in.design = attentionDesign();
    // The seed guide's kernel(instr_bo, len(insts), 0, input_bo, output_bo).
    in.binding = check(*in.xclbin, QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4"));
    const BugReportAssessment a = BugReport::assess(in);
    QCOMPARE(a.target, BugReportAssessment::Target::Host);
    QVERIFY(a.headline.contains(QLatin1String("points at the host program, not the compiler")));
    QVERIFY(a.headline.contains(QLatin1String("second hardware context, not a broken bank")));
    QVERIFY(a.reasons.join(QLatin1Char('\n')).contains(QLatin1String("bo-at-scalar")));
    const QString md = BugReport::markdown(in);
    QVERIFY(md.startsWith(QLatin1String("# [draft, not for upstream] MLIR_AIE (npu1): the host's call is wrong")));
    QVERIFY(md.contains(QLatin1String("**Assessment (host):** The evidence points at the host program")));
    QVERIFY(md.contains(QLatin1String("Checked call: `instr:1, ninstr, 0, bo:3, bo:4`")));
    QVERIFY(md.contains(QLatin1String("| bo-at-scalar | host fix |")));
    QVERIFY(md.contains(QLatin1String("Corrected call (Python):")));
}

void TestBugReport::pointsAtTheBuild()
{
    QTemporaryDir dir;
    BugReportInput in;
    in.xclbin = buildXclbin(dir, true);
    in.binding = check(*in.xclbin, AttentionBackend::defaultCall());
    const BugReportAssessment a = BugReport::assess(in);
    QCOMPARE(a.target, BugReportAssessment::Target::Build);
    QCOMPARE(a.reasons.size(), 1);
    QVERIFY(a.reasons.first().startsWith(QLatin1String("argument 4 (bo1) of MLIR_AIE")));
    const QString md = BugReport::markdown(in);
    QVERIFY(
        md.startsWith(QLatin1String("# MLIR_AIE (NPU): a buffer argument has no memory connectivity in the xclbin")));
    QVERIFY(md.contains(QLatin1String("| 4 | bo1 | global | - | 0x1FFFF (131071) | invalid | design fix (rebuild) |")));
}

void TestBugReport::nothingToReport()
{
    QTemporaryDir dir;
    BugReportInput in;
    in.xclbin = buildXclbin(dir, false);
    in.binding = check(*in.xclbin, AttentionBackend::defaultCall());
    in.runs << cpuRun();
    QVERIFY(in.runs.first().succeeded());
    const BugReportAssessment a = BugReport::assess(in);
    QCOMPARE(a.target, BugReportAssessment::Target::Nothing);
    const QString md = BugReport::markdown(in);
    QVERIFY(md.contains(QLatin1String("runs succeed, nothing to report")));
    QVERIFY(md.contains(QLatin1String("| cpu |")));
    QVERIFY(md.contains(QLatin1String("`cpu` is our kernel built for the host")));
}

void TestBugReport::unknownWithoutRuns()
{
    QTemporaryDir dir;
    BugReportInput in;
    in.xclbin = buildXclbin(dir, false);
    in.binding = check(*in.xclbin, AttentionBackend::defaultCall());
    const BugReportAssessment a = BugReport::assess(in);
    QCOMPARE(a.target, BugReportAssessment::Target::Unknown);
    QVERIFY(a.headline.contains(QLatin1String("run the test vectors before reporting")));
    const QString md = BugReport::markdown(in);
    QVERIFY(md.contains(QLatin1String("No test vectors were run.")));
    QVERIFY(md.contains(QLatin1String("Nothing was run through XRT: its messages are unknown.")));
    QVERIFY(md.contains(QLatin1String("No instruction file given.")));
}

void TestBugReport::environmentFromRealData()
{
    QTemporaryDir dir;
    BugReportInput in;
    in.xclbin = buildXclbin(dir, false);
    in.design = attentionDesign();
    in.designPath = QStringLiteral(XI_SOURCE_DIR "/kernels/attention/attention_64x64.mlir");
    RunResult xrt;
    xrt.xrtVersion = QStringLiteral("2.13.0");
    xrt.xrtVersionSource = QStringLiteral("runtime log");
    xrt.device.found = false;
    xrt.device.message = QStringLiteral("noop device");
    in.xrtRun = xrt;
    const QString instructions = dir.filePath(QStringLiteral("insts.bin"));
    QVERIFY(test::writeFile(instructions, QByteArray::fromHex("0001030604010000010000001c000000")));
    in.instructionsPath = instructions;
    const QString md = BugReport::markdown(in);
    QVERIFY2(md.contains(
                 QLatin1String("| NPU | npu1 (Phoenix / Hawk Point, AIE2) | the design's aie.device; no NPU device was "
                               "opened (noop device) |")),
             qPrintable(md));
    QVERIFY(md.contains(QLatin1String("| columns | 4 | the xclbin's AIE_PARTITION column width |")));
    QVERIFY(md.contains(QLatin1String("| XRT | 2.13.0 | runtime log |")));
    QVERIFY(md.contains(QLatin1String("| firmware | unknown |")));
    QVERIFY(md.contains(QLatin1String("| mlir-aie | unknown | no toolchain detected |")));
    QVERIFY(md.contains(QLatin1String("| insts.bin | binary | 4 | 16 | 0x6030100 (mlir-aie TXN) |")));
    QVERIFY(md.contains(QLatin1String("XRT printed no message.")));
    in.firmware = QStringLiteral("1.5.5.391");
    QVERIFY(BugReport::markdown(in).contains(QLatin1String("| firmware | 1.5.5.391 | given |")));
}

void TestBugReport::npuNames()
{
    QCOMPARE(BugReport::npuDescription(QStringLiteral("npu1_4col")),
             QStringLiteral("npu1_4col (Phoenix / Hawk Point, AIE2)"));
    QCOMPARE(BugReport::npuDescription(QStringLiteral("npu2")), QStringLiteral("npu2 (Strix / Krackan, AIE2P)"));
    QCOMPARE(BugReport::npuDescription(QStringLiteral("xcvc1902")), QStringLiteral("xcvc1902"));
}

QTEST_GUILESS_MAIN(TestBugReport)
#include "tst_bugreport.moc"
