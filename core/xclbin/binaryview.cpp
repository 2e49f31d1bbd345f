// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/binaryview.h"

#include <QtEndian>

namespace xi {

BinaryView::BinaryView(QByteArray bytes, quint64 base, QString file, QString what)
    : m_bytes(std::move(bytes))
    , m_base(base)
    , m_file(std::move(file))
    , m_what(std::move(what))
{
}

BinaryView::BinaryView(QByteArray bytes, quint64 base, QString file, std::function<QString()> describe)
    : m_bytes(std::move(bytes))
    , m_base(base)
    , m_file(std::move(file))
    , m_describe(std::move(describe))
{
}

void BinaryView::fail(XclbinError::Kind kind, quint64 at, const QString& expected) const
{
    const QString what = m_describe ? m_describe() : m_what;
    throw XclbinException(
        { kind, m_file, qint64(m_base + qMin(at, size())), QStringLiteral("in %1, expected %2").arg(what, expected) });
}

void BinaryView::require(quint64 at, quint64 length, const QString& field) const
{
    if (at > size() || length > size() - at) {
        fail(XclbinError::Kind::ArrayOutOfSection, at,
             QStringLiteral("%1 (%2 bytes at +0x%3) to lie inside the %4 bytes of the section")
                 .arg(field)
                 .arg(length)
                 .arg(QString::number(at, 16))
                 .arg(size()));
    }
}

void BinaryView::requireArray(quint64 at, qint64 count, quint64 entrySize, const QString& field) const
{
    if (count < 0)
        fail(XclbinError::Kind::CountOverflow, at,
             QStringLiteral("a non-negative entry count for %1, found %2").arg(field).arg(count));
    // Checked before multiplying: count * entrySize cannot overflow once count <= size / entrySize.
    if (entrySize && quint64(count) > size() / entrySize) {
        fail(XclbinError::Kind::CountOverflow, at,
             QStringLiteral("%1 entries of %2 bytes for %3 to fit in the %4-byte section")
                 .arg(count)
                 .arg(entrySize)
                 .arg(field)
                 .arg(size()));
    }
    require(at, quint64(count) * entrySize, field);
}

quint8 BinaryView::u8(quint64 at) const
{
    require(at, 1, QStringLiteral("a byte"));
    return quint8(m_bytes.at(qsizetype(at)));
}

quint16 BinaryView::u16(quint64 at) const
{
    require(at, 2, QStringLiteral("a 16-bit value"));
    return qFromLittleEndian<quint16>(m_bytes.constData() + at);
}

quint32 BinaryView::u32(quint64 at) const
{
    require(at, 4, QStringLiteral("a 32-bit value"));
    return qFromLittleEndian<quint32>(m_bytes.constData() + at);
}

qint32 BinaryView::i32(quint64 at) const
{
    return qint32(u32(at));
}

quint64 BinaryView::u64(quint64 at) const
{
    require(at, 8, QStringLiteral("a 64-bit value"));
    return qFromLittleEndian<quint64>(m_bytes.constData() + at);
}

QString BinaryView::fixedString(quint64 at, quint64 length) const
{
    if (at > size() || length > size() - at)
        require(at, length, QStringLiteral("a %1-byte text field").arg(length)); // fails, with its text
    const char* p = m_bytes.constData() + at;
    const qsizetype n = qstrnlen(p, uint(length));
    return QString::fromUtf8(p, n);
}

QString BinaryView::cString(quint64 at, const QString& field) const
{
    if (at >= size()) {
        fail(XclbinError::Kind::ArrayOutOfSection, at,
             QStringLiteral("%1 to start inside the %2-byte section (offset +0x%3)")
                 .arg(field)
                 .arg(size())
                 .arg(QString::number(at, 16)));
    }
    const char* p = m_bytes.constData() + at;
    const qsizetype n = qstrnlen(p, uint(size() - at));
    if (quint64(n) == size() - at)
        fail(XclbinError::Kind::UnterminatedString, at,
             QStringLiteral("%1 to end with a NUL byte before the end of the section").arg(field));
    return QString::fromUtf8(p, n);
}

QByteArray BinaryView::slice(quint64 at, quint64 length) const
{
    require(at, length, QStringLiteral("a byte range"));
    return m_bytes.mid(qsizetype(at), qsizetype(length));
}

} // namespace xi
