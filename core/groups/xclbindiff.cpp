// SPDX-License-Identifier: GPL-3.0-or-later
#include "groups/xclbindiff.h"

#include "groups/argumentgroups.h"
#include "util/textformat.h"
#include "xclbin/sectionkind.h"

#include <QMap>

#include <algorithm>

namespace xi {

QString diffAreaName(DiffRecord::Area area)
{
    switch (area) {
    case DiffRecord::Area::Header: return QStringLiteral("header");
    case DiffRecord::Area::Section: return QStringLiteral("section");
    case DiffRecord::Area::Memory: return QStringLiteral("memory");
    case DiffRecord::Area::Connection: return QStringLiteral("connection");
    case DiffRecord::Area::Kernel: return QStringLiteral("kernel");
    case DiffRecord::Area::Argument: return QStringLiteral("argument");
    case DiffRecord::Area::GroupId: return QStringLiteral("group-id");
    }
    return {};
}

QString diffChangeName(DiffRecord::Change change)
{
    switch (change) {
    case DiffRecord::Change::Added: return QStringLiteral("added");
    case DiffRecord::Change::Removed: return QStringLiteral("removed");
    case DiffRecord::Change::Changed: return QStringLiteral("changed");
    }
    return {};
}

QJsonObject DiffRecord::toJson() const
{
    return QJsonObject {
        { QStringLiteral("area"), diffAreaName(area) },
        { QStringLiteral("key"), key },
        { QStringLiteral("field"), field },
        { QStringLiteral("before"), before },
        { QStringLiteral("after"), after },
        { QStringLiteral("change"), diffChangeName(change) },
    };
}

namespace {

using Area = DiffRecord::Area;
using Change = DiffRecord::Change;
// An ordered list of (field, value) pairs describing one compared item.
using Fields = QList<QPair<QString, QString>>;

class Differ {
public:
    explicit Differ(const DiffOptions& options)
        : m_options(options)
    {
    }

    QList<DiffRecord> records;

    void fields(Area area, const QString& key, const Fields& before, const Fields& after)
    {
        for (qsizetype i = 0; i < std::min(before.size(), after.size()); ++i) {
            if (before[i].second != after[i].second)
                records.append({ area, key, before[i].first, before[i].second, after[i].second, Change::Changed });
        }
    }

    // Items keyed by name, each described by fields; reports added, removed and changed fields.
    void keyed(Area area, const QList<QPair<QString, Fields>>& before, const QList<QPair<QString, Fields>>& after)
    {
        QMap<QString, Fields> a;
        QMap<QString, Fields> b;
        for (const auto& item : before)
            a.insert(item.first, item.second);
        for (const auto& item : after)
            b.insert(item.first, item.second);
        for (const auto& item : before) {
            if (!b.contains(item.first))
                records.append({ area, item.first, {}, summary(item.second), {}, Change::Removed });
            else
                fields(area, item.first, item.second, b.value(item.first));
        }
        for (const auto& item : after) {
            if (!a.contains(item.first))
                records.append({ area, item.first, {}, {}, summary(item.second), Change::Added });
        }
    }

    static QString summary(const Fields& f)
    {
        QStringList parts;
        for (const auto& p : f)
            parts << p.first + QLatin1Char('=') + p.second;
        return parts.join(QStringLiteral(", "));
    }

