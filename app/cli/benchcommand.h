// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"

namespace xi::cli {

// One benchmark of `bench NAME ARGS...`: the measuring lives in core, this is its command-line glue.
struct BenchSubcommand {
    QString name;
    QString summary;
    QString usage; // options after `bench NAME`
    int (*run)(const QStringList& args, CliContext& ctx); // args exclude "bench NAME"
};

// To add a benchmark: write its run function (declared here) and add one line to benchSubcommands().
int runParseBench(const QStringList& args, CliContext& ctx);
int runAttentionBench(const QStringList& args, CliContext& ctx); // benchattention.cpp
QList<BenchSubcommand> benchSubcommands();

// `bench`: speed measurements (kept out of the unit tests), one subcommand per benchmark.
class BenchCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("bench"); }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList& args, CliContext& ctx) override;
};

} // namespace xi::cli
