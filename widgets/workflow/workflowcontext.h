// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionbackend.h"
#include "workflow/toolchaindetection.h"
#include "workflow/toolchainsettings.h"

#include <QString>

#include <optional>

namespace xi {

// What the workflow pages work on: the design, its current build and the toolchain to rebuild with.
struct WorkflowContext {
    QString designPath;
    QString xclbinPath; // the current build of the design (before any edit); empty when none is known
    QString instructionsPath;
    QString projectFolder; // aiecc's <design>.prj of the current build, for repackaging; empty when none
    QString hostProgram; // the host program whose call the host fix corrects
    ToolchainSettings settings;
    std::optional<ToolchainStatus> toolchain; // detected; nullopt = detect when needed
    QString cliPath; // the runner child for runs; empty = next to the executable
    AttentionBackendKind backend = AttentionBackendKind::Emulated; // where the verification runs the vectors
};

} // namespace xi
