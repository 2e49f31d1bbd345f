// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/safefilewriter.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>

namespace xi {

namespace {

// The system's own words for errno ("No space left on device"), never Qt's "Unknown error".
QString systemReason(int code)
{
    return qt_error_string(code);
}

bool writeAll(int fd, const QByteArray& bytes)
{
    const char* data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (n == 0) {
            errno = EIO;
            return false;
        }
        data += n;
        left -= n;
    }
    return true;
}

// A fresh, exclusively created file in the target's folder (so the final rename stays on one file system),
// with the mode a new file gets under the umask.
int createTemporary(const QString& target, QByteArray* tempName)
{
    const QFileInfo info(target);
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString name = info.absolutePath() + QStringLiteral("/.") + info.fileName()
            + QStringLiteral(".%1.tmp").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        *tempName = QFile::encodeName(name);
        const int fd = ::open(tempName->constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

// Writes bytes to a temporary file and flushes it to disk; on success *tempName names it, still to be renamed.
bool writeTemporary(const QString& target, const QByteArray& bytes, const struct stat* replaced, QByteArray* tempName,
                    int* code)
{
    const int fd = createTemporary(target, tempName);
    if (fd < 0) {
        *code = errno;
        return false;
    }
    bool ok = writeAll(fd, bytes);
    if (ok && replaced) {
        // Owner first: chown may clear set-id bits that the chmod then restores.
        if (::geteuid() == 0 && ::fchown(fd, replaced->st_uid, replaced->st_gid) != 0) {
            // Keeping root as the owner is still a correct file; the mode below matters more.
        }
        ok = ::fchmod(fd, replaced->st_mode & 07777) == 0;
    }
    ok = ok && ::fsync(fd) == 0;
    *code = ok ? 0 : errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        *code = errno;
    }
    if (!ok)
        ::unlink(tempName->constData());
    return ok;
}

bool renameOver(const QByteArray& from, const QString& to, int* code)
{
    if (::rename(from.constData(), QFile::encodeName(to).constData()) != 0) {
        *code = errno;
        ::unlink(from.constData());
        return false;
    }
    // Make the rename itself durable; a folder that cannot be synced still holds the complete file.
    const int dir = ::open(QFile::encodeName(QFileInfo(to).absolutePath()).constData(), O_RDONLY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

// Keeps the existing target as its backup: a hard link costs no space and cannot fail half-way; where links
// are not supported, a checked copy.
bool keepBackup(const QString& target, const QString& backup, const struct stat& st, int* code)
{
    const QByteArray backupName = QFile::encodeName(backup);
    if (::unlink(backupName.constData()) != 0 && errno != ENOENT) {
        *code = errno;
        return false;
    }
    if (::link(QFile::encodeName(target).constData(), backupName.constData()) == 0)
        return true;
    QFile original(target);
    if (!original.open(QIODevice::ReadOnly)) {
        *code = EACCES;
        return false;
    }
    const QByteArray bytes = original.readAll();
    QByteArray temp;
    return writeTemporary(backup, bytes, &st, &temp, code) && renameOver(temp, backup, code);
}

bool writeInPlace(const QString& target, const QByteArray& bytes, int* code)
{
    const int fd = ::open(QFile::encodeName(target).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        *code = errno;
        return false;
    }
    bool ok = writeAll(fd, bytes);
    *code = ok ? 0 : errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        *code = errno;
    }
    return ok;
}

} // namespace

bool SafeFileWriter::write(const QString& path, const QByteArray& bytes, QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, why);
        return false;
    };
    QString target = path;
    const QFileInfo info(path);
    if (info.isSymLink()) {
        const QString resolved = info.canonicalFilePath();
        target = resolved.isEmpty() ? info.symLinkTarget() : resolved;
    }
    struct stat st { };
    const bool exists = ::stat(QFile::encodeName(target).constData(), &st) == 0;
    int code = 0;
    if (exists && S_ISDIR(st.st_mode))
        return fail(QStringLiteral("it is a folder, expected a file name"));
    if (exists && !S_ISREG(st.st_mode)) {
        if (!writeInPlace(target, bytes, &code))
            return fail(systemReason(code));
        return true;
    }
    // Checked before anything is written, so a refused file leaves no backup and no temporary behind. The mode
    // check also holds for root, for whom access() would allow the write.
    if (exists && (!(st.st_mode & S_IWUSR) || ::access(QFile::encodeName(target).constData(), W_OK) != 0))
        return fail(QStringLiteral("the file is read-only (mode %1); it was left unchanged")
                        .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
    QByteArray temp;
    if (!writeTemporary(target, bytes, exists ? &st : nullptr, &temp, &code))
        return fail(exists ? QStringLiteral("%1; the existing file was left unchanged").arg(systemReason(code))
                           : systemReason(code));
    if (exists && !keepBackup(target, backupPath(target), st, &code)) {
        ::unlink(temp.constData());
        return fail(QStringLiteral("could not keep the existing file as %1 (%2); it was left unchanged")
                        .arg(backupPath(target), systemReason(code)));
    }
    if (!renameOver(temp, target, &code))
        return fail(exists ? QStringLiteral("%1; the existing file was left unchanged").arg(systemReason(code))
                           : systemReason(code));
    return true;
}

} // namespace xi
