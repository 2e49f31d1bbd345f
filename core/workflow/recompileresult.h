// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/aieccdiagnostic.h"
#include "workflow/buildoutputs.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace xi {

// How an aiecc run ended, what it printed and what it wrote.
struct RecompileResult {
    QString designPath;
    QString workingDirectory;
    QString program;
    QStringList arguments;
    QString commandLine;
    bool started = false;
    QString startError; // why the process did not start
    int exitCode = -1;
    bool crashed = false; // ended by a signal
    bool cancelled = false;
    qint64 durationMs = 0;
    QStringList log; // every line aiecc printed (stdout and stderr in order)
    QList<AieccDiagnostic> diagnostics;
    BuildOutputs outputs;

    // Ran to exit code 0, not cancelled, and the xclbin it wrote was found.
    bool succeeded() const;
    int errorCount() const;
    // The exit in words: what happened and what to look at.
    QString sentence() const;
    // {"design", "working_directory", "command", "arguments", "command_line", "started", "exit_code", "crashed",
    //  "cancelled", "duration_ms", "succeeded", "sentence", "diagnostics", "xclbin", "instructions", "outputs"}
    QJsonObject toJson(bool withLog = false) const;
};

} // namespace xi
