// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/propertytree.h"
#include "xclbin/xclbin.h"

namespace xi {

// The JSON that `xclbinutil --dump-section KIND:JSON` writes, made from our model: same keys, same order,
// same number formatting ("0x10000", "not_used", "MEM_DRAM", "IP_PS_KERNEL"), same text byte for byte.
class SectionJson {
public:
    // MEM_TOPOLOGY, GROUP_TOPOLOGY, CONNECTIVITY, GROUP_CONNECTIVITY, IP_LAYOUT, AIE_PARTITION, BUILD_METADATA.
    static bool supports(quint32 kind);
    // The name of the reference dump file in the fixtures ("mem_topology.json"), empty if unsupported.
    static QString fileName(quint32 kind);

    // Throws XclbinException when the kind is unsupported, not the first section of its kind, or malformed.
    static PropertyTree tree(const Xclbin& xclbin, const SectionHeader& section);
    static QByteArray json(const Xclbin& xclbin, const SectionHeader& section);
    // The first section of that kind; throws XclbinException when the file has none.
    static QByteArray json(const Xclbin& xclbin, quint32 kind);

    static PropertyTree memTopology(const QString& rootName, const QList<MemoryEntry>& memories);
    static PropertyTree connectivity(const QString& rootName, const QList<Connection>& connections);
    static PropertyTree ipLayout(const QList<IpEntry>& ips);
    static PropertyTree aiePartition(const AiePartition& partition);
    // BUILD_METADATA is JSON already: xclbinutil keeps only its "build_metadata" member.
    static PropertyTree buildMetadata(const QByteArray& sectionBytes, QString* error);
};

} // namespace xi
