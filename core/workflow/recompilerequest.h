// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/aieccflagset.h"
#include "workflow/toolchaindetection.h"
#include "workflow/toolchainsettings.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace xi {

// One aiecc run: the command as an argument list (never a shell string), where it runs and what it writes.
struct RecompileRequest {
    QString designPath;
    QString workingDirectory;
    AieccCommand command;
    AieccFlagSet flags;
    QString xclbinName; // written into the working folder: "<design base>.xclbin"
    QString instructionsName; // "<design base>.insts.bin"
    QProcessEnvironment environment;
    bool keepPreviousBuild = true; // copy the last outputs into previous-build/ first, for Compare

    QStringList arguments() const; // command.prefix and the flags, the design last
    QString commandLine() const; // for display: each argument quoted when it needs to be

    // From the settings and what detection found; nullopt with *error (naming what is missing and how to get it)
    // when aiecc cannot be run.
    static std::optional<RecompileRequest> prepare(const QString& designPath, const ToolchainSettings& settings,
                                                   const ToolchainStatus& status, QString* error);
};

} // namespace xi
