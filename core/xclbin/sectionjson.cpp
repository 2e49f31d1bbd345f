// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/sectionjson.h"

#include "util/textformat.h"
#include "xclbin/sectionkind.h"
#include "xclbin/xclbinerror.h"

namespace xi {

namespace {

QString dec(quint64 v)
{
    return QString::number(v);
}

[[noreturn]] void raise(const Xclbin& xclbin, const SectionHeader* section, const QString& expected,
                        XclbinError::Kind kind = XclbinError::Kind::Other)
{
    XclbinError error;
    error.kind = kind;
    error.file = xclbin.filePath;
    error.offset = section ? qint64(section->offset) : -1;
    error.expected = expected;
    throw XclbinException(error);
}

template<typename T>
const T& decoded(const Xclbin& xclbin, const SectionHeader& section, const std::optional<T>& value)
{
    if (!value)
        raise(xclbin, &section, QStringLiteral("a decoded %1 section").arg(section.kindName()));
    return *value;
}

} // namespace

bool SectionJson::supports(quint32 kind)
{
    switch (kind) {
    case MEM_TOPOLOGY:
    case ASK_GROUP_TOPOLOGY:
    case CONNECTIVITY:
    case ASK_GROUP_CONNECTIVITY:
    case IP_LAYOUT:
    case AIE_PARTITION:
    case BUILD_METADATA: return true;
    default: return false;
    }
}

QString SectionJson::fileName(quint32 kind)
{
    switch (kind) {
    case MEM_TOPOLOGY: return QStringLiteral("mem_topology.json");
    case ASK_GROUP_TOPOLOGY: return QStringLiteral("group_topology.json");
    case CONNECTIVITY: return QStringLiteral("connectivity.json");
    case ASK_GROUP_CONNECTIVITY: return QStringLiteral("group_connectivity.json");
    case IP_LAYOUT: return QStringLiteral("ip_layout.json");
    case AIE_PARTITION: return QStringLiteral("aie_partition.json");
    case BUILD_METADATA: return QStringLiteral("build_metadata.json");
    default: return {};
    }
}

PropertyTree SectionJson::memTopology(const QString& rootName, const QList<MemoryEntry>& memories)
{
    PropertyTree root;
    PropertyTree& topology = root.add(rootName);
    topology.put(QStringLiteral("m_count"), dec(quint64(memories.size())));
    PropertyTree& data = topology.add(QStringLiteral("m_mem_data"));
    for (const MemoryEntry& m : memories) {
        PropertyTree& entry = data.append({});
        entry.put(QStringLiteral("m_type"), m.typeName());
        entry.put(QStringLiteral("m_used"), dec(m.used ? 1 : 0));
        entry.put(QStringLiteral("m_sizeKB"), hexLower(m.sizeKiB));
        entry.put(QStringLiteral("m_tag"), m.tag);
        entry.put(QStringLiteral("m_base_address"), hexLower(m.baseAddress));
    }
    return root;
}

PropertyTree SectionJson::connectivity(const QString& rootName, const QList<Connection>& connections)
{
    PropertyTree root;
    PropertyTree& section = root.add(rootName);
    section.put(QStringLiteral("m_count"), dec(quint64(connections.size())));
    PropertyTree& list = section.add(QStringLiteral("m_connection"));
    for (const Connection& c : connections) {
        PropertyTree& entry = list.append({});
        entry.put(QStringLiteral("arg_index"), QString::number(c.argIndex));
        entry.put(QStringLiteral("m_ip_layout_index"), QString::number(c.ipLayoutIndex));
        entry.put(QStringLiteral("mem_data_index"), QString::number(c.memDataIndex));
    }
    return root;
}

PropertyTree SectionJson::ipLayout(const QList<IpEntry>& ips)
{
    enum { IpKernel = 1, IpMemDdr4 = 4, IpMemHbm = 5, IpMemHbmEcc = 6, IpPsKernel = 7, SubtypeDpu = 1 };
    PropertyTree root;
    PropertyTree& layout = root.add(QStringLiteral("ip_layout"));
    layout.put(QStringLiteral("m_count"), dec(quint64(ips.size())));
    PropertyTree& data = layout.add(QStringLiteral("m_ip_data"));
    for (const IpEntry& ip : ips) {
        PropertyTree& entry = data.append({});
        entry.put(QStringLiteral("m_type"), ip.typeName());
        if (ip.type == IpMemDdr4 || ip.type == IpMemHbm || ip.type == IpMemHbmEcc) {
            entry.put(QStringLiteral("m_index"), dec(ip.properties & 0xFFFF));
            entry.put(QStringLiteral("m_pc_index"), dec((ip.properties >> 16) & 0xFF));
        } else if (ip.type == IpKernel) {
            entry.put(QStringLiteral("m_int_enable"), dec(ip.interruptEnabled() ? 1 : 0));
            entry.put(QStringLiteral("m_interrupt_id"), dec(quint64(ip.interruptId())));
            entry.put(QStringLiteral("m_ip_control"), ip.ipControlName());
        } else if (ip.type == IpPsKernel && ip.psSubtype() == SubtypeDpu) {
            entry.put(QStringLiteral("m_subtype"), ip.psSubtypeName());
            entry.put(QStringLiteral("m_functional"), ip.psFunctionalName());
            entry.put(QStringLiteral("m_kernel_id"), hexLower(ip.psKernelId()));
        } else {
            entry.put(QStringLiteral("properties"), hexLower(ip.properties));
        }
        entry.put(QStringLiteral("m_base_address"),
                  ip.baseAddressUsed() ? hexLower(ip.baseAddress) : QStringLiteral("not_used"));
        entry.put(QStringLiteral("m_name"), ip.name);
    }
    return root;
}

PropertyTree SectionJson::aiePartition(const AiePartition& p)
{
    PropertyTree root;
    PropertyTree& partition = root.add(QStringLiteral("aie_partition"));
    partition.put(QStringLiteral("name"), p.name);
    partition.put(QStringLiteral("operations_per_cycle"), dec(p.operationsPerCycle));
    partition.put(QStringLiteral("inference_fingerprint"), dec(p.inferenceFingerprint));
    partition.put(QStringLiteral("pre_post_fingerprint"), dec(p.prePostFingerprint));
    partition.put(QStringLiteral("kernel_commit_id"), p.kernelCommitId);
    PropertyTree& info = partition.add(QStringLiteral("partition"));
    info.put(QStringLiteral("column_width"), dec(p.columnWidth));
    PropertyTree& columns = info.add(QStringLiteral("start_columns"));
    for (quint16 c : p.startColumns)
        columns.appendValue(dec(c));
    PropertyTree& pdis = partition.add(QStringLiteral("PDIs"));
    for (const PdiEntry& pdi : p.pdis) {
        PropertyTree& entry = pdis.append({});
        entry.put(QStringLiteral("uuid"), uuidText(pdi.uuid));
        entry.put(QStringLiteral("file_name"), uuidText(pdi.uuid) + QStringLiteral(".pdi"));
        PropertyTree& groups = entry.add(QStringLiteral("cdo_groups"));
        for (const CdoGroup& g : pdi.cdoGroups) {
            PropertyTree& group = groups.append({});
            group.put(QStringLiteral("name"), g.name);
            if (g.type != 0) // CT_UNKNOWN is left out
                group.put(QStringLiteral("type"), g.typeName());
            group.put(QStringLiteral("pdi_id"), hexLower(g.pdiId));
            if (!g.kernelIds.isEmpty()) {
                PropertyTree& ids = group.add(QStringLiteral("dpu_kernel_ids"));
                for (quint64 id : g.kernelIds)
                    ids.appendValue(hexLower(id));
            }
            if (!g.preCdoGroups.isEmpty()) {
                PropertyTree& pre = group.add(QStringLiteral("pre_cdo_groups"));
                for (quint64 id : g.preCdoGroups)
                    pre.appendValue(hexLower(id));
            }
        }
    }
    return root;
}

PropertyTree SectionJson::buildMetadata(const QByteArray& sectionBytes, QString* error)
{
    // xclbinutil reads the payload as a C string: anything after a NUL is ignored.
    const qsizetype nul = sectionBytes.indexOf('\0');
    const auto parsed = PropertyTree::parse(nul < 0 ? sectionBytes : sectionBytes.left(nul), error);
    if (!parsed)
        return {};
    const PropertyTree* metadata = parsed->child(QStringLiteral("build_metadata"));
    if (!metadata) {
        if (error)
            *error = QStringLiteral("a top-level \"build_metadata\" member");
        return {};
    }
    PropertyTree root;
    root.add(QStringLiteral("build_metadata"), *metadata);
    return root;
}

PropertyTree SectionJson::tree(const Xclbin& xclbin, const SectionHeader& section)
{
    if (!supports(section.kind)) {
        raise(xclbin, &section,
              QStringLiteral("a section with a JSON form (MEM_TOPOLOGY, GROUP_TOPOLOGY, CONNECTIVITY, "
                             "GROUP_CONNECTIVITY, IP_LAYOUT, AIE_PARTITION, BUILD_METADATA), not %1")
                  .arg(section.kindName()));
    }
    const SectionHeader* first = xclbin.section(section.kind);
    if (!first || first->index != section.index) {
        raise(xclbin, &section,
              QStringLiteral("the first %1 section (only that one is decoded; dump this one raw)")
                  .arg(sectionKindDisplayName(section.kind)));
    }
    switch (section.kind) {
    case MEM_TOPOLOGY: return memTopology(QStringLiteral("mem_topology"), decoded(xclbin, section, xclbin.memTopology));
    case ASK_GROUP_TOPOLOGY:
        return memTopology(QStringLiteral("group_topology"), decoded(xclbin, section, xclbin.groupTopology));
    case CONNECTIVITY:
        return connectivity(QStringLiteral("connectivity"), decoded(xclbin, section, xclbin.connectivity));
    case ASK_GROUP_CONNECTIVITY:
        return connectivity(QStringLiteral("group_connectivity"), decoded(xclbin, section, xclbin.groupConnectivity));
    case IP_LAYOUT: return ipLayout(decoded(xclbin, section, xclbin.ipLayout));
    case AIE_PARTITION: return aiePartition(decoded(xclbin, section, xclbin.aiePartition));
    default: break;
    }
    QString error;
    PropertyTree metadata = buildMetadata(xclbin.readSection(section), &error);
    if (!error.isEmpty())
        raise(xclbin, &section, QStringLiteral("BUILD_METADATA JSON: %1").arg(error), XclbinError::Kind::BadJson);
    return metadata;
}

QByteArray SectionJson::json(const Xclbin& xclbin, const SectionHeader& section)
{
    return tree(xclbin, section).toJson();
}

QByteArray SectionJson::json(const Xclbin& xclbin, quint32 kind)
{
    const SectionHeader* section = xclbin.section(kind);
    if (!section)
        raise(xclbin, nullptr, QStringLiteral("a %1 section in the file").arg(sectionKindDisplayName(kind)));
    return json(xclbin, *section);
}

} // namespace xi
