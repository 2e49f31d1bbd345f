// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionrunfiles.h"

#include "util/npyfile.h"
#include "util/pngwriter.h"
#include "util/safefilewriter.h"

#include <QDir>
#include <QJsonDocument>

namespace xi {

QList<QPair<QString, MatrixF>> AttentionRunFiles::matrices(const AttentionRun& run)
{
    QList<QPair<QString, MatrixF>> list;
    if (run.vectors.isValid()) {
        list.append({ QStringLiteral("q"), run.vectors.q.cast<float>() });
        list.append({ QStringLiteral("k"), run.vectors.k.cast<float>() });
        list.append({ QStringLiteral("v"), run.vectors.v.cast<float>() });
    }
    if (run.weights.size() > 0)
        list.append({ QStringLiteral("weights"), run.weights });
    if (run.hasOutput())
        list.append({ QStringLiteral("output"), run.outputFloat() });
    if (run.reference.size() > 0)
        list.append({ QStringLiteral("reference"), run.reference });
    const MatrixF diff = run.difference();
    if (diff.size() > 0)
        list.append({ QStringLiteral("difference"), diff });
    return list;
}

bool AttentionRunFiles::write(const AttentionRun& run, const QString& dirPath, QStringList* written, QString* error)
{
    QDir dir(dirPath);
    if (!dir.mkpath(QStringLiteral("."))) {
        if (error)
            *error = QStringLiteral("cannot create the folder %1").arg(dirPath);
        return false;
    }
    auto save = [&](const QString& name, const QByteArray& bytes) {
        const QString path = dir.filePath(name);
        if (!SafeFileWriter::write(path, bytes, error))
            return false;
        if (written)
            *written << path;
        return true;
    };
    if (!save(QStringLiteral("run.json"), QJsonDocument(run.toJson(true)).toJson()))
        return false;
    if (run.vectors.isValid()) {
        if (!save(QStringLiteral("q.npy"), NpyFile::encode(NpyArray::fromMatrix(run.vectors.q)))
            || !save(QStringLiteral("k.npy"), NpyFile::encode(NpyArray::fromMatrix(run.vectors.k)))
            || !save(QStringLiteral("v.npy"), NpyFile::encode(NpyArray::fromMatrix(run.vectors.v))))
            return false;
    }
    if (run.hasOutput() && !save(QStringLiteral("output.npy"), NpyFile::encode(NpyArray::fromMatrix(*run.output))))
        return false;
    for (const auto& [name, m] : matrices(run)) {
        const bool floatMatrix = name == QLatin1String("reference") || name == QLatin1String("weights")
            || name == QLatin1String("difference");
        if (floatMatrix && !save(name + QStringLiteral(".npy"), NpyFile::encode(NpyArray::fromMatrix(m))))
            return false;
        if (!save(name + QStringLiteral(".png"), PngWriter::heatmap(m, PngWriter::cellSizeFor(m))))
            return false;
    }
    return true;
}

} // namespace xi
