// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicommand.h"
#include "groups/groupid.h"
#include "xclbin/xclbin.h"

#include <QCommandLineParser>
#include <QJsonValue>

#include <optional>

// Small helpers every subcommand may use: loading an xclbin with the error printed, option parsing
// with usage errors, JSON printing and reading a file or stdin.
namespace xi::cli {

// Reads the xclbin; on failure prints XclbinError::message() to ctx.err and returns nullptr
// (the caller then returns ExitBadInput).
XclbinPtr loadXclbin(const QString& path, CliContext& ctx);

// Parses `args` (without the command name). On an unknown option or a wrong number of positional
// arguments prints "COMMAND: what is wrong" and the usage to ctx.err and returns false (return ExitUsage).
bool parseOptions(QCommandLineParser& parser, const CliCommand& command, const QStringList& args, CliContext& ctx,
                  int minPositional, int maxPositional = -1);
int usageError(const CliCommand& command, CliContext& ctx, const QString& message);

// --slot N and --xrt213, shared by commands that print group IDs.
void addSlotOptions(QCommandLineParser& parser);
std::optional<SlotMode> slotMode(const QCommandLineParser& parser, QString* error);

// Indented JSON and a newline on ctx.out.
void printJson(CliContext& ctx, const QJsonValue& value);
// The whole file, or stdin for "-"; nullopt with ctx.err told why.
std::optional<QByteArray> readInput(const QString& path, CliContext& ctx, qint64 maxBytes = -1);

} // namespace xi::cli
