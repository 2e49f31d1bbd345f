// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommand.h"
#include "manpage.h"

#include "util/buildconfig.h"

#include <QCoreApplication>

using namespace xi::cli;

namespace {

void printHelp(QTextStream& out)
{
    out << "xclbin-inspector-cli " << XI_VERSION << ": inspect .xclbin files, group IDs and kernel bindings\n\n"
        << "Usage: xclbin-inspector-cli COMMAND [OPTIONS] [ARGS]\n\nCommands:\n";
    for (const auto& factory : cliCommands()) {
        auto cmd = factory();
        out << "  " << cmd->name().leftJustified(14) << cmd->summary() << '\n';
    }
    out << "\n'xclbin-inspector-cli COMMAND --help' describes one command. Exit codes: 0 ok, 1 a check failed,\n"
           "2 unreadable or malformed input, 64 usage error. --man prints the manual page.\n";
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("xclbin-inspector-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(XI_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    CliContext ctx { out, err };

    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help")) {
        printHelp(args.isEmpty() ? err : out);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == QLatin1String("--man")) {
        out << ManPage::troff(QStringLiteral(XI_VERSION));
        return ExitOk;
    }
    if (args.first() == QLatin1String("--version")) {
        out << "xclbin-inspector-cli " << XI_VERSION << " (XRT " << XI_XRT_VERSION << ")\n";
        return ExitOk;
    }
    const QString name = args.takeFirst();
    for (const auto& factory : cliCommands()) {
        auto cmd = factory();
        if (cmd->name() != name)
            continue;
        if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
            out << cmd->usage();
            return ExitOk;
        }
        const int rc = cmd->run(args, ctx);
        out.flush();
        err.flush();
        return rc;
    }
    err << "xclbin-inspector-cli: unknown command '" << name << "'\n\n";
    printHelp(err);
    return ExitUsage;
}
