// SPDX-License-Identifier: GPL-3.0-or-later
#include "infocommand.h"

#include "cliutil.h"
#include "groups/argumentgroups.h"
#include "summary/filesummarizer.h"
#include "texttable.h"
#include "util/textformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace xi::cli {

namespace {

QString uuid(const QUuid& u)
{
    return u.toString(QUuid::WithoutBraces);
}

QString signature(const AxlfHeader& h)
{
    return h.signatureLength < 0 ? QStringLiteral("unsigned") : QStringLiteral("%1 bytes").arg(h.signatureLength);
}

// axlf timestamps are seconds since the epoch (some tools write other counters: shown as numbers too).
QString timestamp(quint64 t)
{
    if (t == 0 || t > 4102444800ULL)
        return QString::number(t);
    return QStringLiteral("%1 (%2)").arg(t).arg(
        QDateTime::fromSecsSinceEpoch(qint64(t), Qt::UTC).toString(Qt::ISODate));
}

QJsonObject headerJson(const Xclbin& x)
{
    const AxlfHeader& h = x.header;
    return QJsonObject {
        { QStringLiteral("magic"), QString::fromLatin1(h.magic) },
        { QStringLiteral("version"), h.version() },
        { QStringLiteral("mode"), h.modeName() },
        { QStringLiteral("mode_value"), h.mode },
        { QStringLiteral("action_mask"), h.actionMask },
        { QStringLiteral("timestamp"), double(h.timestamp) },
        { QStringLiteral("feature_rom_timestamp"), double(h.featureRomTimestamp) },
        { QStringLiteral("unique_id"), hexLower(h.uniqueId) },
        { QStringLiteral("length"), double(h.length) },
        { QStringLiteral("platform_vbnv"), h.platformVbnv },
        { QStringLiteral("xclbin_uuid"), uuid(h.xclbinUuid) },
        { QStringLiteral("interface_uuid"), uuid(h.interfaceUuid) },
        { QStringLiteral("signature_length"), h.signatureLength },
        { QStringLiteral("section_count"), double(h.sectionCount) },
    };
}

QJsonArray sectionsJson(const Xclbin& x)
{
    QJsonArray list;
    for (const SectionHeader& s : x.sections) {
        list.append(QJsonObject {
            { QStringLiteral("index"), s.index },
            { QStringLiteral("kind"), double(s.kind) },
            { QStringLiteral("kind_name"), s.kindName() },
            { QStringLiteral("name"), s.name },
            { QStringLiteral("offset"), double(s.offset) },
            { QStringLiteral("size"), double(s.size) },
        });
    }
    return list;
}

QJsonArray memoriesJson(const QList<MemoryEntry>& memories)
{
    QJsonArray list;
    for (const MemoryEntry& m : memories) {
        list.append(m.toJson());
    }
    return list;
}

QJsonArray kernelsJson(const Xclbin& x)
{
    QJsonArray list;
    for (const Kernel& k : x.kernels) {
        QJsonArray instances;
        for (const KernelInstance& i : k.instances)
            instances.append(i.name);
        list.append(QJsonObject {
            { QStringLiteral("name"), k.name },
            { QStringLiteral("type"), k.type },
            { QStringLiteral("language"), k.language },
            { QStringLiteral("convention"), conventionName(ArgumentGroups::detectConvention(k)) },
            { QStringLiteral("arguments"), int(k.arguments.size()) },
            { QStringLiteral("instances"), instances },
        });
    }
    return list;
}

QJsonObject partitionJson(const AiePartition& p)
{
    QJsonArray columns;
    for (quint16 c : p.startColumns)
        columns.append(c);
    QJsonArray pdis;
    for (const PdiEntry& pdi : p.pdis) {
        QJsonArray groups;
        for (const CdoGroup& g : pdi.cdoGroups) {
            QJsonArray ids;
            for (quint64 id : g.kernelIds)
                ids.append(hexLower(id));
            groups.append(QJsonObject { { QStringLiteral("name"), g.name },
                                        { QStringLiteral("type"), g.typeName() },
                                        { QStringLiteral("pdi_id"), hexLower(g.pdiId) },
                                        { QStringLiteral("kernel_ids"), ids } });
        }
        pdis.append(QJsonObject { { QStringLiteral("uuid"), uuid(pdi.uuid) },
                                  { QStringLiteral("size"), double(pdi.imageSize) },
                                  { QStringLiteral("cdo_groups"), groups } });
    }
    return QJsonObject {
        { QStringLiteral("column_width"), p.columnWidth },
        { QStringLiteral("start_columns"), columns },
        { QStringLiteral("operations_per_cycle"), double(p.operationsPerCycle) },
        { QStringLiteral("pdis"), pdis },
    };
}

void printHeader(const Xclbin& x, QTextStream& out)
{
    const AxlfHeader& h = x.header;
    TextTable t({ QStringLiteral("File:"), x.filePath + QStringLiteral(" (%1 bytes)").arg(x.fileSize) });
    t.addRow({ QStringLiteral("Version:"), h.version() });
    t.addRow({ QStringLiteral("Mode:"), h.modeName() });
    t.addRow({ QStringLiteral("UUID (xclbin):"), uuid(h.xclbinUuid) });
    t.addRow({ QStringLiteral("Interface UUID:"), uuid(h.interfaceUuid) });
    t.addRow({ QStringLiteral("Platform VBNV:"),
               h.platformVbnv.isEmpty() ? QStringLiteral("<not defined>") : h.platformVbnv });
    t.addRow({ QStringLiteral("Timestamp:"), timestamp(h.timestamp) });
    t.addRow({ QStringLiteral("Feature ROM TS:"), QString::number(h.featureRomTimestamp) });
    t.addRow({ QStringLiteral("Signature:"), signature(h) });
    t.print(out, 0);
}

void printSections(const Xclbin& x, QTextStream& out)
{
    out << "\nSections (" << x.sections.size() << "):\n";
    TextTable t({ QStringLiteral("#"), QStringLiteral("Kind"), QStringLiteral("Name"), QStringLiteral("Offset"),
                  QStringLiteral("Size") });
    for (const SectionHeader& s : x.sections) {
        t.addRow({ QString::number(s.index), QStringLiteral("%1 (%2)").arg(s.kindName()).arg(s.kind), s.name,
                   hexLower(s.offset), QString::number(s.size) });
    }
    t.print(out);
}

void printMemories(const Xclbin& x, QTextStream& out)
{
    const QString table = x.groupTopology ? QStringLiteral("GROUP_TOPOLOGY") : QStringLiteral("MEM_TOPOLOGY");
    if (x.memories().isEmpty()) {
        out << "\nMemories: none\n";
        return;
    }
    out << "\nMemories (" << table << ", the table group IDs index):\n";
    TextTable t({ QStringLiteral("Bank"), QStringLiteral("Tag"), QStringLiteral("Type"), QStringLiteral("Used"),
                  QStringLiteral("Size"), QStringLiteral("Base") });
    for (const MemoryEntry& m : x.memories()) {
        t.addRow({ QString::number(m.index), m.tag, m.typeName(), m.used ? QStringLiteral("yes") : QStringLiteral("no"),
                   QStringLiteral("%1 KiB").arg(m.sizeKiB), hexLower(m.baseAddress) });
    }
    t.print(out);
}

void printKernels(const Xclbin& x, QTextStream& out)
{
    out << "\nKernels (" << x.kernels.size() << "):\n";
    for (const Kernel& k : x.kernels) {
        QStringList instances;
        for (const KernelInstance& i : k.instances)
            instances << i.name;
        QStringList args;
        for (const KernelArgument& a : k.arguments)
            args << a.name;
        out << "  " << k.name << (k.type.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(k.type)) << ", convention "
            << conventionName(ArgumentGroups::detectConvention(k))
            << ", instances: " << (instances.isEmpty() ? QStringLiteral("none") : instances.join(QStringLiteral(", ")))
            << '\n'
            << "    arguments (" << k.arguments.size() << "): " << args.join(QStringLiteral(", ")) << '\n';
    }
}

void printPartition(const AiePartition& p, QTextStream& out)
{
    QStringList columns;
    for (quint16 c : p.startColumns)
        columns << QString::number(c);
    out << "\nAIE partition: column width " << p.columnWidth << ", start columns " << columns.join(QLatin1Char(','))
        << ", " << p.pdis.size() << " PDI(s)\n";
    for (const PdiEntry& pdi : p.pdis) {
        out << "  PDI " << uuid(pdi.uuid) << ": " << pdi.imageSize << " bytes";
        for (const CdoGroup& g : pdi.cdoGroups) {
            QStringList ids;
            for (quint64 id : g.kernelIds)
                ids << hexLower(id);
            out << "; cdo group " << g.name << " (" << g.typeName() << ", pdi id " << hexLower(g.pdiId)
                << ", kernel ids " << (ids.isEmpty() ? QStringLiteral("none") : ids.join(QLatin1Char(','))) << ')';
        }
        out << '\n';
    }
}

} // namespace

