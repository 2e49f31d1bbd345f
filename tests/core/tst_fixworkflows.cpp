// SPDX-License-Identifier: GPL-3.0-or-later
#include "standin/standinsupport.h"
#include "workflow/cpufallback.h"
#include "workflow/designedits.h"
#include "workflow/fixworkflows.h"
#include "workflow/rebuild.h"
#include "workflow/repackage.h"
#include "workflow/tiledcomparison.h"
#include "xclbin/xclbinreader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace xi;

namespace {

RebuildOptions withStandin()
{
    RebuildOptions options;
    options.settings = test::standinSettings();
    return options;
}

CheckOptions emulated(int size = 64)
{
    CheckOptions options;
    options.backend = AttentionBackendKind::Emulated;
    options.cliPath = QStringLiteral(XI_CLI_PATH);
    options.seq = options.dim = size;
    return options;
}

// The design built once with the stand-in: the "before" of a workflow.
RebuildResult buildOriginal(const QString& design)
{
    const RebuildResult r = Rebuild::run(design, withStandin());
    if (r.kind != RebuildResult::Kind::Recompiled)
        qFatal("the original build failed: %s", qPrintable(r.sentence));
    return r;
}

int rowsWithVerdict(const QList<VerificationRow>& rows, const char* prefix, const char* verdict)
{
    int n = 0;
    for (const VerificationRow& r : rows)
        n += r.aspect.startsWith(QLatin1String(prefix)) && r.verdict == QLatin1String(verdict) ? 1 : 0;
    return n;
}

const VerificationRow* rowOf(const QList<VerificationRow>& rows, const char* aspect)
{
    for (const VerificationRow& r : rows) {
        if (r.aspect == QLatin1String(aspect))
            return &r;
    }
    return nullptr;
}

} // namespace

class TestFixWorkflows : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::prepareStandin(); }
    void catalogue();
    void symNamesKeepTheGroupIds();
    void symNamesRepackagedWithoutAiecc();
    void variant32HasTheSameGroupIds();
    void tiledWorkaroundIsNotAttention();
    void cpuFallback();
    void hostFixOnTheSeedGuideCall();
    void designFixForAnXclbinDefect();
    void designFixForShimBuffers();
    void nothingToCorrect();
    void failedRebuildIsNotVerified();
};

void TestFixWorkflows::catalogue()
{
    const QList<FixWorkflowInfo> all = FixWorkflows::all();
    QCOMPARE(all.size(), 6);
    QCOMPARE(all.first().key, QStringLiteral("sym-names"));
    QVERIFY(FixWorkflows::info(FixWorkflowId::SymNames).truth.contains(QLatin1String("same group IDs")));
    QVERIFY(FixWorkflows::info(FixWorkflowId::Tiled).truth.contains(QLatin1String("not attention")));
}

