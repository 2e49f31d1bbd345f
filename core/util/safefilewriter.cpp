// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/safefilewriter.h"

#include <QFile>
#include <QSaveFile>

namespace xi {

bool SafeFileWriter::write(const QString& path, const QByteArray& bytes, QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, why);
        return false;
    };
    if (QFile::exists(path)) {
        const QString backup = backupPath(path);
        QFile::remove(backup);
        if (!QFile::copy(path, backup))
            return fail(QStringLiteral("could not keep the existing file as %1").arg(backup));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (file.write(bytes) != bytes.size())
        return fail(file.errorString());
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace xi
