// SPDX-License-Identifier: GPL-3.0-or-later
#include "recompilecommand.h"

#include "cliutil.h"
#include "texttable.h"
#include "workflow/buildcomparison.h"
#include "workflow/recompilejob.h"
#include "workflow/recompilerequest.h"
#include "workflow/toolchaindetection.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace xi::cli {

namespace {

// "--aiecc PROGRAM": a program, or "python3 -m MODULE".
ToolchainSettings settingsFor(const QString& aiecc, const QString& workdir)
{
    ToolchainSettings settings;
    settings.workingDirectory = workdir;
    const QStringList parts = aiecc.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() == 3 && parts.at(1) == QLatin1String("-m")) {
        settings.mode = ToolchainSettings::AieccMode::PythonModule;
        settings.python = parts.at(0);
        settings.module = parts.at(2);
    } else if (!aiecc.isEmpty()) {
        settings.mode = ToolchainSettings::AieccMode::Program;
        settings.program = aiecc;
    }
    return settings;
}

void printToolchain(const ToolchainStatus& status, CliContext& ctx)
{
    TextTable table(
        { QStringLiteral("Tool"), QStringLiteral("Found"), QStringLiteral("Where"), QStringLiteral("Detail") });
    for (const ToolStatus& t : status.tools)
        table.addRow({ t.tool, t.found ? QStringLiteral("yes") : QStringLiteral("no"),
                       t.path.isEmpty() ? QStringLiteral("-") : t.path, t.detail });
    table.print(ctx.err);
    for (const ToolStatus& t : status.tools) {
        if (!t.found && !t.howToGet.isEmpty())
            ctx.err << "  " << t.tool << ": " << t.howToGet << '\n';
    }
}

void printResult(const RecompileResult& result, const std::optional<BuildComparison>& comparison, CliContext& ctx)
{
    ctx.out << "\nexit code: " << result.exitCode << (result.crashed ? " (ended by a signal)" : "") << '\n'
            << result.sentence() << '\n';
    if (!result.diagnostics.isEmpty()) {
        ctx.out << "\nDiagnostics:\n";
        for (const AieccDiagnostic& d : result.diagnostics)
            ctx.out << "  " << d.text() << '\n';
    }
    ctx.out << "\nxclbin: "
            << (result.outputs.xclbin.isEmpty() ? QStringLiteral("(none found)") : result.outputs.xclbin)
            << "\ninstructions: "
            << (result.outputs.instructions.isEmpty() ? QStringLiteral("(none found)") : result.outputs.instructions)
            << '\n';
    if (!result.outputs.projectFolder.isEmpty())
        ctx.out << "project folder: " << result.outputs.projectFolder << '\n';
    for (const QString& note : result.outputs.notes)
        ctx.out << "note: " << note << '\n';
    if (comparison) {
        ctx.out << '\n' << comparison->summary() << '\n';
        TextTable rows(
            { QStringLiteral("Instruction stream"), QStringLiteral("Previous"), QStringLiteral("This build") });
        for (const InstructionStreamRow& r : comparison->instructions)
            rows.addRow({ r.aspect, r.before, r.after });
        rows.print(ctx.out);
    }
}

} // namespace

QString RecompileCommand::name() const
{
    return QStringLiteral("recompile");
}

QString RecompileCommand::summary() const
{
    return QStringLiteral("Run aiecc on an mlir-aie design: command, log, diagnostics, the xclbin and instructions");
}

