// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzemlircommand.h"
#include "benchcommand.h"
#include "buildxclbincommand.h"
#include "checkcommand.h"
#include "clicommand.h"
#include "decodecommand.h"
#include "diffcommand.h"
#include "dumpsectioncommand.h"
#include "groupscommand.h"
#include "infocommand.h"
#include "instructionscommand.h"
#include "recompilecommand.h"
#include "reportcommand.h"
#include "runbindingcommand.h"
#include "runcommand.h"

// One include and one line per subcommand, in the order the help lists them.

namespace xi::cli {

template<typename T>
static CliCommandFactory make()
{
    return [] { return std::make_unique<T>(); };
}

QList<CliCommandFactory> cliCommands()
{
    // One command a line keeps each addition to one line.
    // clang-format off
    return {
        make<InfoCommand>(),
        make<GroupsCommand>(),
        make<DecodeCommand>(),
        make<DumpSectionCommand>(),
        make<DiffCommand>(),
        make<BuildXclbinCommand>(),
        make<InstructionsCommand>(),
        make<RunBindingCommand>(),
        make<CheckCommand>(),
        make<AnalyzeMlirCommand>(),
        make<RecompileCommand>(),
        make<RunCommand>(),
        make<ReportCommand>(),
        make<BenchCommand>(),
    };
    // clang-format on
}

} // namespace xi::cli
