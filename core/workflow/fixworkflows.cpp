// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/fixworkflows.h"

#include "hostprogram/hostprogramfix.h"
#include "hostprogram/hostprogramreader.h"
#include "workflow/designedits.h"
#include "workflow/repackage.h"
#include "xclbin/xclbinreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace xi {

QList<FixWorkflowInfo> FixWorkflows::all()
{
    return {
        { FixWorkflowId::SymNames, QStringLiteral("sym-names"), QStringLiteral("Option 1: explicit buffer names"),
          QStringLiteral("Adding sym_name to the buffers forces group 1; move every buffer to the shim tile."),
          QStringLiteral("sym_name names a buffer and changes no group ID: XRT sees the same group IDs afterwards. "
                         "Shim tiles (row 0) have no data memory, so buffers placed there fail as soon as a core "
                         "uses them.") },
        { FixWorkflowId::Variant32, QStringLiteral("variant-32x32"), QStringLiteral("Option 2: the 32x32 variant"),
          QStringLiteral("Smaller single-tile kernels get group 1 from the compiler."),
          QStringLiteral("Group IDs come from aiecc's fixed kernel signature, not from sizes: the 32x32 build has the "
                         "same group IDs as the 64x64 one.") },
        { FixWorkflowId::Tiled, QStringLiteral("tiled"), QStringLiteral("Option 3: tiled workaround"),
          QStringLiteral("Compute attention as 2x2 tiles of 32x32 with the working matmul kernel."),
          QStringLiteral("The guide's tiling is not attention: each output tile sees half the keys and half of every "
                         "dot product. Exact tiling needs an online softmax.") },
        { FixWorkflowId::CpuFallback, QStringLiteral("cpu-fallback"), QStringLiteral("Option 4: CPU fallback"),
          QStringLiteral("Fall back to attention on the CPU and report the bug to AMD."),
          QStringLiteral("The CPU gives the reference answer; the report belongs upstream only when the evidence "
                         "points at the compiler, not at the host's call.") },
        { FixWorkflowId::HostFix, QStringLiteral("host-fix"), QStringLiteral("Corrected host binding"),
          QStringLiteral("(not in the guide)"),
          QStringLiteral("What the real case needed: call kernel(3, instr_bo, n_words, bo0, bo1) with each BO "
                         "allocated in group_id of the index it is passed at.") },
        { FixWorkflowId::DesignFix, QStringLiteral("design-fix"), QStringLiteral("Corrected design"),
          QStringLiteral("(not in the guide)"),
          QStringLiteral("For a defect in the design or the xclbin itself: buffers moved off the shim tile, or a "
                         "buffer argument's memory connection restored in the aiecc inputs and repackaged.") },
    };
}

QJsonObject WorkflowOutcome::toJson() const
{
    QJsonArray list;
    for (const VerificationRow& r : rows)
        list.append(r.toJson());
    return { { QStringLiteral("rebuild"), rebuild.toJson() },
             { QStringLiteral("before"), before.toJson() },
             { QStringLiteral("after"), after.toJson() },
             { QStringLiteral("rows"), list },
             { QStringLiteral("conclusion"), conclusion } };
}

WorkflowOutcome FixWorkflows::verify(FixWorkflowId id, const QString& beforeXclbin, const QString& beforeInstructions,
                                     const CheckOptions& beforeOptions, const RebuildResult& rebuild,
                                     const CheckOptions& afterOptions, const CancelToken& token)
{
    WorkflowOutcome outcome;
    outcome.rebuild = rebuild;
    outcome.before = WorkflowVerification::check(beforeXclbin, beforeInstructions, beforeOptions, token);
    if (rebuild.ok())
        outcome.after = WorkflowVerification::check(rebuild.xclbin, rebuild.instructions, afterOptions, token);
    else
        outcome.after.error = rebuild.sentence;
    outcome.rows = WorkflowVerification::compare(outcome.before, outcome.after);
    outcome.conclusion = conclusion(id, outcome.before, outcome.after, rebuild);
    return outcome;
}

FixWorkflowInfo FixWorkflows::info(FixWorkflowId id)
{
    for (const FixWorkflowInfo& i : all()) {
        if (i.id == id)
            return i;
    }
    return all().first();
}

