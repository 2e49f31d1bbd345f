// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/xclbinwriter.h"

#include "util/propertytree.h"
#include "util/safefilewriter.h"
#include "util/textformat.h"
#include "xclbin/aieccinputs.h"
#include "xclbin/sectionjson.h"
#include "xclbin/sectionkind.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace xi {

namespace {

using Kind = AieccInputError::Kind;

constexpr int HeaderSize = 456; // axlf up to the section header array
constexpr int SectionHeaderSize = 40;
constexpr int AiePartitionHeaderSize = 184;
constexpr int AiePdiSize = 96;
constexpr int CdoGroupSize = 96;
constexpr quint8 MemPsKernel = 11;
constexpr quint32 IpPsKernel = 7;

[[noreturn]] void fail(Kind kind, const AieccOrigin& origin, const QString& suffix, const QString& expected)
{
    AieccInputError error;
    error.kind = kind;
    error.file = origin.file;
    error.jsonPath = origin.jsonPath + suffix;
    error.expected = expected;
    throw AieccInputException(error);
}

// Little-endian appender with xclbinutil's 8-byte alignment.
class Bytes {
public:
    void u8(quint8 v) { m_data.append(char(v)); }
    void u16(quint16 v) { append(v, 2); }
    void u32(quint32 v) { append(v, 4); }
    void u64(quint64 v) { append(v, 8); }
    void zeros(qsizetype n) { m_data.append(n, '\0'); }
    void raw(const QByteArray& bytes) { m_data.append(bytes); }
    // A char[size] field: cut to size - 1 bytes, NUL padded.
    void fixed(const QString& text, int size) { raw(text.toUtf8().left(size - 1).leftJustified(size, '\0')); }
    void cString(const QString& text) { raw(text.toUtf8().append('\0')); }
    void align8() { zeros((8 - m_data.size() % 8) % 8); }
    qsizetype size() const { return m_data.size(); }
    const QByteArray& data() const { return m_data; }

private:
    void append(quint64 v, int n)
    {
        for (int i = 0; i < n; ++i)
            m_data.append(char((v >> (8 * i)) & 0xFF));
    }
    QByteArray m_data;
};

struct Section {
    quint32 kind = 0;
    QString name;
    QByteArray bytes;
    std::optional<PropertyTree> payload; // xclbinutil mirrors sections it can dump as JSON
};

// The tables --add-kernel derives from the kernels.
struct KernelTables {
    QList<MemoryEntry> memories;
    QByteArray kernelXml;
    QList<IpEntry> ips;
    QList<Connection> connections;
};

QByteArray xmlEscaped(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    if (!utf8.isEmpty() && utf8.count(' ') == utf8.size())
        return "&#32;" + QByteArray(utf8.size() - 1, ' ');
    QByteArray out;
    for (const char c : utf8) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c;
        }
    }
    return out;
}

QByteArray xmlElement(int indent, const char* tag, const QList<QPair<QString, QString>>& attributes)
{
    QByteArray out = QByteArray(indent, ' ') + '<' + tag;
    for (const auto& [name, value] : attributes)
        out += ' ' + name.toUtf8() + "=\"" + xmlEscaped(value) + '"';
    return out + "/>\n";
}

// The type sizes xclbinutil knows for fixed (DPU) kernels; pointers are 8 bytes.
std::optional<quint64> typeSize(QString type)
{
    type.remove(QLatin1Char(' '));
    if (type.endsWith(QLatin1Char('*')))
        return 8;
    static const QList<QPair<QString, quint64>> sizes = {
        { QStringLiteral("char"), 1 },       { QStringLiteral("unsignedchar"), 1 }, { QStringLiteral("float"), 4 },
        { QStringLiteral("int8_t"), 1 },     { QStringLiteral("uint8_t"), 1 },      { QStringLiteral("int16_t"), 2 },
        { QStringLiteral("uint16_t"), 2 },   { QStringLiteral("int32_t"), 4 },      { QStringLiteral("uint32_t"), 4 },
        { QStringLiteral("int64_t"), 8 },    { QStringLiteral("uint64_t"), 8 },     { QStringLiteral("int"), 8 },
        { QStringLiteral("unsignedint"), 8 }
    };
    for (const auto& [name, size] : sizes) {
        if (name == type)
            return size;
    }
    return std::nullopt;
}

