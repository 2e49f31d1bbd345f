// SPDX-License-Identifier: GPL-3.0-or-later
#include "runner/runresult.h"

#include <QJsonArray>

namespace xi {

namespace {

qint64 intOr(const QJsonObject& o, const char* key, qint64 fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? qint64(v.toDouble()) : fallback;
}

QJsonObject timingsJson(const RunTimings& t)
{
    QJsonObject o;
    o[QLatin1String("load_us")] = t.loadUs;
    o[QLatin1String("write_us")] = t.writeUs;
    o[QLatin1String("run_us")] = t.runUs;
    o[QLatin1String("read_us")] = t.readUs;
    return o;
}

RunTimings timingsFromJson(const QJsonObject& o)
{
    return { intOr(o, "load_us", -1), intOr(o, "write_us", -1), intOr(o, "run_us", -1), intOr(o, "read_us", -1) };
}

QJsonArray stringsJson(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringsFromJson(const QJsonValue& v)
{
    QStringList list;
    for (const auto& s : v.toArray())
        list << s.toString();
    return list;
}

} // namespace

QString runStateName(int state)
{
    static const char* const names[]
        = { "NOT_STARTED", "NEW",       "QUEUED",  "RUNNING",    "COMPLETED", "ERROR",
            "ABORT",       "SUBMITTED", "TIMEOUT", "NORESPONSE", "SKERROR",   "SKCRASHED" };
    if (state >= 0 && state < int(std::size(names)))
        return QString::fromLatin1(names[state]);
    return QStringLiteral("UNKNOWN(%1)").arg(state);
}

QList<int> RunResult::clonedArguments() const
{
    QList<int> args;
    for (const XrtMessage& m : messages) {
        const int arg = m.connectivityArgument();
        if (arg >= 0 && !args.contains(arg))
            args << arg;
    }
    return args;
}

QStringList RunResult::messageTexts() const
{
    QStringList texts;
    for (const XrtMessage& m : messages)
        texts << m.text;
    return texts;
}

const RunOutput* RunResult::output(int argument) const
{
    for (const RunOutput& o : outputs) {
        if (o.argument == argument)
            return &o;
    }
    return nullptr;
}

QJsonObject RunResult::toJson() const
{
    QJsonObject o;
    o[QLatin1String("completed")] = completed;
    o[QLatin1String("backend")] = runBackendName(backend);
    o[QLatin1String("xrt_version")] = xrtVersion;
    o[QLatin1String("xrt_version_source")] = xrtVersionSource;
    o[QLatin1String("device")] = QJsonObject { { QLatin1String("found"), device.found },
                                               { QLatin1String("name"), device.name },
                                               { QLatin1String("message"), device.message } };
    o[QLatin1String("kernel")] = kernelName;
    QJsonArray groups;
    for (qint64 g : groupIds)
        groups.append(g);
    o[QLatin1String("group_ids")] = groups;
    QJsonArray messageArray;
    for (const XrtMessage& m : messages)
        messageArray.append(m.toJson());
    o[QLatin1String("xrt_messages")] = messageArray;
    o[QLatin1String("xrt_messages_captured")] = messagesCaptured;
    QJsonArray cloned;
    for (int a : clonedArguments())
        cloned.append(a);
    o[QLatin1String("cloned_arguments")] = cloned;
    o[QLatin1String("run_state")] = runState;
    o[QLatin1String("run_state_name")] = runStateName();
    o[QLatin1String("timings")] = timingsJson(timings);
    QJsonArray outs;
    for (const RunOutput& out : outputs) {
        outs.append(QJsonObject { { QLatin1String("argument"), out.argument },
                                  { QLatin1String("name"), out.name },
                                  { QLatin1String("size"), qint64(out.bytes.size()) },
                                  { QLatin1String("base64"), QString::fromLatin1(out.bytes.toBase64()) } });
    }
    o[QLatin1String("outputs")] = outs;
    if (emulation) {
        o[QLatin1String("emulation")] = QJsonObject { { QLatin1String("kernel"), emulation->kernel },
                                                      { QLatin1String("ran"), emulation->ran },
                                                      { QLatin1String("message"), emulation->message } };
    }
    if (!errorDetail.isEmpty())
        o[QLatin1String("error_detail")] = errorDetail;
    if (!error.isEmpty()) {
        o[QLatin1String("error")] = error;
        o[QLatin1String("failed_stage")] = failedStage;
    }
    o[QLatin1String("notes")] = stringsJson(notes);
    o[QLatin1String("exit_code")] = exitCode;
    if (!processOutcome.isEmpty())
        o[QLatin1String("process_outcome")] = processOutcome;
    o[QLatin1String("timed_out")] = timedOut;
    o[QLatin1String("cancelled")] = cancelled;
    if (!childStderr.isEmpty())
        o[QLatin1String("stderr")] = childStderr;
    return o;
}

RunResult RunResult::fromJson(const QJsonObject& o)
{
    RunResult r;
    r.completed = o.value(QLatin1String("completed")).toBool();
    parseRunBackend(o.value(QLatin1String("backend")).toString(), &r.backend);
    r.xrtVersion = o.value(QLatin1String("xrt_version")).toString();
    r.xrtVersionSource = o.value(QLatin1String("xrt_version_source")).toString();
    const QJsonObject dev = o.value(QLatin1String("device")).toObject();
    r.device = { dev.value(QLatin1String("found")).toBool(), dev.value(QLatin1String("name")).toString(),
                 dev.value(QLatin1String("message")).toString() };
    r.kernelName = o.value(QLatin1String("kernel")).toString();
    for (const auto& g : o.value(QLatin1String("group_ids")).toArray())
        r.groupIds << qint64(g.toDouble());
    for (const auto& m : o.value(QLatin1String("xrt_messages")).toArray())
        r.messages << XrtMessage::fromJson(m.toObject());
    r.messagesCaptured = o.value(QLatin1String("xrt_messages_captured")).toBool();
    r.runState = int(intOr(o, "run_state", 0));
    r.timings = timingsFromJson(o.value(QLatin1String("timings")).toObject());
    for (const auto& v : o.value(QLatin1String("outputs")).toArray()) {
        const QJsonObject out = v.toObject();
        r.outputs.append({ int(intOr(out, "argument", 0)), out.value(QLatin1String("name")).toString(),
                           QByteArray::fromBase64(out.value(QLatin1String("base64")).toString().toLatin1()) });
    }
    if (o.contains(QLatin1String("emulation"))) {
        const QJsonObject e = o.value(QLatin1String("emulation")).toObject();
        r.emulation
            = EmulationInfo { e.value(QLatin1String("kernel")).toString(), e.value(QLatin1String("ran")).toBool(),
                              e.value(QLatin1String("message")).toString() };
    }
    r.error = o.value(QLatin1String("error")).toString();
    r.errorDetail = o.value(QLatin1String("error_detail")).toString();
    r.failedStage = o.value(QLatin1String("failed_stage")).toString();
    r.notes = stringsFromJson(o.value(QLatin1String("notes")));
    r.exitCode = int(intOr(o, "exit_code", 0));
    r.processOutcome = o.value(QLatin1String("process_outcome")).toString();
    r.timedOut = o.value(QLatin1String("timed_out")).toBool();
    r.cancelled = o.value(QLatin1String("cancelled")).toBool();
    r.childStderr = o.value(QLatin1String("stderr")).toString();
    return r;
}

bool RunResult::argumentsPassed() const
{
    return failedStage.isEmpty() || failedStage == QLatin1String("arguments") || failedStage == QLatin1String("run")
        || failedStage == QLatin1String("emulate") || failedStage == QLatin1String("read");
}

} // namespace xi
