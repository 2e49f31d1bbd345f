// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace xi {

// Writes a whole file atomically; an existing file is first kept as "<path>.bak" (never overwritten
// without a backup). Returns false with a sentence naming the file on failure.
class SafeFileWriter {
public:
    static bool write(const QString& path, const QByteArray& bytes, QString* error = nullptr);
    static QString backupPath(const QString& path) { return path + QStringLiteral(".bak"); }
};

} // namespace xi