// extended-data as the XML attributes: subtype and functional as numbers (DPU -> 1 / 0, PS -> 0, PrePost -> 1).
QList<QPair<QString, QString>> extendedDataAttributes(QList<QPair<QString, QString>> data)
{
    auto put = [&data](const QString& key, const QHash<QString, QString>& names) {
        auto it = std::find_if(data.begin(), data.end(), [&key](const auto& kv) { return kv.first == key; });
        if (it == data.end()) {
            data.append({ key, QString() });
            return;
        }
        it->second = names.value(it->second, it->second);
    };
    put(QStringLiteral("functional"),
        { { QStringLiteral("DPU"), QStringLiteral("0") }, { QStringLiteral("PrePost"), QStringLiteral("1") } });
    put(QStringLiteral("subtype"),
        { { QStringLiteral("PS"), QStringLiteral("0") }, { QStringLiteral("DPU"), QStringLiteral("1") } });
    return data;
}

QByteArray kernelXml(const AieccDesign::Kernel& kernel)
{
    const QList<QPair<QString, QString>> kernelAttributes = { { QStringLiteral("name"), kernel.name },
                                                              { QStringLiteral("language"), QStringLiteral("c") },
                                                              { QStringLiteral("type"), QStringLiteral("dpu") } };
    QByteArray body;
    if (!kernel.extendedData.isEmpty())
        body += xmlElement(10, "extended-data", extendedDataAttributes(kernel.extendedData));
    for (qsizetype i = 0; i < kernel.arguments.size(); ++i) {
        const auto& arg = kernel.arguments[i];
        const auto size = typeSize(arg.type);
        if (!size) {
            fail(Kind::BadValue, arg.origin, QStringLiteral(".type"),
                 QStringLiteral("a C type xclbinutil knows (a pointer, char, float, [u]int8_t ... [u]int64_t, int), "
                                "found \"%1\" for argument %2 of kernel %3")
                     .arg(arg.type, arg.name, kernel.name));
        }
        body += xmlElement(10, "arg",
                           { { QStringLiteral("name"), arg.name },
                             { QStringLiteral("addressQualifier"), QString::number(arg.addressQualifier) },
                             { QStringLiteral("id"), arg.useId ? QString::number(i) : QString() },
                             { QStringLiteral("size"), hexLower(*size) },
                             { QStringLiteral("offset"), arg.offset },
                             { QStringLiteral("hostOffset"), QStringLiteral("0x0") },
                             { QStringLiteral("hostSize"), hexLower(*size) },
                             { QStringLiteral("type"), arg.type } });
    }
    for (const QString& instance : kernel.instances)
        body += xmlElement(10, "instance", { { QStringLiteral("name"), instance } });
    QByteArray open = xmlElement(8, "kernel", kernelAttributes);
    if (body.isEmpty())
        return open;
    open.chop(3);
    return open + ">\n" + body + "        </kernel>\n";
}

quint32 psEnumValue(const AieccDesign::Kernel& kernel, const QString& key, const QStringList& names)
{
    const auto it = std::find_if(kernel.extendedData.cbegin(), kernel.extendedData.cend(),
                                 [&key](const auto& kv) { return kv.first == key; });
    if (it == kernel.extendedData.cend() || it->second.isEmpty())
        return 0;
    if (it->second.at(0).isDigit())
        return it->second.toUInt();
    const qsizetype index = names.indexOf(it->second);
    if (index < 0)
        fail(Kind::BadValue, kernel.origin, QStringLiteral(".extended-data.") + key,
             QStringLiteral("%1 or a number, found \"%2\"").arg(names.join(QStringLiteral(" or ")), it->second));
    return quint32(index);
}

