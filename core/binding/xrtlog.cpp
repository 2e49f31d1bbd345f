// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/xrtlog.h"

#include "binding/xrtlogdecoder.h"

#include <QFile>
#include <QRegularExpression>

namespace xi {

int XrtMessage::connectivityArgument() const
{
    for (const LogFinding& f : XrtLogDecoder().decode(text)) {
        if (f.kind == LogFinding::Kind::ConnectivityWarning)
            return f.argIndex;
    }
    return -1;
}

QJsonObject XrtMessage::toJson() const
{
    QJsonObject o;
    o[QLatin1String("level")] = level;
    o[QLatin1String("text")] = text;
    if (!time.isEmpty())
        o[QLatin1String("time")] = time;
    const int arg = connectivityArgument();
    if (arg >= 0)
        o[QLatin1String("connectivity_argument")] = arg;
    return o;
}

XrtMessage XrtMessage::fromJson(const QJsonObject& o)
{
    return { o.value(QLatin1String("level")).toString(), o.value(QLatin1String("text")).toString(),
             o.value(QLatin1String("time")).toString() };
}

XrtLog XrtLog::parse(const QByteArray& text)
{
    static const QRegularExpression messageLine(
        QStringLiteral("^\\[([^\\]]*)\\] \\[XRT\\](?: Tid: \\d+,)?\\s+([A-Z]+): ?(.*)$"));
    static const QRegularExpression versionLine(QStringLiteral("^XRT build version: (\\S+)"));
    XrtLog log;
    bool inMessages = false;
    for (const QByteArray& raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const auto m = messageLine.match(line);
        if (m.hasMatch()) {
            log.messages.append({ m.captured(2), m.captured(3), m.captured(1) });
            inMessages = true;
            continue;
        }
        const auto v = versionLine.match(line);
        if (v.hasMatch() && log.buildVersion.isEmpty()) {
            log.buildVersion = v.captured(1);
            continue;
        }
        // Lines after a message belong to it; before the first one they are the banner.
        if (inMessages && !line.isEmpty())
            log.messages.last().text += QLatin1Char('\n') + line;
    }
    return log;
}

XrtLog XrtLog::read(const QString& path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return parse(file.readAll());
}

} // namespace xi
