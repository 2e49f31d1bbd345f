// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"

namespace xi::cli {

// `decode VALUE... [--xclbin FILE] [--json]` explains raw group IDs; `decode --log FILE|-` finds every group ID
// and XRT connectivity warning in log text and says what was passed where and what the call should be.
class DecodeCommand : public CliCommand {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace xi::cli