// IP_PS_KERNEL properties: subtype bits 0-1, functional bits 4-5, kernel id bits 16-27.
quint32 psKernelProperties(const AieccDesign::Kernel& kernel)
{
    if (kernel.extendedData.isEmpty())
        return 0;
    const quint32 subtype
        = psEnumValue(kernel, QStringLiteral("subtype"), { QStringLiteral("PS"), QStringLiteral("DPU") });
    const quint32 functional
        = psEnumValue(kernel, QStringLiteral("functional"), { QStringLiteral("DPU"), QStringLiteral("PrePost") });
    quint64 kernelId = 0;
    for (const auto& [key, value] : kernel.extendedData) {
        if (key == QLatin1String("dpu_kernel_id") && !value.isEmpty())
            kernelId = AieccInputs::parseCInteger(value).value_or(0);
    }
    return (subtype & 0x3) | ((functional & 0x3) << 4) | quint32((kernelId & 0xFFF) << 16);
}

QString memoryTags(const QList<MemoryEntry>& memories)
{
    QStringList tags;
    for (const auto& m : memories)
        tags << m.tag;
    return tags.isEmpty() ? QStringLiteral("none") : tags.join(QStringLiteral(", "));
}

QList<int> connectedMemories(const AieccDesign::Argument& arg, QList<MemoryEntry>& memories)
{
    const QString& connection = *arg.memoryConnection;
    if (connection.isEmpty()) {
        auto it = std::find_if(memories.cbegin(), memories.cend(),
                               [](const MemoryEntry& m) { return m.type == MemPsKernel; });
        if (it == memories.cend()) {
            MemoryEntry psMemory;
            psMemory.type = MemPsKernel;
            psMemory.used = true;
            psMemory.tag = QStringLiteral("MEM_PS_KERNEL");
            memories.append(psMemory);
        }
        return { int(memories.size() - 1) };
    }
    QList<int> indices;
    for (const QString& token : connection.split(QLatin1Char(','))) {
        bool numeric = false;
        const int index = token.trimmed().toInt(&numeric);
        if (!numeric) {
            indices.clear();
            break;
        }
        if (index < 0 || index >= memories.size())
            fail(Kind::BadValue, arg.origin, QStringLiteral(".memory-connection"),
                 QStringLiteral("memory indices 0 to %1, found %2").arg(memories.size() - 1).arg(index));
        indices.append(index);
    }
    if (!indices.isEmpty())
        return indices;
    for (qsizetype i = 0; i < memories.size(); ++i) {
        if (memories[i].tag == connection)
            return { int(i) };
    }
    fail(Kind::UnknownMemoryTag, arg.origin, QStringLiteral(".memory-connection"),
         QStringLiteral("a memory tag of the memory table (%1), found \"%2\"").arg(memoryTags(memories), connection));
}

void addKernel(const AieccDesign::Kernel& kernel, bool markUsed, KernelTables& tables)
{
    for (const auto& ip : tables.ips) {
        if (ip.kernelName() == kernel.name)
            fail(Kind::Inconsistent, kernel.origin, QStringLiteral(".name"),
                 QStringLiteral("kernel names to be unique, found \"%1\" twice").arg(kernel.name));
    }
    tables.kernelXml += kernelXml(kernel);
    const quint32 properties = psKernelProperties(kernel);
    for (const QString& instance : kernel.instances) {
        IpEntry ip;
        ip.index = int(tables.ips.size());
        ip.type = IpPsKernel;
        ip.properties = properties;
        ip.baseAddress = ~quint64(0);
        ip.name = kernel.name + QLatin1Char(':') + instance;
        if (ip.name.toUtf8().size() >= 64)
            fail(Kind::BadValue, kernel.origin, QStringLiteral(".instances"),
                 QStringLiteral("\"kernel:instance\" of at most 63 bytes, found \"%1\"").arg(ip.name));
        tables.ips.append(ip);
        for (qsizetype argIndex = 0; argIndex < kernel.arguments.size(); ++argIndex) {
            const auto& arg = kernel.arguments[argIndex];
            if (!arg.memoryConnection)
                continue;
            for (const int memory : connectedMemories(arg, tables.memories)) {
                tables.connections.append({ qint32(argIndex), qint32(ip.index), qint32(memory) });
                if (markUsed)
                    tables.memories[memory].used = true;
            }
        }
    }
}

