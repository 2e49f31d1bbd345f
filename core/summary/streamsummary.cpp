// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary/streamsummary.h"

#include "binding/instructionfilelocator.h"
#include "binding/streamcontext.h"
#include "instructions/npustreamchecker.h"
#include "instructions/npustreamreader.h"

#include <QFileInfo>
#include <QJsonArray>

namespace xi {

QString StreamMove::text() const
{
    if (read && written)
        return QStringLiteral("NPU reads and writes %1 bytes").arg(bytes);
    return QStringLiteral("NPU %1 %2 bytes")
        .arg(written ? QStringLiteral("writes") : QStringLiteral("reads"))
        .arg(bytes);
}

const StreamMove* StreamSummary::move(qint64 xrtArgument) const
{
    for (const StreamMove& m : moves) {
        if (m.xrtArgument == xrtArgument)
            return &m;
    }
    return nullptr;
}

QString StreamSummary::sentence() const
{
    const QString file = QFileInfo(path).fileName();
    if (!readable())
        return QStringLiteral("%1 could not be read: %2.").arg(file, error);
    if (!recognisedAs.isEmpty() && moves.isEmpty())
        return QStringLiteral("%1 is %2: recognised, not decoded.").arg(file, recognisedAs);
    QStringList parts;
    for (const StreamMove& m : moves) {
        const QString who = m.name.isEmpty() ? QStringLiteral("argument %1").arg(m.xrtArgument)
                                             : QStringLiteral("%1 (argument %2)").arg(m.name).arg(m.xrtArgument);
        if (m.read && m.written)
            parts << QStringLiteral("reads and writes %1 bytes of %2").arg(m.bytes).arg(who);
        else if (m.written)
            parts << QStringLiteral("writes %1 bytes to %2").arg(m.bytes).arg(who);
        else
            parts << QStringLiteral("reads %1 bytes of %2").arg(m.bytes).arg(who);
    }
    const QString what = parts.isEmpty() ? QStringLiteral("it moves no host buffer")
                                         : QStringLiteral("the NPU %1").arg(parts.join(QStringLiteral(", ")));
    return QStringLiteral("%1 (%2, %3 words): %4.").arg(file, format).arg(words).arg(what);
}

QJsonObject StreamSummary::toJson() const
{
    QJsonArray list;
    for (const StreamMove& m : moves) {
        list.append(QJsonObject { { QStringLiteral("xrt_argument"), double(m.xrtArgument) },
                                  { QStringLiteral("name"), m.name },
                                  { QStringLiteral("read"), m.read },
                                  { QStringLiteral("written"), m.written },
                                  { QStringLiteral("bytes"), double(m.bytes) } });
    }
    QJsonArray findingList;
    for (const NpuFinding& f : findings)
        findingList.append(f.toJson());
    return QJsonObject { { QStringLiteral("path"), path },           { QStringLiteral("error"), error },
                         { QStringLiteral("format"), format },       { QStringLiteral("words"), double(words) },
                         { QStringLiteral("kernel"), kernelName },   { QStringLiteral("moves"), list },
                         { QStringLiteral("findings"), findingList } };
}

std::optional<StreamSummary> StreamSummary::nextTo(const Xclbin& xclbin, const Kernel* kernel)
{
    const QString path = xclbin.filePath.isEmpty() ? QString() : InstructionFileLocator::findNextTo(xclbin.filePath);
    if (path.isEmpty())
        return std::nullopt;
    return read(path, xclbin, kernel);
}

StreamSummary StreamSummary::read(const QString& path, const Xclbin& xclbin, const Kernel* kernel)
{
    StreamSummary s;
    s.path = path;
    NpuStreamError error;
    const std::optional<NpuStream> stream = NpuStreamReader::load(path, &error);
    if (!stream) {
        s.error = error.message();
        return s;
    }
    s.format = npuFormatName(stream->format);
    s.words = stream->wordCount();
    s.recognisedAs = stream->recognisedAs;
    NpuStreamContext context;
    if (kernel) {
        s.kernelName = kernel->name;
        context = StreamContext::forKernel(xclbin, *kernel);
    }
    s.findings = NpuStreamChecker::check(*stream, context);
    for (const NpuArgument& a : stream->arguments) {
        StreamMove m;
        m.xrtArgument = a.xrtArgument;
        m.read = a.read;
        m.written = a.written;
        m.bytes = a.minBytes;
        if (kernel) {
            for (const KernelArgument& k : kernel->arguments) {
                if (k.id == a.xrtArgument)
                    m.name = k.name;
            }
        }
        s.moves << m;
    }
    return s;
}

} // namespace xi
