// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/runscope.h"

#include "util/saturatingcast.h"

#include <QJsonArray>

namespace xi {

QJsonObject RunScope::toJson() const
{
    QJsonObject o { { QLatin1String("exercised"), QJsonArray::fromStringList(exercised) },
                    { QLatin1String("not_exercised"), QJsonArray::fromStringList(notExercised) },
                    { QLatin1String("output_judged"), outputJudged },
                    { QLatin1String("output_not_judged"), outputNotJudged },
                    { QLatin1String("uses_instructions"), usesInstructions },
                    { QLatin1String("instruction_file"), instructionFile },
                    { QLatin1String("instruction_note"), instructionNote },
                    { QLatin1String("instruction_format"), instructionFormat },
                    { QLatin1String("instruction_words"), instructionWords },
                    { QLatin1String("has_ninstr_argument"), hasNinstrArgument },
                    { QLatin1String("design"), design } };
    o.insert(QLatin1String("ninstr"), ninstr ? QJsonValue(double(*ninstr)) : QJsonValue());
    return o;
}

RunScope RunScope::fromJson(const QJsonObject& o)
{
    RunScope s;
    for (const QJsonValue v : o.value(QLatin1String("exercised")).toArray())
        s.exercised << v.toString();
    for (const QJsonValue v : o.value(QLatin1String("not_exercised")).toArray())
        s.notExercised << v.toString();
    s.outputJudged = o.value(QLatin1String("output_judged")).toBool(true);
    s.outputNotJudged = o.value(QLatin1String("output_not_judged")).toString();
    s.usesInstructions = o.value(QLatin1String("uses_instructions")).toBool();
    s.instructionFile = o.value(QLatin1String("instruction_file")).toString();
    s.instructionNote = o.value(QLatin1String("instruction_note")).toString();
    s.instructionFormat = o.value(QLatin1String("instruction_format")).toString();
    s.instructionWords = o.value(QLatin1String("instruction_words")).toInt();
    s.hasNinstrArgument = o.value(QLatin1String("has_ninstr_argument")).toBool();
    s.design = o.value(QLatin1String("design")).toString();
    const QJsonValue n = o.value(QLatin1String("ninstr"));
    if (n.isDouble())
        s.ninstr = saturatingCast<qint64>(n.toDouble());
    return s;
}

} // namespace xi