void checkKernelIdsInPartition(const AieccDesign& design, const KernelTables& tables)
{
    if (!design.partition || tables.ips.isEmpty())
        return;
    QSet<quint64> ids;
    for (const auto& pdi : design.partition->pdis) {
        for (const auto& group : pdi.cdoGroups)
            ids.unite(QSet<quint64>(group.dpuKernelIds.cbegin(), group.dpuKernelIds.cend()));
    }
    for (const auto& ip : tables.ips) {
        if (!ip.isPsKernel() || ip.psSubtype() != 1 || ids.contains(ip.psKernelId()))
            continue;
        const auto kernel = std::find_if(design.kernels.cbegin(), design.kernels.cend(),
                                         [&ip](const auto& k) { return k.name == ip.kernelName(); });
        fail(Kind::Inconsistent, kernel->origin, QStringLiteral(".extended-data.dpu_kernel_id"),
             QStringLiteral("dpu_kernel_id 0x%1 of kernel %2 in a cdo group's dpu_kernel_ids of the AIE partition%3")
                 .arg(QString::number(ip.psKernelId(), 16), ip.kernelName(),
                      design.partition->origin.file.isEmpty()
                          ? QString()
                          : QStringLiteral(" (") + design.partition->origin.file + QLatin1Char(')')));
    }
}

KernelTables kernelTables(const AieccDesign& design)
{
    KernelTables tables;
    tables.memories = design.memories;
    for (const auto& kernel : design.kernels)
        addKernel(kernel, design.markConnectedMemoriesUsed, tables);
    tables.connections += design.extraConnections;
    checkKernelIdsInPartition(design, tables);
    return tables;
}

// --- Memory bank grouping (GROUP_TOPOLOGY / GROUP_CONNECTIVITY), as xclbinutil makes it -----------------------

struct WorkingConnection {
    Connection connection;
    quint64 baseAddress = 0;
    quint64 sizeBytes = 0;
    bool canGroup = false;
};

bool sameArgument(const WorkingConnection& a, const WorkingConnection& b)
{
    return a.connection.ipLayoutIndex == b.connection.ipLayoutIndex && a.connection.argIndex == b.connection.argIndex;
}

// Last index of the run of contiguous memories of one argument that starts at `start`.
qsizetype runEnd(const QList<WorkingConnection>& w, qsizetype start)
{
    qsizetype end = start;
    quint64 size = w[start].sizeBytes;
    while (end + 1 < w.size() && w[start].baseAddress + size == w[end + 1].baseAddress
           && sameArgument(w[start], w[end + 1])) {
        ++end;
        size += w[end].sizeBytes;
    }
    return end;
}

QString groupTag(QList<int> indices)
{
    std::sort(indices.begin(), indices.end());
    QString tag = QStringLiteral("MBG[");
    for (qsizetype i = 0; i < indices.size();) {
        const qsizetype start = i;
        while (i + 1 < indices.size() && indices[i] + 1 == indices[i + 1])
            ++i;
        tag += QString::number(indices[start]);
        if (start != i)
            tag += QLatin1Char(':') + QString::number(indices[i]);
        tag += i + 1 < indices.size() ? QLatin1Char(',') : QLatin1Char(']');
        ++i;
    }
    return tag.left(15);
}

bool sameMemory(const MemoryEntry& a, const MemoryEntry& b)
{
    return a.type == b.type && a.used == b.used && a.sizeKiB == b.sizeKiB && a.baseAddress == b.baseAddress
        && a.tag == b.tag;
}

void markGroupable(QList<WorkingConnection>& w)
{
    for (qsizetype i = 0; i < w.size(); ++i) {
        const qsizetype start = i;
        const qsizetype end = runEnd(w, start);
        i = end;
        if (start == end || (start > 0 && sameArgument(w[start - 1], w[start]))
            || (end + 1 < w.size() && sameArgument(w[end + 1], w[end])))
            continue;
        for (qsizetype k = start; k <= end; ++k)
            w[k].canGroup = true;
    }
}

