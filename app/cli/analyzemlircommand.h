// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"

namespace xi::cli {

// `analyze-mlir FILE.mlir [--json]`: what an mlir-aie design declares (device, tiles, buffers, object FIFOs,
// cores, runtime-sequence host buffers) and what cannot work in it (buffers on shim tiles, more than five host
// buffers, over-full tile memory), with the XRT argument each host buffer becomes.
class AnalyzeMlirCommand : public CliCommand {
public:
    QString name() const override;
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace xi::cli
