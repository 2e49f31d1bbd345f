// SPDX-License-Identifier: GPL-3.0-or-later
#include "groupscommand.h"

#include "binding/bindingchecker.h"
#include "cliutil.h"
#include "groups/argumentgroups.h"
#include "summary/filesummarizer.h"
#include "texttable.h"
#include "util/textformat.h"

#include <QJsonArray>
#include <QJsonObject>

namespace xi::cli {

namespace {

QJsonArray intArray(const QList<int>& values)
{
    QJsonArray a;
    for (int v : values)
        a.append(v);
    return a;
}

QJsonObject argumentJson(const ArgumentGroup& a, const SlotMode& mode)
{
    return QJsonObject {
        { QStringLiteral("index"), a.index },
        { QStringLiteral("name"), a.argument.name },
        { QStringLiteral("address_qualifier"), a.argument.addressQualifierName() },
        { QStringLiteral("type"), a.argument.type },
        { QStringLiteral("offset"), double(a.argument.offset) },
        { QStringLiteral("size"), double(a.argument.size) },
        { QStringLiteral("banks"), intArray(a.banks) },
        { QStringLiteral("memory_tags"), QJsonArray::fromStringList(a.memoryTags) },
        { QStringLiteral("group_id"), double(a.groupId.signedValue()) },
        { QStringLiteral("group_id_hex"), a.groupId.hex() },
        { QStringLiteral("slot"), mode.legacyXrt213 ? QJsonValue() : QJsonValue(a.groupId.slot()) },
        { QStringLiteral("bank"), a.bank },
        { QStringLiteral("verdict"), verdictName(a.verdict) },
        { QStringLiteral("reason"), a.reason },
    };
}

QJsonObject kernelJson(const KernelGroups& k, const SlotMode& mode)
{
    QJsonArray args;
    for (const ArgumentGroup& a : k.arguments)
        args.append(argumentJson(a, mode));
    return QJsonObject {
        { QStringLiteral("name"), k.kernelName },
        { QStringLiteral("convention"), conventionName(k.convention) },
        { QStringLiteral("convention_reason"), k.conventionReason },
        { QStringLiteral("compute_unit"), k.computeUnit },
        { QStringLiteral("notes"), QJsonArray::fromStringList(k.notes) },
        { QStringLiteral("arguments"), args },
    };
}

void printKernel(const KernelGroups& k, const SlotMode& mode, QTextStream& out)
{
    out << "\nKernel " << k.kernelName << " (convention: " << conventionName(k.convention) << ")\n  "
        << k.conventionReason << '\n';
    for (const QString& note : k.notes)
        out << "  note: " << note << '\n';
    TextTable table({ QStringLiteral("Idx"), QStringLiteral("Name"), QStringLiteral("Qualifier"),
                      QStringLiteral("Type"), QStringLiteral("Offset"), QStringLiteral("Size"), QStringLiteral("Banks"),
                      QStringLiteral("Tags"), QStringLiteral("Group ID"), QStringLiteral("Decimal"),
                      QStringLiteral("Slot"), QStringLiteral("Bank"), QStringLiteral("Verdict"),
                      QStringLiteral("Reason") });
    for (const ArgumentGroup& a : k.arguments) {
        QStringList banks;
        for (int b : a.banks)
            banks << QString::number(b);
        table.addRow({ QString::number(a.index), a.argument.name, a.argument.addressQualifierName(), a.argument.type,
                       hexUpper(a.argument.offset), QString::number(a.argument.size),
                       banks.isEmpty() ? QStringLiteral("-") : banks.join(QLatin1Char(',')),
                       a.memoryTags.isEmpty() ? QStringLiteral("-") : a.memoryTags.join(QLatin1Char(',')),
                       a.groupId.hex(), a.groupId.decimal(),
                       mode.legacyXrt213 ? QStringLiteral("-") : QString::number(a.groupId.slot()),
                       a.bank == GroupId::NoMemory ? QStringLiteral("0xFFFF") : QString::number(a.bank),
                       verdictName(a.verdict), a.reason });
    }
    table.print(out);
}

} // namespace

QString GroupsCommand::name() const
{
    return QStringLiteral("groups");
}

QString GroupsCommand::summary() const
{
    return QStringLiteral("Group ID of every kernel argument, decoded, with a verdict (exit 1 if one is invalid)");
}

QString GroupsCommand::usage() const
{
    return QStringLiteral(
        "Usage: xclbin-inspector-cli groups FILE [--slot N | --xrt213] [--kernel NAME] [--json]\n\n"
        "The file's summary first (its verdict in one line, the kernels' calls, the instruction stream next to\n"
        "it, counts per verdict). Then for every argument of every kernel: index, name, qualifier, type, offset,\n"
        "size, connected banks and their memory tags, the group ID xrt::kernel::group_id() returns (hex and\n"
        "decimal), its slot and bank, and a verdict (valid, scalar, warning, invalid, or unknown where the file\n"
        "cannot say: a software-emulation file) with the reason.\n\n"
        "  --slot N        hardware-context slot (1 = the first xrt::hw_context of a process; default 1)\n"
        "  --xrt213        the numbers XRT 2.13 returns (no slot; -1 for scalars)\n"
        "  --kernel NAME   only this kernel\n"
        "  --json          machine-readable output (see docs/cli.md)\n\n"
        "Exit codes: 0 no invalid argument, 1 an argument is invalid, 2 unreadable file or no such kernel,\n"
        "64 usage.\n");
}

int GroupsCommand::run(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    addSlotOptions(parser);
    parser.addOption({ QStringLiteral("kernel"), QStringLiteral("Only this kernel."), QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("JSON output.") });
    if (!parseOptions(parser, *this, args, ctx, 1, 1))
        return ExitUsage;
    QString error;
    const std::optional<SlotMode> mode = slotMode(parser, &error);
    if (!mode)
        return usageError(*this, ctx, error);
    const QString path = parser.positionalArguments().first();
    const XclbinPtr xclbin = loadXclbin(path, ctx);
    if (!xclbin)
        return ExitBadInput;

    QList<KernelGroups> kernels = ArgumentGroups::computeAll(*xclbin, *mode);
    if (parser.isSet(QStringLiteral("kernel"))) {
        const QString wanted = parser.value(QStringLiteral("kernel"));
        QStringList names;
        for (const KernelGroups& k : std::as_const(kernels))
            names << k.kernelName;
        kernels.removeIf([&wanted](const KernelGroups& k) { return k.kernelName != wanted; });
        if (kernels.isEmpty()) {
            ctx.err << "error: " << path << ": no kernel '" << wanted
                    << "' (kernels: " << (names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")))
                    << ")\n";
            return ExitBadInput;
        }
    }
    const bool invalid = std::any_of(kernels.cbegin(), kernels.cend(), [](const auto& k) { return k.hasInvalid(); });
    const FileSummary summary = FileSummarizer::summarize(
        *xclbin, kernels, StreamSummary::nextTo(*xclbin, BindingChecker::defaultKernel(*xclbin)));

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const KernelGroups& k : std::as_const(kernels))
            list.append(kernelJson(k, *mode));
        printJson(ctx,
                  QJsonObject {
                      { QStringLiteral("file"), path },
                      { QStringLiteral("slot_mode"), mode->describe() },
                      { QStringLiteral("xrt213"), mode->legacyXrt213 },
                      { QStringLiteral("has_invalid"), invalid },
                      { QStringLiteral("kernels"), list },
                      { QStringLiteral("summary"), summary.toJson() },
                  });
        return invalid ? ExitCheckFailed : ExitOk;
    }

    ctx.out << summary.toText();
    ctx.out << path << ": group IDs for " << mode->describe() << '\n'
            << "(bits 16-23 of a group ID are the hardware-context slot, bits 0-15 the memory bank; 0xFFFF = no "
               "memory)\n";
    if (kernels.isEmpty())
        ctx.out << "\nNo kernels (the file has no EMBEDDED_METADATA kernel list).\n";
    for (const KernelGroups& k : std::as_const(kernels))
        printKernel(k, *mode, ctx.out);
    ctx.out << "\n" << summary.countsText() << '\n';
    return invalid ? ExitCheckFailed : ExitOk;
}

} // namespace xi::cli