void TestFixWorkflows::symNamesKeepTheGroupIds()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("design.mlir"), {},
                                            QStringLiteral("tests/data/mlir/runtime_sequence_2025.mlir"));
    const QByteArray original = test::readFile(design);
    const RebuildResult before = buildOriginal(design);
    FileEdit edit = DesignEdits::fromFile(design, &DesignEdits::addSymNames);
    QVERIFY2(edit.isValid(), qPrintable(edit.error()));
    QString error;
    QVERIFY2(edit.write(edit.suggestedPath(), &error), qPrintable(error));
    QCOMPARE(test::readFile(design), original); // the user's design is untouched: the edit went to a copy
    const RebuildResult after = Rebuild::run(edit.writtenPath(), withStandin());
    QCOMPARE(after.kind, RebuildResult::Kind::Recompiled);
    QCOMPARE(after.xclbin, dir.filePath(QStringLiteral("design_symnames.xclbin")));
    const WorkflowOutcome outcome = FixWorkflows::verify(FixWorkflowId::SymNames, before.xclbin, before.instructions,
                                                         emulated(), after, emulated());
    QVERIFY(WorkflowVerification::sameGroupIds(outcome.before, outcome.after));
    QCOMPARE(rowsWithVerdict(outcome.rows, "group_id(", "same"), 8);
    QCOMPARE(rowsWithVerdict(outcome.rows, "group_id(", "changed"), 0);
    QVERIFY2(outcome.conclusion.startsWith(QLatin1String("XRT sees the same group IDs after adding sym_name "
                                                         "(recompiled with aiecc)")),
             qPrintable(outcome.conclusion));
    // The whole verification ran on both builds: reload, group IDs, binding, the vectors.
    for (const BuildCheck* check : { &outcome.before, &outcome.after }) {
        QVERIFY(check->error.isEmpty());
        QVERIFY(check->binding);
        QCOMPARE(check->binding->count(Severity::Error), 0);
        QVERIFY(check->run);
        QCOMPARE(check->run->state, QStringLiteral("COMPLETED"));
        QVERIFY(check->run->hasOutput() && check->run->metrics.nonzero > 0);
        QVERIFY(check->notExercised.join(QLatin1Char(' ')).contains(QLatin1String("a real NPU")));
    }
    QCOMPARE(rowOf(outcome.rows, "binding errors")->verdict, QStringLiteral("same"));
    QCOMPARE(rowOf(outcome.rows, "non-zero outputs")->verdict, QStringLiteral("same"));
    QVERIFY(!outcome.toJson().value(QLatin1String("rows")).toArray().isEmpty());
}

void TestFixWorkflows::symNamesRepackagedWithoutAiecc()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("design.mlir"), {},
                                            QStringLiteral("tests/data/mlir/runtime_sequence_2025.mlir"));
    const RebuildResult before = buildOriginal(design);
    FileEdit edit = DesignEdits::fromFile(design, &DesignEdits::addSymNames);
    QVERIFY(edit.write(edit.suggestedPath()));
    // No aiecc: the copy is repackaged from the original build's project folder, and says it was not compiled.
    RebuildOptions options;
    options.settings.mode = ToolchainSettings::AieccMode::Program;
    options.settings.program = dir.filePath(QStringLiteral("no-aiecc-here"));
    options.projectFolder = dir.filePath(QStringLiteral("design.mlir.prj"));
    options.previousInstructions = before.instructions;
    const RebuildResult after = Rebuild::run(edit.writtenPath(), options);
    QCOMPARE(after.kind, RebuildResult::Kind::Repackaged);
    QCOMPARE(after.instructions, before.instructions);
    QVERIFY(after.notes.join(QLatin1Char(' ')).contains(QLatin1String("the design edit itself was not compiled")));
    QVERIFY(after.repackage && after.repackage->ok);
    CheckOptions quick = emulated();
    quick.run = false;
    const WorkflowOutcome outcome
        = FixWorkflows::verify(FixWorkflowId::SymNames, before.xclbin, before.instructions, quick, after, quick);
    QVERIFY(WorkflowVerification::sameGroupIds(outcome.before, outcome.after));
    QVERIFY2(outcome.conclusion.contains(QLatin1String("repackaged from the aiecc inputs (not recompiled")),
             qPrintable(outcome.conclusion));
    // Nothing to repackage from and no aiecc: not rebuilt, and the reason is given.
    options.projectFolder.clear();
    const RebuildResult none = Rebuild::run(edit.writtenPath(), options);
    QCOMPARE(none.kind, RebuildResult::Kind::NotRebuilt);
    QVERIFY(none.sentence.startsWith(QLatin1String("Not rebuilt")));
}

