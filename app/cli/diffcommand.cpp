// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffcommand.h"

#include "cliutil.h"
#include "groups/xclbindiff.h"
#include "texttable.h"
#include "xclbin/xclbinerror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

namespace xi::cli {

QString DiffCommand::name() const
{
    return QStringLiteral("diff");
}

QString DiffCommand::summary() const
{
    return QStringLiteral("What changed between two xclbins (exit 1 when they differ)");
}

QString DiffCommand::usage() const
{
    return QStringLiteral(
        "Usage: xclbin-inspector-cli diff A B [--json] [--ignore-build-stamp] [--no-bytes] [--slot N | --xrt213]\n\n"
        "Compares A (before) with B (after): header fields, sections (matched by kind and name; size and\n"
        "bytes), MEM_TOPOLOGY and GROUP_TOPOLOGY entries, CONNECTIVITY and GROUP_CONNECTIVITY entries,\n"
        "kernels, arguments, and every argument's group ID and verdict.\n\n"
        "  --ignore-build-stamp   leave out the xclbin UUID, timestamp and unique id (they change on every\n"
        "                         rebuild of the same inputs)\n"
        "  --no-bytes             compare section sizes only, not their bytes\n"
        "  --slot N, --xrt213     the group IDs compared (default slot 1)\n"
        "  --json                 machine-readable output (see docs/cli.md)\n\n"
        "Exit codes: 0 no difference, 1 the files differ, 2 a file cannot be read, 64 usage.\n");
}

int DiffCommand::run(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    addSlotOptions(parser);
    parser.addOption({ QStringLiteral("ignore-build-stamp"), QStringLiteral("Ignore UUID, timestamp, unique id.") });
    parser.addOption({ QStringLiteral("no-bytes"), QStringLiteral("Compare section sizes only.") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("JSON output.") });
    if (!parseOptions(parser, *this, args, ctx, 2, 2))
        return ExitUsage;
    QString error;
    const std::optional<SlotMode> mode = slotMode(parser, &error);
    if (!mode)
        return usageError(*this, ctx, error);
    const QStringList files = parser.positionalArguments();
    const XclbinPtr before = loadXclbin(files[0], ctx);
    const XclbinPtr after = before ? loadXclbin(files[1], ctx) : nullptr;
    if (!before || !after)
        return ExitBadInput;

    DiffOptions options;
    options.slotMode = *mode;
    options.ignoreBuildStamp = parser.isSet(QStringLiteral("ignore-build-stamp"));
    options.compareBytes = !parser.isSet(QStringLiteral("no-bytes"));
    QList<DiffRecord> records;
    try {
        records = XclbinDiff::compare(*before, *after, options);
    } catch (const XclbinException& e) {
        ctx.err << "error: " << e.error().message() << '\n';
        return ExitBadInput;
    }
    QMap<QString, int> counts;
    for (const DiffRecord& r : std::as_const(records))
        ++counts[diffAreaName(r.area)];

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const DiffRecord& r : std::as_const(records))
            list.append(r.toJson());
        QJsonObject countsJson;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            countsJson.insert(it.key(), it.value());
        printJson(ctx,
                  QJsonObject {
                      { QStringLiteral("before"), files[0] },
                      { QStringLiteral("after"), files[1] },
                      { QStringLiteral("identical"), records.isEmpty() },
                      { QStringLiteral("counts"), countsJson },
                      { QStringLiteral("differences"), list },
                  });
    } else if (records.isEmpty()) {
        ctx.out << "No differences between " << files[0] << " and " << files[1] << '\n';
    } else {
        ctx.out << "A: " << files[0] << "\nB: " << files[1] << "\n\n";
        TextTable table({ QStringLiteral("Area"), QStringLiteral("Change"), QStringLiteral("Key"),
                          QStringLiteral("Field"), QStringLiteral("A"), QStringLiteral("B") });
        for (const DiffRecord& r : std::as_const(records)) {
            table.addRow({ diffAreaName(r.area), diffChangeName(r.change), r.key, r.field,
                           r.before.isEmpty() ? QStringLiteral("-") : r.before,
                           r.after.isEmpty() ? QStringLiteral("-") : r.after });
        }
        table.print(ctx.out, 0);
        QStringList parts;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
        ctx.out << '\n' << records.size() << " difference(s): " << parts.join(QStringLiteral(", ")) << '\n';
    }
    return records.isEmpty() ? ExitOk : ExitCheckFailed;
}

} // namespace xi::cli
