// SPDX-License-Identifier: GPL-3.0-or-later
#include "buildxclbincommand.h"

#include "cliutil.h"
#include "xclbin/aieccinputs.h"
#include "xclbin/xclbinwriter.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QUuid>

#include <optional>

namespace xi::cli {

namespace {

std::optional<QUuid> parseUuid(const QString& text)
{
    QString t = text.trimmed();
    if (t.size() == 32 && !t.contains(QLatin1Char('-')))
        t = t.left(8) + QLatin1Char('-') + t.mid(8, 4) + QLatin1Char('-') + t.mid(12, 4) + QLatin1Char('-')
            + t.mid(16, 4) + QLatin1Char('-') + t.mid(20);
    const QUuid uuid = QUuid::fromString(t);
    if (uuid.isNull())
        return std::nullopt;
    return uuid;
}

// Seconds since the epoch, or an ISO 8601 date and time ("2026-01-31T12:00:00Z").
std::optional<quint64> parseTimestamp(const QString& text)
{
    bool ok = false;
    const quint64 seconds = text.trimmed().toULongLong(&ok);
    if (ok)
        return seconds;
    const QDateTime when = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!when.isValid() || when.toSecsSinceEpoch() < 0)
        return std::nullopt;
    return quint64(when.toSecsSinceEpoch());
}

struct Options {
    QString memTopology;
    QString kernels;
    QString aiePartition;
    QString output;
    std::optional<QUuid> uuid;
    std::optional<quint64> timestamp;
    bool force = false;
    bool keepUnusedMemories = false;
};

const QCommandLineOption MemTopologyOption(QStringLiteral("mem-topology"), {}, QStringLiteral("F"));
const QCommandLineOption KernelsOption(QStringLiteral("kernels"), {}, QStringLiteral("F"));
const QCommandLineOption PartitionOption(QStringLiteral("aie-partition"), {}, QStringLiteral("F"));
const QCommandLineOption OutputOption(QStringLiteral("output"), {}, QStringLiteral("F"));
const QCommandLineOption UuidOption(QStringLiteral("uuid"), {}, QStringLiteral("U"));
const QCommandLineOption TimestampOption(QStringLiteral("timestamp"), {}, QStringLiteral("T"));
const QCommandLineOption ForceOption(QStringLiteral("force"));
const QCommandLineOption KeepUnusedOption(QStringLiteral("keep-unused-memories"));

// Fills `options` from the parsed command line or returns the usage problem.
QString readOptions(const QCommandLineParser& parser, Options& options)
{
    for (const auto* required : { &MemTopologyOption, &KernelsOption, &PartitionOption, &OutputOption }) {
        if (parser.value(*required).isEmpty())
            return QStringLiteral("missing --%1 F").arg(required->names().first());
    }
    options = { parser.value(MemTopologyOption),
                parser.value(KernelsOption),
                parser.value(PartitionOption),
                parser.value(OutputOption),
                {},
                {},
                parser.isSet(ForceOption),
                parser.isSet(KeepUnusedOption) };
    if (parser.isSet(UuidOption) && !(options.uuid = parseUuid(parser.value(UuidOption))))
        return QStringLiteral("--uuid expects a UUID such as 1f4cd002-523d-56a5-ed48-911ea3d602d9, got '%1'")
            .arg(parser.value(UuidOption));
    const QString time
        = parser.isSet(TimestampOption) ? parser.value(TimestampOption) : qEnvironmentVariable("SOURCE_DATE_EPOCH");
    if (!time.isEmpty() && !(options.timestamp = parseTimestamp(time)))
        return QStringLiteral("--timestamp expects seconds since 1970 or an ISO 8601 date and time, got '%1'")
            .arg(time);
    return {};
}

} // namespace

QString BuildXclbinCommand::name() const
{
    return QStringLiteral("build-xclbin");
}

QString BuildXclbinCommand::summary() const
{
    return QStringLiteral("Build an .xclbin from aiecc's JSON inputs, laid out byte for byte as xclbinutil does");
}

QString BuildXclbinCommand::usage() const
{
    return QStringLiteral(
        "Usage: xclbin-inspector-cli build-xclbin --mem-topology F --kernels F --aie-partition F --output F\n"
        "                                         [--uuid U] [--timestamp T] [--force] [--keep-unused-memories]\n\n"
        "Builds an .xclbin from the files aiecc hands to xclbinutil (main_mem_topology.json, main_kernels.json,\n"
        "main_aie_partition.json and the PDI it names), laid out exactly as xclbinutil 2.26 lays it out.\n"
        "The PDI's \"file_name\" is used when it exists, else the same file name next to the partition JSON.\n\n"
        "  --uuid U                the xclbin UUID (default: random)\n"
        "  --timestamp T           seconds since 1970 or an ISO 8601 date (default: $SOURCE_DATE_EPOCH, else now)\n"
        "  --force                 replace an existing output, keeping the old file as F.bak\n"
        "  --keep-unused-memories  keep each memory's m_used as written (xclbinutil marks connected memories used)\n\n"
        "Exit codes: 0 written, 2 unreadable or malformed input (or the output cannot be written), 64 usage.\n");
}

int BuildXclbinCommand::run(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addOptions({ MemTopologyOption, KernelsOption, PartitionOption, OutputOption, UuidOption, TimestampOption,
                        ForceOption, KeepUnusedOption });
    if (!parseOptions(parser, *this, args, ctx, 0, 0))
        return ExitUsage;
    Options options;
    const QString problem = readOptions(parser, options);
    if (!problem.isEmpty())
        return usageError(*this, ctx, problem);
    if (QFileInfo::exists(options.output) && !options.force) {
        ctx.err << "build-xclbin: " << options.output << " exists; pass --force to replace it (the old file is kept as "
                << options.output << ".bak)\n";
        return ExitBadInput;
    }
    try {
        AieccDesign design = AieccInputs::read(options.kernels, options.memTopology, options.aiePartition);
        design.markConnectedMemoriesUsed = !options.keepUnusedMemories;
        XclbinWriter writer;
        if (options.uuid)
            writer.setUuid(*options.uuid);
        if (options.timestamp)
            writer.setTimestamp(*options.timestamp);
        const QByteArray bytes = writer.build(design);
        XclbinWriter::writeFile(bytes, options.output, options.force);
        ctx.out << "Wrote " << options.output << " (" << bytes.size() << " bytes)\n";
        return ExitOk;
    } catch (const AieccInputException& e) {
        ctx.err << "build-xclbin: " << e.error().message() << '\n';
        return ExitBadInput;
    }
}

} // namespace xi::cli