void TestFixWorkflows::variant32HasTheSameGroupIds()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    const RebuildResult before = buildOriginal(design);
    FileEdit edit = DesignEdits::fromFile(design, &DesignEdits::derive32x32);
    QVERIFY2(edit.isValid(), qPrintable(edit.error()));
    QCOMPARE(edit.suggestedPath(), dir.filePath(QStringLiteral("attention_32x32.mlir")));
    QVERIFY(!edit.diff().isEmpty());
    QVERIFY(edit.write(edit.suggestedPath()));
    const RebuildResult after = Rebuild::run(edit.writtenPath(), withStandin());
    QCOMPARE(after.kind, RebuildResult::Kind::Recompiled);
    CheckOptions afterOptions = emulated(32);
    const WorkflowOutcome outcome = FixWorkflows::verify(FixWorkflowId::Variant32, before.xclbin, before.instructions,
                                                         emulated(64), after, afterOptions);
    QVERIFY(WorkflowVerification::sameGroupIds(outcome.before, outcome.after));
    QVERIFY2(outcome.conclusion.contains(QLatin1String("same group IDs as the 64x64 one")),
             qPrintable(outcome.conclusion));
    QCOMPARE(outcome.before.run->vectors.seq(), 64);
    QCOMPARE(outcome.after.run->vectors.seq(), 32);
    QCOMPARE(outcome.after.run->state, QStringLiteral("COMPLETED"));
    QCOMPARE(outcome.after.run->metrics.total, 1024);
    // The 32x32 instruction stream moves a quarter of the bytes: a different stream, same group IDs.
    QVERIFY(outcome.after.call.contains(QLatin1String("size=3072")));
}

void TestFixWorkflows::tiledWorkaroundIsNotAttention()
{
    QTemporaryDir dir;
    const RebuildResult build = buildOriginal(test::designCopy(dir, QStringLiteral("attention_64x64.mlir")));
    AttentionRunOptions backend;
    backend.xclbinPath = build.xclbin;
    backend.instructionFile = build.instructions;
    backend.backend = AttentionBackendKind::Emulated;
    backend.cliPath = QStringLiteral(XI_CLI_PATH);
    const TiledComparisonResult result = TiledComparison::run(TestVectors::random(64, 64, 1), backend);
    QCOMPARE(result.variants.size(), 4);
    const TiledVariant& reference = result.variants[0];
    const TiledVariant& guide = result.variants[1];
    const TiledVariant& exact = result.variants[2];
    const TiledVariant& kernel = result.variants[3];
    QCOMPARE(reference.id, QStringLiteral("float"));
    QCOMPARE(guide.id, QStringLiteral("guide-tiled"));
    QVERIFY(!guide.isAttention);
    QVERIFY2(guide.correlation < 0.9, qPrintable(QString::number(guide.correlation)));
    QVERIFY(exact.isAttention);
    QVERIFY2(exact.correlation > 0.99999 && exact.maxAbsError < 1e-3, qPrintable(QString::number(exact.correlation)));
    QCOMPARE(kernel.id, QStringLiteral("kernel"));
    QCOMPARE(kernel.computedBy, QStringLiteral("emulated backend"));
    QVERIFY2(kernel.correlation > 0.95, qPrintable(kernel.note));
    QVERIFY(result.backendRun && result.backendRun->state == QLatin1String("COMPLETED"));
    QVERIFY(result.conclusion.contains(QLatin1String("not a workaround")));
    QVERIFY(result.conclusion.contains(QLatin1String("no NPU matmul kernel is involved")));
    // Without a backend the CPU variants still run.
    QCOMPARE(TiledComparison::run(TestVectors::random(64, 64, 2), std::nullopt).variants.size(), 3);
}

void TestFixWorkflows::cpuFallback()
{
    const CpuFallbackResult result = CpuFallback::run(TestVectors::random(64, 64, 1), 3);
    QCOMPARE(result.answer.rows(), 64);
    QCOMPARE(result.answerInt8.cols(), 64);
    QVERIFY(result.timeMs > 0);
    QCOMPARE(result.repetitions, 3);
    QVERIFY2(result.int8Metrics.correlation > 0.99, qPrintable(QString::number(result.int8Metrics.correlation)));
    QVERIFY(result.kernelMetrics.correlation > 0.95);
    // astype(np.int8) truncates toward zero: the int8 answer never exceeds the float one in magnitude.
    for (Eigen::Index i = 0; i < result.answer.size(); ++i)
        QVERIFY(std::abs(float(result.answerInt8.data()[i])) <= std::abs(result.answer.data()[i]) + 1e-4f);
    QVERIFY(result.conclusion.contains(QLatin1String("The CPU answers in")));
    QVERIFY(result.toJson().contains(QLatin1String("time_ms")));
}

