// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/bindingchecker.h"
#include "binding/bindingplan.h"
#include "mlir/mlirdesign.h"
#include "mlir/mlirdesignchecker.h"
#include "testsupport.h"
#include "workflow/findingfix.h"
#include "xclbin/aieccdesign.h"
#include "xclbin/xclbinreader.h"
#include "xclbin/xclbinwriter.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace xi;

namespace {

// An aiecc xclbin, optionally with bo1 (XRT argument 4) left without a memory connection: a defect of the file.
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

QList<BindingFinding> errorsOf(const BindingReport& report)
{
    QList<BindingFinding> out;
    for (const BindingFinding& f : report.findings) {
        if (f.severity == Severity::Error)
            out << f;
    }
    return out;
}

} // namespace

class TestFindingFix : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostCodes_data();
    void hostCodes();
    void designAndUnknownCodes();
    void seedGuideCallIsAHostFix();
    void connectivityDefectIsADesignFix();
    void argumentVerdicts();
    void mlirFindings();
    void json();
};

void TestFindingFix::hostCodes_data()
{
    QTest::addColumn<QString>("code");
    for (const char* code :
         { "bo-at-scalar", "scalar-at-buffer", "bank-not-connected", "bo-from-scalar-group", "bad-group-index",
           "missing-instr", "ninstr-mismatch", "opcode-not-3", "too-many-arguments", "slot-mismatch",
           "legacy-convention-mix", "instr-not-cacheable", "instr-bo-too-small", "bank-out-of-range", "no-kernel" })
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestFindingFix::hostCodes()
{
    QFETCH(QString, code);
    FindingContext context;
    context.severity = Severity::Error;
    const FixAdvice fix = FindingFix::classify(FindingSource::Binding, code, context);
    QCOMPARE(fix.kind, FixKind::Host);
    QCOMPARE(fix.action, QStringLiteral("apply-host-fix"));
    QVERIFY(!fix.needsRebuild());
}

void TestFindingFix::designAndUnknownCodes()
{
    FindingContext error;
    error.severity = Severity::Error;
    QCOMPARE(FindingFix::classify(FindingSource::Binding, QStringLiteral("too-many-buffers"), error).kind,
             FixKind::Design);
    QCOMPARE(FindingFix::classify(FindingSource::Binding, QStringLiteral("unresolved"), error).kind, FixKind::Unknown);
    QCOMPARE(FindingFix::classify(FindingSource::Binding, QStringLiteral("kernel-chosen"), error).kind, FixKind::None);
    FindingContext info;
    info.severity = Severity::Info;
    QCOMPARE(FindingFix::classify(FindingSource::Binding, QStringLiteral("missing-argument"), info).kind,
             FixKind::None);
    // A code nobody knows is never given a fix it may not need.
    const FixAdvice unknown = FindingFix::classify(FindingSource::Binding, QStringLiteral("made-up-code"), error);
    QCOMPARE(unknown.kind, FixKind::Unknown);
    QVERIFY(unknown.reason.contains(QLatin1String("made-up-code")));
}

void TestFindingFix::seedGuideCallIsAHostFix()
{
    QTemporaryDir dir;
    const XclbinPtr x = buildXclbin(dir, false);
    // The seed guide's call kernel(instr_bo, len(insts), 0, input_bo, output_bo) on a correct aiecc xclbin.
    const std::optional<BindingPlan> plan = BindingPlan::parseQuick(QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4"));
    QVERIFY(plan);
    const BindingReport report = BindingChecker::check(*x, *plan);
    const KernelGroups groups = ArgumentGroups::compute(*x, x->kernels.first());
    const QList<BindingFinding> errors = errorsOf(report);
    QVERIFY(!errors.isEmpty());
    for (const BindingFinding& f : errors)
        QVERIFY2(FindingFix::forBinding(f, &groups).kind == FixKind::Host, qPrintable(f.code));
}

void TestFindingFix::connectivityDefectIsADesignFix()
{
    QTemporaryDir dir;
    const XclbinPtr x = buildXclbin(dir, true);
    const KernelGroups groups = ArgumentGroups::compute(*x, x->kernels.first());
    QCOMPARE(groups.argument(4)->verdict, Verdict::Invalid);
    // The host allocates bo1 with group_id(4) as aiecc hosts do: the checker finds the bank unconnected, but no group
    // the host could choose helps on this file.
    const std::optional<BindingPlan> plan
        = BindingPlan::parseQuick(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4[out]"));
    const BindingReport report = BindingChecker::check(*x, *plan);
    bool sawArgumentFour = false;
    for (const BindingFinding& f : errorsOf(report)) {
        if (f.argument != 4)
            continue;
        sawArgumentFour = true;
        const FixAdvice fix = FindingFix::forBinding(f, &groups);
        QCOMPARE(fix.kind, FixKind::Design);
        QCOMPARE(fix.action, QStringLiteral("repackage"));
        QVERIFY(fix.needsRebuild());
        QVERIFY(fix.reason.contains(QLatin1String("bo1")));
    }
    QVERIFY2(sawArgumentFour, "the checker reported nothing at argument 4");
    // The same argument's own verdict in the xclbin.
    QCOMPARE(FindingFix::forArgument(*groups.argument(4), groups.convention).kind, FixKind::Design);
}

void TestFindingFix::argumentVerdicts()
{
    QTemporaryDir dir;
    const XclbinPtr x = buildXclbin(dir, false);
    const KernelGroups groups = ArgumentGroups::compute(*x, x->kernels.first());
    for (const ArgumentGroup& a : groups.arguments)
        QCOMPARE(FindingFix::forArgument(a, groups.convention).kind, FixKind::None);
    FindingContext legacy;
    legacy.convention = Convention::Legacy;
    QCOMPARE(FindingFix::classify(FindingSource::ArgumentVerdict, QStringLiteral("warning"), legacy).kind,
             FixKind::Host);
    FindingContext opcode;
    opcode.convention = Convention::Opcode;
    QCOMPARE(FindingFix::classify(FindingSource::ArgumentVerdict, QStringLiteral("warning"), opcode).kind,
             FixKind::Design);
}

void TestFindingFix::mlirFindings()
{
    QString error;
    const auto design
        = MlirDesign::read(QStringLiteral(XI_SOURCE_DIR "/tests/data/mlir/seed_option1_shim_buffers.mlir"), &error);
    QVERIFY2(design, qPrintable(error));
    int designFixes = 0;
    for (const MlirDesignChecker::Finding& f : MlirDesignChecker::check(*design)) {
        const FixAdvice fix = FindingFix::forMlir(f);
        if (f.severity == Severity::Error) {
            QCOMPARE(fix.kind, FixKind::Design);
            QCOMPARE(fix.action, QStringLiteral("correct-design"));
            ++designFixes;
        } else {
            QCOMPARE(fix.kind, FixKind::None);
        }
    }
    QCOMPARE(designFixes, 3);
    QCOMPARE(FindingFix::classify(FindingSource::Mlir, QStringLiteral("too-many-host-buffers")).kind, FixKind::Design);
    QCOMPARE(FindingFix::classify(FindingSource::Mlir, QStringLiteral("buffer-too-large")).kind, FixKind::Design);
    QCOMPARE(FindingFix::classify(FindingSource::Mlir, QStringLiteral("no-runtime-sequence")).kind, FixKind::Unknown);
}

void TestFindingFix::json()
{
    const FixAdvice fix = FindingFix::classify(FindingSource::Mlir, QStringLiteral("buffer-on-shim"));
    const QJsonObject o = fix.toJson();
    QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("design-rebuild"));
    QCOMPARE(o.value(QLatin1String("action")).toString(), QStringLiteral("correct-design"));
    QCOMPARE(o.value(QLatin1String("action_label")).toString(), QStringLiteral("Correct the design and recompile"));
    QCOMPARE(fix.kindLabel(), QStringLiteral("design fix (rebuild)"));
}

QTEST_GUILESS_MAIN(TestFindingFix)
#include "tst_findingfix.moc"
