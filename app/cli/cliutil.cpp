// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"

#include "xclbin/xclbinreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace xi::cli {

XclbinPtr loadXclbin(const QString& path, CliContext& ctx)
{
    XclbinLoadResult result = XclbinReader::load(path);
    if (!result.ok()) {
        ctx.err << "error: " << (result.error ? result.error->message() : path + QStringLiteral(": cannot read"))
                << '\n';
        return nullptr;
    }
    return result.xclbin;
}

int usageError(const CliCommand& command, CliContext& ctx, const QString& message)
{
    ctx.err << command.name() << ": " << message << "\n\n" << command.usage();
    return ExitUsage;
}

bool parseOptions(QCommandLineParser& parser, const CliCommand& command, const QStringList& args, CliContext& ctx,
                  int minPositional, int maxPositional)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList { command.name() } + args)) {
        usageError(command, ctx, parser.errorText());
        return false;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional || (maxPositional >= 0 && n > maxPositional)) {
        const QString expected = minPositional == maxPositional ? QString::number(minPositional)
            : maxPositional < 0                                 ? QStringLiteral("at least %1").arg(minPositional)
                                : QStringLiteral("%1 to %2").arg(minPositional).arg(maxPositional);
        usageError(command, ctx, QStringLiteral("expected %1 argument(s), got %2").arg(expected).arg(n));
        return false;
    }
    return true;
}

void addSlotOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("slot"),
                       QStringLiteral("Hardware-context slot the group IDs are for (1 = first context, default)."),
                       QStringLiteral("N"), QStringLiteral("1") });
    parser.addOption({ QStringLiteral("xrt213"), QStringLiteral("Group IDs as XRT 2.13 returns them (no slot, -1).") });
}

std::optional<SlotMode> slotMode(const QCommandLineParser& parser, QString* error)
{
    if (parser.isSet(QStringLiteral("xrt213"))) {
        if (parser.isSet(QStringLiteral("slot"))) {
            *error = QStringLiteral("--slot and --xrt213 exclude each other (XRT 2.13 has no slot)");
            return std::nullopt;
        }
        return SlotMode::xrt213();
    }
    bool ok = false;
    const int slot = parser.value(QStringLiteral("slot")).toInt(&ok, 0);
    if (!ok || slot < 0 || slot > 255) {
        *error = QStringLiteral("--slot expects a number from 0 to 255, got '%1'")
                     .arg(parser.value(QStringLiteral("slot")));
        return std::nullopt;
    }
    return SlotMode { slot, false };
}

void printJson(CliContext& ctx, const QJsonValue& value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    ctx.out << doc.toJson(QJsonDocument::Indented);
}

std::optional<QByteArray> readInput(const QString& path, CliContext& ctx, qint64 maxBytes)
{
    QFile file(path);
    const bool ok = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!ok) {
        ctx.err << "error: " << path << ": cannot open for reading: " << file.errorString() << '\n';
        return std::nullopt;
    }
    if (maxBytes < 0)
        return file.readAll();
    // Refused before it is read where the size is known; a pipe is read up to one byte past the limit.
    const qint64 size = file.isSequential() ? -1 : file.size();
    const QByteArray bytes = size > maxBytes ? QByteArray() : file.read(maxBytes + 1);
    if (size > maxBytes || bytes.size() > maxBytes) {
        ctx.err << "error: " << path << ": expected at most " << maxBytes << " bytes (" << (maxBytes >> 20)
                << " MiB), found " << (size > maxBytes ? QString::number(size) : QStringLiteral("more"))
                << "; give the part of the file that matters\n";
        return std::nullopt;
    }
    return bytes;
}

} // namespace xi::cli