void TestFixWorkflows::hostFixOnTheSeedGuideCall()
{
    QTemporaryDir dir;
    const RebuildResult build = buildOriginal(test::designCopy(dir, QStringLiteral("attention_64x64.mlir")));
    const QString host = dir.filePath(QStringLiteral("test_attention.py"));
    QVERIFY(test::writeFile(host, test::readFile(test::hostProgramPath(QStringLiteral("bug_seed_guide_call.py")))));
    const QByteArray original = test::readFile(host);
    const HostFixPlan plan = FixWorkflows::planHostFix(build.xclbin, build.instructions, host);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QVERIFY(plan.callBefore.startsWith(QLatin1String("instr")));
    QVERIFY(plan.edit.changesText());
    QCOMPARE(plan.edit.suggestedPath(), dir.filePath(QStringLiteral("test_attention_fixed.py")));
    FileEdit edit = plan.edit;
    QVERIFY(edit.write(edit.suggestedPath()));
    QCOMPARE(test::readFile(host), original);
    const WorkflowOutcome outcome = FixWorkflows::verifyHostFix(build.xclbin, build.instructions, plan.callBefore,
                                                                edit.writtenPath(), emulated());
    QCOMPARE(outcome.rebuild.kind, RebuildResult::Kind::Unchanged);
    QVERIFY(outcome.before.binding->count(Severity::Error) > 0);
    QCOMPARE(outcome.after.binding->count(Severity::Error), 0);
    QCOMPARE(rowOf(outcome.rows, "binding errors")->verdict, QStringLiteral("fixed"));
    QCOMPARE(rowOf(outcome.rows, "call")->verdict, QStringLiteral("changed"));
    // The guide's call runs the kernel on clones: the output stays zero. The corrected one fills it.
    QVERIFY(!outcome.before.run->hasOutput() || outcome.before.run->metrics.nonzero == 0);
    QVERIFY(outcome.after.run->hasOutput() && outcome.after.run->metrics.nonzero > 0);
    QVERIFY2(outcome.conclusion.contains(QLatin1String("The corrected call has 0 binding error(s)")),
             qPrintable(outcome.conclusion));
    QVERIFY(outcome.conclusion.contains(QLatin1String("needs no rebuild")));
}