QString FixWorkflows::conclusion(FixWorkflowId id, const BuildCheck& before, const BuildCheck& after,
                                 const RebuildResult& rebuild)
{
    if (!rebuild.ok())
        return QStringLiteral("Not verified: %1").arg(rebuild.sentence);
    if (!before.error.isEmpty() || !after.error.isEmpty())
        return QStringLiteral("Not verified: %1").arg(!before.error.isEmpty() ? before.error : after.error);
    const bool same = WorkflowVerification::sameGroupIds(before, after);
    // A repackage of corrected aiecc inputs is the whole rebuild; one that stands in for aiecc says so (its notes).
    const QString how = rebuild.kind == RebuildResult::Kind::Recompiled ? QStringLiteral("recompiled with aiecc")
        : rebuild.notes.isEmpty()
        ? QStringLiteral("repackaged from the corrected aiecc inputs")
        : QStringLiteral("repackaged from the aiecc inputs (not recompiled: the design edit itself was not compiled)");
    switch (id) {
    case FixWorkflowId::SymNames:
        return same
            ? QStringLiteral("XRT sees the same group IDs after adding sym_name (%1): the names change nothing "
                             "XRT checks.")
                  .arg(how)
            : QStringLiteral("The group IDs differ after adding sym_name (%1): see the rows that changed.").arg(how);
    case FixWorkflowId::Variant32:
        return same ? QStringLiteral("The 32x32 build has the same group IDs as the 64x64 one (%1): size never chose "
                                     "a bank.")
                          .arg(how)
                    : QStringLiteral("The 32x32 build's group IDs differ from the 64x64 ones (%1).").arg(how);
    case FixWorkflowId::DesignFix: {
        const int invalidBefore = before.groups && before.groups->hasInvalid() ? 1 : 0;
        const int invalidAfter = after.groups && after.groups->hasInvalid() ? 1 : 0;
        if (invalidBefore && !invalidAfter)
            return QStringLiteral("The corrected build connects every buffer argument (%1): the xclbin defect is gone.")
                .arg(how);
        return QStringLiteral("Rebuilt the corrected design (%1); compare the rows below.").arg(how);
    }
    case FixWorkflowId::HostFix: {
        const int errorsBefore = before.binding ? before.binding->count(Severity::Error) : -1;
        const int errorsAfter = after.binding ? after.binding->count(Severity::Error) : -1;
        QString run;
        if (after.run) {
            run = after.run->succeeded()
                ? QStringLiteral(" and the vectors' run passes its checklist")
                : QStringLiteral(" but the vectors' run still fails its checklist (%1)").arg(after.run->state);
        }
        return QStringLiteral("The corrected call has %1 binding error(s), the host's own call had %2%3; the xclbin "
                              "is unchanged (a host fix needs no rebuild).")
            .arg(errorsAfter)
            .arg(errorsBefore)
            .arg(run);
    }
    case FixWorkflowId::Tiled:
    case FixWorkflowId::CpuFallback: break;
    }
    return QStringLiteral("Verified (%1).").arg(how);
}

HostFixPlan FixWorkflows::planHostFix(const QString& xclbinPath, const QString& instructionsPath,
                                      const QString& hostProgram)
{
    HostFixPlan plan;
    const XclbinLoadResult loaded = XclbinReader::load(xclbinPath);
    if (!loaded.ok()) {
        plan.error = loaded.error ? loaded.error->message() : QStringLiteral("%1: cannot be read").arg(xclbinPath);
        return plan;
    }
    QString error;
    const std::optional<BindingPlan> hostPlan = HostProgramReader::read(hostProgram, &error);
    if (!hostPlan) {
        plan.error = error;
        return plan;
    }
    plan.callBefore = hostPlan->toQuick();
    BindingCheckOptions options;
    std::optional<BindingInstructions> instructions;
    if (!instructionsPath.isEmpty())
        instructions = BindingInstructions::load(instructionsPath);
    options.instructions = instructions;
    const BindingReport report = BindingChecker::check(*loaded.xclbin, *hostPlan, options);
    const HostProgramFix fix = HostProgramFix::prepare(*loaded.xclbin, *hostPlan, report, instructions);
    if (!fix.isValid()) {
        plan.error = fix.error();
        return plan;
    }
    if (!fix.changesFile()) {
        plan.error = QStringLiteral("%1: the call needs no correction against %2").arg(hostProgram, xclbinPath);
        return plan;
    }
    const QFileInfo info(hostProgram);
    const QString suggested
        = info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral("_fixed.") + info.suffix());
    plan.edit = FileEdit(info.absoluteFilePath(), fix.originalText(), fix.patchedText(), fix.changes(), suggested);
    return plan;
}

