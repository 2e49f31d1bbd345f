// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionrun.h"
#include "binding/bindingchecker.h"
#include "mlir/mlirdesign.h"
#include "runner/runresult.h"
#include "workflow/toolchaindetection.h"
#include "xclbin/xclbin.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace xi {

// Everything a bug report can say, each part optional: what is missing is reported as unknown, never guessed.
struct BugReportInput {
    XclbinPtr xclbin;
    QString instructionsPath;
    QString designPath;
    std::optional<MlirDesign> design;
    std::optional<BindingReport> binding;
    QString callSource; // where the checked call comes from ("test.py", "the call every mlir-aie host makes")
    std::optional<RunResult> xrtRun; // a run through XRT (noop or a device): version, device, XRT's own messages
    QList<AttentionRun> runs;
    std::optional<ToolchainStatus> toolchain; // the mlir-aie version
    QString firmware; // empty = unknown
};

// Where the evidence points.
struct BugReportAssessment {
    enum class Target {
        Host, // the host program's call: fix it, there is nothing to report upstream
        Build, // the xclbin itself (its connectivity): the compiler or the packaging
        Nothing, // the runs succeeded
        Unknown, // no defect found and the runs failed, or too little evidence
    };
    Target target = Target::Unknown;
    QString headline; // one plain sentence
    QStringList reasons;
    static QString targetName(Target target); // "host", "build", "nothing", "unknown"
};

// The seed guide's upstream report filled from real data, as Markdown to copy or save: NPU and column count, XRT
// version and build, firmware if known, mlir-aie version, the argument table, the bindings, XRT's messages, the
// instruction-stream summary and run results, and an assessment that says plainly when the evidence points at the
// host rather than the compiler.
class BugReport {
public:
    static BugReportAssessment assess(const BugReportInput& input);
    static QString title(const BugReportInput& input);
    static QString markdown(const BugReportInput& input);
    // "npu1 (Phoenix / Hawk Point)" from a device name of the design; empty when unknown.
    static QString npuDescription(const QString& device);
};

} // namespace xi
