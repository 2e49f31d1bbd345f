// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/textformat.h"

namespace xi {

QString hexUpper(quint64 value)
{
    return QStringLiteral("0x") + QString::number(value, 16).toUpper();
}

QString hexLower(quint64 value)
{
    return QStringLiteral("0x") + QString::number(value, 16);
}

QString uuidText(const QUuid& uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace xi
