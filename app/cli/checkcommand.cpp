// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkcommand.h"

#include "binding/bindingchecker.h"
#include "binding/instructionfilelocator.h"
#include "cliutil.h"
#include "hostprogram/hostprogramcheck.h"
#include "hostprogram/hostprogramfix.h"
#include "hostprogram/hostprogramreader.h"
#include "runner/noopcrosscheck.h"
#include "runner/xrtrunner.h"
#include "util/safefilewriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace xi::cli {

namespace {

struct CheckInput {
    XclbinPtr xclbin;
    std::optional<HostProgram> program; // with --host
    BindingPlan plan; // the call the program is judged by (the worst of several), or the --call plan
    qsizetype callIndex = 0; // its place among the program's calls
    std::optional<HostProgramVerdict> verdict; // with --host: every call judged (HostProgramCheck)
    BindingCheckOptions options;
    InstructionFileChoice instructions; // which instruction file, and why
};

// What XRT's noop device printed for the plan, compared with the checker's prediction (NoopCrossCheck: the same
// rule as the Binding view).
struct NoopRun {
    RunResult result;
    NoopComparison comparison;
    QStringList notes;
};

NoopRun runNoop(const CheckInput& in, const BindingReport& report, const QString& xclbinPath)
{
    NoopRun run;
    const RunRequest request = NoopCrossCheck::request(in.plan, report, xclbinPath, in.instructions.path, &run.notes);
    XrtRunnerOptions options;
    options.cliPath = QCoreApplication::applicationFilePath();
    run.result = XrtRunner::runBlocking(request, options);
    run.comparison = NoopCrossCheck::compare(report, run.result);
    return run;
}

void printNoop(QTextStream& out, const NoopRun& run)
{
    const RunResult& r = run.result;
    out << "\nXRT " << (r.xrtVersion.isEmpty() ? QStringLiteral("(version unknown)") : r.xrtVersion)
        << " on the noop device printed:\n";
    if (!r.messagesCaptured)
        out << "  (its messages could not be captured)\n";
    else if (r.messages.isEmpty())
        out << "  nothing\n";
    for (const XrtMessage& m : r.messages)
        out << "  " << m.level << ": " << m.text << "\n";
    for (const QString& note : run.notes)
        out << "  note: " << note << "\n";
    out << "  run: " << (r.error.isEmpty() ? r.runStateName() : r.error) << "\n";
    if (!r.errorDetail.isEmpty())
        out << "  XRT said: " << r.errorDetail << "\n";
    if (!run.comparison.checkRan)
        out << "  XRT's argument check did not run: nothing to compare with the prediction\n";
    else
        out << "  " << (run.comparison.matches ? "matches the prediction" : "DIFFERS from the prediction") << "\n";
}

QJsonObject noopJson(const NoopRun& run)
{
    const RunResult& r = run.result;
    QJsonArray messages;
    for (const QString& t : r.messageTexts())
        messages.append(t);
    return QJsonObject {
        { QLatin1String("xrt_version"), r.xrtVersion },
        { QLatin1String("xrt_messages"), messages },
        { QLatin1String("xrt_messages_captured"), r.messagesCaptured },
        { QLatin1String("run_state"), r.runStateName() },
        { QLatin1String("error"), r.error },
        { QLatin1String("error_detail"), r.errorDetail },
        { QLatin1String("notes"), QJsonArray::fromStringList(run.notes) },
        { QLatin1String("matches_prediction"), run.comparison.matches },
        { QLatin1String("comparison"), run.comparison.toJson() },
    };
}

int exitCode(BindingStatus status)
{
    switch (status) {
    case BindingStatus::Error: return ExitCheckFailed;
    case BindingStatus::Unresolved: return ExitUnresolved;
    default: return ExitOk;
    }
}

void printUnresolved(QTextStream& out, const QList<UnresolvedItem>& items)
{
    const QJsonArray list = BindingReport::unresolvedJson(items);
    for (const auto& v : list) {
        const QJsonObject o = v.toObject();
        const QJsonValue line = o.value(QLatin1String("line"));
        out << "  " << (line.isNull() ? QStringLiteral("(no line)") : QStringLiteral("line %1").arg(line.toInt()))
            << ": " << o.value(QLatin1String("what")).toString() << "\n";
    }
}

QString severityColumn(Severity s)
{
    return severityName(s).leftJustified(8);
}

void printFindings(QTextStream& out, const BindingReport& r)
{
    if (r.findings.isEmpty())
        out << "  none\n";
    for (const BindingFinding& f : r.findings) {
        const QString arg = f.argument >= 0 ? QStringLiteral("arg %1").arg(f.argument) : QStringLiteral("call");
        const QString line = f.location.isValid() ? QStringLiteral("line %1: ").arg(f.location.line) : QString();
        out << "  " << severityColumn(f.severity) << arg.leftJustified(7) << f.code.leftJustified(22) << line
            << f.message << "\n";
    }
}

QString countsLine(const BindingReport& r)
{
    return QStringLiteral("%1 error(s), %2 warning(s), %3 note(s)")
        .arg(r.count(Severity::Error))
        .arg(r.count(Severity::Warning))
        .arg(r.count(Severity::Info));
}

// --fix [--dry-run]: rewrites the host program with the corrected call (keeping PROGRAM.bak), or only shows
// the diff, then checks the result again. Exit 0 when the fixed program has no error finding.
// The same call of the fixed program: a fix edits calls and may add lines before one, but never adds or removes a
// call, so the call keeps its place in source order.
BindingPlan sameCall(const HostProgram& program, qsizetype index)
{
    return program.calls.value(index, program.calls.first());
}

int fixProgram(CliContext& ctx, const CheckInput& in, const BindingReport& report, bool dryRun)
{
    if (report.status == BindingStatus::Unresolved) {
        ctx.err << "check: " << in.plan.sourceFile
                << ": not fixed: the call could not be followed, and a fix is never built from guesses:\n";
        printUnresolved(ctx.err, report.unresolved);
        return ExitUnresolved;
    }
    const HostProgramFix fix = HostProgramFix::prepare(*in.xclbin, in.plan, report, in.options.instructions);
    if (!fix.isValid()) {
        ctx.err << "check: " << fix.error() << "\n";
        return ExitCheckFailed;
    }
    QTextStream& out = ctx.out;
    if (!fix.changesFile()) {
        out << fix.path() << ": nothing to fix (" << countsLine(report) << ")\n";
        return report.hasErrors() ? ExitCheckFailed : ExitOk;
    }
    out << "Fix for " << fix.path() << " (" << countsLine(report) << "):\n";
    for (const QString& c : fix.changes())
        out << "  " << c << "\n";
    out << "\n" << fix.diff();
    BindingPlan fixed;
    if (dryRun) {
        HostLanguage language = HostLanguage::Python;
        hostLanguageFromPath(fix.path(), &language);
        fixed = sameCall(HostProgramReader::parseProgram(fix.patchedText(), language, fix.path()), in.callIndex);
        out << "\nDry run: " << fix.path() << " not written.\n";
    } else {
        QString error;
        if (!fix.apply(&error)) {
            ctx.err << "check: " << error << "\n";
            return ExitCheckFailed;
        }
        out << "\nWrote " << fix.path() << " (the original kept as " << SafeFileWriter::backupPath(fix.path()) << ")\n";
        const auto program = HostProgramReader::readProgram(fix.path(), &error);
        if (!program) {
            ctx.err << "check: " << error << "\n";
            return ExitBadInput;
        }
        fixed = sameCall(*program, in.callIndex);
    }
    if (!in.plan.kernelName.isEmpty())
        fixed.kernelName = in.plan.kernelName;
    const BindingReport again = BindingChecker::check(*in.xclbin, fixed, in.options);
    out << "\nFindings after the fix" << (dryRun ? " (of the text above)" : "") << ":\n";
    printFindings(out, again);
    out << "\n" << countsLine(again) << "\n";
    return again.hasErrors() ? ExitCheckFailed : ExitOk;
}

void printHuman(QTextStream& out, const CheckInput& in, const BindingReport& r)
{
    if (r.status == BindingStatus::Unresolved) {
        out << "Kernel " << r.kernelName << " in " << in.xclbin->filePath << "\n";
        if (!in.plan.sourceFile.isEmpty()) {
            out << "Host program: " << in.plan.sourceFile
                << (in.plan.call.isValid() ? QStringLiteral(", call at line %1").arg(in.plan.call.line) : QString())
                << "\n";
        }
        out << "\nUnresolved: the call could not be followed, so nothing is judged from guesses:\n";
        printUnresolved(out, r.unresolved);
        return;
    }
    out << "Kernel " << r.kernelName << " (" << conventionName(r.convention) << " convention) in "
        << in.xclbin->filePath << "\n";
    out << "Group IDs for " << r.slot.describe() << "\n";
    if (!in.plan.sourceFile.isEmpty()) {
        out << "Host program: " << in.plan.sourceFile
            << (in.plan.call.isValid() ? QStringLiteral(", call at line %1").arg(in.plan.call.line) : QString())
            << "\n";
    }
    if (!in.plan.sourceFile.isEmpty() && !in.plan.callText.isEmpty())
        out << "Call: " << in.plan.callText << "\n";
    out << "Plan: " << r.planQuick << "\n";
    if (in.options.instructions) {
        out << "Instructions: " << in.options.instructions->path << " (" << in.instructions.sourceName() << ", "
            << in.options.instructions->formatName() << ", " << in.options.instructions->wordCount() << " words)\n";
    } else {
        out << "Instructions: " << in.instructions.describe() << "\n";
    }
    out << "\nFindings:\n";
    printFindings(out, r);
    auto printWarnings = [&out, &r](const QString& title, const QList<PredictedXrtWarning>& list) {
        out << "\nXRT warnings predicted for " << title << ":\n";
        if (list.isEmpty())
            out << "  none\n";
        for (const PredictedXrtWarning& w : list)
            out << "  " << (w.exception ? QStringLiteral("throws std::out_of_range: ") : QString()) << w.text << "\n";
        Q_UNUSED(r);
    };
    if (r.slot.legacyXrt213) {
        printWarnings(QStringLiteral("XRT 2.13 (bank -1 style)"), r.predictedWarningsXrt213);
        printWarnings(QStringLiteral("slot-aware XRT, slot 1"), r.predictedWarningsSlotAware);
    } else {
        printWarnings(QStringLiteral("slot-aware XRT, ") + r.slot.describe(), r.predictedWarningsSlotAware);
        printWarnings(QStringLiteral("XRT 2.13 (bank -1 style)"), r.predictedWarningsXrt213);
    }
    out << "\nCorrected call (Python, pyxrt):\n";
    for (const QString& l : r.correctedPython.split(QLatin1Char('\n')))
        out << "  " << l << "\n";
    out << "\nCorrected call (C++):\n";
    for (const QString& l : r.correctedCpp.split(QLatin1Char('\n')))
        out << "  " << l << "\n";
    out << "\n" << countsLine(r) << "\n";
}

QJsonObject instructionsJson(const InstructionFileChoice& choice, const std::optional<BindingInstructions>& loaded)
{
    QJsonObject instructions { { QLatin1String("source"), choice.sourceName() },
                               { QLatin1String("note"), choice.describe() } };
    if (!choice.named.isEmpty())
        instructions[QLatin1String("named")] = choice.named;
    if (loaded) {
        instructions[QLatin1String("path")] = loaded->path;
        instructions[QLatin1String("format")] = loaded->formatName();
        instructions[QLatin1String("words")] = loaded->wordCount();
    }
    return instructions;
}

// --host: every call of the program, the worst speaking for it (HostProgramCheck: the same rule as the Binding view
// and the report).
int checkProgram(CliContext& ctx, const CheckInput& in, bool json)
{
    const HostProgramVerdict& v = *in.verdict;
    if (json) {
        QJsonObject o = v.toJson();
        o[QLatin1String("xclbin")] = in.xclbin->filePath;
        o[QLatin1String("instructions")] = instructionsJson(v.worstCall().instructions, v.worstCall().loaded);
        printJson(ctx, o);
        return exitCode(v.status);
    }
    QTextStream& out = ctx.out;
    for (int i = 0; i < v.calls.size(); ++i) {
        const HostProgramVerdict::Call& c = v.calls.at(i);
        if (v.calls.size() > 1) {
            out << (i ? "\n" : "") << "=== Call " << i + 1 << " of " << v.calls.size() << " (line " << c.plan.call.line
                << ", kernel " << c.report.kernelName << ", hardware context "
                << (c.plan.hwContext >= 0 ? QString::number(c.plan.hwContext) : QStringLiteral("none seen"))
                << ", slot " << c.plan.predictedSlot << "): " << bindingStatusName(c.report.status) << " ===\n";
        }
        CheckInput one = in;
        one.plan = c.plan;
        one.instructions = c.instructions;
        one.options.instructions = c.loaded;
        printHuman(out, one, c.report);
    }
    for (const BindingFinding& f : v.programFindings)
        out << "\n" << severityName(f.severity) << ": " << f.code << ": " << f.message << "\n";
    out << "\nFlow: " << (v.flow.isEmpty() ? QStringLiteral("unknown") : v.flow) << "\n";
    out << "Verdict: " << bindingStatusName(v.status) << "\n";
    return exitCode(v.status);
}

} // namespace

