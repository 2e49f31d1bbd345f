// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/bindingplan.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace xi {

namespace {

const char* const flagNames[] = { "normal", "cacheable", "host_only", "device_only" };

QString str(const char* s)
{
    return QString::fromLatin1(s);
}

bool parseInteger(const QString& text, qint64* out)
{
    QString t = text.trimmed();
    bool negative = false;
    if (t.startsWith(QLatin1Char('-'))) {
        negative = true;
        t = t.mid(1);
    }
    bool ok = false;
    qint64 v = 0;
    if (t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        v = t.mid(2).toLongLong(&ok, 16);
    else if (!t.isEmpty() && t.at(0).isDigit())
        v = t.toLongLong(&ok, 10);
    if (!ok)
        return false;
    *out = negative ? -v : v;
    return true;
}

// Splits at commas outside brackets.
QStringList splitItems(const QString& text)
{
    QStringList items;
    QString current;
    int depth = 0;
    for (QChar c : text) {
        if (c == QLatin1Char('[') || c == QLatin1Char('('))
            ++depth;
        else if ((c == QLatin1Char(']') || c == QLatin1Char(')')) && depth > 0)
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            items << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    items << current.trimmed();
    return items;
}

bool applyBoOptions(const QString& options, BoBinding* bo, QString* error)
{
    for (const QString& raw : options.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString opt = raw.trimmed();
        const int eq = opt.indexOf(QLatin1Char('='));
        const QString key = eq < 0 ? opt : opt.left(eq).trimmed();
        const QString value = eq < 0 ? QString() : opt.mid(eq + 1).trimmed();
        qint64 n = 0;
        if (key == QLatin1String("out") && eq < 0) {
            bo->readBack = true;
        } else if (key == QLatin1String("size") && parseInteger(value, &n) && n >= 0) {
            bo->size = quint64(n);
            bo->sizeText = value;
        } else if (key == QLatin1String("flags") && parseBoFlags(value, &bo->flags)) {
        } else if (key == QLatin1String("name") && !value.isEmpty()) {
            bo->name = value;
        } else if (key == QLatin1String("file") && !value.isEmpty()) {
            bo->inputFile = value;
        } else {
            if (error)
                *error = QStringLiteral("unknown BO option '%1' (expected out, size=N, flags=F, name=X, file=PATH)")
                             .arg(opt);
            return false;
        }
    }
    return true;
}

std::optional<ArgBinding> parseQuickItem(const QString& item, int index, QString* error)
{
    ArgBinding arg;
    arg.index = index;
    arg.text = item;
    arg.location.column = 0;
    if (item == QLatin1String("-") || item == QLatin1String("_"))
        return arg;
    qint64 value = 0;
    if (parseInteger(item, &value)) {
        arg.kind = ArgBinding::Kind::Scalar;
        arg.scalarValue = value;
        return arg;
    }
    if (item == QLatin1String("ninstr") || item == QLatin1String("nbytes")) {
        arg.kind = ArgBinding::Kind::Scalar;
        arg.instructionWords = item == QLatin1String("ninstr");
        arg.instructionBytes = !arg.instructionWords;
        return arg;
    }
    static const QRegularExpression boRe(
        QStringLiteral("^(bo|instr)\\s*(?:([:@])\\s*(-?(?:0[xX][0-9a-fA-F]+|[0-9]+)))?\\s*(?:\\[(.*)\\])?$"));
    const auto m = boRe.match(item);
    if (!m.hasMatch() || m.captured(2).isEmpty()) {
        if (error) {
            *error = QStringLiteral("item %1 '%2': expected a number, ninstr, -, bo:N, instr:N or bo@GROUP")
                         .arg(index)
                         .arg(item);
        }
        return std::nullopt;
    }
    arg.kind = ArgBinding::Kind::Buffer;
    BoBinding& bo = arg.bo;
    bo.instructions = m.captured(1) == QLatin1String("instr");
    bo.flags = bo.instructions ? BoFlags::Cacheable : BoFlags::HostOnly;
    qint64 n = 0;
    parseInteger(m.captured(3), &n);
    if (m.captured(2) == QLatin1String(":")) {
        if (n < 0) {
            if (error)
                *error = QStringLiteral("item %1 '%2': group_id() takes an argument index >= 0").arg(index).arg(item);
            return std::nullopt;
        }
        bo.groupArgument = int(n);
    } else {
        bo.rawGroup = n;
    }
    bo.name = bo.instructions ? QStringLiteral("instr_bo") : QStringLiteral("bo_arg%1").arg(index);
    if (!applyBoOptions(m.captured(4), &bo, error)) {
        if (error)
            *error = QStringLiteral("item %1 '%2': %3").arg(index).arg(item, *error);
        return std::nullopt;
    }
    return arg;
}

QString quickItem(const ArgBinding& a)
{
    switch (a.kind) {
    case ArgBinding::Kind::None: return QStringLiteral("-");
    case ArgBinding::Kind::Scalar:
        if (a.instructionWords)
            return QStringLiteral("ninstr");
        if (a.instructionBytes)
            return QStringLiteral("nbytes");
        return a.scalarValue ? QString::number(*a.scalarValue) : QStringLiteral("?");
    case ArgBinding::Kind::Buffer: break;
    }
    const BoBinding& bo = a.bo;
    QString s = bo.instructions ? QStringLiteral("instr") : QStringLiteral("bo");
    if (bo.groupArgument >= 0)
        s += QLatin1Char(':') + QString::number(bo.groupArgument);
    else if (bo.rawGroup)
        s += QLatin1Char('@') + QString::number(*bo.rawGroup);
    else
        s += QStringLiteral("@?");
    QStringList opts;
    if (bo.readBack)
        opts << QStringLiteral("out");
    if (bo.size)
        opts << QStringLiteral("size=%1").arg(bo.size);
    if (bo.flags != (bo.instructions ? BoFlags::Cacheable : BoFlags::HostOnly))
        opts << QStringLiteral("flags=") + boFlagsName(bo.flags);
    if (!bo.inputFile.isEmpty())
        opts << QStringLiteral("file=") + bo.inputFile;
    if (!opts.isEmpty())
        s += QLatin1Char('[') + opts.join(QLatin1Char(',')) + QLatin1Char(']');
    return s;
}

} // namespace

QString HostLocation::describe() const
{
    if (!isValid())
        return {};
    if (file.isEmpty())
        return QStringLiteral("line %1").arg(line);
    return file + QLatin1Char(':') + QString::number(line);
}

QJsonObject HostLocation::toJson() const
{
    QJsonObject o;
    if (!file.isEmpty())
        o[QLatin1String("file")] = file;
    o[QLatin1String("line")] = line;
    if (column > 0)
        o[QLatin1String("column")] = column;
    return o;
}

HostLocation HostLocation::fromJson(const QJsonObject& o)
{
    HostLocation l;
    l.file = o.value(QLatin1String("file")).toString();
    l.line = o.value(QLatin1String("line")).toInt();
    l.column = o.value(QLatin1String("column")).toInt();
    return l;
}

QString boFlagsName(BoFlags f)
{
    return str(flagNames[int(f)]);
}

bool parseBoFlags(const QString& text, BoFlags* out)
{
    QString t = text.trimmed().toLower();
    for (const char* prefix :
         { "xrt.bo.flags.", "xrt::bo::flags::", "bo.flags.", "flags.", "xcl_bo_flags_", "xrt_bo_flags_" }) {
        if (t.startsWith(QLatin1String(prefix)))
            t = t.mid(int(qstrlen(prefix)));
    }
    if (t == QLatin1String("none"))
        t = QStringLiteral("normal");
    else if (t == QLatin1String("dev_only"))
        t = QStringLiteral("device_only");
    for (int i = 0; i < 4; ++i) {
        if (t == QLatin1String(flagNames[i])) {
            *out = BoFlags(i);
            return true;
        }
    }
    return false;
}

quint32 boFlagsValue(BoFlags f)
{
    switch (f) {
    case BoFlags::Normal: return 0;
    case BoFlags::Cacheable: return 1u << 24;
    case BoFlags::DeviceOnly: return 1u << 28;
    case BoFlags::HostOnly: return 1u << 29;
    }
    return 0;
}

QString boFlagsPython(BoFlags f)
{
    return QStringLiteral("xrt.bo.flags.") + boFlagsName(f);
}

QString boFlagsCpp(BoFlags f)
{
    switch (f) {
    case BoFlags::Normal: return QStringLiteral("XRT_BO_FLAGS_NONE");
    case BoFlags::Cacheable: return QStringLiteral("XRT_BO_FLAGS_CACHEABLE");
    case BoFlags::DeviceOnly: return QStringLiteral("XRT_BO_FLAGS_DEV_ONLY");
    case BoFlags::HostOnly: return QStringLiteral("XRT_BO_FLAGS_HOST_ONLY");
    }
    return {};
}

QString argKindName(ArgBinding::Kind k)
{
    switch (k) {
    case ArgBinding::Kind::None: return QStringLiteral("none");
    case ArgBinding::Kind::Scalar: return QStringLiteral("scalar");
    case ArgBinding::Kind::Buffer: return QStringLiteral("buffer");
    }
    return {};
}

QJsonObject BoBinding::toJson() const
{
    QJsonObject o;
    o[QLatin1String("name")] = name;
    o[QLatin1String("size")] = qint64(size);
    if (!sizeText.isEmpty())
        o[QLatin1String("size_text")] = sizeText;
    o[QLatin1String("flags")] = boFlagsName(flags);
    if (groupArgument >= 0)
        o[QLatin1String("group_argument")] = groupArgument;
    if (rawGroup)
        o[QLatin1String("raw_group")] = *rawGroup;
    o[QLatin1String("instructions")] = instructions;
    if (!inputFile.isEmpty())
        o[QLatin1String("input_file")] = inputFile;
    o[QLatin1String("read_back")] = readBack;
    if (flagsUnknown)
        o[QLatin1String("flags_unknown")] = true;
    if (groupContext >= 0)
        o[QLatin1String("group_context")] = groupContext;
    if (allocation.isValid())
        o[QLatin1String("allocation")] = allocation.toJson();
    return o;
}

BoBinding BoBinding::fromJson(const QJsonObject& o)
{
    BoBinding b;
    b.name = o.value(QLatin1String("name")).toString();
    b.size = quint64(o.value(QLatin1String("size")).toInteger());
    b.sizeText = o.value(QLatin1String("size_text")).toString();
    if (!parseBoFlags(o.value(QLatin1String("flags")).toString(), &b.flags))
        b.flags = BoFlags::HostOnly;
    b.groupArgument = o.value(QLatin1String("group_argument")).toInt(-1);
    if (o.contains(QLatin1String("raw_group")))
        b.rawGroup = o.value(QLatin1String("raw_group")).toInteger();
    b.instructions = o.value(QLatin1String("instructions")).toBool();
    b.inputFile = o.value(QLatin1String("input_file")).toString();
    b.readBack = o.value(QLatin1String("read_back")).toBool();
    b.allocation = HostLocation::fromJson(o.value(QLatin1String("allocation")).toObject());
    return b;
}

QJsonObject ArgBinding::toJson() const
{
    QJsonObject o;
    o[QLatin1String("index")] = index;
    o[QLatin1String("kind")] = argKindName(kind);
    if (!text.isEmpty())
        o[QLatin1String("text")] = text;
    if (kind == Kind::Scalar) {
        if (scalarValue)
            o[QLatin1String("value")] = *scalarValue;
        if (instructionWords)
            o[QLatin1String("instruction_words")] = true;
        if (instructionBytes)
            o[QLatin1String("instruction_bytes")] = true;
    }
    if (kind == Kind::Buffer)
        o[QLatin1String("bo")] = bo.toJson();
    if (unresolved)
        o[QLatin1String("unresolved")] = true;
    if (location.isValid())
        o[QLatin1String("location")] = location.toJson();
    return o;
}

ArgBinding ArgBinding::fromJson(const QJsonObject& o)
{
    ArgBinding a;
    a.index = o.value(QLatin1String("index")).toInt();
    const QString kind = o.value(QLatin1String("kind")).toString();
    a.kind = kind == QLatin1String("scalar") ? Kind::Scalar
        : kind == QLatin1String("buffer")    ? Kind::Buffer
                                             : Kind::None;
    a.text = o.value(QLatin1String("text")).toString();
    if (o.contains(QLatin1String("value")))
        a.scalarValue = o.value(QLatin1String("value")).toInteger();
    a.instructionWords = o.value(QLatin1String("instruction_words")).toBool();
    a.instructionBytes = o.value(QLatin1String("instruction_bytes")).toBool();
    if (a.kind == Kind::Buffer)
        a.bo = BoBinding::fromJson(o.value(QLatin1String("bo")).toObject());
    a.unresolved = o.value(QLatin1String("unresolved")).toBool();
    a.location = HostLocation::fromJson(o.value(QLatin1String("location")).toObject());
    return a;
}

const ArgBinding* BindingPlan::argument(int index) const
{
    return index >= 0 && index < arguments.size() ? &arguments.at(index) : nullptr;
}

void BindingPlan::setArgument(const ArgBinding& binding)
{
    while (arguments.size() <= binding.index) {
        ArgBinding none;
        none.index = int(arguments.size());
        arguments << none;
    }
    arguments[binding.index] = binding;
}

int BindingPlan::bufferCount() const
{
    return int(std::count_if(arguments.begin(), arguments.end(), [](const ArgBinding& a) { return a.isBuffer(); }));
}

int BindingPlan::instructionBufferIndex() const
{
    for (const ArgBinding& a : arguments) {
        if (a.isBuffer() && a.bo.instructions)
            return a.index;
    }
    return -1;
}

std::optional<BindingPlan> BindingPlan::parseQuick(const QString& text, QString* error)
{
    QString body = text.trimmed();
    const int open = body.indexOf(QLatin1Char('('));
    if (open > 0 && body.endsWith(QLatin1Char(')')) && !body.left(open).contains(QLatin1Char(',')))
        body = body.mid(open + 1, body.size() - open - 2); // "kernel(3, instr:1, ...)"
    BindingPlan plan;
    plan.callText = text.trimmed();
    if (body.trimmed().isEmpty())
        return plan;
    const QStringList items = splitItems(body);
    for (int i = 0; i < items.size(); ++i) {
        auto arg = parseQuickItem(items.at(i), i, error);
        if (!arg)
            return std::nullopt;
        plan.arguments << *arg;
    }
    return plan;
}

QString BindingPlan::toQuick() const
{
    QStringList items;
    for (const ArgBinding& a : arguments)
        items << quickItem(a);
    return items.join(QStringLiteral(", "));
}

QJsonObject BindingPlan::toJson() const
{
    QJsonObject o;
    o[QLatin1String("kernel")] = kernelName;
    QJsonArray args;
    for (const ArgBinding& a : arguments)
        args.append(a.toJson());
    o[QLatin1String("arguments")] = args;
    if (call.isValid())
        o[QLatin1String("call")] = call.toJson();
    if (!callText.isEmpty())
        o[QLatin1String("call_text")] = callText;
    if (!sourceFile.isEmpty())
        o[QLatin1String("source_file")] = sourceFile;
    if (!instructionFile.isEmpty())
        o[QLatin1String("instruction_file")] = instructionFile;
    QJsonArray unres;
    for (const UnresolvedItem& u : unresolved) {
        QJsonObject uo { { QLatin1String("text"), u.text },
                         { QLatin1String("reason"), u.reason },
                         { QLatin1String("argument"), u.argument } };
        if (u.location.isValid())
            uo[QLatin1String("location")] = u.location.toJson();
        unres.append(uo);
    }
    o[QLatin1String("unresolved")] = unres;
    if (!flow.isEmpty())
        o[QLatin1String("flow")] = flow;
    if (hwContext >= 0)
        o[QLatin1String("hw_context")] = hwContext;
    if (predictedSlot > 0)
        o[QLatin1String("predicted_slot")] = predictedSlot;
    return o;
}

bool BindingPlan::connectivityChecked() const
{
    return flow != QLatin1String("xrt-ext-kernel") && flow != QLatin1String("xrt-module-elf");
}

std::optional<BindingPlan> BindingPlan::fromJson(const QJsonObject& o, QString* error)
{
    const QJsonValue args = o.value(QLatin1String("arguments"));
    if (!args.isArray()) {
        if (error)
            *error = QStringLiteral("binding plan JSON: expected an array \"arguments\"");
        return std::nullopt;
    }
    BindingPlan plan;
    plan.kernelName = o.value(QLatin1String("kernel")).toString();
    const QJsonArray list = args.toArray();
    for (int i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            if (error)
                *error = QStringLiteral("binding plan JSON: arguments[%1] is not an object").arg(i);
            return std::nullopt;
        }
        ArgBinding a = ArgBinding::fromJson(list.at(i).toObject());
        if (!list.at(i).toObject().contains(QLatin1String("index")))
            a.index = i;
        if (a.index < 0 || a.index > 1024) {
            if (error)
                *error = QStringLiteral("binding plan JSON: arguments[%1] has index %2").arg(i).arg(a.index);
            return std::nullopt;
        }
        plan.setArgument(a);
    }
    plan.call = HostLocation::fromJson(o.value(QLatin1String("call")).toObject());
    plan.callText = o.value(QLatin1String("call_text")).toString();
    plan.sourceFile = o.value(QLatin1String("source_file")).toString();
    plan.instructionFile = o.value(QLatin1String("instruction_file")).toString();
    for (const auto& v : o.value(QLatin1String("unresolved")).toArray()) {
        const QJsonObject uo = v.toObject();
        UnresolvedItem u;
        u.text = uo.value(QLatin1String("text")).toString();
        u.reason = uo.value(QLatin1String("reason")).toString();
        u.argument = uo.value(QLatin1String("argument")).toInt(-1);
        u.location = HostLocation::fromJson(uo.value(QLatin1String("location")).toObject());
        plan.unresolved << u;
    }
    plan.flow = o.value(QLatin1String("flow")).toString();
    plan.hwContext = o.value(QLatin1String("hw_context")).toInt(-1);
    plan.predictedSlot = o.value(QLatin1String("predicted_slot")).toInt(0);
    return plan;
}

} // namespace xi