WorkflowOutcome FixWorkflows::verifyHostFix(const QString& xclbinPath, const QString& instructionsPath,
                                            const QString& callBefore, const QString& fixedProgram,
                                            const CheckOptions& options, const CancelToken& token)
{
    WorkflowOutcome outcome;
    outcome.rebuild.kind = RebuildResult::Kind::Unchanged;
    outcome.rebuild.xclbin = xclbinPath;
    outcome.rebuild.instructions = instructionsPath;
    outcome.rebuild.sentence = QStringLiteral("Not rebuilt: a host fix leaves the xclbin as it is.");
    CheckOptions before = options;
    before.call = callBefore;
    outcome.before = WorkflowVerification::check(xclbinPath, instructionsPath, before, token);
    QString error;
    const std::optional<BindingPlan> fixed = HostProgramReader::read(fixedProgram, &error);
    if (!fixed) {
        outcome.after.error = error;
    } else {
        CheckOptions after = options;
        after.call = fixed->toQuick();
        outcome.after = WorkflowVerification::check(xclbinPath, instructionsPath, after, token);
    }
    outcome.rows = WorkflowVerification::compare(outcome.before, outcome.after);
    outcome.rows.prepend({ QStringLiteral("call"), callBefore, outcome.after.call,
                           callBefore == outcome.after.call ? QStringLiteral("same") : QStringLiteral("changed") });
    outcome.conclusion = conclusion(FixWorkflowId::HostFix, outcome.before, outcome.after, outcome.rebuild);
    return outcome;
}

DesignFixPlan FixWorkflows::planDesignFix(const QString& designPath, const XclbinPtr& build,
                                          const QString& projectFolder)
{
    DesignFixPlan plan;
    QStringList checked;
    if (!designPath.isEmpty()) {
        const std::optional<MlirDesign> design = MlirDesign::read(designPath, &plan.reason);
        if (design) {
            bool onShim = false;
            for (const MlirDesignChecker::Finding& f : MlirDesignChecker::check(*design))
                onShim = onShim || f.code == QLatin1String("buffer-on-shim");
            if (onShim) {
                plan.kind = DesignFixPlan::Kind::DesignEdit;
                plan.edit = DesignEdits::fromFile(designPath, &DesignEdits::moveShimBuffersToCompute);
                return plan;
            }
            checked << QStringLiteral("the design has no buffer on a shim tile");
        }
    }
    if (build) {
        bool invalid = false;
        for (const KernelGroups& k : ArgumentGroups::computeAll(*build))
            invalid = invalid || k.hasInvalid();
        if (invalid) {
            QString error;
            const std::optional<RepackageInputs> inputs = RepackageInputs::find(projectFolder, &error);
            if (!inputs) {
                plan.reason = QStringLiteral("the xclbin has a buffer argument without usable connectivity, but its "
                                             "aiecc inputs were not found (%1)")
                                  .arg(error);
                return plan;
            }
            plan.kind = DesignFixPlan::Kind::AieccInputsEdit;
            plan.projectFolder = projectFolder;
            plan.edit = DesignEdits::fromFile(inputs->kernels, &DesignEdits::restoreConnectivity);
            const QString target
                = QDir(correctedFolderFor(projectFolder)).filePath(QFileInfo(inputs->kernels).fileName());
            plan.edit = FileEdit(plan.edit.sourcePath(), plan.edit.originalText(), plan.edit.editedText(),
                                 plan.edit.changes(), target);
            return plan;
        }
        checked
            << QStringLiteral("every buffer argument of %1 is connected").arg(QFileInfo(build->filePath).fileName());
    }
    if (plan.reason.isEmpty()) {
        plan.reason = checked.isEmpty()
            ? QStringLiteral("no design and no build were given")
            : QStringLiteral("no design defect found: %1").arg(checked.join(QStringLiteral("; ")));
    }
    return plan;
}

bool FixWorkflows::copyProjectInputs(const QString& folder, const QString& target, QString* error,
                                     const QString& except)
{
    const QDir from(folder);
    if (!QDir().mkpath(target)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(target);
        return false;
    }
    for (const QString& name : from.entryList({ QStringLiteral("*.json"), QStringLiteral("*.pdi") }, QDir::Files)) {
        if (name == except)
            continue;
        const QString to = QDir(target).filePath(name);
        QFile::remove(to);
        if (!QFile::copy(from.filePath(name), to)) {
            if (error)
                *error = QStringLiteral("cannot copy %1 to %2").arg(from.filePath(name), to);
            return false;
        }
    }
    return true;
}

QString FixWorkflows::correctedFolderFor(const QString& folder)
{
    return QDir::cleanPath(folder) + QStringLiteral("-corrected");
}

} // namespace xi
