// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/workflowverification.h"

#include "binding/instructionfilelocator.h"
#include "xclbin/xclbinreader.h"

#include <QJsonArray>

#include <functional>
#include <initializer_list>
#include <utility>

namespace xi {

namespace {

QString groupText(const KernelGroups& groups, int index)
{
    const ArgumentGroup* a = groups.argument(index);
    if (!a)
        return QStringLiteral("(no argument)");
    return QStringLiteral("%1 %2 (%3)").arg(a->argument.name, a->groupId.hex(), verdictName(a->verdict));
}

QString runText(const std::optional<AttentionRun>& run, const std::function<QString(const AttentionRun&)>& field)
{
    return run ? field(*run) : QStringLiteral("(not run)");
}

QString verdictOf(const QString& before, const QString& after)
{
    return before == after ? QStringLiteral("same") : QStringLiteral("changed");
}

// Fewer is better (errors, warnings).
QString countVerdict(int before, int after)
{
    if (before == after)
        return QStringLiteral("same");
    return after < before ? QStringLiteral("fixed") : QStringLiteral("worse");
}

// "fixed" when the value rose by more than the tolerance, "worse" when it fell, else "same" (-1 = no value).
QString betterOrWorse(double before, double after, double tolerance)
{
    if (after > before + tolerance)
        return QStringLiteral("fixed");
    if (after < before - tolerance)
        return QStringLiteral("worse");
    return QStringLiteral("same");
}

double correlationOf(const AttentionRun& r)
{
    return r.hasOutput() && r.metrics.correlationDefined() ? r.metrics.correlation : -1.0;
}

} // namespace

QJsonObject BuildCheck::toJson() const
{
    QJsonArray groupIds;
    if (groups) {
        for (const ArgumentGroup& a : groups->arguments) {
            groupIds.append(QJsonObject { { QStringLiteral("index"), a.index },
                                          { QStringLiteral("name"), a.argument.name },
                                          { QStringLiteral("group_id"), a.groupId.hex() },
                                          { QStringLiteral("verdict"), verdictName(a.verdict) } });
        }
    }
    return { { QStringLiteral("xclbin"), xclbinPath },
             { QStringLiteral("instructions"), instructionsPath },
             { QStringLiteral("call"), call },
             { QStringLiteral("error"), error },
             { QStringLiteral("group_ids"), groupIds },
             { QStringLiteral("binding_errors"), binding ? binding->count(Severity::Error) : -1 },
             { QStringLiteral("run"), run ? run->toJson() : QJsonObject() },
             { QStringLiteral("exercised"), QJsonArray::fromStringList(exercised) },
             { QStringLiteral("not_exercised"), QJsonArray::fromStringList(notExercised) } };
}

QJsonObject VerificationRow::toJson() const
{
    return { { QStringLiteral("aspect"), aspect },
             { QStringLiteral("before"), before },
             { QStringLiteral("after"), after },
             { QStringLiteral("verdict"), verdict } };
}

BuildCheck WorkflowVerification::check(const QString& xclbinPath, const QString& instructionsPath,
                                       const CheckOptions& options, const CancelToken& token)
{
    BuildCheck c;
    c.xclbinPath = xclbinPath;
    c.instructionsPath = instructionsPath.isEmpty() ? InstructionFileLocator::findNextTo(xclbinPath) : instructionsPath;
    c.call = options.call.isEmpty() ? AttentionBackend::defaultCall(options.seq, options.dim) : options.call;
    const XclbinLoadResult loaded = XclbinReader::load(xclbinPath);
    if (!loaded.ok()) {
        c.error = loaded.error ? loaded.error->message() : QStringLiteral("%1: cannot be read").arg(xclbinPath);
        c.notExercised << QStringLiteral("everything: the xclbin could not be read");
        return c;
    }
    c.xclbin = loaded.xclbin;
    c.exercised << QStringLiteral("reloaded %1").arg(xclbinPath);
    QString planError;
    std::optional<BindingPlan> plan = BindingPlan::parseQuick(c.call, &planError);
    const Kernel* kernel = plan && !plan->kernelName.isEmpty() ? c.xclbin->kernel(plan->kernelName)
                                                               : BindingChecker::defaultKernel(*c.xclbin);
    if (kernel) {
        c.groups = ArgumentGroups::compute(*c.xclbin, *kernel);
        c.exercised << QStringLiteral("group IDs of %1 (first hardware context)").arg(kernel->name);
    } else {
        c.notExercised << QStringLiteral("group IDs: the xclbin has no kernel");
    }
    if (!plan) {
        c.notExercised << QStringLiteral("binding and run: the call \"%1\" cannot be read (%2)").arg(c.call, planError);
        return c;
    }
    BindingCheckOptions bindingOptions;
    if (!c.instructionsPath.isEmpty())
        bindingOptions.instructions = BindingInstructions::load(c.instructionsPath);
    c.binding = BindingChecker::check(*c.xclbin, *plan, bindingOptions);
    c.exercised << QStringLiteral("binding of %1").arg(c.call);
    if (!options.run) {
        c.notExercised << QStringLiteral("the vectors were not run");
        return c;
    }
    if (token.isCancelled()) {
        c.notExercised << QStringLiteral("the run: cancelled");
        return c;
    }
    AttentionRunOptions run;
    run.xclbinPath = xclbinPath;
    run.backend = options.backend;
    run.vectors = TestVectors::random(options.seq, options.dim, options.seed);
    run.call = c.call;
    run.instructionFile = c.instructionsPath;
    run.cliPath = options.cliPath;
    c.run = AttentionBackend::run(run, token);
    c.exercised << QStringLiteral("%1 vectors on the %2 backend (%3)")
                       .arg(run.vectors.description, AttentionBackend::name(options.backend),
                            AttentionBackend::describe(options.backend));
    if (options.backend != AttentionBackendKind::Xrt)
        c.notExercised << QStringLiteral("a real NPU: the %1 backend stands in for it")
                              .arg(AttentionBackend::name(options.backend));
    return c;
}

QList<VerificationRow> WorkflowVerification::compare(const BuildCheck& before, const BuildCheck& after)
{
    QList<VerificationRow> rows;
    auto add = [&rows](const QString& aspect, const QString& b, const QString& a, const QString& verdict) {
        rows.append({ aspect, b, a, verdict });
    };
    add(QStringLiteral("xclbin"), before.error.isEmpty() ? before.xclbinPath : before.error,
        after.error.isEmpty() ? after.xclbinPath : after.error,
        before.error.isEmpty() && after.error.isEmpty() ? QStringLiteral("reloaded") : QStringLiteral("unknown"));
    if (before.groups && after.groups) {
        int count = 0;
        for (const ArgumentGroup& a : before.groups->arguments)
            count = qMax(count, a.index + 1);
        for (const ArgumentGroup& a : after.groups->arguments)
            count = qMax(count, a.index + 1);
        for (int i = 0; i < count; ++i) {
            const QString b = groupText(*before.groups, i);
            const QString a = groupText(*after.groups, i);
            QString verdict = verdictOf(b, a);
            const ArgumentGroup* was = before.groups->argument(i);
            const ArgumentGroup* is = after.groups->argument(i);
            if (was && is && was->verdict == Verdict::Invalid && is->verdict == Verdict::Valid)
                verdict = QStringLiteral("fixed");
            else if (was && is && was->verdict == Verdict::Valid && is->verdict == Verdict::Invalid)
                verdict = QStringLiteral("worse");
            add(QStringLiteral("group_id(%1)").arg(i), b, a, verdict);
        }
    } else {
        add(QStringLiteral("group IDs"), before.groups ? QStringLiteral("known") : QStringLiteral("unknown"),
            after.groups ? QStringLiteral("known") : QStringLiteral("unknown"), QStringLiteral("unknown"));
    }
    if (before.binding && after.binding) {
        const int be = before.binding->count(Severity::Error);
        const int ae = after.binding->count(Severity::Error);
        add(QStringLiteral("binding errors"), QString::number(be), QString::number(ae), countVerdict(be, ae));
        const int bw = int(before.binding->predictedTexts().size());
        const int aw = int(after.binding->predictedTexts().size());
        add(QStringLiteral("XRT connectivity warnings predicted"), QString::number(bw), QString::number(aw),
            countVerdict(bw, aw));
    }
    QString stateVerdict
        = before.run && after.run ? verdictOf(before.run->state, after.run->state) : QStringLiteral("unknown");
    if (stateVerdict == QLatin1String("changed")) {
        stateVerdict = after.run->state == QLatin1String("COMPLETED") ? QStringLiteral("fixed")
            : before.run->state == QLatin1String("COMPLETED")         ? QStringLiteral("worse")
                                                                      : stateVerdict;
    }
    add(QStringLiteral("run state"), runText(before.run, [](const AttentionRun& r) { return r.state; }),
        runText(after.run, [](const AttentionRun& r) { return r.state; }), stateVerdict);
    auto nonzero = [](const AttentionRun& r) {
        return r.hasOutput() ? QStringLiteral("%1/%2").arg(r.metrics.nonzero).arg(r.metrics.total)
                             : QStringLiteral("no output");
    };
    auto range = [](const AttentionRun& r) {
        return r.hasOutput() ? QStringLiteral("[%1, %2]").arg(r.metrics.min).arg(r.metrics.max)
                             : QStringLiteral("no output");
    };
    auto correlation = [](const AttentionRun& r) {
        return r.hasOutput() && r.metrics.correlationDefined() ? QString::number(r.metrics.correlation, 'f', 3)
                                                               : QStringLiteral("undefined");
    };
    auto time = [](const AttentionRun& r) { return QStringLiteral("%1 ms").arg(r.timings.totalMs, 0, 'f', 2); };
    auto succeeded
        = [](const AttentionRun& r) { return r.succeeded() ? QStringLiteral("passed") : QStringLiteral("failed"); };
    for (const auto& [aspect, field] :
         std::initializer_list<std::pair<QString, std::function<QString(const AttentionRun&)>>> {
             { QStringLiteral("non-zero outputs"), nonzero },
             { QStringLiteral("output range"), range },
             { QStringLiteral("correlation to float attention"), correlation },
             { QStringLiteral("checklist"), succeeded },
             { QStringLiteral("run time"), time } }) {
        const QString b = runText(before.run, field);
        const QString a = runText(after.run, field);
        QString verdict = before.run && after.run ? verdictOf(b, a) : QStringLiteral("unknown");
        if (aspect == QLatin1String("checklist") && b != a)
            verdict = a == QLatin1String("passed") ? QStringLiteral("fixed") : QStringLiteral("worse");
        if (aspect == QLatin1String("non-zero outputs") && verdict == QLatin1String("changed")) {
            // As fractions: builds of different sizes (64x64 against 32x32) compare fairly.
            verdict = betterOrWorse(before.run->hasOutput() ? before.run->metrics.nonzeroFraction() : 0.0,
                                    after.run->hasOutput() ? after.run->metrics.nonzeroFraction() : 0.0, 0.05);
        }
        if (aspect == QLatin1String("correlation to float attention") && verdict == QLatin1String("changed"))
            verdict = betterOrWorse(correlationOf(*before.run), correlationOf(*after.run), 0.005);
        if (aspect == QLatin1String("run time") && verdict == QLatin1String("changed"))
            verdict = QStringLiteral("same"); // timings always differ a little: not a change of the build
        add(aspect, b, a, verdict);
    }
    return rows;
}

bool WorkflowVerification::sameGroupIds(const BuildCheck& before, const BuildCheck& after)
{
    if (!before.groups || !after.groups || before.groups->arguments.size() != after.groups->arguments.size())
        return false;
    for (qsizetype i = 0; i < before.groups->arguments.size(); ++i) {
        if (before.groups->arguments[i].groupId.raw != after.groups->arguments[i].groupId.raw)
            return false;
    }
    return true;
}

} // namespace xi
