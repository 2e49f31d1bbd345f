// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/repackage.h"

#include "util/safefilewriter.h"
#include "xclbin/aieccinputs.h"
#include "xclbin/xclbinwriter.h"

#include <QDir>
#include <QFileInfo>

namespace xi {

namespace {

QString pick(const QDir& dir, const QString& suffix)
{
    if (dir.exists(QStringLiteral("main") + suffix))
        return dir.filePath(QStringLiteral("main") + suffix);
    const QStringList found = dir.entryList({ QLatin1Char('*') + suffix }, QDir::Files, QDir::Name);
    return found.isEmpty() ? QString() : dir.filePath(found.first());
}

} // namespace

std::optional<RepackageInputs> RepackageInputs::find(const QString& folder, QString* error)
{
    const QDir dir(folder);
    if (!dir.exists()) {
        if (error)
            *error = QStringLiteral("%1: no such folder (expected an aiecc project folder such as design.mlir.prj)")
                         .arg(folder);
        return std::nullopt;
    }
    RepackageInputs inputs { pick(dir, QStringLiteral("_kernels.json")),
                             pick(dir, QStringLiteral("_mem_topology.json")),
                             pick(dir, QStringLiteral("_aie_partition.json")) };
    QStringList missing;
    if (inputs.kernels.isEmpty())
        missing << QStringLiteral("main_kernels.json");
    if (inputs.memTopology.isEmpty())
        missing << QStringLiteral("main_mem_topology.json");
    if (inputs.aiePartition.isEmpty())
        missing << QStringLiteral("main_aie_partition.json");
    if (!missing.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: expected aiecc's JSON inputs, found no %2")
                         .arg(dir.absolutePath(), missing.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return inputs;
}

QString RepackageResult::sentence() const
{
    if (!ok)
        return QStringLiteral("Repackage failed: %1").arg(error);
    return QStringLiteral("Repackaged %1 (%2 bytes) from %3 with our xclbin writer (xclbinutil's layout; nothing was "
                          "compiled)")
        .arg(output)
        .arg(bytes)
        .arg(QFileInfo(inputs.kernels).absolutePath());
}

QJsonObject RepackageResult::toJson() const
{
    return { { QStringLiteral("ok"), ok },
             { QStringLiteral("error"), error },
             { QStringLiteral("output"), output },
             { QStringLiteral("bytes"), bytes },
             { QStringLiteral("kernels"), inputs.kernels },
             { QStringLiteral("mem_topology"), inputs.memTopology },
             { QStringLiteral("aie_partition"), inputs.aiePartition },
             { QStringLiteral("backup"), backup },
             { QStringLiteral("sentence"), sentence() } };
}

RepackageResult Repackage::run(const QString& folder, const QString& output, bool overwrite)
{
    RepackageResult result;
    result.output = QFileInfo(output).absoluteFilePath();
    const std::optional<RepackageInputs> inputs = RepackageInputs::find(folder, &result.error);
    if (!inputs)
        return result;
    result.inputs = *inputs;
    const bool existed = QFileInfo::exists(result.output);
    try {
        const AieccDesign design = AieccInputs::read(inputs->kernels, inputs->memTopology, inputs->aiePartition);
        const QByteArray bytes = XclbinWriter().build(design);
        XclbinWriter::writeFile(bytes, result.output, overwrite);
        result.bytes = bytes.size();
        result.ok = true;
        if (existed)
            result.backup = SafeFileWriter::backupPath(result.output);
    } catch (const AieccInputException& e) {
        result.error = e.error().message();
    }
    return result;
}

} // namespace xi
