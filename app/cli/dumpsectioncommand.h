// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"

namespace xi::cli {

// `dump-section FILE KIND[:NAME] [--json|--raw] [--output F [--force]]`: one section as xclbinutil's JSON,
// as text (EMBEDDED_METADATA and other text sections) or as raw bytes.
class DumpSectionCommand : public CliCommand {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace xi::cli
