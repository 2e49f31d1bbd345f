// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/buildcomparison.h"

#include "xclbin/xclbinreader.h"

#include <QJsonArray>

#include <algorithm>

namespace xi {

int BuildComparison::argumentChanges() const
{
    return int(std::count_if(xclbin.cbegin(), xclbin.cend(), [](const DiffRecord& r) {
        return r.area == DiffRecord::Area::Kernel || r.area == DiffRecord::Area::Argument
            || r.area == DiffRecord::Area::GroupId;
    }));
}

bool BuildComparison::sameGroupIds() const
{
    return error.isEmpty() && std::none_of(xclbin.cbegin(), xclbin.cend(), [](const DiffRecord& r) {
               return r.area == DiffRecord::Area::GroupId;
           });
}

QString BuildComparison::summary() const
{
    if (!error.isEmpty())
        return QStringLiteral("Not compared: %1").arg(error);
    const int streamChanges
        = int(std::count_if(instructions.cbegin(), instructions.cend(), [](const InstructionStreamRow& r) {
              return r.changed && r.aspect != QLatin1String("file");
          }));
    return QStringLiteral("Against the previous build: %1 difference(s) in the xclbin (%2 in kernels, arguments and "
                          "group IDs; group IDs %3), %4 in the instruction stream.")
        .arg(xclbin.size())
        .arg(argumentChanges())
        .arg(sameGroupIds() ? QStringLiteral("unchanged") : QStringLiteral("changed"))
        .arg(streamChanges);
}

QJsonObject BuildComparison::toJson() const
{
    QJsonArray records;
    for (const DiffRecord& r : xclbin)
        records.append(r.toJson());
    QJsonArray rows;
    for (const InstructionStreamRow& r : instructions)
        rows.append(r.toJson());
    return { { QStringLiteral("before_xclbin"), beforeXclbin },
             { QStringLiteral("after_xclbin"), afterXclbin },
             { QStringLiteral("error"), error },
             { QStringLiteral("same_group_ids"), sameGroupIds() },
             { QStringLiteral("argument_changes"), argumentChanges() },
             { QStringLiteral("xclbin_differences"), records },
             { QStringLiteral("instruction_stream"), rows },
             { QStringLiteral("summary"), summary() } };
}

BuildComparison BuildComparison::compare(const QString& beforeXclbin, const QString& beforeInstructions,
                                         const QString& afterXclbin, const QString& afterInstructions)
{
    BuildComparison c;
    c.beforeXclbin = beforeXclbin;
    c.afterXclbin = afterXclbin;
    c.instructions = compareInstructionStreams(beforeInstructions, afterInstructions);
    const XclbinLoadResult a = XclbinReader::load(beforeXclbin);
    const XclbinLoadResult b = XclbinReader::load(afterXclbin);
    if (!a.ok() || !b.ok()) {
        c.error
            = !a.ok() ? (a.error ? a.error->message() : beforeXclbin) : (b.error ? b.error->message() : afterXclbin);
        return c;
    }
    DiffOptions options;
    options.ignoreBuildStamp = true;
    try {
        c.xclbin = XclbinDiff::compare(*a.xclbin, *b.xclbin, options);
    } catch (const XclbinException& e) {
        c.error = e.error().message();
    }
    return c;
}

} // namespace xi
