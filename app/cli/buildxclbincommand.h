// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"

namespace xi::cli {

// `build-xclbin --mem-topology F --kernels F --aie-partition F --output F`: builds an .xclbin from the JSON
// files aiecc hands to xclbinutil, laid out as xclbinutil 2.26 lays it out. Exit 2 on bad input.
class BuildXclbinCommand : public CliCommand {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace xi::cli
