// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/aieccdesign.h"

#include "xclbin/sectionkind.h"

#include <QHash>
#include <QXmlStreamReader>

#include <algorithm>

namespace xi {

namespace {

using Pdi = AieccDesign::Pdi;
using CdoGroup = AieccDesign::CdoGroup;

AieccDesign::Argument argument(const char* name, int qualifier, const char* type, const char* offset,
                               std::optional<QString> memory = std::nullopt)
{
    AieccDesign::Argument arg;
    arg.name = QString::fromLatin1(name);
    arg.addressQualifier = qualifier;
    arg.type = QString::fromLatin1(type);
    arg.offset = QString::fromLatin1(offset);
    arg.memoryConnection = std::move(memory);
    return arg;
}

MemoryEntry memory(quint64 sizeKiB, const char* tag)
{
    MemoryEntry entry;
    entry.type = 2; // MEM_DRAM
    entry.used = true;
    entry.sizeKiB = sizeKiB;
    entry.baseAddress = 0x4000000;
    entry.tag = QString::fromLatin1(tag);
    return entry;
}

// Each kernel's extended-data attributes in the order the file has them (the model keeps them sorted).
QHash<QString, QStringList> extendedDataOrder(const QByteArray& xml)
{
    QHash<QString, QStringList> order;
    QXmlStreamReader reader(xml);
    QString kernel;
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == QLatin1String("kernel"))
            kernel = reader.attributes().value(QStringLiteral("name")).toString();
        if (reader.name() == QLatin1String("extended-data")) {
            for (const QXmlStreamAttribute& a : reader.attributes())
                order[kernel].append(a.name().toString());
        }
    }
    return order;
}

QList<QPair<QString, QString>> orderedExtendedData(const QMap<QString, QString>& data, const QStringList& order)
{
    QList<QPair<QString, QString>> result;
    for (const QString& key : order) {
        if (data.contains(key))
            result.append({ key, data.value(key) });
    }
    for (auto it = data.cbegin(); it != data.cend(); ++it) {
        if (!order.contains(it.key()))
            result.append({ it.key(), it.value() });
    }
    return result;
}

// The memory-connection text for an argument: its tag when that names the memory, else the indices.
std::optional<QString> memoryConnection(const QList<int>& banks, const QList<MemoryEntry>& memories)
{
    if (banks.isEmpty())
        return std::nullopt;
    if (banks.size() == 1) {
        const QString& tag = memories[banks.first()].tag;
        const auto first
            = std::find_if(memories.cbegin(), memories.cend(), [&tag](const MemoryEntry& m) { return m.tag == tag; });
        if (!tag.isEmpty() && first - memories.cbegin() == banks.first())
            return tag;
    }
    QStringList indices;
    for (const int bank : banks)
        indices << QString::number(bank);
    return indices.join(QLatin1Char(','));
}

AieccDesign::Kernel kernelOf(const Xclbin& xclbin, const Kernel& source, const QStringList& order, AieccDesign& design)
{
    AieccDesign::Kernel kernel;
    kernel.name = source.name;
    kernel.extendedData = orderedExtendedData(source.extendedData, order);
    for (const KernelInstance& instance : source.instances)
        kernel.instances.append(instance.name);
    const int ip = xclbin.firstComputeUnit(source.name);
    const QList<Connection> connections = xclbin.connectivity.value_or(QList<Connection>());
    for (qsizetype i = 0; i < source.arguments.size(); ++i) {
        const KernelArgument& a = source.arguments[i];
        AieccDesign::Argument arg;
        arg.name = a.name;
        arg.addressQualifier = a.addressQualifier;
        arg.type = a.type;
        arg.offset = a.attributes.value(QStringLiteral("offset"));
        arg.useId = !a.attributes.value(QStringLiteral("id")).isEmpty();
        QList<int> banks;
        for (const Connection& c : connections) {
            if (c.ipLayoutIndex != ip || c.argIndex != i)
                continue;
            if (c.memDataIndex >= 0 && c.memDataIndex < design.memories.size())
                banks.append(c.memDataIndex);
            else
                design.extraConnections.append(c);
        }
        arg.memoryConnection = memoryConnection(banks, design.memories);
        kernel.arguments.append(arg);
    }
    return kernel;
}

