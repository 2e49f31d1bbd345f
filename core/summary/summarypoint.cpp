// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary/summarypoint.h"

#include <QUrl>

namespace xi {

namespace {
const QLatin1String Scheme("xi:");
}

QString SummaryPoint::link() const
{
    QString text = Scheme + view;
    if (!kernel.isEmpty() && argument >= 0)
        text += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(kernel)) + u'/' + QString::number(argument);
    return text;
}

bool SummaryPoint::parseLink(const QString& link, QString* view, QString* kernel, int* argument)
{
    if (!link.startsWith(Scheme))
        return false;
    const QStringList parts = link.mid(Scheme.size()).split(u'/');
    if (parts.first().isEmpty() || (parts.size() != 1 && parts.size() != 3))
        return false;
    *view = parts.first();
    kernel->clear();
    *argument = -1;
    if (parts.size() == 3) {
        bool ok = false;
        *kernel = QUrl::fromPercentEncoding(parts.at(1).toLatin1());
        *argument = parts.at(2).toInt(&ok);
        if (!ok)
            return false;
    }
    return true;
}

QJsonObject SummaryPoint::toJson() const
{
    QJsonObject o { { QStringLiteral("severity"), severityName(severity) },
                    { QStringLiteral("text"), text },
                    { QStringLiteral("count"), count },
                    { QStringLiteral("view"), view } };
    if (argument >= 0) {
        o.insert(QStringLiteral("kernel"), kernel);
        o.insert(QStringLiteral("argument"), argument);
    }
    return o;
}

} // namespace xi
