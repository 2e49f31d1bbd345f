// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>

namespace xi {

// The axlf header and the fixed fields before it (docs/domain.md section 5).
struct AxlfHeader {
    QByteArray magic; // "xclbin2"
    qint32 signatureLength = -1; // -1 = unsigned
    quint64 uniqueId = 0; // u64 at 296 (m_uniqueId is 16 bytes upstream; we keep the first 8)
    quint64 length = 0;
    quint64 timestamp = 0;
    quint64 featureRomTimestamp = 0;
    quint16 versionPatch = 0;
    quint8 versionMajor = 0;
    quint8 versionMinor = 0;
    quint16 mode = 0;
    quint16 actionMask = 0;
    QUuid interfaceUuid;
    QString platformVbnv;
    QUuid xclbinUuid;
    QByteArray debugBin; // 16 raw bytes
    quint32 sectionCount = 0;

    QString version() const; // "2.21.75"
    QString modeName() const;
};

struct SectionHeader {
    int index = 0; // position in the section table
    quint32 kind = 0;
    QString name; // up to 16 chars, may be empty
    quint64 offset = 0;
    quint64 size = 0;

    QString kindName() const; // "MEM_TOPOLOGY", or "UNKNOWN(99)"
};

// One MEM_TOPOLOGY or GROUP_TOPOLOGY entry.
struct MemoryEntry {
    int index = 0;
    quint8 type = 0;
    bool used = false;
    quint64 sizeKiB = 0;
    quint64 baseAddress = 0;
    QString tag;

    QString typeName() const; // "MEM_DRAM"
    // index, tag, type, used, size_kib, base_address: the form the CLI's JSON and the group ID decoder share.
    QJsonObject toJson() const;
};

// One CONNECTIVITY or GROUP_CONNECTIVITY entry.
struct Connection {
    qint32 argIndex = 0;
    qint32 ipLayoutIndex = 0;
    qint32 memDataIndex = 0;
    friend bool operator==(const Connection&, const Connection&) = default;
};

struct IpEntry {
    int index = 0;
    quint32 type = 0;
    quint32 properties = 0;
    quint64 baseAddress = 0; // all ones = not used
    QString name; // "KERNEL:INSTANCE"

    QString typeName() const; // "IP_PS_KERNEL"
    bool isPsKernel() const { return type == 7; }
    bool baseAddressUsed() const { return baseAddress != ~quint64(0); }
    QString kernelName() const; // part before ':'
    QString instanceName() const; // part after ':'
    // PS kernel properties (meaningful when isPsKernel()).
    int psSubtype() const { return int(properties & 0x3); }
    int psFunctional() const { return int((properties >> 4) & 0x3); }
    quint32 psKernelId() const { return (properties >> 16) & 0xFFF; }
    QString psSubtypeName() const; // "PS", "DPU"
    QString psFunctionalName() const; // "DPU", "PrePost"
    // Non-PS (HLS) kernel properties.
    bool interruptEnabled() const { return properties & 0x1; }
    int interruptId() const { return int((properties >> 1) & 0x7F); }
    int ipControl() const { return int((properties >> 8) & 0xFF); } // IP_CONTROL_MASK 0xFF00
    QString ipControlName() const; // "AP_CTRL_CHAIN"
};

// Kernel argument from EMBEDDED_METADATA.
struct KernelArgument {
    enum AddressQualifier { Scalar = 0, Global = 1, Constant = 2, Local = 3, Stream = 4 };
    QString name;
    int addressQualifier = Scalar;
    int id = 0; // XRT argument index
    quint64 size = 0;
    quint64 offset = 0;
    quint64 hostOffset = 0;
    quint64 hostSize = 0;
    QString type;
    QString port; // "port" attribute, when present
    QMap<QString, QString> attributes; // every attribute as written

    QString addressQualifierName() const; // "scalar", "global", ...
    bool isBuffer() const { return addressQualifier == Global || addressQualifier == Constant; }
};

struct KernelInstance {
    QString name;
    QMap<QString, QString> attributes;
};

struct Kernel {
    QString name;
    QString language;
    QString type; // "dpu", "ps", empty for HLS
    QMap<QString, QString> attributes;
    QMap<QString, QString> extendedData;
    QList<KernelArgument> arguments; // in metadata order
    QList<KernelInstance> instances;
};

struct CdoGroup {
    QString name;
    quint8 type = 0; // 1 PRIMARY, 2 LITE, 3 PRE_POST
    quint64 pdiId = 0;
    QList<quint64> kernelIds;
    QList<quint64> preCdoGroups;

    QString typeName() const;
};

struct PdiEntry {
    QUuid uuid;
    quint64 imageOffset = 0; // absolute file offset of the PDI image
    quint64 imageSize = 0;
    QList<CdoGroup> cdoGroups;
};

struct AiePartition {
    quint8 schemaVersion = 0;
    QString name;
    quint32 operationsPerCycle = 0;
    quint64 inferenceFingerprint = 0;
    quint64 prePostFingerprint = 0;
    QString kernelCommitId;
    quint16 columnWidth = 0;
    QList<quint16> startColumns;
    QList<PdiEntry> pdis;
};

// An immutable, parsed .xclbin. Produced by XclbinReader; shared read-only between views.
class Xclbin {
public:
    QString filePath;
    quint64 fileSize = 0;
    AxlfHeader header;
    QList<SectionHeader> sections;

    std::optional<QList<MemoryEntry>> memTopology;
    std::optional<QList<MemoryEntry>> groupTopology;
    std::optional<QList<Connection>> connectivity;
    std::optional<QList<Connection>> groupConnectivity;
    std::optional<QList<IpEntry>> ipLayout;
    std::optional<AiePartition> aiePartition;
    QByteArray embeddedMetadataXml;
    QList<Kernel> kernels; // from EMBEDDED_METADATA
    // Text sections (BUILD_METADATA, KEYVALUE_METADATA, USER_METADATA, ...): kind name -> text.
    QMap<QString, QString> textSections;
    // Non-fatal observations made while reading (e.g. a section present twice).
    QStringList warnings;

    // First section of that kind, or nullptr.
    const SectionHeader* section(quint32 kind) const;
    bool hasSection(quint32 kind) const { return section(kind) != nullptr; }
    // The memory table XRT uses for bank numbers: GROUP_TOPOLOGY, else MEM_TOPOLOGY.
    const QList<MemoryEntry>& memories() const;
    // The connection table XRT uses: GROUP_CONNECTIVITY, else CONNECTIVITY.
    const QList<Connection>& connections() const;
    const Kernel* kernel(const QString& name) const;
    // Index into ipLayout of the first compute unit of that kernel, or -1.
    int firstComputeUnit(const QString& kernelName) const;

    // Reads a section's bytes from the file on demand (throws XclbinException).
    QByteArray readSection(const SectionHeader& section) const;
    QByteArray readBytes(quint64 offset, quint64 size) const;
};

using XclbinPtr = std::shared_ptr<const Xclbin>;

} // namespace xi
