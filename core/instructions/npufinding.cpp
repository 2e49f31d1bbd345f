// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npufinding.h"

#include <QStringList>

namespace xi {

QJsonObject NpuFinding::toJson() const
{
    return QJsonObject { { QStringLiteral("code"), code },
                         { QStringLiteral("severity"), severityName(severity) },
                         { QStringLiteral("xrt_argument"), double(xrtArgument) },
                         { QStringLiteral("op_index"), opIndex },
                         { QStringLiteral("message"), message } };
}

QString NpuFinding::toText() const
{
    QStringList where;
    if (opIndex >= 0)
        where << QStringLiteral("op %1").arg(opIndex);
    if (xrtArgument >= 0)
        where << QStringLiteral("XRT %1").arg(xrtArgument);
    const QString place = where.isEmpty() ? QString() : QStringLiteral(" (") % where.join(QStringLiteral(", ")) % u')';
    return severityName(severity) % QLatin1Char(' ') % code % place % QStringLiteral(": ") % message;
}

} // namespace xi
