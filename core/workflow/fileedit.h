// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace xi {

// A prepared change of a text file (a design, a host program, aiecc's JSON): shown as a unified diff first,
// written atomically to a new file or over an existing one after keeping it as FILE.bak, and undone on request.
// Nothing of the user's is lost: a replaced file is kept, and undo keeps the edited version as FILE.bak.
class FileEdit {
public:
    FileEdit() = default;
    FileEdit(QString sourcePath, QString original, QString edited, QStringList changes, QString suggestedPath);
    static FileEdit failed(const QString& sourcePath, const QString& error);

    bool isValid() const { return m_error.isEmpty() && !m_sourcePath.isEmpty(); }
    QString error() const { return m_error; }
    QString sourcePath() const { return m_sourcePath; }
    QString suggestedPath() const { return m_suggestedPath; } // a new file next to the source
    QString originalText() const { return m_original; }
    QString editedText() const { return m_edited; }
    QStringList changes() const { return m_changes; } // one sentence per change, with its line
    bool changesText() const { return isValid() && m_original != m_edited; }
    // Unified diff from the source to `target` (the suggested path when empty); empty when nothing changes.
    QString diff(const QString& target = {}) const;

    // Writes the edited text to `target`. When target is the source, refuses if the source changed since it was
    // read. An existing target is kept as target.bak (SafeFileWriter).
    bool write(const QString& target, QString* error = nullptr);
    bool isWritten() const { return !m_writtenPath.isEmpty(); }
    QString writtenPath() const { return m_writtenPath; }
    QString backupPath() const; // target.bak when write() replaced a file, else empty
    // Undoes write(): removes a new file, or puts back what a replaced file held. Refuses when the written file
    // changed since.
    bool undo(QString* error = nullptr);

private:
    QString m_sourcePath;
    QString m_original;
    QString m_edited;
    QStringList m_changes;
    QString m_suggestedPath;
    QString m_error;
    QString m_writtenPath;
    std::optional<QByteArray> m_replaced;
};

} // namespace xi