QString CheckCommand::name() const
{
    return QStringLiteral("check");
}

QString CheckCommand::summary() const
{
    return QStringLiteral("check how a host program binds buffers to a kernel's arguments");
}

QString CheckCommand::usage() const
{
    return QStringLiteral(
        "Usage: xclbin-inspector-cli check FILE.xclbin (--host PROGRAM.py|PROGRAM.cpp | --call PLAN) [options]\n\n"
        "Checks what the host passes at each XRT argument index against the kernel's arguments and memory\n"
        "connectivity: BOs at scalar indices, scalars at buffer indices, BOs in unconnected banks, BOs allocated\n"
        "with a scalar's group ID, a missing instruction buffer, an instruction count that does not match the\n"
        "instruction file, an opcode other than 3, too many buffers, the old and new conventions mixed. Prints\n"
        "the warnings XRT will print and the corrected call.\n\n"
        "PLAN, one item per XRT argument index, separated by commas:\n"
        "  3, 0x10        a scalar             ninstr / nbytes  the instruction file's word / byte count\n"
        "  bo:N           a BO allocated with kernel.group_id(N) (host_only)\n"
        "  instr:N        the instruction BO allocated with kernel.group_id(N) (cacheable)\n"
        "  bo@G           a BO allocated with the raw group number G (65536, 0x10000, -1)\n"
        "  - or _         nothing passed\n"
        "  options:       bo:4[out,size=4096,flags=cacheable,name=out_bo,file=in.bin]\n"
        "  e.g. the seed guide's kernel(instr_bo, len(insts), 0, input_bo, output_bo): \"instr:1, nbytes, 0, bo:3, "
        "bo:4\"\n\n"
        "Options:\n"
        "  --host FILE     read the plan from a pyxrt (.py) or XRT C++ (.cpp) host program\n"
        "  --call PLAN     the plan typed by hand\n"
        "  --insts FILE    the instruction stream (binary u32 words or hex text lines); default: the one the\n"
        "                  host program names, else <xclbin name>.insts.bin or .seq next to the xclbin\n"
        "  --kernel NAME   the kernel (default: the one the host program names, else the first)\n"
        "  --slot N        hardware-context slot for slot-aware group IDs (default 1)\n"
        "  --xrt213        predict for XRT 2.13 (no slots, -1 for scalars)\n"
        "  --xrt-noop      also run the plan through XRT's noop device (a child process) and show what XRT\n"
        "                  printed next to the prediction (JSON: xrt_messages, xrt_noop)\n"
        "  --json          print JSON: kernel, findings, predicted_xrt_warnings, corrected_call, plan\n"
        "  --fix           with --host: put the corrected call (and corrected BO groups) into the program,\n"
        "                  keeping the original as PROGRAM.bak, then check it again; refused when the file\n"
        "                  changed while it was being checked\n"
        "  --dry-run       with --fix: print the diff and the findings it would leave, write nothing\n\n"
        "With --host every kernel call of the program is checked (JSON: status, flow, calls, unresolved).\n\n"
        "Exit codes: 0 no error finding (with --fix: after the fix), 1 at least one error finding or a fix\n"
        "refused, 2 unreadable input, 3 unresolved (the program could not be followed: no verdict from\n"
        "guesses), 64 usage.\n");
}

