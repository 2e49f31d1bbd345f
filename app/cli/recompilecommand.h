// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"

namespace xi::cli {

// `recompile DESIGN.mlir [--aiecc PROGRAM] [--workdir DIR] [--json]`: runs aiecc on a design (the flags chosen
// from its --help), streams its log, and prints the command, the exit code, the diagnostics and the xclbin and
// instruction file it wrote, compared with the previous build.
class RecompileCommand : public CliCommand {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace xi::cli
