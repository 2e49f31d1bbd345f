// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mlir/mlirdesignchecker.h"
#include "workflow/fileedit.h"
#include "workflow/rebuild.h"
#include "workflow/workflowverification.h"
#include "xclbin/xclbin.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace xi {

// The seed guide's four options and the two fixes the real case needed, as guided workflows.
enum class FixWorkflowId { SymNames, Variant32, Tiled, CpuFallback, HostFix, DesignFix };

struct FixWorkflowInfo {
    FixWorkflowId id;
    QString key; // "sym-names", "variant-32x32", "tiled", "cpu-fallback", "host-fix", "design-fix"
    QString title;
    QString guideSays; // what the seed guide claims
    QString truth; // what really happens (docs/domain.md section 6)
};

// The corrected design a workflow offers for what is wrong: an edit of the .mlir design, an edit of the aiecc
// inputs (main_kernels.json, then repackage), or nothing with the reason.
struct DesignFixPlan {
    enum class Kind { DesignEdit, AieccInputsEdit, Nothing };
    Kind kind = Kind::Nothing;
    FileEdit edit;
    QString projectFolder; // AieccInputsEdit: the folder whose main_kernels.json is corrected
    QString reason;
};

// What a workflow's verification found: the rebuild, both builds as checked, the rows and the conclusion.
struct WorkflowOutcome {
    RebuildResult rebuild;
    BuildCheck before;
    BuildCheck after;
    QList<VerificationRow> rows;
    QString conclusion;
    QJsonObject toJson() const;
};

// The corrected host program: the binding checker's correction applied to the host's own call (HostProgramFix),
// as an edit to write to a new file or after a backup.
struct HostFixPlan {
    FileEdit edit;
    QString callBefore; // the host's call in quick form, as read from the program
    QString error; // why no fix can be prepared
};

class FixWorkflows {
public:
    static QList<FixWorkflowInfo> all();
    static FixWorkflowInfo info(FixWorkflowId id);

    // What the verification shows, in one or two plain sentences, for a workflow that edits and rebuilds.
    static QString conclusion(FixWorkflowId id, const BuildCheck& before, const BuildCheck& after,
                              const RebuildResult& rebuild);
    // The verification every edit-and-rebuild workflow ends with: the build before the edit and the rebuilt one,
    // each reloaded, its group IDs, the binding and the vectors' run, then before/after. Blocks.
    static WorkflowOutcome verify(FixWorkflowId id, const QString& beforeXclbin, const QString& beforeInstructions,
                                  const CheckOptions& beforeOptions, const RebuildResult& rebuild,
                                  const CheckOptions& afterOptions, const CancelToken& token = {});
    static HostFixPlan planHostFix(const QString& xclbinPath, const QString& instructionsPath,
                                   const QString& hostProgram);
    // The host fix's verification: the same xclbin, the call as it was against the call read from the fixed program.
    static WorkflowOutcome verifyHostFix(const QString& xclbinPath, const QString& instructionsPath,
                                         const QString& callBefore, const QString& fixedProgram,
                                         const CheckOptions& options, const CancelToken& token = {});
    // Buffers on a shim tile: the design edit; else an xclbin argument with no connectivity and a project folder:
    // the aiecc inputs edit; else nothing (the reason names what was checked).
    static DesignFixPlan planDesignFix(const QString& designPath, const XclbinPtr& build, const QString& projectFolder);
    // Copies an aiecc project folder's inputs (JSON files and PDIs) into `target` (created), for an edit on a copy;
    // `except` (a file name) is left out: the edit writes it.
    static bool copyProjectInputs(const QString& folder, const QString& target, QString* error,
                                  const QString& except = {});
    // The folder an edited copy of a project's inputs goes to: <folder>-corrected.
    static QString correctedFolderFor(const QString& folder);
};

} // namespace xi
