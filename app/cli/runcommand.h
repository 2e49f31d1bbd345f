// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"

namespace xi::cli {

// `run FILE --backend cpu|xrt-noop|emulated|xrt`: attention test vectors through one backend, with
// metrics, the success checklist and optional .npy / PNG / JSON files.
class RunCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("run"); }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace xi::cli