QString RecompileCommand::usage() const
{
    return QStringLiteral(
        "Usage: xclbin-inspector-cli recompile DESIGN.mlir [--aiecc PROGRAM] [--workdir DIR] [--json]\n\n"
        "Runs mlir-aie's aiecc on the design as a child process (an argument list, never a shell), with the flags\n"
        "its --help offers (--aie-generate-ipu, --aie-generate-npu, --aie-generate-npu-insts or --get-npu-insts),\n"
        "writing DESIGN.xclbin and DESIGN.insts.bin into the working folder. The log streams to standard error\n"
        "(not with --json). Then prints the command, the exit code in words, the diagnostics (file:line:col:\n"
        "error: ..., and \"Error encountered while running: <cmd>\"), the xclbin and instruction file found, and\n"
        "what changed against the previous build (kept in previous-build/).\n\n"
        "  --aiecc PROGRAM   aiecc.py, aiecc, a path, or \"python3 -m aie.compiler.aiecc.main\"\n"
        "                    (default: aiecc.py, then aiecc on PATH, then python3 -m aie.compiler.aiecc.main)\n"
        "  --workdir DIR     where aiecc runs and writes (default: the design's folder)\n"
        "  --json            machine-readable output (see docs/cli.md)\n\n"
        "Exit codes: 0 built, 1 aiecc failed (the diagnostics say why), 2 the design cannot be read or no\n"
        "usable aiecc was found (the message says what is missing and how to get it), 64 usage.\n");
}

int RecompileCommand::run(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption aieccOption(QStringLiteral("aiecc"), QStringLiteral("aiecc command."),
                                         QStringLiteral("PROGRAM"));
    const QCommandLineOption workdirOption(QStringLiteral("workdir"), QStringLiteral("Working folder."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("JSON output."));
    parser.addOptions({ aieccOption, workdirOption, jsonOption });
    if (!parseOptions(parser, *this, args, ctx, 1, 1))
        return ExitUsage;
    const bool json = parser.isSet(jsonOption);
    const QString design = QFileInfo(parser.positionalArguments().constFirst()).absoluteFilePath();
    if (!readInput(design, ctx))
        return ExitBadInput;
    const QString workdir = parser.value(workdirOption);
    if (!workdir.isEmpty() && !QFileInfo(workdir).isDir()) {
        ctx.err << "error: " << workdir << ": no such folder (expected the working folder for --workdir)\n";
        return ExitBadInput;
    }
    const ToolchainSettings settings = settingsFor(parser.value(aieccOption), workdir);
    const ToolchainStatus status = ToolchainDetection::detect(settings);
    QString error;
    const std::optional<RecompileRequest> request = RecompileRequest::prepare(design, settings, status, &error);
    if (!request) {
        if (json) {
            printJson(ctx,
                      QJsonObject { { QStringLiteral("design"), design },
                                    { QStringLiteral("error"), error },
                                    { QStringLiteral("toolchain"), status.toJson() } });
        } else {
            ctx.err << "error: cannot recompile " << design << ": " << error << '\n';
            printToolchain(status, ctx);
        }
        return ExitBadInput;
    }
    if (!json) {
        ctx.out << "$ cd " << request->workingDirectory << "\n$ " << request->commandLine() << '\n';
        ctx.out.flush();
    }
    const RecompileResult result = RecompileJob::runBlocking(*request, {}, [&](const QString& line) {
        if (!json) {
            ctx.err << line << '\n';
            ctx.err.flush();
        }
    });
    std::optional<BuildComparison> comparison;
    if (result.succeeded() && !result.outputs.previousXclbin.isEmpty())
        comparison = BuildComparison::compare(result.outputs.previousXclbin, result.outputs.previousInstructions,
                                              result.outputs.xclbin, result.outputs.instructions);
    if (json) {
        QJsonObject o = result.toJson(true);
        o.insert(QStringLiteral("toolchain"), status.toJson());
        o.insert(QStringLiteral("flag_set"), AieccFlagSet::generationName(request->flags.generation()));
        o.insert(QStringLiteral("previous_build"), comparison ? comparison->toJson() : QJsonObject());
        printJson(ctx, o);
    } else {
        printResult(result, comparison, ctx);
    }
    return result.succeeded() ? ExitOk : ExitCheckFailed;
}

} // namespace xi::cli
