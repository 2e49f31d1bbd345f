// SPDX-License-Identifier: GPL-3.0-or-later
#include "runner/noopcrosscheck.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace xi {

namespace {

QString argumentList(const QList<int>& arguments)
{
    QStringList texts;
    for (int a : arguments)
        texts << QString::number(a);
    return texts.isEmpty() ? QStringLiteral("none") : texts.join(QStringLiteral(", "));
}

} // namespace

QString NoopComparison::summary() const
{
    if (!checkRan) {
        return QStringLiteral("XRT's argument check did not run, so there is nothing to compare with the prediction: "
                              "%1")
            .arg(notRun);
    }
    if (!captured)
        return QStringLiteral("XRT's messages could not be captured, so the prediction cannot be compared.");
    QString text = QStringLiteral("XRT warned about arguments: %1; the checker predicted: %2.")
                       .arg(argumentList(printedArguments), argumentList(predictedArguments));
    if (!printedException.isEmpty() || !predictedException.isEmpty()) {
        text += QStringLiteral(" XRT threw: %1; predicted: %2.")
                    .arg(printedException.isEmpty() ? QStringLiteral("nothing") : printedException,
                         predictedException.isEmpty() ? QStringLiteral("nothing") : predictedException);
    }
    return text + (matches ? QStringLiteral(" They agree.") : QStringLiteral(" They DIFFER."));
}

QJsonObject NoopComparison::toJson() const
{
    QJsonArray predicted, printed;
    for (int a : predictedArguments)
        predicted.append(a);
    for (int a : printedArguments)
        printed.append(a);
    return QJsonObject { { QLatin1String("xrt213"), xrt213 },
                         { QLatin1String("captured"), captured },
                         { QLatin1String("check_ran"), checkRan },
                         { QLatin1String("not_run"), notRun },
                         { QLatin1String("predicted_warnings"), QJsonArray::fromStringList(predictedWarnings) },
                         { QLatin1String("predicted_exception"), predictedException },
                         { QLatin1String("printed_warnings"), QJsonArray::fromStringList(printedWarnings) },
                         { QLatin1String("printed_exception"), printedException },
                         { QLatin1String("predicted_arguments"), predicted },
                         { QLatin1String("printed_arguments"), printed },
                         { QLatin1String("matches_prediction"), matches } };
}

RunRequest NoopCrossCheck::request(const BindingPlan& plan, const BindingReport& report, const QString& xclbinPath,
                                   const QString& instructionFile, QStringList* notes)
{
    RunRequest request;
    request.xclbinPath = xclbinPath;
    request.kernelName = report.kernelName;
    request.backend = RunBackend::XrtNoop;
    request.plan = plan;
    // Only the chosen stream (InstructionFileLocator): a named file that is missing leaves the BO zero-filled, which
    // does not change XRT's argument check.
    request.plan.instructionFile = instructionFile;
    const QDir base = QFileInfo(plan.sourceFile).dir();
    for (ArgBinding& a : request.plan.arguments) {
        if (!a.isBuffer())
            continue;
        QString& file = a.bo.inputFile;
        if (a.bo.instructions) {
            if (!file.isEmpty() && instructionFile.isEmpty() && notes)
                *notes << QStringLiteral("argument %1: %2 not found, BO left zero").arg(a.index).arg(file);
            file = instructionFile;
            continue;
        }
        if (file.isEmpty())
            continue;
        const QString resolved = QFileInfo(file).isAbsolute() || plan.sourceFile.isEmpty() ? file : base.filePath(file);
        if (QFileInfo(resolved).isFile()) {
            file = resolved;
        } else {
            if (notes)
                *notes << QStringLiteral("argument %1: %2 not found, BO left zero").arg(a.index).arg(file);
            file.clear();
        }
    }
    return request;
}

NoopComparison NoopCrossCheck::compare(const BindingReport& report, const RunResult& result)
{
    NoopComparison c;
    c.xrt213 = result.xrtVersion.startsWith(QLatin1String("2.13"));
    c.captured = result.messagesCaptured;
    for (const PredictedXrtWarning& w : c.xrt213 ? report.predictedWarningsXrt213 : report.predictedWarningsSlotAware) {
        if (w.exception) {
            if (c.predictedException.isEmpty())
                c.predictedException = w.text;
            continue;
        }
        c.predictedWarnings << w.text;
        if (!c.predictedArguments.contains(w.argument))
            c.predictedArguments << w.argument;
    }
    for (const XrtMessage& m : result.messages) {
        const int argument = m.connectivityArgument();
        if (argument < 0)
            continue;
        c.printedWarnings << m.text;
        if (!c.printedArguments.contains(argument))
            c.printedArguments << argument;
    }
    c.checkRan = result.argumentsPassed();
    if (!c.checkRan)
        c.notRun = result.error.isEmpty() ? QStringLiteral("the run stopped before the arguments were passed")
                                          : result.error;
    if (result.failedStage == QLatin1String("arguments"))
        c.printedException = result.errorDetail;
    c.matches = c.checkRan && c.captured && c.printedWarnings == c.predictedWarnings
        && c.printedException == c.predictedException;
    return c;
}

} // namespace xi
