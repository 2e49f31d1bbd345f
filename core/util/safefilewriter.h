// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace xi {

// Writes a whole file atomically: the bytes go to a temporary file beside the target, every write, the fsync and
// the close are checked, and only then is an existing file kept as "<path>.bak" and replaced by a rename. A failed
// write (a full disk, an I/O error) leaves the target untouched and says the system's reason. The replaced file's
// mode (and, as root, its owner) carry over; a read-only file (no owner write permission) is refused before
// anything is written, even as root. A symbolic link keeps pointing at the new content; a device or pipe (which
// cannot be replaced) is written in place. Returns false with a sentence naming the file on failure.
class SafeFileWriter {
public:
    static bool write(const QString& path, const QByteArray& bytes, QString* error = nullptr);
    static QString backupPath(const QString& path) { return path + QStringLiteral(".bak"); }
};

} // namespace xi
