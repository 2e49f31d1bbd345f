// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace xi::cli {

// Exit codes shared by every subcommand (documented in docs/cli.md).
enum ExitCode {
    ExitOk = 0,
    ExitCheckFailed = 1, // a check found an invalid argument or an error finding
    ExitBadInput = 2, // unreadable or malformed input
    ExitUnresolved = 3, // the host program could not be followed: no verdict was made from guesses
    ExitUsage = 64,
};

struct CliContext {
    QTextStream& out;
    QTextStream& err;
};

// One subcommand: `xclbin-inspector-cli NAME ARGS...`.
class CliCommand {
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0; // one line for the top-level help
    virtual QString usage() const = 0; // full help text for `NAME --help`
    // args excludes the subcommand name.
    virtual int run(const QStringList& args, CliContext& ctx) = 0;
};

using CliCommandFactory = std::function<std::unique_ptr<CliCommand>()>;
// All subcommands in help order (commandregistry.cpp).
QList<CliCommandFactory> cliCommands();

} // namespace xi::cli
