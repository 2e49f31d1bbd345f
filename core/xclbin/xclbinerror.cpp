// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/xclbinerror.h"

namespace xi {

QString XclbinError::kindName() const
{
    switch (kind) {
    case Kind::CannotOpen: return QStringLiteral("cannot-open");
    case Kind::TooSmall: return QStringLiteral("too-small");
    case Kind::BadMagic: return QStringLiteral("bad-magic");
    case Kind::LengthMismatch: return QStringLiteral("length-mismatch");
    case Kind::TooManySections: return QStringLiteral("too-many-sections");
    case Kind::SectionOutOfFile: return QStringLiteral("section-out-of-file");
    case Kind::ArrayOutOfSection: return QStringLiteral("array-out-of-section");
    case Kind::CountOverflow: return QStringLiteral("count-overflow");
    case Kind::BadXml: return QStringLiteral("bad-xml");
    case Kind::UnterminatedString: return QStringLiteral("unterminated-string");
    case Kind::BadJson: return QStringLiteral("bad-json");
    case Kind::Other: break;
    }
    return QStringLiteral("error");
}

QString XclbinError::message() const
{
    if (kind == Kind::CannotOpen)
        return QStringLiteral("cannot open %1: %2").arg(file, expected);
    QString where;
    if (offset >= 0)
        where = QStringLiteral(" at offset 0x%1 (%2)").arg(QString::number(offset, 16)).arg(offset);
    // Texts that name their place first ("in section 3 (MEM_TOPOLOGY), expected ...") carry their own "expected".
    const bool said = expected.startsWith(QLatin1String("in ")) || expected.startsWith(QLatin1String("expected "));
    return QStringLiteral("%1%2: %3%4").arg(file, where, said ? QString() : QStringLiteral("expected "), expected);
}

QString XclbinError::systemReason(const QString& text)
{
    if (text.isEmpty())
        return QStringLiteral("the system gave no reason");
    return text.at(0).toLower() + text.mid(1);
}

XclbinException::XclbinException(XclbinError error)
    : m_error(std::move(error))
    , m_what(m_error.message().toUtf8())
{
}

const char* XclbinException::what() const noexcept
{
    return m_what.constData();
}

} // namespace xi
