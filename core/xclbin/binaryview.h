// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbinerror.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace xi {

// Bounds-checked little-endian reads from a byte range that sits at `base` in a file.
// Every failure throws XclbinException with the absolute file offset. What the range is ("section 3 (IP_LAYOUT)")
// may be given as a function, called only when a read fails: a good file costs no error text.
class BinaryView {
public:
    BinaryView(QByteArray bytes, quint64 base, QString file, QString what);
    BinaryView(QByteArray bytes, quint64 base, QString file, std::function<QString()> describe);

    quint64 size() const { return quint64(m_bytes.size()); }
    quint64 base() const { return m_base; }
    const QByteArray& bytes() const { return m_bytes; }

    quint8 u8(quint64 at) const;
    quint16 u16(quint64 at) const;
    quint32 u32(quint64 at) const;
    qint32 i32(quint64 at) const;
    quint64 u64(quint64 at) const;
    // A fixed-size char field: text up to the first NUL or the field end (a full field is legal).
    QString fixedString(quint64 at, quint64 length) const;
    // A NUL-terminated string at `at`; throws UnterminatedString when no NUL before the end.
    QString cString(quint64 at, const QString& field) const;
    QByteArray slice(quint64 at, quint64 length) const;

    // Validates an array of `count` entries of `entrySize` bytes at `at`; throws ArrayOutOfSection/CountOverflow.
    void requireArray(quint64 at, qint64 count, quint64 entrySize, const QString& field) const;
    void require(quint64 at, quint64 length, const QString& field) const;

    [[noreturn]] void fail(XclbinError::Kind kind, quint64 at, const QString& expected) const;

private:
    QByteArray m_bytes;
    quint64 m_base;
    QString m_file;
    QString m_what;
    std::function<QString()> m_describe;
};

} // namespace xi
