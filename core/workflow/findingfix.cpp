// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/findingfix.h"

namespace xi {

namespace {

FixAdvice none(const QString& reason)
{
    return { FixKind::None, QStringLiteral("none"), {}, reason };
}

FixAdvice host(const QString& reason)
{
    return { FixKind::Host, QStringLiteral("apply-host-fix"), QStringLiteral("Apply fix to host program"), reason };
}

FixAdvice design(const QString& action, const QString& reason)
{
    const QString label = action == QLatin1String("repackage")
        ? QStringLiteral("Correct the aiecc inputs and repackage")
        : action == QLatin1String("recompile") ? QStringLiteral("Recompile")
                                               : QStringLiteral("Correct the design and recompile");
    return { FixKind::Design, action, label, reason };
}

FixAdvice unknown(const QString& reason)
{
    return { FixKind::Unknown, QStringLiteral("resolve"), QStringLiteral("Give what is missing"), reason };
}

bool argumentBroken(const FindingContext& context)
{
    return context.argument && context.argument->argument.isBuffer() && context.argument->verdict == Verdict::Invalid;
}

FixAdvice classifyBinding(const QString& code, const FindingContext& context)
{
    if (code == QLatin1String("kernel-chosen"))
        return none(QStringLiteral("Information about which kernel was checked."));
    if (code == QLatin1String("unresolved"))
        return unknown(QStringLiteral("A value of the call could not be resolved; give it (or the instruction file) "
                                      "to decide the fix."));
    if (code == QLatin1String("missing-argument") && context.severity == Severity::Info)
        return none(QStringLiteral("Nothing is passed where the design uses no buffer: fine."));
    if (code == QLatin1String("zero-for-unused-buffer"))
        return none(QStringLiteral("0 is passed for a buffer slot the design does not use: fine."));
    if (code == QLatin1String("no-connectivity-check") || code == QLatin1String("helper-layer")
        || code == QLatin1String("hw-context-slot") || code == QLatin1String("group-from-other-context"))
        return none(QStringLiteral("Information about how the call reaches the NPU; nothing to change."));
    if (code == QLatin1String("insts-file-missing")) {
        return unknown(QStringLiteral("The instruction file the program names is not there: give it (--insts) to run "
                                      "the checks that need it."));
    }
    if (code == QLatin1String("too-many-hw-contexts")) {
        return host(QStringLiteral("The program makes more hardware contexts than the NPU keeps: reuse one context "
                                   "per xclbin, or release contexts before making new ones. No rebuild is needed."));
    }
    if (code == QLatin1String("too-many-buffers")) {
        return design(QStringLiteral("correct-design"),
                      QStringLiteral("The design needs more host buffers than the five bo slots (XRT arguments 3..7): "
                                     "pack buffers together in the design's runtime sequence and rebuild."));
    }
    const bool aboutConnectivity = code == QLatin1String("bank-not-connected")
        || code == QLatin1String("bank-out-of-range") || code == QLatin1String("scalar-at-buffer")
        || code == QLatin1String("bo-from-scalar-group");
    if (aboutConnectivity && argumentBroken(context)) {
        return design(QStringLiteral("repackage"),
                      QStringLiteral("Argument %1 (%2) has no usable connectivity in this xclbin, so no group the "
                                     "host allocates with can match it: restore its memory-connection in the aiecc "
                                     "inputs and repackage, or recompile with aiecc.")
                          .arg(context.argument->index)
                          .arg(context.argument->argument.name));
    }
    if (code == QLatin1String("legacy-convention-mix") || code == QLatin1String("bo-at-scalar")
        || code == QLatin1String("scalar-at-buffer") || code == QLatin1String("bank-not-connected")
        || code == QLatin1String("bank-out-of-range") || code == QLatin1String("bo-from-scalar-group")
        || code == QLatin1String("bad-group-index") || code == QLatin1String("slot-mismatch")
        || code == QLatin1String("missing-instr") || code == QLatin1String("ninstr-mismatch")
        || code == QLatin1String("opcode-not-3") || code == QLatin1String("too-many-arguments")
        || code == QLatin1String("missing-argument") || code == QLatin1String("instr-not-cacheable")
        || code == QLatin1String("instr-bo-too-small") || code == QLatin1String("no-kernel")
        || code == QLatin1String("argument-not-passed") || code == QLatin1String("buffer-too-small"))
        return host(QStringLiteral("The xclbin is fine here; the host's call (its arguments, BO groups or instruction "
                                   "count) has to change. No rebuild is needed."));
    return unknown(QStringLiteral("No fix is known for the finding code '%1'.").arg(code));
}

FixAdvice classifyArgument(const QString& verdict, const FindingContext& context)
{
    if (verdict == QLatin1String("valid") || verdict == QLatin1String("scalar"))
        return none(QStringLiteral("The argument is connected as aiecc connects it."));
    if (verdict == QLatin1String("invalid")) {
        return design(
            QStringLiteral("repackage"),
            QStringLiteral("The xclbin itself is wrong here (no or no usable connectivity): no host change can "
                           "fix it. Restore the argument's memory-connection in main_kernels.json and "
                           "repackage, or recompile: aiecc connects bo0..bo4 to HOST and instr to SRAM."));
    }
    if (verdict == QLatin1String("warning") && context.convention == Convention::Legacy)
        return host(QStringLiteral("The kernel uses the old convention (instr, ninstr, buffers from index 2): call it "
                                   "that way, or rebuild with a current aiecc to get the opcode convention."));
    if (verdict == QLatin1String("warning")) {
        return design(QStringLiteral("repackage"),
                      QStringLiteral("The connection differs from what aiecc writes; correct the aiecc inputs and "
                                     "repackage (or recompile) if the host cannot allocate in that bank."));
    }
    return unknown(QStringLiteral("Unknown verdict '%1'.").arg(verdict));
}

FixAdvice classifyMlir(const QString& code)
{
    if (code == QLatin1String("buffer-on-shim")) {
        return design(QStringLiteral("correct-design"),
                      QStringLiteral("Shim tiles have no data memory: move the buffer to a compute or mem tile (or "
                                     "move the data with an object FIFO) and recompile."));
    }
    if (code == QLatin1String("too-many-host-buffers")) {
        return design(QStringLiteral("correct-design"),
                      QStringLiteral("Only bo0..bo4 exist: pack host buffers together in the runtime sequence and "
                                     "recompile; the host then passes at most five."));
    }
    if (code == QLatin1String("buffer-too-large")) {
        return design(QStringLiteral("correct-design"),
                      QStringLiteral("The tile's data memory is too small: shrink or split the buffers (or move "
                                     "them to a mem tile) and recompile."));
    }
    if (code == QLatin1String("no-runtime-sequence"))
        return unknown(QStringLiteral("Without a runtime sequence the host buffers cannot be mapped to XRT arguments, "
                                      "so no fix can be named."));
    if (code == QLatin1String("host-arguments") || code == QLatin1String("attributes-not-groups"))
        return none(QStringLiteral("Information about how the design maps to XRT arguments."));
    return unknown(QStringLiteral("No fix is known for the finding code '%1'.").arg(code));
}

} // namespace

QString FixAdvice::kindName(FixKind kind)
{
    switch (kind) {
    case FixKind::None: return QStringLiteral("none");
    case FixKind::Host: return QStringLiteral("host");
    case FixKind::Design: return QStringLiteral("design-rebuild");
    case FixKind::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

QString FixAdvice::kindLabel() const
{
    switch (kind) {
    case FixKind::None: return QStringLiteral("no fix needed");
    case FixKind::Host: return QStringLiteral("host fix");
    case FixKind::Design: return QStringLiteral("design fix (rebuild)");
    case FixKind::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

QJsonObject FixAdvice::toJson() const
{
    return { { QStringLiteral("kind"), kindName(kind) },
             { QStringLiteral("action"), action },
             { QStringLiteral("action_label"), actionLabel },
             { QStringLiteral("reason"), reason } };
}

FixAdvice FindingFix::classify(FindingSource source, const QString& code, const FindingContext& context)
{
    switch (source) {
    case FindingSource::Binding: return classifyBinding(code, context);
    case FindingSource::ArgumentVerdict: return classifyArgument(code, context);
    case FindingSource::Mlir: return classifyMlir(code);
    }
    return unknown(code);
}

FixAdvice FindingFix::forBinding(const BindingFinding& finding, const KernelGroups* groups)
{
    FindingContext context;
    context.severity = finding.severity;
    if (groups) {
        context.convention = groups->convention;
        context.argument = groups->argument(finding.argument);
    }
    return classify(FindingSource::Binding, finding.code, context);
}

FixAdvice FindingFix::forArgument(const ArgumentGroup& argument, Convention convention)
{
    FindingContext context;
    context.argument = &argument;
    context.convention = convention;
    return classify(FindingSource::ArgumentVerdict, verdictName(argument.verdict), context);
}

FixAdvice FindingFix::forMlir(const MlirDesignChecker::Finding& finding)
{
    FindingContext context;
    context.severity = finding.severity;
    return classify(FindingSource::Mlir, finding.code, context);
}

} // namespace xi