void groupMemories(QList<WorkingConnection> w, QList<MemoryEntry>& topology, QList<Connection>& groupConnections)
{
    std::stable_sort(w.begin(), w.end(), [](const WorkingConnection& a, const WorkingConnection& b) {
        if (a.connection.ipLayoutIndex != b.connection.ipLayoutIndex)
            return a.connection.ipLayoutIndex < b.connection.ipLayoutIndex;
        if (a.connection.argIndex != b.connection.argIndex)
            return a.connection.argIndex < b.connection.argIndex;
        return a.baseAddress < b.baseAddress;
    });
    markGroupable(w);
    for (qsizetype i = 0; i < w.size(); ++i) {
        const qsizetype start = i;
        const qsizetype end = w[start].canGroup ? runEnd(w, start) : start;
        i = end;
        if (start == end) {
            groupConnections.append(w[start].connection);
            continue;
        }
        MemoryEntry group = topology[w[start].connection.memDataIndex];
        quint64 size = 0;
        QList<int> members;
        for (qsizetype k = start; k <= end; ++k) {
            size += w[k].sizeBytes;
            members.append(w[k].connection.memDataIndex);
        }
        group.sizeKiB = size / 1024;
        group.tag = groupTag(members);
        auto found = std::find_if(topology.cbegin(), topology.cend(),
                                  [&group](const MemoryEntry& m) { return sameMemory(m, group); });
        const int groupIndex = found == topology.cend() ? int(topology.size()) : int(found - topology.cbegin());
        if (found == topology.cend())
            topology.append(group);
        groupConnections.append({ w[start].connection.argIndex, w[start].connection.ipLayoutIndex, groupIndex });
    }
}

// GROUP_CONNECTIVITY lists the (grouped) connections, then every connection once more.
QList<Connection> groupConnectivity(const QList<Connection>& connections, QList<MemoryEntry>& topology)
{
    static const QList<quint8> groupable = { 0, 1, 2, 6 }; // DDR3, DDR4, DRAM (counted as HBM), HBM
    QList<Connection> result;
    QList<WorkingConnection> candidates;
    for (const Connection& c : connections) {
        const bool inRange = c.memDataIndex >= 0 && c.memDataIndex < topology.size();
        if (!inRange || !groupable.contains(topology[c.memDataIndex].type)) {
            result.append(c);
            continue;
        }
        const MemoryEntry& m = topology[c.memDataIndex];
        candidates.append({ c, m.baseAddress, m.sizeKiB * 1024, false });
    }
    groupMemories(candidates, topology, result);
    return result + connections;
}

// --- Section images ----------------------------------------------------------------------------------------

QByteArray memTopologyBytes(const QList<MemoryEntry>& memories)
{
    Bytes b;
    b.u32(quint32(memories.size()));
    b.zeros(4);
    for (const auto& m : memories) {
        b.u8(m.type);
        b.u8(m.used ? 1 : 0);
        b.zeros(6);
        b.u64(m.sizeKiB);
        b.u64(m.baseAddress);
        b.fixed(m.tag, 16);
    }
    return b.data();
}

QByteArray connectivityBytes(const QList<Connection>& connections)
{
    Bytes b;
    b.u32(quint32(connections.size()));
    for (const auto& c : connections) {
        b.u32(quint32(c.argIndex));
        b.u32(quint32(c.ipLayoutIndex));
        b.u32(quint32(c.memDataIndex));
    }
    return b.data();
}

QByteArray ipLayoutBytes(const QList<IpEntry>& ips)
{
    Bytes b;
    b.u32(quint32(ips.size()));
    b.zeros(4);
    for (const auto& ip : ips) {
        b.u32(ip.type);
        b.u32(ip.properties);
        b.u64(ip.baseAddress);
        b.fixed(ip.name, 64);
    }
    return b.data();
}

QByteArray embeddedMetadataBytes(const QByteArray& kernelXml)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<project>\n  <platform>\n    <device>\n      <core>\n"
        + kernelXml + "      </core>\n    </device>\n  </platform>\n</project>\n";
}

