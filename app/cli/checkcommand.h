// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"

namespace xi::cli {

// `check FILE.xclbin --host PROGRAM | --call "3, instr:1, 118, bo:3, bo:4"`: checks how a host binds buffers
// to the kernel's arguments, predicts XRT's warnings and prints the corrected call. Exit 1 on any error.
// `--host PROGRAM --fix [--dry-run]` puts the correction into the program (HostProgramFix) and checks it again.
class CheckCommand : public CliCommand {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace xi::cli
