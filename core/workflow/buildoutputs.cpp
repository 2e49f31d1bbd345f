// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/buildoutputs.h"

#include "binding/bindinginstructions.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace xi {

namespace {

// File times have a coarse resolution on some file systems: allow a little slack.
constexpr qint64 TimeSlackMs = 500;

bool writtenSince(const QFileInfo& info, const QDateTime& since)
{
    return !since.isValid() || info.lastModified().msecsTo(since) <= TimeSlackMs;
}

QString newest(const QList<QFileInfo>& files)
{
    const QFileInfo* best = nullptr;
    for (const QFileInfo& f : files) {
        if (!best || f.lastModified() > best->lastModified())
            best = &f;
    }
    return best ? best->absoluteFilePath() : QString();
}

QList<QFileInfo> candidates(const QStringList& folders, const QStringList& patterns, const QDateTime& since)
{
    QList<QFileInfo> out;
    for (const QString& folder : folders) {
        if (folder.isEmpty())
            continue;
        for (const QFileInfo& f : QDir(folder).entryInfoList(patterns, QDir::Files, QDir::Time))
            if (writtenSince(f, since))
                out << f;
    }
    return out;
}

bool isInstructionStream(const QString& path)
{
    const std::optional<BindingInstructions> insts = BindingInstructions::load(path);
    return insts && insts->wordCount() > 0;
}

} // namespace

QJsonObject BuildOutputs::toJson() const
{
    return { { QStringLiteral("working_directory"), workingDirectory },
             { QStringLiteral("project_folder"), projectFolder },
             { QStringLiteral("xclbin"), xclbin },
             { QStringLiteral("instructions"), instructions },
             { QStringLiteral("previous_xclbin"), previousXclbin },
             { QStringLiteral("previous_instructions"), previousInstructions },
             { QStringLiteral("notes"), QJsonArray::fromStringList(notes) } };
}

QString BuildOutputs::projectFolderFor(const QString& designPath, const QString& workingDirectory)
{
    return QDir(workingDirectory).filePath(QFileInfo(designPath).fileName() + QStringLiteral(".prj"));
}

QString BuildOutputs::previousFolder(const QString& workingDirectory)
{
    return QDir(workingDirectory).filePath(QStringLiteral("previous-build"));
}

BuildOutputs BuildOutputs::find(const QString& designPath, const QString& workingDirectory, const QString& xclbinName,
                                const QString& instructionsName, const QDateTime& since)
{
    BuildOutputs out;
    out.workingDirectory = workingDirectory;
    const QString prj = projectFolderFor(designPath, workingDirectory);
    if (QFileInfo(prj).isDir())
        out.projectFolder = prj;
    const QDir dir(workingDirectory);

    const QFileInfo expectedXclbin(dir.filePath(xclbinName));
    if (expectedXclbin.isFile() && writtenSince(expectedXclbin, since)) {
        out.xclbin = expectedXclbin.absoluteFilePath();
    } else {
        if (expectedXclbin.isFile())
            out.notes << QStringLiteral("%1 is older than this build: left over from an earlier one, not used")
                             .arg(expectedXclbin.fileName());
        out.xclbin = newest(candidates({ workingDirectory, out.projectFolder }, { QStringLiteral("*.xclbin") }, since));
        if (!out.xclbin.isEmpty())
            out.notes << QStringLiteral("the xclbin was written as %1, not the expected %2")
                             .arg(QFileInfo(out.xclbin).fileName(), xclbinName);
    }

    const QFileInfo expectedInsts(dir.filePath(instructionsName));
    if (expectedInsts.isFile() && writtenSince(expectedInsts, since) && isInstructionStream(expectedInsts.filePath())) {
        out.instructions = expectedInsts.absoluteFilePath();
    } else {
        QList<QFileInfo> streams;
        for (const QFileInfo& f :
             candidates({ workingDirectory }, { QStringLiteral("*insts*"), QStringLiteral("*.bin") }, since)) {
            if (f.suffix() != QLatin1String("xclbin") && isInstructionStream(f.filePath()))
                streams << f;
        }
        out.instructions = newest(streams);
        if (!out.instructions.isEmpty())
            out.notes << QStringLiteral("the instruction stream was written as %1, not the expected %2")
                             .arg(QFileInfo(out.instructions).fileName(), instructionsName);
    }
    const QDir previous(previousFolder(workingDirectory));
    if (previous.exists(xclbinName))
        out.previousXclbin = previous.filePath(xclbinName);
    if (previous.exists(instructionsName))
        out.previousInstructions = previous.filePath(instructionsName);
    return out;
}

QString BuildOutputs::keepPrevious(const QString& workingDirectory, const QString& xclbinName,
                                   const QString& instructionsName, QString* instructions)
{
    const QDir dir(workingDirectory);
    const QString folder = previousFolder(workingDirectory);
    auto keep = [&](const QString& name) -> QString {
        if (!dir.exists(name) || !QDir().mkpath(folder))
            return {};
        const QString target = QDir(folder).filePath(name);
        QFile::remove(target);
        return QFile::copy(dir.filePath(name), target) ? target : QString();
    };
    QString xclbin = keep(xclbinName);
    const QString insts = xclbin.isEmpty() ? QString() : keep(instructionsName);
    if (instructions)
        *instructions = insts;
    return xclbin;
}

QString BuildOutputs::designNextTo(const QString& xclbinPath)
{
    const QFileInfo info(xclbinPath);
    const QDir dir = info.absoluteDir();
    const QString base = info.completeBaseName() + QStringLiteral(".mlir");
    if (dir.exists(base))
        return dir.filePath(base);
    QDir parent = dir;
    if (parent.cdUp() && parent.exists(base))
        return parent.filePath(base);
    if (dir.dirName().endsWith(QLatin1String(".mlir.prj"))) {
        const QString design = dir.dirName().chopped(4);
        if (parent.exists(design))
            return parent.filePath(design);
    }
    const QStringList designs = dir.entryList({ QStringLiteral("*.mlir") }, QDir::Files, QDir::Name);
    return designs.size() == 1 ? dir.filePath(designs.first()) : QString();
}

} // namespace xi
