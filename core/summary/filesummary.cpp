// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary/filesummary.h"

#include <QJsonArray>

namespace xi {

QString FileSummary::countsText() const
{
    QStringList parts;
    for (Verdict v : { Verdict::Valid, Verdict::Scalar, Verdict::Warning, Verdict::Invalid })
        parts << QStringLiteral("%1 %2").arg(count(v)).arg(verdictName(v));
    if (count(Verdict::Unknown) > 0)
        parts << QStringLiteral("%1 %2").arg(count(Verdict::Unknown)).arg(verdictName(Verdict::Unknown));
    return parts.join(QStringLiteral(", "));
}

QString FileSummary::toText() const
{
    QString text = QStringLiteral("Summary: %1\n").arg(headline);
    auto line = [&text](const QString& label, const QString& value) {
        text += QStringLiteral("  %1 %2\n").arg(label + u':', -14).arg(value);
    };
    line(QStringLiteral("File"), QStringLiteral("%1. %2").arg(fileName, kindText));
    for (const KernelCall& k : kernels) {
        line(k.names.size() == 1 ? QStringLiteral("Kernel") : QStringLiteral("Kernels"),
             QStringLiteral("%1, %2: %3").arg(k.names.join(QStringLiteral(", ")), k.conventionText, k.python));
    }
    if (stream)
        line(QStringLiteral("Instructions"), stream->sentence());
    else if (!streamNote.isEmpty())
        line(QStringLiteral("Instructions"), streamNote);
    if (argumentCount > 0)
        line(QStringLiteral("Verdicts"), countsText());
    for (const SummaryPoint& p : points) {
        const QString times
            = p.count > 1 && p.severity != Severity::Info ? QStringLiteral(" (%1x)").arg(p.count) : QString();
        text += QStringLiteral("  %1 %2%3 [view: %4]\n").arg(severityName(p.severity), -8).arg(p.text, times, p.view);
    }
    return text + u'\n';
}

QJsonObject FileSummary::toJson() const
{
    QJsonArray kernelList;
    for (const KernelCall& k : kernels) {
        kernelList.append(QJsonObject { { QStringLiteral("names"), QJsonArray::fromStringList(k.names) },
                                        { QStringLiteral("npu"), k.npu },
                                        { QStringLiteral("convention"), conventionName(k.convention) },
                                        { QStringLiteral("convention_text"), k.conventionText },
                                        { QStringLiteral("python"), k.python },
                                        { QStringLiteral("cpp"), k.cpp } });
    }
    QJsonObject countObject;
    for (int v = 0; v < VerdictCount; ++v)
        countObject.insert(verdictName(Verdict(v)).replace(u' ', u'_'), counts[size_t(v)]);
    QJsonArray pointList;
    for (const SummaryPoint& p : points)
        pointList.append(p.toJson());
    return QJsonObject {
        { QStringLiteral("file"), fileName },
        { QStringLiteral("kind"), FileKind::name(kind) },
        { QStringLiteral("kind_text"), kindText },
        { QStringLiteral("level"), severityName(level) },
        { QStringLiteral("headline"), headline },
        { QStringLiteral("headline_view"), headlineView },
        { QStringLiteral("kernels"), kernelList },
        { QStringLiteral("instructions"), stream ? QJsonValue(stream->toJson()) : QJsonValue(streamNote) },
        { QStringLiteral("counts"), countObject },
        { QStringLiteral("points"), pointList },
    };
}

} // namespace xi