quint8 cdoType(const QString& type)
{
    static const QStringList names
        = { QStringLiteral("UNKNOWN"), QStringLiteral("PRIMARY"), QStringLiteral("LITE"), QStringLiteral("PRE_POST") };
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (names[i].compare(type, Qt::CaseInsensitive) == 0)
            return quint8(i);
    }
    return 0;
}

// The variable part of AIE_PARTITION: strings and arrays, each 8-byte aligned, offsets from the section start.
class PartitionHeap {
public:
    quint32 offset() const { return quint32(AiePartitionHeaderSize + m_bytes.size()); }
    quint32 string(const QString& text)
    {
        const quint32 at = offset();
        m_bytes.cString(text);
        m_bytes.align8();
        return at;
    }
    template<typename T>
    QPair<quint32, quint32> u64Array(const QList<T>& values)
    {
        if (values.isEmpty())
            return { 0, 0 };
        const quint32 at = offset();
        for (const T v : values)
            m_bytes.u64(v);
        m_bytes.align8();
        return { quint32(values.size()), at };
    }
    Bytes& bytes() { return m_bytes; }

private:
    Bytes m_bytes;
};

void cdoGroupBytes(Bytes& b, quint32 name, const AieccDesign::CdoGroup& group, QPair<quint32, quint32> ids,
                   QPair<quint32, quint32> pre)
{
    b.u32(name);
    b.u8(cdoType(group.type));
    b.zeros(3);
    b.u64(group.pdiId);
    b.u32(ids.first);
    b.u32(ids.second);
    b.u32(pre.first);
    b.u32(pre.second);
    b.zeros(CdoGroupSize - 32);
}

QByteArray pdiBytes(const AieccDesign::Pdi& pdi, PartitionHeap& heap)
{
    const quint32 imageAt = heap.offset();
    heap.bytes().raw(pdi.image);
    heap.bytes().align8();
    Bytes groups;
    for (const auto& group : pdi.cdoGroups) {
        const quint32 name = heap.string(group.name);
        const auto ids = heap.u64Array(group.dpuKernelIds);
        const auto pre = heap.u64Array(group.preCdoGroups);
        cdoGroupBytes(groups, name, group, ids, pre);
    }
    const quint32 groupsAt = heap.offset();
    heap.bytes().raw(groups.data());
    Bytes entry;
    entry.raw(pdi.uuid.toRfc4122());
    entry.u32(quint32(pdi.image.size()));
    entry.u32(imageAt);
    entry.u32(quint32(pdi.cdoGroups.size()));
    entry.u32(groupsAt);
    entry.zeros(AiePdiSize - 32);
    return entry.data();
}

QByteArray aiePartitionBytes(const AieccDesign::Partition& partition)
{
    PartitionHeap heap;
    const quint32 name = heap.string(partition.indexName);
    const quint32 commitId = heap.string(partition.kernelCommitId);
    const quint32 columnsAt = heap.offset();
    for (const quint16 column : partition.startColumns)
        heap.bytes().u16(column);
    heap.bytes().align8();
    QByteArray pdiArray;
    for (const auto& pdi : partition.pdis)
        pdiArray += pdiBytes(pdi, heap);
    const quint32 pdisAt = heap.offset();
    heap.bytes().raw(pdiArray);

    Bytes b;
    b.u8(0); // schema version
    b.zeros(3);
    b.u32(name);
    b.u32(partition.operationsPerCycle);
    b.zeros(4);
    b.u64(partition.inferenceFingerprint);
    b.u64(partition.prePostFingerprint);
    b.u16(partition.columnWidth);
    b.zeros(6);
    b.u32(quint32(partition.startColumns.size()));
    b.u32(columnsAt);
    b.zeros(72);
    b.u32(quint32(partition.pdis.size()));
    b.u32(pdisAt);
    b.u32(commitId);
    b.zeros(AiePartitionHeaderSize - b.size());
    b.raw(heap.bytes().data());
    return b.data();
}