int CheckCommand::run(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("xclbin"), QString());
    p.addOptions({
        { QStringLiteral("host"), QString(), QStringLiteral("file") },
        { QStringLiteral("call"), QString(), QStringLiteral("plan") },
        { QStringLiteral("insts"), QString(), QStringLiteral("file") },
        { QStringLiteral("kernel"), QString(), QStringLiteral("name") },
        { QStringLiteral("json"), QString() },
        { QStringLiteral("xrt-noop"), QString() },
        { QStringLiteral("fix"), QString() },
        { QStringLiteral("dry-run"), QString() },
    });
    addSlotOptions(p);
    if (!parseOptions(p, *this, args, ctx, 1, 1))
        return ExitUsage;
    if (p.isSet(QStringLiteral("host")) == p.isSet(QStringLiteral("call")))
        return usageError(*this, ctx, QStringLiteral("give either --host PROGRAM or --call PLAN"));
    const bool fix = p.isSet(QStringLiteral("fix"));
    if (fix && !p.isSet(QStringLiteral("host")))
        return usageError(*this, ctx, QStringLiteral("--fix needs --host PROGRAM"));
    if (fix && (p.isSet(QStringLiteral("json")) || p.isSet(QStringLiteral("xrt-noop"))))
        return usageError(*this, ctx, QStringLiteral("--fix prints text; run --json or --xrt-noop after fixing"));
    if (p.isSet(QStringLiteral("dry-run")) && !fix)
        return usageError(*this, ctx, QStringLiteral("--dry-run goes with --fix"));
    const QStringList pos = p.positionalArguments();
    CheckInput in;
    QString error;
    const std::optional<SlotMode> mode = slotMode(p, &error);
    if (!mode)
        return usageError(*this, ctx, error);
    in.options.slot = *mode;

    if (p.isSet(QStringLiteral("call"))) {
        auto plan = BindingPlan::parseQuick(p.value(QStringLiteral("call")), &error);
        if (!plan) {
            return usageError(*this, ctx, QStringLiteral("--call: ") + error);
        }
        in.plan = *plan;
    } else {
        in.program = HostProgramReader::readProgram(p.value(QStringLiteral("host")), &error);
        if (!in.program) {
            ctx.err << "check: " << error << "\n";
            return ExitBadInput;
        }
        if (p.isSet(QStringLiteral("kernel"))) {
            for (BindingPlan& call : in.program->calls)
                call.kernelName = p.value(QStringLiteral("kernel"));
        }
        in.plan = in.program->calls.first();
    }
    if (p.isSet(QStringLiteral("kernel")))
        in.plan.kernelName = p.value(QStringLiteral("kernel"));

    in.xclbin = loadXclbin(pos.first(), ctx);
    if (!in.xclbin)
        return ExitBadInput;
    // The program is judged once; --fix and --xrt-noop act on the call it is judged by (the worst of several), as
    // the Binding view imports it.
    if (in.program) {
        in.verdict = HostProgramCheck::check(*in.xclbin, *in.program, in.options, p.value(QStringLiteral("insts")),
                                             !p.isSet(QStringLiteral("slot")));
        in.callIndex = in.verdict->worst;
        in.plan = in.program->calls.at(in.callIndex);
    }

    in.instructions = InstructionFileLocator::locate(p.value(QStringLiteral("insts")), in.plan, pos.first());
    if (in.instructions.found()) {
        in.options.instructions = BindingInstructions::load(in.instructions.path, &error);
        if (!in.options.instructions) {
            ctx.err << "check: " << error << "\n";
            return ExitBadInput;
        }
    }

    const BindingReport report = BindingChecker::check(*in.xclbin, in.plan, in.options);
    if (fix)
        return fixProgram(ctx, in, report, p.isSet(QStringLiteral("dry-run")));
    if (in.program && !p.isSet(QStringLiteral("xrt-noop")))
        return checkProgram(ctx, in, p.isSet(QStringLiteral("json")));
    std::optional<NoopRun> noop;
    if (p.isSet(QStringLiteral("xrt-noop")))
        noop = runNoop(in, report, pos.first());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o = report.toJson();
        if (noop) {
            const QJsonObject n = noopJson(*noop);
            o[QLatin1String("xrt_messages")] = n.value(QLatin1String("xrt_messages"));
            o[QLatin1String("xrt_noop")] = n;
        }
        o[QLatin1String("xclbin")] = in.xclbin->filePath;
        QJsonObject instructions { { QLatin1String("source"), in.instructions.sourceName() },
                                   { QLatin1String("note"), in.instructions.describe() } };
        if (!in.instructions.named.isEmpty())
            instructions[QLatin1String("named")] = in.instructions.named;
        if (in.options.instructions) {
            instructions[QLatin1String("path")] = in.options.instructions->path;
            instructions[QLatin1String("format")] = in.options.instructions->formatName();
            instructions[QLatin1String("words")] = in.options.instructions->wordCount();
        }
        o[QLatin1String("instructions")] = instructions;
        o[QLatin1String("binding_plan")] = in.plan.toJson();
        printJson(ctx, o);
    } else {
        printHuman(ctx.out, in, report);
        if (noop)
            printNoop(ctx.out, *noop);
    }
    return exitCode(report.status);
}

} // namespace xi::cli
