// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/rebuild.h"

#include "workflow/recompilejob.h"
#include "workflow/recompilerequest.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace xi {

QString RebuildResult::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Recompiled: return QStringLiteral("recompiled");
    case Kind::Repackaged: return QStringLiteral("repackaged");
    case Kind::Unchanged: return QStringLiteral("unchanged");
    case Kind::NotRebuilt: return QStringLiteral("not-rebuilt");
    case Kind::Failed: return QStringLiteral("failed");
    }
    return {};
}

QJsonObject RebuildResult::toJson() const
{
    QJsonObject o { { QStringLiteral("kind"), kindName(kind) },
                    { QStringLiteral("xclbin"), xclbin },
                    { QStringLiteral("instructions"), instructions },
                    { QStringLiteral("sentence"), sentence },
                    { QStringLiteral("notes"), QJsonArray::fromStringList(notes) } };
    if (recompile)
        o.insert(QStringLiteral("recompile"), recompile->toJson());
    if (repackage)
        o.insert(QStringLiteral("repackage"), repackage->toJson());
    return o;
}

RebuildResult Rebuild::run(const QString& designPath, const RebuildOptions& options, const CancelToken& token)
{
    RebuildResult result;
    const ToolchainStatus status
        = options.toolchain ? *options.toolchain : ToolchainDetection::detect(options.settings);
    QString why;
    if (options.allowRecompile && status.canRecompile()) {
        const std::optional<RecompileRequest> request
            = RecompileRequest::prepare(designPath, options.settings, status, &why);
        if (request) {
            result.recompile = RecompileJob::runBlocking(*request, token);
            result.sentence = result.recompile->sentence();
            if (result.recompile->succeeded()) {
                result.kind = RebuildResult::Kind::Recompiled;
                result.xclbin = result.recompile->outputs.xclbin;
                result.instructions = result.recompile->outputs.instructions;
            } else {
                result.kind = RebuildResult::Kind::Failed;
            }
            return result;
        }
    } else if (!status.canRecompile()) {
        const ToolStatus* aiecc = status.tool(QStringLiteral("aiecc"));
        why = aiecc ? aiecc->detail : QStringLiteral("aiecc was not detected");
    } else {
        why = QStringLiteral("recompiling was not asked for");
    }
    if (!options.allowRepackage || options.projectFolder.isEmpty()) {
        result.kind = RebuildResult::Kind::NotRebuilt;
        result.sentence
            = QStringLiteral("Not rebuilt: %1, and no aiecc project folder was given to repackage.").arg(why);
        return result;
    }
    const QFileInfo design(designPath);
    const QString output = design.absoluteDir().filePath(design.completeBaseName() + QStringLiteral(".xclbin"));
    result.repackage = Repackage::run(options.projectFolder, output, true);
    result.sentence = result.repackage->sentence();
    if (!result.repackage->ok) {
        result.kind = RebuildResult::Kind::Failed;
        return result;
    }
    result.kind = RebuildResult::Kind::Repackaged;
    result.xclbin = result.repackage->output;
    result.instructions = options.previousInstructions;
    result.notes << QStringLiteral("aiecc was not run (%1): the xclbin was repackaged from %2, so the design edit "
                                   "itself was not compiled; aiecc writes the same kernel JSON for every design")
                        .arg(why, options.projectFolder);
    if (!result.instructions.isEmpty())
        result.notes << QStringLiteral("repackaging writes no instruction stream: the previous build's %1 is used")
                            .arg(result.instructions);
    return result;
}

} // namespace xi
