// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"

namespace xi::cli {

// `diff A B [--json] [--ignore-build-stamp] [--no-bytes] [--slot N|--xrt213]`: what changed between two
// xclbins. Exit 0 when identical, 1 when they differ, 2 when one cannot be read.
class DiffCommand : public CliCommand {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace xi::cli