QList<Section> sections(const AieccDesign& design)
{
    KernelTables tables = kernelTables(design);
    QList<Section> result;
    const bool memoriesFromInput = !design.memories.isEmpty();
    if (memoriesFromInput)
        result.append({ MEM_TOPOLOGY, design.memTopologySectionName, memTopologyBytes(tables.memories),
                        SectionJson::memTopology(QStringLiteral("mem_topology"), tables.memories) });
    if (design.partition)
        result.append(
            { AIE_PARTITION, design.partition->sectionName, aiePartitionBytes(*design.partition), std::nullopt });
    if (!design.kernels.isEmpty())
        result.append({ EMBEDDED_METADATA, QString(), embeddedMetadataBytes(tables.kernelXml), std::nullopt });
    if (!tables.ips.isEmpty())
        result.append({ IP_LAYOUT, QString(), ipLayoutBytes(tables.ips), SectionJson::ipLayout(tables.ips) });
    if (!tables.connections.isEmpty())
        result.append({ CONNECTIVITY, QString(), connectivityBytes(tables.connections),
                        SectionJson::connectivity(QStringLiteral("connectivity"), tables.connections) });
    if (!memoriesFromInput && !tables.memories.isEmpty())
        result.append({ MEM_TOPOLOGY, QString(), memTopologyBytes(tables.memories),
                        SectionJson::memTopology(QStringLiteral("mem_topology"), tables.memories) });
    if (tables.memories.isEmpty())
        return result;
    QList<MemoryEntry> groupTopology = tables.memories;
    if (!tables.connections.isEmpty()) {
        const QList<Connection> grouped = groupConnectivity(tables.connections, groupTopology);
        result.append({ ASK_GROUP_CONNECTIVITY, QString(), connectivityBytes(grouped),
                        SectionJson::connectivity(QStringLiteral("group_connectivity"), grouped) });
    }
    result.append({ ASK_GROUP_TOPOLOGY, QString(), memTopologyBytes(groupTopology),
                    SectionJson::memTopology(QStringLiteral("group_topology"), groupTopology) });
    return result;
}

// --- Header and mirror -------------------------------------------------------------------------------------

struct HeaderFields {
    quint64 timestamp = 0;
    QByteArray uuid; // 16 bytes
};

QByteArray headerBytes(const HeaderFields& h, quint64 length, quint32 sectionCount)
{
    Bytes b;
    b.raw(QByteArrayLiteral("xclbin2").append('\0'));
    b.u32(0xFFFFFFFF); // signature length -1: unsigned
    b.raw(QByteArray(28 + 256, char(0xFF))); // reserved, key block
    b.u64(h.timestamp); // unique id: xclbinutil stores the time here too
    b.u64(length);
    b.u64(h.timestamp);
    b.u64(0); // feature ROM timestamp
    b.u16(XclbinWriter::VersionPatch);
    b.u8(XclbinWriter::VersionMajor);
    b.u8(XclbinWriter::VersionMinor);
    b.u16(0); // mode: XCLBIN_FLAT
    b.u16(0); // action mask
    b.zeros(16 + 64); // interface UUID, platform VBNV
    b.raw(h.uuid);
    b.zeros(16); // debug bin
    b.u32(sectionCount);
    b.zeros(HeaderSize - b.size());
    return b.data();
}

PropertyTree mirrorHeader(const HeaderFields& h)
{
    Bytes uniqueId;
    uniqueId.u64(h.timestamp);
    PropertyTree header;
    header.put(QStringLiteral("Magic"), QStringLiteral("xclbin2"));
    header.put(QStringLiteral("SignatureLength"), QStringLiteral("ffffffff"));
    header.put(QStringLiteral("KeyBlock"), QString::fromLatin1(QByteArray(256, char(0xFF)).toHex()));
    header.put(QStringLiteral("UniqueID"), QString::fromLatin1(uniqueId.data().toHex()));
    header.put(QStringLiteral("TimeStamp"), QString::number(h.timestamp));
    header.put(QStringLiteral("FeatureRomTimeStamp"), QStringLiteral("0"));
    // xclbinutil prints major and minor as characters.
    header.put(QStringLiteral("Version"),
               QString(QChar(char16_t(XclbinWriter::VersionMajor))) + QLatin1Char('.')
                   + QChar(char16_t(XclbinWriter::VersionMinor)) + QLatin1Char('.')
                   + QString::number(XclbinWriter::VersionPatch));
    header.put(QStringLiteral("Mode"), QStringLiteral("0"));
    header.put(QStringLiteral("InterfaceUUID"), QString(32, QLatin1Char('0')));
    header.put(QStringLiteral("PlatformVBNV"), QString());
    header.put(QStringLiteral("XclBinUUID"), QString::fromLatin1(h.uuid.toHex()));
    header.put(QStringLiteral("DebugBin"), QString());
    return header;
}

