// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/benchparse.h"

#include "groups/argumentgroups.h"
#include "xclbin/xclbinreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QtEndian>

#include <experimental/xrt_xclbin.h>

#include <algorithm>
#include <functional>

namespace xi {

namespace {

constexpr qint64 HeaderEnd = 456; // the first section header (docs/domain.md section 5)
constexpr qint64 LengthOffset = 304;
constexpr qint64 SectionCountOffset = 304 + 144;
constexpr qint64 SectionHeaderSize = 40;

double median(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

// Runs `once` until the budget is spent; the median in microseconds. Stops at the first exception.
double timeMedian(const std::function<void()>& once, const ParseBenchOptions& o, int* repeats)
{
    QList<double> samples;
    QElapsedTimer total;
    total.start();
    while (samples.size() < o.maxRepeats && (samples.size() < o.minRepeats || total.elapsed() < o.budgetMs)) {
        QElapsedTimer t;
        t.start();
        once();
        samples << double(t.nsecsElapsed()) / 1000.0;
    }
    *repeats = int(samples.size());
    return median(samples);
}

// Touches every fact of a file that XRT exposes, so that its lazy parsing is done.
size_t walkXrtView(const xrt::xclbin& x)
{
    size_t n = x.get_mems().size();
    for (const auto& k : x.get_kernels()) {
        for (const auto& a : k.get_args())
            n += a.get_name().size() + a.get_mems().size();
    }
    for (const auto& ip : x.get_ips()) {
        for (const auto& a : ip.get_args())
            n += a.get_mems().size();
    }
    return n;
}

quint64 alignUp(quint64 v)
{
    return (v + 7) & ~quint64(7);
}

} // namespace

QJsonObject ParseBenchEntry::toJson() const
{
    QJsonObject o { { QLatin1String("file"), file },
                    { QLatin1String("bytes"), qint64(bytes) },
                    { QLatin1String("us"), us },
                    { QLatin1String("repeats"), repeats } };
    if (!error.isEmpty())
        o[QLatin1String("error")] = error;
    if (xrtUs) {
        o[QLatin1String("xrt_us")] = *xrtUs;
        o[QLatin1String("xrt_full_us")] = xrtFullUs.value_or(-1);
        o[QLatin1String("xrt_repeats")] = xrtRepeats;
    }
    if (!xrtError.isEmpty())
        o[QLatin1String("xrt_error")] = xrtError;
    return o;
}

ParseBenchEntry ParseBench::measure(const QString& path, const ParseBenchOptions& options)
{
    ParseBenchEntry e;
    e.file = path;
    e.bytes = quint64(QFileInfo(path).size());
    try {
        e.us = timeMedian(
            [&path] {
                const XclbinPtr x = XclbinReader::read(path);
                const QList<KernelGroups> groups = ArgumentGroups::computeAll(*x);
                Q_UNUSED(groups);
            },
            options, &e.repeats);
    } catch (const XclbinException& ex) {
        e.error = ex.error().message();
        e.us = -1;
    }
    if (!options.xrt)
        return e;
    try {
        const std::string file = path.toStdString();
        e.xrtUs = timeMedian([&file] { const xrt::xclbin x(file); }, options, &e.xrtRepeats);
        int repeats = 0;
        e.xrtFullUs = timeMedian([&file] { walkXrtView(xrt::xclbin(file)); }, options, &repeats);
    } catch (const std::exception& ex) {
        e.xrtError = QString::fromLocal8Bit(ex.what());
        e.xrtUs.reset();
        e.xrtFullUs.reset();
    }
    return e;
}

QJsonArray ParseBench::toJson(const QList<ParseBenchEntry>& entries)
{
    QJsonArray a;
    for (const ParseBenchEntry& e : entries)
        a.append(e.toJson());
    return a;
}

QString ParseBench::table(const QList<ParseBenchEntry>& entries)
{
    const bool withXrt = std::any_of(entries.cbegin(), entries.cend(),
                                     [](const ParseBenchEntry& e) { return e.xrtUs || !e.xrtError.isEmpty(); });
    QString out = QStringLiteral("%1 %2 %3")
                      .arg(QStringLiteral("file"), -40)
                      .arg(QStringLiteral("bytes"), 12)
                      .arg(QStringLiteral("ours us"), 11);
    if (withXrt)
        out += QStringLiteral(" %1 %2").arg(QStringLiteral("xrt ctor us"), 12).arg(QStringLiteral("xrt all us"), 12);
    out += QLatin1Char('\n');
    for (const ParseBenchEntry& e : entries) {
        const QString ours = e.error.isEmpty() ? QString::number(e.us, 'f', 1) : QStringLiteral("error");
        out += QStringLiteral("%1 %2 %3").arg(QFileInfo(e.file).fileName(), -40).arg(e.bytes, 12).arg(ours, 11);
        if (withXrt) {
            const QString ctor = e.xrtUs ? QString::number(*e.xrtUs, 'f', 1) : QStringLiteral("error");
            const QString all = e.xrtFullUs ? QString::number(*e.xrtFullUs, 'f', 1) : QStringLiteral("error");
            out += QStringLiteral(" %1 %2").arg(ctor, 12).arg(all, 12);
        }
        out += QLatin1Char('\n');
        if (!e.error.isEmpty())
            out += QStringLiteral("  ours: %1\n").arg(e.error);
        if (!e.xrtError.isEmpty())
            out += QStringLiteral("  xrt: %1\n").arg(e.xrtError);
    }
    return out;
}

bool ParseBench::generateLarge(const QString& source, const QString& output, quint64 sizeMb, QString* error)
{
    XclbinPtr x;
    try {
        x = XclbinReader::read(source);
    } catch (const XclbinException& ex) {
        *error = ex.error().message();
        return false;
    }
    if (QFileInfo::exists(output)) {
        *error = QStringLiteral("%1 exists; remove it or choose another path").arg(output);
        return false;
    }
    QFile out(output);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(output, out.errorString());
        return false;
    }
    const qint64 count = x->sections.size() + 1;
    QByteArray head = x->readBytes(0, HeaderEnd);
    const quint64 fillerOffset = alignUp(quint64(HeaderEnd + count * SectionHeaderSize));
    const quint64 fillerSize = sizeMb * 1024 * 1024;
    // The fixture's sections follow the filler, each 8-byte aligned.
    QList<quint64> offsets;
    quint64 end = fillerOffset + fillerSize;
    for (const SectionHeader& s : x->sections) {
        end = alignUp(end);
        offsets << end;
        end += s.size;
    }
    qToLittleEndian<quint64>(end, head.data() + LengthOffset);
    qToLittleEndian<quint32>(quint32(count), head.data() + SectionCountOffset);

