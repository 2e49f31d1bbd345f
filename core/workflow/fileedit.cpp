// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/fileedit.h"

#include "util/safefilewriter.h"
#include "util/unifieddiff.h"

#include <QFile>
#include <QFileInfo>

namespace xi {

namespace {

std::optional<QByteArray> readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

} // namespace

FileEdit::FileEdit(QString sourcePath, QString original, QString edited, QStringList changes, QString suggestedPath)
    : m_sourcePath(std::move(sourcePath))
    , m_original(std::move(original))
    , m_edited(std::move(edited))
    , m_changes(std::move(changes))
    , m_suggestedPath(std::move(suggestedPath))
{
}

FileEdit FileEdit::failed(const QString& sourcePath, const QString& error)
{
    FileEdit edit;
    edit.m_sourcePath = sourcePath;
    edit.m_error = error;
    return edit;
}

QString FileEdit::diff(const QString& target) const
{
    if (!isValid())
        return {};
    const QString after = target.isEmpty() ? m_suggestedPath : target;
    return UnifiedDiff::text(m_original, m_edited, QFileInfo(m_sourcePath).fileName(), QFileInfo(after).fileName());
}

bool FileEdit::write(const QString& target, QString* error)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!isValid())
        return fail(m_error.isEmpty() ? QStringLiteral("nothing to write") : m_error);
    const QString path = QFileInfo(target).absoluteFilePath();
    const std::optional<QByteArray> existing = readAll(path);
    if (path == QFileInfo(m_sourcePath).absoluteFilePath() && existing && *existing != m_original.toUtf8())
        return fail(QStringLiteral("%1 changed since it was read: prepare the edit again").arg(path));
    QString why;
    if (!SafeFileWriter::write(path, m_edited.toUtf8(), &why))
        return fail(why);
    m_writtenPath = path;
    m_replaced = existing;
    return true;
}

QString FileEdit::backupPath() const
{
    return m_replaced && !m_writtenPath.isEmpty() ? SafeFileWriter::backupPath(m_writtenPath) : QString();
}

bool FileEdit::undo(QString* error)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_writtenPath.isEmpty())
        return fail(QStringLiteral("nothing was written"));
    const std::optional<QByteArray> now = readAll(m_writtenPath);
    if (now && *now != m_edited.toUtf8())
        return fail(QStringLiteral("%1 changed since it was written: not undone").arg(m_writtenPath));
    if (m_replaced) {
        QString why;
        if (!SafeFileWriter::write(m_writtenPath, *m_replaced, &why))
            return fail(why);
    } else if (now && !QFile::remove(m_writtenPath)) {
        return fail(QStringLiteral("cannot remove %1").arg(m_writtenPath));
    }
    m_writtenPath.clear();
    m_replaced.reset();
    return true;
}

} // namespace xi
