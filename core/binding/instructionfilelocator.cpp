// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/instructionfilelocator.h"

#include <QDir>
#include <QFileInfo>

namespace xi {

QString InstructionFileChoice::sourceName() const
{
    switch (source) {
    case Source::Given: return QStringLiteral("given");
    case Source::NamedByHost: return QStringLiteral("named in the host program");
    case Source::NamedButMissing: return QStringLiteral("named in the host program, not found");
    case Source::NotNamed: return QStringLiteral("not named by the host program");
    case Source::NextToXclbin: return QStringLiteral("found next to the xclbin");
    case Source::None: return QStringLiteral("none");
    }
    return {};
}

QString InstructionFileChoice::describe() const
{
    const QString leftOut
        = QStringLiteral("the checks that need the stream (ninstr against its word count, the instruction BO's size) "
                         "are left out");
    switch (source) {
    case Source::Given:
        if (!tried.isEmpty()) {
            return QStringLiteral("The instruction file %1 is not there: a relative path is looked for in the current "
                                  "folder and next to the xclbin, and neither has it (%2).")
                .arg(path, tried.join(QStringLiteral(", ")));
        }
        return QStringLiteral("Instruction file %1 (given).").arg(path);
    case Source::NamedByHost: return QStringLiteral("Instruction file %1 (named in the host program).").arg(path);
    case Source::NamedButMissing:
        return QStringLiteral("The host program loads the instruction file %1, which is not there: %2.")
            .arg(named, leftOut);
    case Source::NotNamed:
        return QStringLiteral("The host program names no instruction file that could be read: %1.").arg(leftOut);
    case Source::NextToXclbin: return QStringLiteral("Instruction file %1 (found next to the xclbin).").arg(path);
    case Source::None: return QStringLiteral("No instruction file next to the xclbin: %1.").arg(leftOut);
    }
    return {};
}

InstructionFileChoice InstructionFileLocator::locate(const QString& given, const BindingPlan& plan,
                                                     const QString& xclbinPath)
{
    InstructionFileChoice choice;
    if (!given.isEmpty()) {
        choice.path = given;
        choice.source = InstructionFileChoice::Source::Given;
        const QFileInfo info(given);
        if (info.isAbsolute() || info.isFile() || xclbinPath.isEmpty())
            return choice;
        const QString nextToXclbin = QFileInfo(xclbinPath).dir().filePath(given);
        if (QFileInfo(nextToXclbin).isFile())
            choice.path = nextToXclbin;
        else
            choice.tried = QStringList { info.absoluteFilePath(), QFileInfo(nextToXclbin).absoluteFilePath() };
        return choice;
    }
    if (plan.sourceFile.isEmpty()) {
        choice.path = findNextTo(xclbinPath);
        choice.source
            = choice.found() ? InstructionFileChoice::Source::NextToXclbin : InstructionFileChoice::Source::None;
        return choice;
    }
    if (plan.instructionFile.isEmpty()) {
        choice.source = InstructionFileChoice::Source::NotNamed;
        return choice;
    }
    choice.named = plan.instructionFile;
    // A program names its files relative to where it runs: next to the program, else the same file name next to
    // the xclbin being checked (the build folder both come from).
    const QFileInfo named(plan.instructionFile);
    QStringList candidates;
    if (named.isAbsolute()) {
        candidates << plan.instructionFile;
    } else {
        candidates << QFileInfo(plan.sourceFile).dir().filePath(plan.instructionFile);
        if (!xclbinPath.isEmpty())
            candidates << QFileInfo(xclbinPath).dir().filePath(named.fileName());
    }
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isFile()) {
            choice.path = candidate;
            choice.source = InstructionFileChoice::Source::NamedByHost;
            return choice;
        }
    }
    choice.source = InstructionFileChoice::Source::NamedButMissing;
    return choice;
}

QString InstructionFileLocator::findNextTo(const QString& xclbinPath)
{
    if (xclbinPath.isEmpty())
        return {};
    const QFileInfo info(xclbinPath);
    const QDir dir = info.absoluteDir();
    const QString base = info.completeBaseName();
    for (const QString& name : QStringList { base + QStringLiteral(".insts.bin"), base + QStringLiteral(".seq") }) {
        if (QFileInfo(dir.filePath(name)).isFile())
            return dir.filePath(name);
    }
    const QStringList patterns { base + QStringLiteral(".insts.*"),
                                 QStringLiteral("insts.bin"),
                                 QStringLiteral("npu_insts.bin"),
                                 QStringLiteral("insts.txt"),
                                 QStringLiteral("*.insts.*"),
                                 QStringLiteral("*insts*.bin"),
                                 QStringLiteral("*.seq") };
    for (const QString& pattern : patterns) {
        const QStringList found = dir.entryList({ pattern }, QDir::Files, QDir::Name);
        if (!found.isEmpty())
            return dir.filePath(found.first());
    }
    return {};
}

} // namespace xi
