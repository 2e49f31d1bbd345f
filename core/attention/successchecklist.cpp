// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/successchecklist.h"

#include <QJsonObject>

#include <algorithm>

namespace xi {

namespace {

using Status = ChecklistItem::Status;

ChecklistItem make(const char* id, const QString& item, Status status, const QString& detail)
{
    return ChecklistItem { QLatin1String(id), item, status, detail };
}

Status statusFrom(bool ok)
{
    return ok ? Status::Passed : Status::Failed;
}

} // namespace

QString ChecklistItem::statusName(Status s)
{
    switch (s) {
    case Status::Passed: return QStringLiteral("passed");
    case Status::Failed: return QStringLiteral("failed");
    case Status::NotApplicable: break;
    }
    return QStringLiteral("n/a");
}

bool SuccessChecklist::isBankWarning(const QString& message)
{
    return message.contains(QLatin1String("has no compute units with connectivity"))
        || message.contains(QLatin1String("Allocating local copy of argument buffer"))
        || message.contains(QLatin1String("Reverting to host copy of buffers"));
}

ChecklistItem SuccessChecklist::groupIds(const Inputs& in)
{
    const QString item
        = QStringLiteral("Group IDs valid (each buffer argument's bank; the slot bits are the hardware context)");
    if (!in.groups)
        return make("group_ids", item, Status::NotApplicable, QStringLiteral("no kernel argument table"));
    QStringList bad;
    QStringList banks;
    for (const ArgumentGroup& a : in.groups->arguments) {
        if (a.verdict == Verdict::Invalid)
            bad << QStringLiteral("%1 (%2): %3").arg(a.index).arg(a.argument.name, a.reason);
        else if (a.argument.isBuffer())
            banks << QStringLiteral("%1 bank %2").arg(a.argument.name).arg(a.bank);
    }
    if (!bad.isEmpty())
        return make("group_ids", item, Status::Failed, bad.join(QStringLiteral("; ")));
    return make("group_ids", item, Status::Passed,
                QStringLiteral("every buffer argument has a connected bank: %1").arg(banks.join(QStringLiteral(", "))));
}

// A call without its instruction stream, or with ninstr = 0, gives the NPU nothing to run: whatever the output
// is, it proves nothing.
ChecklistItem SuccessChecklist::instructions(const Inputs& in)
{
    const QString item = QStringLiteral("Instruction stream passed (the file, and ninstr = its word count)");
    const RunScope& s = in.scope;
    if (!s.usesInstructions)
        return make("instructions", item, Status::NotApplicable, QStringLiteral("no kernel call in this run"));
    if (s.instructionFile.isEmpty()) {
        return make("instructions", item, Status::Failed,
                    s.instructionNote.isEmpty() ? QStringLiteral("no instruction file") : s.instructionNote);
    }
    if (!s.hasNinstrArgument) {
        return make("instructions", item, Status::Passed,
                    QStringLiteral("%1 (%2 words); the kernel takes no instruction count")
                        .arg(s.instructionFile)
                        .arg(s.instructionWords));
    }
    if (!s.ninstr)
        return make("instructions", item, Status::Failed,
                    QStringLiteral("the call passes no instruction count (or one that could not be read)"));
    const qint64 n = *s.ninstr;
    if (n == 0)
        return make("instructions", item, Status::Failed,
                    QStringLiteral("ninstr = 0: the NPU is given no instruction to run"));
    if (n == s.instructionWords)
        return make("instructions", item, Status::Passed,
                    QStringLiteral("%1, %2 words, ninstr %3").arg(s.instructionFile).arg(s.instructionWords).arg(n));
    const bool txn = s.instructionFormat.startsWith(QLatin1String("txn"));
    if (txn && n == 4 * qint64(s.instructionWords)) {
        return make("instructions", item, Status::Passed,
                    QStringLiteral("ninstr %1 is the byte count, not the %2 words the ABI asks for; a TXN stream "
                                   "carries its own size, so current firmware accepts it")
                        .arg(n)
                        .arg(s.instructionWords));
    }
    return make("instructions", item, Status::Failed,
                QStringLiteral("ninstr %1, but %2 has %3 words").arg(n).arg(s.instructionFile).arg(s.instructionWords));
}

ChecklistItem SuccessChecklist::xrtWarnings(const Inputs& in)
{
    const QString item = QStringLiteral("No XRT bank warnings (no buffer cloned into another bank)");
    const auto count = std::count_if(in.xrtMessages.cbegin(), in.xrtMessages.cend(), isBankWarning);
    if (!in.xrtInvolved)
        return make("xrt_warnings", item, Status::NotApplicable, QStringLiteral("XRT was not involved in this run"));
    const bool reachedCall = in.state == QLatin1String("COMPLETED") || in.state == QLatin1String("ERROR")
        || in.state == QLatin1String("TIMEOUT") || in.state == QLatin1String("ABORT");
    if (count == 0 && !reachedCall) {
        return make("xrt_warnings", item, Status::NotApplicable,
                    QStringLiteral("XRT stopped before the kernel call (state %1)")
                        .arg(in.state.isEmpty() ? QStringLiteral("not started") : in.state));
    }
    return make("xrt_warnings", item, statusFrom(count == 0),
                count == 0 ? QStringLiteral("XRT printed no connectivity warning")
                           : QStringLiteral("XRT printed %1 connectivity warning line(s): those buffers were cloned "
                                            "and never copied back")
                                 .arg(count));
}

ChecklistItem SuccessChecklist::nonzeroOutput(const Inputs& in)
{
    const QString item = QStringLiteral("Non-zero output (not all 0, not one constant such as -1)");
    if (!in.scope.outputJudged)
        return make("nonzero_output", item, Status::NotApplicable,
                    QStringLiteral("not judged: %1").arg(in.scope.outputNotJudged));
    if (!in.metrics)
        return make("nonzero_output", item, Status::NotApplicable, QStringLiteral("no output was read"));
    const AttentionMetrics& m = *in.metrics;
    const bool ok = !m.allZero && !m.constant;
    QString detail = QStringLiteral("%1/%2 non-zero (%3 %), range [%4, %5]")
                         .arg(m.nonzero)
                         .arg(m.total)
                         .arg(100.0 * m.nonzeroFraction(), 0, 'f', 1)
                         .arg(m.min)
                         .arg(m.max);
    if (m.constant && !m.allZero)
        detail += QStringLiteral(": every value is %1").arg(m.min);
    return make("nonzero_output", item, statusFrom(ok), detail);
}

ChecklistItem SuccessChecklist::stateCompleted(const Inputs& in)
{
    const QString item = QStringLiteral("Execution state COMPLETED (not ERROR or TIMEOUT)");
    if (in.state.isEmpty())
        return make("state_completed", item, Status::NotApplicable, QStringLiteral("the kernel did not run"));
    return make("state_completed", item, statusFrom(in.state == QLatin1String("COMPLETED")),
                QStringLiteral("state %1").arg(in.state));
}

ChecklistItem SuccessChecklist::correlation(const Inputs& in)
{
    const QString item = QStringLiteral("Correlation with the float reference >= %1").arg(in.correlationThreshold);
    if (!in.scope.outputJudged)
        return make("correlation", item, Status::NotApplicable,
                    QStringLiteral("not judged: %1").arg(in.scope.outputNotJudged));
    if (!in.metrics || !in.metrics->hasReference)
        return make("correlation", item, Status::NotApplicable, QStringLiteral("no output or no reference"));
    const AttentionMetrics& m = *in.metrics;
    if (!m.correlationDefined())
        return make("correlation", item, Status::Failed,
                    QStringLiteral("undefined: the output (or the reference) is constant"));
    return make("correlation", item, statusFrom(m.correlation >= in.correlationThreshold),
                QStringLiteral("Pearson %1, MAE %2, max abs error %3")
                    .arg(m.correlation, 0, 'f', 4)
                    .arg(m.mae, 0, 'f', 3)
                    .arg(m.maxAbsError, 0, 'f', 3));
}

QList<ChecklistItem> SuccessChecklist::evaluate(const Inputs& in)
{
    return { groupIds(in), instructions(in), xrtWarnings(in), nonzeroOutput(in), stateCompleted(in), correlation(in) };
}

bool SuccessChecklist::allPassed(const QList<ChecklistItem>& items)
{
    return std::all_of(items.cbegin(), items.cend(),
                       [](const ChecklistItem& i) { return i.status != ChecklistItem::Status::Failed; });
}

QJsonArray SuccessChecklist::toJson(const QList<ChecklistItem>& items)
{
    QJsonArray a;
    for (const ChecklistItem& i : items) {
        a.append(QJsonObject { { QStringLiteral("id"), i.id },
                               { QStringLiteral("item"), i.item },
                               { QStringLiteral("passed"), i.passed() },
                               { QStringLiteral("status"), ChecklistItem::statusName(i.status) },
                               { QStringLiteral("detail"), i.detail } });
    }
    return a;
}

QList<ChecklistItem> SuccessChecklist::fromJson(const QJsonArray& array)
{
    QList<ChecklistItem> items;
    for (const QJsonValue v : array) {
        const QJsonObject o = v.toObject();
        ChecklistItem i;
        i.id = o.value(QLatin1String("id")).toString();
        i.item = o.value(QLatin1String("item")).toString();
        i.detail = o.value(QLatin1String("detail")).toString();
        const QString s = o.value(QLatin1String("status")).toString();
        i.status = s == QLatin1String("passed") ? Status::Passed
            : s == QLatin1String("failed")      ? Status::Failed
                                                : Status::NotApplicable;
        items << i;
    }
    return items;
}

} // namespace xi