// xclbinutil writes its mirror without pretty printing: our pretty JSON minus the whitespace between tokens.
QByteArray compactJson(const QByteArray& pretty)
{
    QByteArray out;
    bool inString = false;
    bool escaped = false;
    for (const char c : pretty) {
        if (inString) {
            inString = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if (c == ' ' || c == '\n') {
            continue;
        } else {
            inString = c == '"';
        }
        out += c;
    }
    return out + '\n';
}

QString sectionName(const QString& name)
{
    return QString::fromUtf8(name.toUtf8().left(15));
}

} // namespace

QByteArray XclbinWriter::build(const AieccDesign& design) const
{
    const QList<Section> parts = sections(design);
    HeaderFields h;
    h.timestamp = m_timestamp.value_or(quint64(QDateTime::currentSecsSinceEpoch()));
    h.uuid = m_uuid.value_or(QUuid::createUuid()).toRfc4122();

    PropertyTree mirror;
    PropertyTree& schema = mirror.add(QStringLiteral("schema_version"));
    schema.put(QStringLiteral("major"), QStringLiteral("1"));
    schema.put(QStringLiteral("minor"), QStringLiteral("0"));
    schema.put(QStringLiteral("patch"), QStringLiteral("0"));
    mirror.add(QStringLiteral("header"), mirrorHeader(h));

    Bytes table;
    Bytes body;
    quint64 offset = HeaderSize + SectionHeaderSize * quint64(parts.size());
    for (const Section& s : parts) {
        const quint64 padding = (8 - offset % 8) % 8;
        body.zeros(qsizetype(padding));
        offset += padding;
        table.u32(s.kind);
        table.fixed(sectionName(s.name), 16);
        table.zeros(4);
        table.u64(offset);
        table.u64(quint64(s.bytes.size()));
        body.raw(s.bytes);

        PropertyTree& entry = mirror.add(QStringLiteral("section_header"));
        entry.put(QStringLiteral("Kind"), QString::number(s.kind));
        entry.put(QStringLiteral("Name"), sectionName(s.name));
        entry.put(QStringLiteral("Offset"), hexLower(offset));
        entry.put(QStringLiteral("Size"), hexLower(quint64(s.bytes.size())));
        if (s.payload)
            entry.add(QStringLiteral("payload"), *s.payload);
        offset += quint64(s.bytes.size());
    }
    const QByteArray tail = "XCLBIN_MIRROR_DATA_START" + compactJson(mirror.toJson()) + "XCLBIN_MIRROR_DATA_END";
    const quint64 length = HeaderSize + quint64(table.size() + body.size() + tail.size());
    return headerBytes(h, length, quint32(parts.size())) + table.data() + body.data() + tail;
}

void XclbinWriter::write(const AieccDesign& design, const QString& path, bool overwrite) const
{
    writeFile(build(design), path, overwrite);
}

void XclbinWriter::writeFile(const QByteArray& bytes, const QString& path, bool overwrite)
{
    AieccInputError error;
    error.kind = Kind::CannotWrite;
    error.file = path;
    if (QFileInfo::exists(path) && !overwrite) {
        error.expected
            = QStringLiteral("an output file that does not exist yet (it does; overwriting keeps the old one as %1)")
                  .arg(SafeFileWriter::backupPath(QFileInfo(path).fileName()));
        throw AieccInputException(error);
    }
    QString why;
    if (!SafeFileWriter::write(path, bytes, &why)) {
        error.expected = QStringLiteral("a writable output file (%1)").arg(why);
        throw AieccInputException(error);
    }
}

} // namespace xi