    const DiffOptions& m_options;
};

Fields headerFields(const Xclbin& x, bool ignoreStamp)
{
    const AxlfHeader& h = x.header;
    Fields f {
        { QStringLiteral("version"), h.version() },
        { QStringLiteral("mode"), h.modeName() },
        { QStringLiteral("platform VBNV"), h.platformVbnv },
        { QStringLiteral("interface UUID"), h.interfaceUuid.toString(QUuid::WithoutBraces) },
        { QStringLiteral("feature ROM timestamp"), QString::number(h.featureRomTimestamp) },
        { QStringLiteral("action mask"), hexUpper(h.actionMask) },
        { QStringLiteral("signature length"), QString::number(h.signatureLength) },
        { QStringLiteral("section count"), QString::number(h.sectionCount) },
    };
    if (!ignoreStamp) {
        f.prepend({ QStringLiteral("unique id"), hexUpper(h.uniqueId) });
        f.prepend({ QStringLiteral("timestamp"), QString::number(h.timestamp) });
        f.prepend({ QStringLiteral("xclbin UUID"), h.xclbinUuid.toString(QUuid::WithoutBraces) });
    }
    return f;
}

QList<QPair<QString, const SectionHeader*>> sectionKeys(const Xclbin& x)
{
    QList<QPair<QString, const SectionHeader*>> keys;
    QMap<QString, int> seen;
    for (const SectionHeader& s : x.sections) {
        QString key = sectionKindDisplayName(s.kind);
        if (!s.name.isEmpty())
            key += QLatin1Char(':') + s.name;
        const int n = ++seen[key];
        if (n > 1)
            key += QStringLiteral(" #%1").arg(n);
        keys.append({ key, &s });
    }
    return keys;
}

// First offset at which two sections' bytes differ, or -1; reads in chunks so a 1 GB section stays cheap.
qint64 firstDifference(const Xclbin& a, const SectionHeader& sa, const Xclbin& b, const SectionHeader& sb)
{
    constexpr quint64 chunk = 4 << 20;
    for (quint64 pos = 0; pos < sa.size; pos += chunk) {
        const quint64 n = std::min(chunk, sa.size - pos);
        const QByteArray x = a.readBytes(sa.offset + pos, n);
        const QByteArray y = b.readBytes(sb.offset + pos, n);
        if (x == y)
            continue;
        for (qsizetype i = 0; i < std::min(x.size(), y.size()); ++i) {
            if (x[i] != y[i])
                return qint64(pos) + i;
        }
        return qint64(pos) + std::min(x.size(), y.size());
    }
    return -1;
}

void compareSections(Differ& d, const Xclbin& a, const Xclbin& b)
{
    const auto ka = sectionKeys(a);
    const auto kb = sectionKeys(b);
    auto find = [](const auto& keys, const QString& key) -> const SectionHeader* {
        for (const auto& k : keys) {
            if (k.first == key)
                return k.second;
        }
        return nullptr;
    };
    auto describe
        = [](const SectionHeader* s) { return QStringLiteral("%1 bytes at %2").arg(s->size).arg(hexUpper(s->offset)); };
    for (const auto& [key, sa] : ka) {
        const SectionHeader* sb = find(kb, key);
        if (!sb) {
            d.records.append({ Area::Section, key, {}, describe(sa), {}, Change::Removed });
        } else if (sa->size != sb->size) {
            d.records.append({ Area::Section, key, QStringLiteral("size"), QString::number(sa->size),
                               QString::number(sb->size), Change::Changed });
        } else if (d.m_options.compareBytes && sa->size > 0) {
            const qint64 at = firstDifference(a, *sa, b, *sb);
            if (at >= 0) {
                d.records.append({ Area::Section, key, QStringLiteral("bytes"), QStringLiteral("same size"),
                                   QStringLiteral("differs from section offset %1").arg(hexUpper(quint64(at))),
                                   Change::Changed });
            }
        }
    }
    for (const auto& [key, sb] : kb) {
        if (!find(ka, key))
            d.records.append({ Area::Section, key, {}, {}, describe(sb), Change::Added });
    }
}

QList<QPair<QString, Fields>> memoryItems(const QString& table, const QList<MemoryEntry>& memories)
{
    QList<QPair<QString, Fields>> items;
    for (const MemoryEntry& m : memories) {
        items.append({ QStringLiteral("%1[%2]").arg(table).arg(m.index),
                       Fields {
                           { QStringLiteral("tag"), m.tag },
                           { QStringLiteral("type"), m.typeName() },
                           { QStringLiteral("used"), m.used ? QStringLiteral("yes") : QStringLiteral("no") },
                           { QStringLiteral("size KiB"), hexUpper(m.sizeKiB) },
                           { QStringLiteral("base address"), hexUpper(m.baseAddress) },
                       } });
    }
    return items;
}

QMap<QString, int> connectionCounts(const Xclbin& x, const QList<Connection>& connections)
{
    QMap<QString, int> counts;
    const QList<IpEntry> ips = x.ipLayout.value_or(QList<IpEntry>());
    const QList<MemoryEntry>& memories = x.memories();
    for (const Connection& c : connections) {
        const QString ip = c.ipLayoutIndex >= 0 && c.ipLayoutIndex < ips.size()
            ? ips[c.ipLayoutIndex].name
            : QStringLiteral("ip %1").arg(c.ipLayoutIndex);
        const QString mem = c.memDataIndex >= 0 && c.memDataIndex < memories.size()
            ? QStringLiteral("mem %1 (%2)").arg(c.memDataIndex).arg(memories[c.memDataIndex].tag)
            : QStringLiteral("mem %1").arg(c.memDataIndex);
        ++counts[QStringLiteral("%1 arg %2 -> %3").arg(ip).arg(c.argIndex).arg(mem)];
    }
    return counts;
}

void compareConnections(Differ& d, const QString& table, const Xclbin& a, const std::optional<QList<Connection>>& ca,
                        const Xclbin& b, const std::optional<QList<Connection>>& cb)
{
    const QMap<QString, int> before = connectionCounts(a, ca.value_or(QList<Connection>()));
    const QMap<QString, int> after = connectionCounts(b, cb.value_or(QList<Connection>()));
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    std::sort(keys.begin(), keys.end());
    for (const QString& k : keys) {
        const int n = before.value(k);
        const int m = after.value(k);
        const QString key = table + QStringLiteral(": ") + k;
        if (n == m)
            continue;
        if (n == 0)
            d.records.append({ Area::Connection, key, {}, {}, QStringLiteral("x%1").arg(m), Change::Added });
        else if (m == 0)
            d.records.append({ Area::Connection, key, {}, QStringLiteral("x%1").arg(n), {}, Change::Removed });
        else
            d.records.append({ Area::Connection, key, QStringLiteral("count"), QString::number(n), QString::number(m),
                               Change::Changed });
    }
}

QString joinMap(const QMap<QString, QString>& map)
{
    QStringList parts;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    return parts.join(QStringLiteral(", "));
}

QList<QPair<QString, Fields>> kernelItems(const Xclbin& x)
{
    QList<QPair<QString, Fields>> items;
    for (const Kernel& k : x.kernels) {
        QStringList instances;
        for (const KernelInstance& i : k.instances)
            instances << i.name;
        items.append({ k.name,
                       Fields {
                           { QStringLiteral("type"), k.type },
                           { QStringLiteral("language"), k.language },
                           { QStringLiteral("arguments"), QString::number(k.arguments.size()) },
                           { QStringLiteral("instances"), instances.join(QStringLiteral(", ")) },
                           { QStringLiteral("extended data"), joinMap(k.extendedData) },
                       } });
    }
    return items;
}

QList<QPair<QString, Fields>> argumentItems(const Xclbin& x)
{
    QList<QPair<QString, Fields>> items;
    for (const Kernel& k : x.kernels) {
        for (const KernelArgument& a : k.arguments) {
            items.append({ QStringLiteral("%1 arg %2").arg(k.name).arg(a.id),
                           Fields {
                               { QStringLiteral("name"), a.name },
                               { QStringLiteral("address qualifier"), a.addressQualifierName() },
                               { QStringLiteral("type"), a.type },
                               { QStringLiteral("size"), hexUpper(a.size) },
                               { QStringLiteral("offset"), hexUpper(a.offset) },
                               { QStringLiteral("host offset"), hexUpper(a.hostOffset) },
                               { QStringLiteral("host size"), hexUpper(a.hostSize) },
                               { QStringLiteral("port"), a.port },
                           } });
        }
    }
    return items;
}

QList<QPair<QString, Fields>> groupItems(const Xclbin& x, SlotMode mode)
{
    QList<QPair<QString, Fields>> items;
    for (const KernelGroups& k : ArgumentGroups::computeAll(x, mode)) {
        for (const ArgumentGroup& a : k.arguments) {
            items.append({ QStringLiteral("%1 arg %2 (%3)").arg(k.kernelName).arg(a.index).arg(a.argument.name),
                           Fields {
                               { QStringLiteral("group ID"), a.groupId.hex() },
                               { QStringLiteral("banks"), a.memoryTags.join(QLatin1Char('+')) },
                               { QStringLiteral("verdict"), verdictName(a.verdict) },
                           } });
        }
    }
    return items;
}

} // namespace

QList<DiffRecord> XclbinDiff::compare(const Xclbin& before, const Xclbin& after, const DiffOptions& options)
{
    Differ d(options);
    d.fields(Area::Header, QStringLiteral("header"), headerFields(before, options.ignoreBuildStamp),
             headerFields(after, options.ignoreBuildStamp));
    compareSections(d, before, after);
    d.keyed(Area::Memory,
            memoryItems(QStringLiteral("MEM_TOPOLOGY"), before.memTopology.value_or(QList<MemoryEntry>())),
            memoryItems(QStringLiteral("MEM_TOPOLOGY"), after.memTopology.value_or(QList<MemoryEntry>())));
    d.keyed(Area::Memory,
            memoryItems(QStringLiteral("GROUP_TOPOLOGY"), before.groupTopology.value_or(QList<MemoryEntry>())),
            memoryItems(QStringLiteral("GROUP_TOPOLOGY"), after.groupTopology.value_or(QList<MemoryEntry>())));
    compareConnections(d, QStringLiteral("CONNECTIVITY"), before, before.connectivity, after, after.connectivity);
    compareConnections(d, QStringLiteral("GROUP_CONNECTIVITY"), before, before.groupConnectivity, after,
                       after.groupConnectivity);
    d.keyed(Area::Kernel, kernelItems(before), kernelItems(after));
    d.keyed(Area::Argument, argumentItems(before), argumentItems(after));
    d.keyed(Area::GroupId, groupItems(before, options.slotMode), groupItems(after, options.slotMode));
    return d.records;
}

} // namespace xi
