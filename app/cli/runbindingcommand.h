// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"

namespace xi::cli {

// `run-binding`: runs a binding plan through XRT. Started by XrtRunner as the runner child (the XRT
// environment already set up); started by hand it sets that environment up by starting itself as the child.
class RunBindingCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("run-binding"); }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace xi::cli
