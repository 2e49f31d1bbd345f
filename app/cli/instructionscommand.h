// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"

namespace xi::cli {

// `instructions FILE [--xclbin X [--kernel NAME]] [--ninstr N] [--ops] [--json]`: decodes an NPU instruction
// stream (TXN v0.1 / v1.0, legacy IPU; binary or hex text) and says, per XRT argument, what the NPU reads or
// writes and how many bytes, which outputs it waits for, and what does not fit the xclbin.
class InstructionsCommand : public CliCommand {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace xi::cli