    QByteArray table(count * SectionHeaderSize, '\0');
    auto putHeader = [&table](qint64 i, quint32 kind, const QByteArray& name, quint64 offset, quint64 size) {
        char* h = table.data() + i * SectionHeaderSize;
        qToLittleEndian<quint32>(kind, h);
        memcpy(h + 4, name.constData(), size_t(qMin<qsizetype>(name.size(), 16)));
        qToLittleEndian<quint64>(offset, h + 24);
        qToLittleEndian<quint64>(size, h + 32);
    };
    putHeader(0, 0, QByteArrayLiteral("bitstream"), fillerOffset, fillerSize);
    for (qsizetype i = 0; i < x->sections.size(); ++i) {
        const SectionHeader& s = x->sections.at(i);
        putHeader(i + 1, s.kind, s.name.toLatin1(), offsets.at(i), s.size);
    }
    bool ok = out.write(head) == head.size() && out.write(table) == table.size() && out.seek(qint64(fillerOffset));
    QByteArray chunk(4 * 1024 * 1024, '\0');
    for (qsizetype i = 0; i < chunk.size(); ++i)
        chunk[i] = char((i * 131) >> 3); // not zeros, so the file cannot be sparse
    for (quint64 left = fillerSize; ok && left > 0;) {
        const qint64 n = qint64(qMin<quint64>(left, quint64(chunk.size())));
        ok = out.write(chunk.constData(), n) == n;
        left -= quint64(n);
    }
    for (qsizetype i = 0; ok && i < x->sections.size(); ++i) {
        const QByteArray bytes = x->readSection(x->sections.at(i));
        ok = out.seek(qint64(offsets.at(i))) && out.write(bytes) == bytes.size();
    }
    if (!ok || !out.resize(qint64(end))) {
        *error = QStringLiteral("cannot write %1: %2").arg(output, out.errorString());
        out.remove();
        return false;
    }
    return true;
}

} // namespace xi