AieccDesign::Partition partitionOf(const Xclbin& xclbin, const AiePartition& source)
{
    AieccDesign::Partition partition;
    partition.operationsPerCycle = source.operationsPerCycle;
    partition.inferenceFingerprint = source.inferenceFingerprint;
    partition.prePostFingerprint = source.prePostFingerprint;
    partition.kernelCommitId = source.kernelCommitId;
    partition.columnWidth = source.columnWidth;
    partition.startColumns = source.startColumns;
    partition.indexName = source.name;
    if (const SectionHeader* section = xclbin.section(AIE_PARTITION))
        partition.sectionName = section->name;
    for (const PdiEntry& p : source.pdis) {
        Pdi pdi;
        pdi.uuid = p.uuid;
        pdi.image = xclbin.readBytes(p.imageOffset, p.imageSize);
        for (const xi::CdoGroup& g : p.cdoGroups) {
            CdoGroup group;
            group.name = g.name;
            group.type = g.typeName();
            group.pdiId = g.pdiId;
            group.dpuKernelIds = g.kernelIds;
            for (const quint64 pre : g.preCdoGroups)
                group.preCdoGroups.append(pre);
            pdi.cdoGroups.append(group);
        }
        partition.pdis.append(pdi);
    }
    return partition;
}

} // namespace

AieccDesign::Kernel AieccDesign::mlirAieKernel()
{
    const QString host = QStringLiteral("HOST");
    Kernel kernel;
    kernel.name = QStringLiteral("MLIR_AIE");
    kernel.extendedData = { { QStringLiteral("subtype"), QStringLiteral("DPU") },
                            { QStringLiteral("functional"), QStringLiteral("0") },
                            { QStringLiteral("dpu_kernel_id"), QStringLiteral("0x901") } };
    kernel.arguments = {
        argument("opcode", KernelArgument::Scalar, "uint64_t", "0x00"),
        argument("instr", KernelArgument::Global, "char *", "0x8", QStringLiteral("SRAM")),
        argument("ninstr", KernelArgument::Scalar, "uint32_t", "0x10"),
        argument("bo0", KernelArgument::Global, "void*", "0x14", host),
        argument("bo1", KernelArgument::Global, "void*", "0x1c", host),
        argument("bo2", KernelArgument::Global, "void*", "0x24", host),
        argument("bo3", KernelArgument::Global, "void*", "0x2c", host),
        argument("bo4", KernelArgument::Global, "void*", "0x34", host),
    };
    kernel.instances = { QStringLiteral("MLIRAIE") };
    return kernel;
}

QList<MemoryEntry> AieccDesign::mlirAieMemories()
{
    return { memory(0x10000, "HOST"), memory(0xc000, "SRAM") };
}

AieccDesign::Partition AieccDesign::mlirAiePartition(const QByteArray& pdiImage, const QUuid& pdiUuid)
{
    CdoGroup group;
    group.name = QStringLiteral("DPU");
    group.type = QStringLiteral("PRIMARY");
    group.pdiId = 0x01;
    group.dpuKernelIds = { 0x901 };
    group.preCdoGroups = { 0xC1 };

    Pdi pdi;
    pdi.uuid = pdiUuid;
    pdi.image = pdiImage;
    pdi.cdoGroups = { group };

    Partition partition;
    partition.operationsPerCycle = 2048;
    partition.inferenceFingerprint = 23423;
    partition.prePostFingerprint = 12345;
    partition.columnWidth = 4;
    partition.startColumns = { 0 };
    partition.pdis = { pdi };
    return partition;
}

AieccDesign AieccDesign::fromXclbin(const Xclbin& xclbin)
{
    AieccDesign design;
    design.markConnectedMemoriesUsed = false; // keep the file's own flags
    design.memories = xclbin.memTopology.value_or(QList<MemoryEntry>());
    if (const SectionHeader* section = xclbin.section(MEM_TOPOLOGY))
        design.memTopologySectionName = section->name;
    const QHash<QString, QStringList> order = extendedDataOrder(xclbin.embeddedMetadataXml);
    for (const xi::Kernel& kernel : xclbin.kernels)
        design.kernels.append(kernelOf(xclbin, kernel, order.value(kernel.name), design));
    if (xclbin.aiePartition)
        design.partition = partitionOf(xclbin, *xclbin.aiePartition);
    return design;
}

} // namespace xi
