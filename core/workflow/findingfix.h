// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindingchecker.h"
#include "groups/argumentgroups.h"
#include "mlir/mlirdesignchecker.h"
#include "util/severity.h"

#include <QJsonObject>
#include <QString>

namespace xi {

// What it takes to make a finding go away.
enum class FixKind {
    None, // nothing to fix: information
    Host, // change the host program (the call, the BOs' groups, the instruction count); no rebuild
    Design, // change the design or its aiecc inputs, then rebuild (recompile, or repackage for the JSON inputs)
    Unknown, // the tool cannot tell: something it needs is missing (named in the reason)
};

// Where a finding comes from: the binding checker, the xclbin's own verdict on an argument, the MLIR checker.
enum class FindingSource { Binding, ArgumentVerdict, Mlir };

struct FixAdvice {
    FixKind kind = FixKind::None;
    QString action; // "apply-host-fix", "correct-design", "repackage", "recompile", "resolve", "none"
    QString actionLabel; // what the button that does it says: "Apply fix to host program"
    QString reason; // one sentence: why this kind of fix

    bool needsRebuild() const { return kind == FixKind::Design; }
    static QString kindName(FixKind kind); // "none", "host", "design-rebuild", "unknown"
    QString kindLabel() const; // "host fix", "design fix (rebuild)", ...
    QJsonObject toJson() const; // {"kind", "action", "action_label", "reason"}
};

// What a finding's fix depends on besides its code.
struct FindingContext {
    Severity severity = Severity::Info;
    // The xclbin's own verdict of the argument the finding is about, when known.
    const ArgumentGroup* argument = nullptr;
    Convention convention = Convention::Other;
};

// The one mapping from a finding to the fix it needs. A defect inside the xclbin (a buffer argument with no
// connectivity) is a design fix even when the binding checker reports it at the host's call: no group the host
// chooses can work on that file.
class FindingFix {
public:
    static FixAdvice classify(FindingSource source, const QString& code, const FindingContext& context = {});

    static FixAdvice forBinding(const BindingFinding& finding, const KernelGroups* groups);
    static FixAdvice forArgument(const ArgumentGroup& argument, Convention convention);
    static FixAdvice forMlir(const MlirDesignChecker::Finding& finding);
};

} // namespace xi
