// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostprogram/hostprogramcheck.h"

#include "summary/streamsummary.h"

#include <QJsonArray>

namespace xi {

namespace {

// What the instruction stream the program names moves per XRT argument, against what the call passes there: a buffer
// the stream uses must be passed, and be as large as what the stream touches.
void checkAgainstStream(const Xclbin& xclbin, HostProgramVerdict::Call& c)
{
    // Only the stream the program itself loads: sizes are compared with the program's own buffers, and a stream given
    // by hand may come from another build.
    if (!c.loaded || c.instructions.source != InstructionFileChoice::Source::NamedByHost
        || c.report.status == BindingStatus::Unresolved || !c.plan.connectivityChecked())
        return;
    const Kernel* kernel = xclbin.kernel(c.report.kernelName);
    const StreamSummary stream = StreamSummary::read(c.loaded->path, xclbin, kernel);
    if (!stream.readable())
        return;
    for (const StreamMove& m : stream.moves) {
        const ArgBinding* a = c.plan.argument(int(m.xrtArgument));
        const QString what = m.text();
        if (!a || a->isNone() || (a->isScalar() && a->scalarValue == 0)) {
            c.report.findings << BindingFinding {
                Severity::Error, int(m.xrtArgument), QStringLiteral("argument-not-passed"),
                QStringLiteral("The instruction stream %1: %2 of argument %3%4, but the host passes %5 there: that "
                               "buffer is never bound.")
                    .arg(stream.path, what)
                    .arg(m.xrtArgument)
                    .arg(m.name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.name),
                         !a || a->isNone() ? QStringLiteral("nothing") : QStringLiteral("0")),
                a && a->location.isValid() ? a->location : c.plan.call
            };
        } else if (a->isBuffer() && a->bo.size > 0 && a->bo.size < m.bytes) {
            c.report.findings << BindingFinding {
                Severity::Error, int(m.xrtArgument), QStringLiteral("buffer-too-small"),
                QStringLiteral("The BO '%1' at index %2 holds %3 bytes, but the instruction stream %4: %5; the NPU "
                               "touches memory past its end.")
                    .arg(a->bo.name.isEmpty() ? a->text : a->bo.name)
                    .arg(m.xrtArgument)
                    .arg(a->bo.size)
                    .arg(stream.path, what),
                a->bo.allocation.isValid() ? a->bo.allocation : a->location
            };
        }
    }
    // a 0 the stream uses is not "an unused slot"
    c.report.findings.removeIf([&stream](const BindingFinding& f) {
        return f.code == QLatin1String("zero-for-unused-buffer") && stream.move(f.argument);
    });
    c.report.updateStatus();
}

} // namespace

HostProgramVerdict HostProgramCheck::check(const Xclbin& xclbin, const HostProgram& program,
                                           const BindingCheckOptions& options, const QString& givenInstructions,
                                           bool followSlots)
{
    HostProgramVerdict v;
    v.flow = program.flow();
    for (const BindingPlan& plan : program.calls) {
        HostProgramVerdict::Call c;
        c.plan = plan;
        BindingCheckOptions o = options;
        if (followSlots && !o.slot.legacyXrt213 && plan.predictedSlot > 0)
            o.slot.slot = plan.predictedSlot;
        c.instructions = InstructionFileLocator::locate(givenInstructions, plan, xclbin.filePath);
        if (c.instructions.found()) {
            c.loaded = BindingInstructions::load(c.instructions.path);
            o.instructions = c.loaded;
        } else {
            o.instructions.reset();
        }
        c.report = BindingChecker::check(xclbin, plan, o);
        if (c.instructions.source == InstructionFileChoice::Source::NamedButMissing
            && c.report.status != BindingStatus::Unresolved) {
            c.report.findings << BindingFinding { Severity::Info, -1, QStringLiteral("insts-file-missing"),
                                                  c.instructions.describe(), plan.call };
        }
        checkAgainstStream(xclbin, c);
        v.unresolved << c.report.unresolved;
        v.calls << c;
    }
    for (const UnresolvedItem& u : program.unresolved) {
        if (!v.unresolved.contains(u))
            v.unresolved << u;
    }
    if (program.hwContexts > ContextsKept && !program.hwContextsUncertain) {
        v.programFindings << BindingFinding {
            Severity::Warning, -1, QStringLiteral("too-many-hw-contexts"),
            QStringLiteral("The program makes %1 hardware contexts in one process; the NPU keeps about %2 (npu1): a "
                           "later context can fail with CREATE_HWCTX errors or give garbage.")
                .arg(program.hwContexts)
                .arg(ContextsKept),
            HostLocation { program.sourceFile, 0, 0 }
        };
    }
    // The worst call speaks for the program.
    BindingStatus status = BindingStatus::Ok;
    for (int i = 0; i < v.calls.size(); ++i) {
        if (i == 0 || bindingStatusRank(v.calls.at(i).report.status) > bindingStatusRank(status)) {
            status = v.calls.at(i).report.status;
            v.worst = i;
        }
    }
    if (!v.programFindings.isEmpty() && bindingStatusRank(status) < bindingStatusRank(BindingStatus::Warning))
        status = BindingStatus::Warning;
    v.status = status;
    return v;
}

QJsonObject HostProgramVerdict::toJson() const
{
    const Call& w = worstCall();
    QJsonObject o = w.report.toJson();
    QJsonArray findings = o.value(QLatin1String("findings")).toArray();
    for (const BindingFinding& f : programFindings)
        findings.append(f.toJson());
    o[QLatin1String("findings")] = findings;
    o[QLatin1String("status")] = bindingStatusName(status);
    o[QLatin1String("flow")] = flow;
    o[QLatin1String("binding_plan")] = w.plan.toJson();
    o[QLatin1String("unresolved")] = BindingReport::unresolvedJson(unresolved);
    QJsonArray callList;
    for (const Call& c : calls) {
        const QJsonObject r = c.report.toJson();
        QJsonObject co {
            { QLatin1String("line"), c.plan.call.line > 0 ? QJsonValue(c.plan.call.line) : QJsonValue() },
            { QLatin1String("kernel"), c.report.kernelName },
            { QLatin1String("hw_context"), c.plan.hwContext >= 0 ? QJsonValue(c.plan.hwContext) : QJsonValue() },
            { QLatin1String("predicted_slot"),
              c.plan.predictedSlot > 0 ? QJsonValue(c.plan.predictedSlot) : QJsonValue() },
            { QLatin1String("flow"), c.plan.flow },
            { QLatin1String("status"), bindingStatusName(c.report.status) },
            { QLatin1String("call_text"), c.plan.callText },
            { QLatin1String("binding_plan"), c.plan.toJson() },
            { QLatin1String("findings"), r.value(QLatin1String("findings")) },
            { QLatin1String("corrected_call"), r.value(QLatin1String("corrected_call")) },
            { QLatin1String("predicted_xrt_warnings"), r.value(QLatin1String("predicted_xrt_warnings")) },
            { QLatin1String("unresolved"), r.value(QLatin1String("unresolved")) },
        };
        callList.append(co);
    }
    o[QLatin1String("calls")] = callList;
    return o;
}

} // namespace xi
