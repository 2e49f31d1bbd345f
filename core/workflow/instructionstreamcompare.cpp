// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/instructionstreamcompare.h"

#include "instructions/npustreamreader.h"

#include <QFileInfo>
#include <QMap>

#include <optional>

namespace xi {

namespace {

struct Stream {
    QString label;
    std::optional<NpuStream> stream;
    QString error;
};

Stream load(const QString& path)
{
    Stream s;
    if (path.isEmpty()) {
        s.label = QStringLiteral("(none)");
        s.error = QStringLiteral("no instruction file");
        return s;
    }
    s.label = QFileInfo(path).fileName();
    NpuStreamError error;
    s.stream = NpuStreamReader::load(path, &error);
    if (!s.stream)
        s.error = error.message();
    return s;
}

QString access(const NpuArgument* a)
{
    if (!a)
        return QStringLiteral("not moved");
    const QString what = a->read && a->written ? QStringLiteral("reads and writes")
        : a->written                           ? QStringLiteral("writes")
                                               : QStringLiteral("reads");
    return QStringLiteral("NPU %1 %2 B").arg(what).arg(a->minBytes);
}

QString header(const NpuStream& s, int value)
{
    return value < 0 ? QStringLiteral("(no header: %1)").arg(npuFormatName(s.format)) : QString::number(value);
}

} // namespace

QJsonObject InstructionStreamRow::toJson() const
{
    return { { QStringLiteral("aspect"), aspect },
             { QStringLiteral("before"), before },
             { QStringLiteral("after"), after },
             { QStringLiteral("changed"), changed },
             { QStringLiteral("note"), note } };
}

QList<InstructionStreamRow> compareInstructionStreams(const QString& beforePath, const QString& afterPath)
{
    const Stream a = load(beforePath);
    const Stream b = load(afterPath);
    QList<InstructionStreamRow> rows;
    auto add = [&rows](const QString& aspect, const QString& before, const QString& after, const QString& note = {}) {
        rows.append({ aspect, before, after, before != after, note });
    };
    add(QStringLiteral("file"), a.label, b.label);
    if (!a.stream || !b.stream) {
        add(QStringLiteral("readable"), a.stream ? QStringLiteral("yes") : a.error,
            b.stream ? QStringLiteral("yes") : b.error);
        return rows;
    }
    const NpuStream& x = *a.stream;
    const NpuStream& y = *b.stream;
    add(QStringLiteral("format"), npuFormatName(x.format), npuFormatName(y.format));
    add(QStringLiteral("encoding"), npuEncodingName(x.encoding), npuEncodingName(y.encoding));
    add(QStringLiteral("words"), QString::number(x.words.size()), QString::number(y.words.size()),
        QStringLiteral("the host's ninstr"));
    add(QStringLiteral("bytes"), QString::number(x.words.size() * 4), QString::number(y.words.size() * 4),
        QStringLiteral("what the instruction BO must hold"));
    add(QStringLiteral("device generation"), header(x, x.deviceGeneration), header(y, y.deviceGeneration));
    add(QStringLiteral("columns"), header(x, x.columns), header(y, y.columns));
    add(QStringLiteral("ops"), QString::number(x.ops.size()), QString::number(y.ops.size()));
    QMap<qint64, std::pair<const NpuArgument*, const NpuArgument*>> arguments;
    for (const NpuArgument& arg : x.arguments)
        arguments[arg.xrtArgument].first = &arg;
    for (const NpuArgument& arg : y.arguments)
        arguments[arg.xrtArgument].second = &arg;
    for (auto it = arguments.cbegin(); it != arguments.cend(); ++it)
        add(QStringLiteral("XRT argument %1").arg(it.key()), access(it->first), access(it->second),
            QStringLiteral("the host buffer must hold at least this"));
    add(QStringLiteral("syncs"), QString::number(x.syncs.size()), QString::number(y.syncs.size()),
        QStringLiteral("waits for outputs"));
    return rows;
}

} // namespace xi