void TestFixWorkflows::designFixForAnXclbinDefect()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    const RebuildResult good = buildOriginal(design);
    // A project folder whose main_kernels.json lost bo1's memory connection, repackaged into a broken xclbin.
    const QString prj = dir.filePath(QStringLiteral("broken.prj"));
    QString error;
    QVERIFY(FixWorkflows::copyProjectInputs(dir.filePath(QStringLiteral("attention_64x64.mlir.prj")), prj, &error));
    const QByteArray aieccKernels = test::readFile(prj + QStringLiteral("/main_kernels.json"));
    const QByteArray kernels = test::withoutConnection(aieccKernels, "bo1");
    QVERIFY(!kernels.isEmpty());
    QVERIFY(test::writeFile(prj + QStringLiteral("/main_kernels.json"), kernels));
    const QString brokenXclbin = dir.filePath(QStringLiteral("broken.xclbin"));
    QVERIFY(Repackage::run(prj, brokenXclbin, false).ok);

    const DesignFixPlan plan = FixWorkflows::planDesignFix(design, XclbinReader::read(brokenXclbin), prj);
    QCOMPARE(plan.kind, DesignFixPlan::Kind::AieccInputsEdit);
    QCOMPARE(plan.edit.changes().size(), 1);
    QVERIFY(plan.edit.changes().first().contains(QLatin1String("bo1 gets the memory-connection HOST")));
    const QString corrected = FixWorkflows::correctedFolderFor(prj);
    QCOMPARE(plan.edit.suggestedPath(), corrected + QStringLiteral("/main_kernels.json"));
    // The correction restores exactly what aiecc wrote.
    QCOMPARE(plan.edit.editedText().toUtf8(), aieccKernels);
    QVERIFY(FixWorkflows::copyProjectInputs(prj, corrected, &error, QStringLiteral("main_kernels.json")));
    QVERIFY(!QFile::exists(corrected + QStringLiteral("/main_kernels.json")));
    FileEdit edit = plan.edit;
    QVERIFY2(edit.write(edit.suggestedPath(), &error), qPrintable(error));
    QVERIFY(edit.backupPath().isEmpty());
    QCOMPARE(test::readFile(prj + QStringLiteral("/main_kernels.json")),
             kernels); // the broken inputs stay as they were

    RebuildResult rebuilt;
    rebuilt.repackage = Repackage::run(corrected, dir.filePath(QStringLiteral("corrected.xclbin")), false);
    QVERIFY(rebuilt.repackage->ok);
    rebuilt.kind = RebuildResult::Kind::Repackaged;
    rebuilt.xclbin = rebuilt.repackage->output;
    rebuilt.instructions = good.instructions;
    const WorkflowOutcome outcome = FixWorkflows::verify(FixWorkflowId::DesignFix, brokenXclbin, good.instructions,
                                                         emulated(), rebuilt, emulated());
    QVERIFY(outcome.before.groups->hasInvalid());
    QVERIFY(!outcome.after.groups->hasInvalid());
    QCOMPARE(rowOf(outcome.rows, "group_id(4)")->verdict, QStringLiteral("fixed"));
    QVERIFY(outcome.conclusion.contains(QLatin1String("repackaged from the corrected aiecc inputs")));
    QVERIFY2(outcome.conclusion.contains(QLatin1String("the xclbin defect is gone")), qPrintable(outcome.conclusion));
    // The corrected build equals the good one's group IDs.
    const XclbinPtr goodXclbin = XclbinReader::read(good.xclbin);
    BuildCheck goodCheck;
    goodCheck.groups = ArgumentGroups::compute(*goodXclbin, goodXclbin->kernels.first());
    QVERIFY(WorkflowVerification::sameGroupIds(goodCheck, outcome.after));
}

void TestFixWorkflows::designFixForShimBuffers()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("seed.mlir"), {},
                                            QStringLiteral("tests/data/mlir/seed_option1_shim_buffers.mlir"));
    const DesignFixPlan plan = FixWorkflows::planDesignFix(design, nullptr, {});
    QCOMPARE(plan.kind, DesignFixPlan::Kind::DesignEdit);
    QCOMPARE(plan.edit.changes().size(), 3);
    QCOMPARE(plan.edit.suggestedPath(), dir.filePath(QStringLiteral("seed_fixed.mlir")));
}

void TestFixWorkflows::nothingToCorrect()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    const RebuildResult build = buildOriginal(design);
    const DesignFixPlan plan = FixWorkflows::planDesignFix(design, XclbinReader::read(build.xclbin), {});
    QCOMPARE(plan.kind, DesignFixPlan::Kind::Nothing);
    QVERIFY2(plan.reason.contains(QLatin1String("no design defect found"))
                 && plan.reason.contains(QLatin1String("connected")),
             qPrintable(plan.reason));
    // The host program of a correct call needs no fix either.
    const HostFixPlan host = FixWorkflows::planHostFix(build.xclbin, build.instructions,
                                                       test::hostProgramPath(QStringLiteral("correct.py")));
    QVERIFY2(host.error.contains(QLatin1String("needs no correction")), qPrintable(host.error));
}

void TestFixWorkflows::failedRebuildIsNotVerified()
{
    RebuildResult failed;
    failed.kind = RebuildResult::Kind::Failed;
    failed.sentence = QStringLiteral("aiecc failed with exit code 1.");
    const WorkflowOutcome outcome = FixWorkflows::verify(
        FixWorkflowId::SymNames, QStringLiteral("/nonexistent/a.xclbin"), {}, emulated(), failed, emulated());
    QVERIFY(outcome.conclusion.startsWith(QLatin1String("Not verified: aiecc failed")));
    QVERIFY(!outcome.before.error.isEmpty());
    QCOMPARE(outcome.after.error, failed.sentence);
}

QTEST_GUILESS_MAIN(TestFixWorkflows)
#include "tst_fixworkflows.moc"
