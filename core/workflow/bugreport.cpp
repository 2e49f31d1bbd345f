// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/bugreport.h"

#include "attention/successchecklist.h"
#include "binding/bindinginstructions.h"
#include "groups/argumentgroups.h"
#include "util/buildconfig.h"
#include "util/textformat.h"
#include "workflow/findingfix.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace xi {

namespace {

QString cell(QString text)
{
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

QString row(const QStringList& cells)
{
    QStringList escaped;
    for (const QString& c : cells)
        escaped << cell(c);
    return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

QString header(const QStringList& cells)
{
    QStringList rule;
    for (qsizetype i = 0; i < cells.size(); ++i)
        rule << QStringLiteral("---");
    return row(cells) + QStringLiteral("|") + rule.join(QLatin1Char('|')) + QStringLiteral("|\n");
}

std::optional<KernelGroups> kernelGroups(const BugReportInput& in)
{
    if (!in.xclbin)
        return std::nullopt;
    const Kernel* kernel = in.binding && !in.binding->kernelName.isEmpty() ? in.xclbin->kernel(in.binding->kernelName)
                                                                           : BindingChecker::defaultKernel(*in.xclbin);
    if (!kernel)
        return std::nullopt;
    return ArgumentGroups::compute(*in.xclbin, *kernel);
}

QStringList xrtMessages(const BugReportInput& in)
{
    QStringList out;
    if (in.xrtRun)
        out << in.xrtRun->messageTexts();
    for (const AttentionRun& r : in.runs) {
        for (const QString& m : r.xrtMessages)
            if (!out.contains(m))
                out << m;
    }
    return out;
}

int columnCount(const BugReportInput& in, QString* source)
{
    if (in.design) {
        static const QRegularExpression cols(QStringLiteral("_(\\d+)col$"));
        const QRegularExpressionMatch m = cols.match(in.design->device);
        if (m.hasMatch()) {
            *source = QStringLiteral("the design's aie.device(%1)").arg(in.design->device);
            return m.captured(1).toInt();
        }
    }
    if (in.xclbin && in.xclbin->aiePartition) {
        *source = QStringLiteral("the xclbin's AIE_PARTITION column width");
        return in.xclbin->aiePartition->columnWidth;
    }
    return 0;
}

} // namespace

QString BugReportAssessment::targetName(Target target)
{
    switch (target) {
    case Target::Host: return QStringLiteral("host");
    case Target::Build: return QStringLiteral("build");
    case Target::Nothing: return QStringLiteral("nothing");
    case Target::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

QString BugReport::npuDescription(const QString& device)
{
    if (device.startsWith(QLatin1String("npu1")) || device == QLatin1String("ipu"))
        return QStringLiteral("%1 (Phoenix / Hawk Point, AIE2)").arg(device);
    if (device.startsWith(QLatin1String("npu2")))
        return QStringLiteral("%1 (Strix / Krackan, AIE2P)").arg(device);
    return device;
}

BugReportAssessment BugReport::assess(const BugReportInput& in)
{
    BugReportAssessment a;
    const std::optional<KernelGroups> groups = kernelGroups(in);
    if (groups) {
        for (const ArgumentGroup& arg : groups->arguments) {
            if (arg.argument.isBuffer() && arg.verdict == Verdict::Invalid) {
                a.reasons << QStringLiteral("argument %1 (%2) of %3: %4")
                                 .arg(arg.index)
                                 .arg(arg.argument.name, groups->kernelName, arg.reason);
            }
        }
        if (!a.reasons.isEmpty()) {
            a.target = BugReportAssessment::Target::Build;
            a.headline
                = QStringLiteral("The xclbin itself is wrong: a buffer argument has no usable memory connectivity. "
                                 "This is a build problem (aiecc's inputs or the packaging), not the host's.");
            return a;
        }
    }
    if (in.binding) {
        for (const BindingFinding& f : in.binding->findings) {
            if (f.severity != Severity::Error)
                continue;
            const FixAdvice fix = FindingFix::forBinding(f, groups ? &*groups : nullptr);
            if (fix.kind == FixKind::Host)
                a.reasons << QStringLiteral("%1: %2").arg(f.code, f.message);
        }
    }
    QList<int> cloned;
    if (in.xrtRun)
        cloned = in.xrtRun->clonedArguments();
    for (const QString& m : xrtMessages(in)) {
        if (SuccessChecklist::isBankWarning(m) && a.reasons.size() < 20)
            a.reasons << QStringLiteral("XRT said: %1").arg(m.simplified());
    }
    for (int arg : cloned) {
        a.reasons << QStringLiteral("XRT ran the kernel on a copy of the BO passed at argument %1, and never copies it "
                                    "back")
                         .arg(arg);
    }
    if (!a.reasons.isEmpty()) {
        a.target = BugReportAssessment::Target::Host;
        QString groupsNote;
        if (groups && !groups->hasInvalid())
            groupsNote = QStringLiteral(" The xclbin's group IDs are the ones aiecc writes for every design (a group "
                                        "of 0x2xxxx is the second hardware context, not a broken bank).");
        a.headline = QStringLiteral("The evidence points at the host program, not the compiler: its call passes "
                                    "arguments XRT cannot use as given. Fix the call first; as it stands this is not "
                                    "a compiler bug.")
            + groupsNote;
        return a;
    }
    if (!in.runs.isEmpty()) {
        const bool allOk
            = std::all_of(in.runs.cbegin(), in.runs.cend(), [](const AttentionRun& r) { return r.succeeded(); });
        a.target = allOk ? BugReportAssessment::Target::Nothing : BugReportAssessment::Target::Unknown;
        a.headline = allOk
            ? QStringLiteral("The runs succeeded and no host or xclbin defect was found: there is nothing "
                             "to report.")
            : QStringLiteral("No host or xclbin defect was found, yet a run failed: the failure is not "
                             "explained by the binding. Report it with this evidence.");
        for (const AttentionRun& r : in.runs)
            if (!r.succeeded())
                a.reasons << QStringLiteral("%1 run: %2 %3").arg(r.backend, r.state, r.error);
        return a;
    }
    a.target = BugReportAssessment::Target::Unknown;
    a.headline
        = QStringLiteral("No defect found in what was given, and no run: run the test vectors before reporting.");
    return a;
}

QString BugReport::title(const BugReportInput& in)
{
    const BugReportAssessment a = assess(in);
    const std::optional<KernelGroups> groups = kernelGroups(in);
    const QString kernel = groups ? groups->kernelName : QStringLiteral("kernel");
    const QString npu = in.design && !in.design->device.isEmpty() ? in.design->device : QStringLiteral("NPU");
    switch (a.target) {
    case BugReportAssessment::Target::Build:
        return QStringLiteral("%1 (%2): a buffer argument has no memory connectivity in the xclbin").arg(kernel, npu);
    case BugReportAssessment::Target::Host:
        return QStringLiteral("[draft, not for upstream] %1 (%2): the host's call is wrong").arg(kernel, npu);
    case BugReportAssessment::Target::Nothing:
        return QStringLiteral("%1 (%2): runs succeed, nothing to report").arg(kernel, npu);
    case BugReportAssessment::Target::Unknown: break;
    }
    if (in.runs.isEmpty())
        return QStringLiteral("%1 (%2): not enough evidence yet (no run)").arg(kernel, npu);
    return QStringLiteral("%1 (%2): run fails with a correct binding").arg(kernel, npu);
}

QString BugReport::markdown(const BugReportInput& in)
{
    const BugReportAssessment a = assess(in);
    const std::optional<KernelGroups> groups = kernelGroups(in);
    QString md = QStringLiteral("# %1\n\n").arg(title(in));
    md += QStringLiteral("**Assessment (%1):** %2\n\n").arg(BugReportAssessment::targetName(a.target), a.headline);
    for (const QString& r : a.reasons)
        md += QStringLiteral("- %1\n").arg(r);
    if (!a.reasons.isEmpty())
        md += QLatin1Char('\n');

    md += QStringLiteral("## Environment\n\n")
        + header({ QStringLiteral("what"), QStringLiteral("value"), QStringLiteral("source") });
    const QString device = in.design ? in.design->device : QString();
    QString npu = device.isEmpty() ? QStringLiteral("unknown") : npuDescription(device);
    QString npuSource
        = device.isEmpty() ? QStringLiteral("no design given") : QStringLiteral("the design's aie.device");
    if (in.xrtRun && in.xrtRun->device.found && !in.xrtRun->device.name.isEmpty()) {
        npu += QStringLiteral("; XRT device: %1").arg(in.xrtRun->device.name);
        npuSource += QStringLiteral(", XRT");
    } else if (in.xrtRun && !in.xrtRun->device.found) {
        npuSource += QStringLiteral("; no NPU device was opened (%1)")
                         .arg(in.xrtRun->device.message.isEmpty() ? QStringLiteral("noop device or none")
                                                                  : in.xrtRun->device.message);
    }
    md += row({ QStringLiteral("NPU"), npu, npuSource });
    QString columnSource;
    const int columns = columnCount(in, &columnSource);
    md += row({ QStringLiteral("columns"), columns ? QString::number(columns) : QStringLiteral("unknown"),
                columns ? columnSource : QStringLiteral("no design or AIE_PARTITION") });
    if (in.xrtRun && !in.xrtRun->xrtVersion.isEmpty())
        md += row({ QStringLiteral("XRT"), in.xrtRun->xrtVersion, in.xrtRun->xrtVersionSource });
    else
        md += row({ QStringLiteral("XRT"), QStringLiteral(XI_XRT_VERSION),
                    QStringLiteral("the headers this tool was built with (no XRT run given)") });
    md += row({ QStringLiteral("XRT build"), QStringLiteral("unknown"),
                QStringLiteral("not reported by the runtime log; `xrt-smi examine` prints it") });
    md += row({ QStringLiteral("firmware"), in.firmware.isEmpty() ? QStringLiteral("unknown") : in.firmware,
                in.firmware.isEmpty() ? QStringLiteral("no NPU device was queried; `xrt-smi examine` prints it")
                                      : QStringLiteral("given") });
    QString mlirAie = QStringLiteral("unknown");
    QString mlirAieSource = QStringLiteral("no toolchain detected");
    if (in.toolchain) {
        mlirAie = in.toolchain->mlirAieVersion.isEmpty() ? QStringLiteral("unknown") : in.toolchain->mlirAieVersion;
        mlirAieSource = in.toolchain->aiecc ? QStringLiteral("`%1 --version`").arg(in.toolchain->aiecc->display())
                                            : QStringLiteral("aiecc not found");
    }
    md += row({ QStringLiteral("mlir-aie"), mlirAie, mlirAieSource });
    if (in.xclbin) {
        md += row({ QStringLiteral("xclbin"), QFileInfo(in.xclbin->filePath).fileName(),
                    QStringLiteral("UUID %1, xclbinutil format %2")
                        .arg(uuidText(in.xclbin->header.xclbinUuid), in.xclbin->header.version()) });
    }
    if (!in.designPath.isEmpty())
        md += row({ QStringLiteral("design"), QFileInfo(in.designPath).fileName(), in.designPath });
    md += QLatin1Char('\n');

    md += QStringLiteral("## Kernel arguments and group IDs (first hardware context)\n\n");
    if (groups) {
        md += QStringLiteral("Kernel `%1`, %2 convention.\n\n")
                  .arg(groups->kernelName, conventionName(groups->convention));
        md += header({ QStringLiteral("#"), QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("memory"),
                       QStringLiteral("group_id"), QStringLiteral("verdict"), QStringLiteral("fix") });
        for (const ArgumentGroup& arg : groups->arguments) {
            const FixAdvice fix = FindingFix::forArgument(arg, groups->convention);
            md += row({ QString::number(arg.index), arg.argument.name, arg.argument.addressQualifierName(),
                        arg.memoryTags.isEmpty() ? QStringLiteral("-") : arg.memoryTags.join(QStringLiteral(", ")),
                        QStringLiteral("%1 (%2)").arg(arg.groupId.hex(), arg.groupId.decimal()),
                        verdictName(arg.verdict), fix.kind == FixKind::None ? QStringLiteral("-") : fix.kindLabel() });
        }
    } else {
        md += QStringLiteral("No xclbin given (or it has no kernel): the arguments are unknown.\n");
    }
    md += QLatin1Char('\n');

    md += QStringLiteral("## Host binding\n\n");
    if (in.binding) {
        md += QStringLiteral("Checked call: `%1`%2\n\n")
                  .arg(in.binding->planQuick,
                       in.callSource.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(in.callSource));
        md += header({ QStringLiteral("severity"), QStringLiteral("argument"), QStringLiteral("code"),
                       QStringLiteral("fix"), QStringLiteral("where"), QStringLiteral("finding") });
        for (const BindingFinding& f : in.binding->findings) {
            const FixAdvice fix = FindingFix::forBinding(f, groups ? &*groups : nullptr);
            md += row({ severityName(f.severity), f.argument >= 0 ? QString::number(f.argument) : QStringLiteral("-"),
                        f.code, fix.kindLabel(), f.location.describe(), f.message });
        }
        if (in.binding->findings.isEmpty())
            md += row({ QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"),
                        QStringLiteral("-"), QStringLiteral("no finding") });
        if (!in.binding->correctedPython.isEmpty())
            md += QStringLiteral("\nCorrected call (Python):\n\n```python\n%1\n```\n").arg(in.binding->correctedPython);
    } else {
        md += QStringLiteral("No host binding was checked.\n");
    }
    md += QLatin1Char('\n');

    md += QStringLiteral("## XRT's messages\n\n");
    const QStringList messages = xrtMessages(in);
    if (messages.isEmpty()) {
        md += in.xrtRun || !in.runs.isEmpty()
            ? QStringLiteral("XRT printed no message.\n")
            : QStringLiteral("Nothing was run through XRT: its messages are unknown.\n");
    } else {
        md += QStringLiteral("```\n%1\n```\n").arg(messages.join(QLatin1Char('\n')));
    }
    md += QLatin1Char('\n');

    md += QStringLiteral("## Instruction stream\n\n");
    if (in.instructionsPath.isEmpty()) {
        md += QStringLiteral("No instruction file given.\n");
    } else {
        QString error;
        const std::optional<BindingInstructions> insts = BindingInstructions::load(in.instructionsPath, &error);
        if (!insts) {
            md += QStringLiteral("%1\n").arg(error);
        } else {
            md += header({ QStringLiteral("file"), QStringLiteral("format"), QStringLiteral("words (ninstr)"),
                           QStringLiteral("bytes"), QStringLiteral("first word") });
            md += row({ QFileInfo(insts->path).fileName(), insts->formatName(), QString::number(insts->wordCount()),
                        QString::number(insts->byteCount()),
                        insts->words.isEmpty()
                            ? QStringLiteral("-")
                            : QString(hexUpper(insts->words.first())
                                      + (insts->isMlirAieStream() ? QStringLiteral(" (mlir-aie TXN)") : QString())) });
        }
    }
    md += QLatin1Char('\n');

    md += QStringLiteral("## Runs\n\n");
    if (in.runs.isEmpty()) {
        md += QStringLiteral("No test vectors were run.\n");
    } else {
        md += header({ QStringLiteral("backend"), QStringLiteral("call"), QStringLiteral("state"),
                       QStringLiteral("non-zero"), QStringLiteral("range"), QStringLiteral("correlation"),
                       QStringLiteral("time") });
        for (const AttentionRun& r : in.runs) {
            md += row({ r.backend, r.call, r.state.isEmpty() ? QStringLiteral("did not run") : r.state,
                        r.hasOutput() ? QStringLiteral("%1/%2").arg(r.metrics.nonzero).arg(r.metrics.total)
                                      : QStringLiteral("no output"),
                        r.hasOutput() ? QStringLiteral("[%1, %2]").arg(r.metrics.min).arg(r.metrics.max)
                                      : QStringLiteral("-"),
                        r.hasOutput() && r.metrics.correlationDefined() ? QString::number(r.metrics.correlation, 'f', 3)
                                                                        : QStringLiteral("undefined"),
                        QStringLiteral("%1 ms").arg(r.timings.totalMs, 0, 'f', 2) });
        }
        md += QStringLiteral("\nBackends other than `xrt` do not use an NPU: `cpu` is our kernel built for the host, "
                             "`xrt-noop` and `emulated` run XRT's real argument checks on its no-hardware device.\n");
    }
    return md;
}

} // namespace xi
