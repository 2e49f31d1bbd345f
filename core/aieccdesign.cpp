// SPDX-License-Identifier: GPL-3.0-or-later
#include "aieccdesign.h"

namespace xi {

namespace {

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

} // namespace xi
