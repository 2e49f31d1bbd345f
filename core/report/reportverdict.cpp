// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/reportverdict.h"

#include "binding/xrtlog.h"

namespace xi {

namespace {

bool judged(const AttentionRun& run)
{
    return run.scope.outputJudged && run.hasOutput();
}

QString nonzero(const AttentionRun& run)
{
    return QStringLiteral("%1/%2").arg(run.metrics.nonzero).arg(run.metrics.total);
}

bool usesXrt(const AttentionRun& run)
{
    return run.backend != QLatin1String("cpu");
}

} // namespace

QList<int> ReportVerdict::warnedArguments(const AttentionRun& run)
{
    QList<int> arguments;
    for (const QString& line : run.xrtMessages) {
        const int argument = XrtMessage { {}, line, {} }.connectivityArgument();
        if (argument >= 0 && !arguments.contains(argument))
            arguments << argument;
    }
    return arguments;
}

QString ReportVerdict::argumentList(const QList<int>& arguments)
{
    QStringList numbers;
    for (int a : arguments)
        numbers << QString::number(a);
    if (numbers.size() == 1)
        return QStringLiteral("argument %1").arg(numbers.first());
    const QString last = numbers.takeLast();
    return QStringLiteral("arguments %1 and %2").arg(numbers.join(QStringLiteral(", ")), last);
}

QString ReportVerdict::outcome(const AttentionRun& run)
{
    QStringList parts;
    if (run.state != QLatin1String("COMPLETED")) {
        const QString state
            = run.state.isEmpty() ? QStringLiteral("did not run") : QStringLiteral("ended %1").arg(run.state);
        parts << (run.error.isEmpty() ? state : QStringLiteral("%1: %2").arg(state, run.error));
    } else if (!run.scope.outputJudged) {
        parts << QStringLiteral("output not judged (%1)").arg(run.scope.outputNotJudged);
    } else if (!run.hasOutput()) {
        parts << QStringLiteral("no output read back");
    } else {
        const AttentionMetrics& m = run.metrics;
        parts
            << (m.allZero
                    ? QStringLiteral("%1 non-zero (all zero)").arg(nonzero(run))
                    : QStringLiteral("%1 non-zero (%2%)").arg(nonzero(run)).arg(100 * m.nonzeroFraction(), 0, 'f', 1));
        if (m.hasReference && m.correlationDefined())
            parts << QStringLiteral("correlation %1").arg(m.correlation, 0, 'f', 3);
    }
    if (usesXrt(run) && (run.state == QLatin1String("COMPLETED") || !warnedArguments(run).isEmpty())) {
        const QList<int> warned = warnedArguments(run);
        parts << (warned.isEmpty() ? QStringLiteral("no XRT warning")
                                   : QStringLiteral("XRT warned about %1").arg(argumentList(warned)));
    }
    return parts.join(QStringLiteral(", "));
}

QString ReportVerdict::sentence(const AttentionRun& run)
{
    const QString call = run.call.isEmpty() ? QString() : QStringLiteral(", call \"%1\"").arg(run.call);
    return QStringLiteral("%1%2: %3.").arg(run.backend, call, outcome(run));
}

bool ReportVerdict::isFixed(const AttentionRun& before, const AttentionRun& after)
{
    return after.succeeded() && !before.succeeded();
}

QString ReportVerdict::comparison(const AttentionRun& before, const AttentionRun& after)
{
    QStringList parts;
    if (judged(before) && judged(after))
        parts << QStringLiteral("%1 -> %2 non-zero").arg(nonzero(before), nonzero(after));
    else if (judged(after))
        parts << QStringLiteral("%1 non-zero after").arg(nonzero(after));
    const QList<int> was = warnedArguments(before);
    const QList<int> is = warnedArguments(after);
    if (!was.isEmpty() && is.isEmpty())
        parts << QStringLiteral("XRT's warning gone");
    else if (!is.isEmpty()) {
        parts << QStringLiteral("XRT %1 about %2")
                     .arg(was.isEmpty() ? QStringLiteral("now warns") : QStringLiteral("still warns"),
                          argumentList(is));
    }
    if (!after.scope.outputJudged)
        parts << QStringLiteral("the output is not judged on the %1 backend").arg(after.backend);
    QString lead;
    if (isFixed(before, after))
        lead = QStringLiteral("Fix verified");
    else if (before.succeeded() && !after.succeeded())
        lead = QStringLiteral("Worse after the change");
    else if (!after.succeeded())
        lead = QStringLiteral("Not fixed yet");
    else
        lead = QStringLiteral("Both runs pass");
    if (after.state != QLatin1String("COMPLETED")) {
        parts.prepend(QStringLiteral("the after run %1")
                          .arg(after.state.isEmpty() ? QStringLiteral("did not run")
                                                     : QStringLiteral("ended %1").arg(after.state)));
    }
    return parts.isEmpty() ? lead : QStringLiteral("%1: %2").arg(lead, parts.join(QStringLiteral(", ")));
}

} // namespace xi
