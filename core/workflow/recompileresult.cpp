// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/recompileresult.h"

#include <QJsonArray>

#include <algorithm>

namespace xi {

bool RecompileResult::succeeded() const
{
    return started && !cancelled && !crashed && exitCode == 0 && !outputs.xclbin.isEmpty();
}

int RecompileResult::errorCount() const
{
    return int(
        std::count_if(diagnostics.cbegin(), diagnostics.cend(), [](const AieccDiagnostic& d) { return d.isError(); }));
}

QString RecompileResult::sentence() const
{
    if (!started)
        return QStringLiteral("aiecc could not be started: %1.").arg(startError);
    if (cancelled)
        return QStringLiteral("Cancelled after %1 s: aiecc and every process it started were stopped.")
            .arg(double(durationMs) / 1000.0, 0, 'f', 1);
    if (crashed) {
        return QStringLiteral("aiecc was ended by a signal (a crash, or killed from outside) after %1 s; its log "
                              "shows how far it got.")
            .arg(double(durationMs) / 1000.0, 0, 'f', 1);
    }
    const AieccDiagnostic* failedStep = nullptr;
    const AieccDiagnostic* firstError = nullptr;
    for (const AieccDiagnostic& d : diagnostics) {
        if (d.kind == AieccDiagnostic::Kind::FailedCommand && !failedStep)
            failedStep = &d;
        if (d.isError() && d.kind != AieccDiagnostic::Kind::FailedCommand && !firstError)
            firstError = &d;
    }
    if (exitCode == 0) {
        if (outputs.xclbin.isEmpty()) {
            return QStringLiteral("aiecc finished (exit code 0) but wrote no xclbin in %1: check the log and the "
                                  "output names.")
                .arg(workingDirectory);
        }
        return QStringLiteral("aiecc finished in %1 s: %2%3.")
            .arg(double(durationMs) / 1000.0, 0, 'f', 1)
            .arg(outputs.xclbin,
                 outputs.instructions.isEmpty() ? QStringLiteral(" (no instruction file found)")
                                                : QString(QStringLiteral(" and ") + outputs.instructions));
    }
    QString why;
    if (exitCode == 2 && log.join(QLatin1Char('\n')).contains(QLatin1String("unrecognized arguments"))) {
        why = QStringLiteral("aiecc did not accept its command line (exit code 2, unrecognized arguments): the flags "
                             "do not match this aiecc version");
    } else if (exitCode == 126) {
        why = QStringLiteral("a program could not be executed (exit code 126: permission denied or not a program)");
    } else if (exitCode == 127) {
        why = QStringLiteral("a program was not found (exit code 127): check PATH for aie-opt, xclbinutil and bootgen");
    } else if (exitCode > 128 && exitCode < 160) {
        why = QStringLiteral("a step was ended by signal %1 (exit code %2)").arg(exitCode - 128).arg(exitCode);
    } else if (exitCode == 253) {
        why = QStringLiteral("aiecc rejected the device's target (exit code 253)");
    } else {
        why = QStringLiteral("aiecc failed with exit code %1").arg(exitCode);
    }
    if (firstError) {
        why += QStringLiteral("; %1 error(s), the first: %2")
                   .arg(errorCount() - (failedStep ? 1 : 0))
                   .arg(firstError->text());
    }
    if (failedStep)
        why += QStringLiteral("; the failing step was: %1").arg(failedStep->command);
    return why + QLatin1Char('.');
}

QJsonObject RecompileResult::toJson(bool withLog) const
{
    QJsonArray diags;
    for (const AieccDiagnostic& d : diagnostics)
        diags.append(d.toJson());
    QJsonObject o { { QStringLiteral("design"), designPath },
                    { QStringLiteral("working_directory"), workingDirectory },
                    { QStringLiteral("command"), program },
                    { QStringLiteral("arguments"), QJsonArray::fromStringList(arguments) },
                    { QStringLiteral("command_line"), commandLine },
                    { QStringLiteral("started"), started },
                    { QStringLiteral("exit_code"), exitCode },
                    { QStringLiteral("crashed"), crashed },
                    { QStringLiteral("cancelled"), cancelled },
                    { QStringLiteral("duration_ms"), durationMs },
                    { QStringLiteral("succeeded"), succeeded() },
                    { QStringLiteral("sentence"), sentence() },
                    { QStringLiteral("diagnostics"), diags },
                    { QStringLiteral("xclbin"), outputs.xclbin },
                    { QStringLiteral("instructions"), outputs.instructions },
                    { QStringLiteral("outputs"), outputs.toJson() } };
    if (withLog)
        o.insert(QStringLiteral("log"), QJsonArray::fromStringList(log));
    return o;
}

} // namespace xi