QString InfoCommand::name() const
{
    return QStringLiteral("info");
}

QString InfoCommand::summary() const
{
    return QStringLiteral("The file's summary, then header, UUIDs, sections, memories, kernels and AIE partition");
}

QString InfoCommand::usage() const
{
    return QStringLiteral("Usage: xclbin-inspector-cli info FILE [--json]\n\n"
                          "The file's summary (its verdict in one line, what it is, how to call its kernels, what the\n"
                          "instruction stream next to it moves, counts per verdict), then a compact `xclbinutil\n"
                          "--info`: header fields and UUIDs, the section table (kind, name, offset, size), the memory\n"
                          "table group IDs index, the kernels with their calling convention, and the AIE partition.\n\n"
                          "  --json   machine-readable output (see docs/cli.md)\n\n"
                          "Exit codes: 0 ok, 2 unreadable or malformed file, 64 usage.\n");
}

int InfoCommand::run(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("json"), QStringLiteral("JSON output.") });
    if (!parseOptions(parser, *this, args, ctx, 1, 1))
        return ExitUsage;
    const XclbinPtr x = loadXclbin(parser.positionalArguments().first(), ctx);
    if (!x)
        return ExitBadInput;

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o {
            { QStringLiteral("file"), x->filePath },
            { QStringLiteral("size"), double(x->fileSize) },
            { QStringLiteral("header"), headerJson(*x) },
            { QStringLiteral("sections"), sectionsJson(*x) },
            { QStringLiteral("memories"), memoriesJson(x->memories()) },
            { QStringLiteral("kernels"), kernelsJson(*x) },
            { QStringLiteral("warnings"), QJsonArray::fromStringList(x->warnings) },
            { QStringLiteral("summary"), FileSummarizer::summarize(*x).toJson() },
        };
        if (x->aiePartition)
            o.insert(QStringLiteral("aie_partition"), partitionJson(*x->aiePartition));
        printJson(ctx, o);
        return ExitOk;
    }
    ctx.out << FileSummarizer::summarize(*x).toText();
    printHeader(*x, ctx.out);
    printSections(*x, ctx.out);
    printMemories(*x, ctx.out);
    printKernels(*x, ctx.out);
    if (x->aiePartition)
        printPartition(*x->aiePartition, ctx.out);
    for (const QString& w : x->warnings)
        ctx.out << "warning: " << w << '\n';
    return ExitOk;
}

} // namespace xi::cli
