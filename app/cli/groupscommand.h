// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"

namespace xi::cli {

// `groups FILE [--slot N] [--xrt213] [--kernel NAME] [--json]`: every kernel argument with the group ID XRT
// returns for it, decoded, and a verdict with its reason. Exit 1 when an argument is invalid.
class GroupsCommand : public CliCommand {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace xi::cli
