// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/aieccinputerror.h"

namespace xi {

QString AieccInputError::kindName() const
{
    switch (kind) {
    case Kind::CannotOpen: return QStringLiteral("cannot-open");
    case Kind::BadJson: return QStringLiteral("bad-json");
    case Kind::MissingKey: return QStringLiteral("missing-key");
    case Kind::BadValue: return QStringLiteral("bad-value");
    case Kind::UnknownMemoryType: return QStringLiteral("unknown-memory-type");
    case Kind::UnknownMemoryTag: return QStringLiteral("unknown-memory-tag");
    case Kind::PdiMissing: return QStringLiteral("pdi-missing");
    case Kind::Inconsistent: return QStringLiteral("inconsistent");
    case Kind::CannotWrite: return QStringLiteral("cannot-write");
    }
    return QStringLiteral("error");
}

QString AieccInputError::message() const
{
    QString where;
    if (line > 0)
        where = QStringLiteral(" line %1, column %2:").arg(line).arg(column);
    else if (!jsonPath.isEmpty())
        where = QStringLiteral(" at %1:").arg(jsonPath);
    const QString source = file.isEmpty() ? QStringLiteral("design") : file;
    return QStringLiteral("%1:%2 expected %3 [%4]").arg(source, where, expected, kindName());
}

AieccInputException::AieccInputException(AieccInputError error)
    : m_error(std::move(error))
    , m_what(m_error.message().toUtf8())
{
}

const char* AieccInputException::what() const noexcept
{
    return m_what.constData();
}

} // namespace xi
