// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbin.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace xi {

// Where a part of a design came from, for error messages: "main_kernels.json" and
// "ps-kernels.kernels[0].arguments[3]". Empty for designs built in memory.
struct AieccOrigin {
    QString file;
    QString jsonPath;
};

// What aiecc hands to xclbinutil (main_mem_topology.json, main_kernels.json, main_aie_partition.json and the
// PDI), as plain values. Read from the JSON files by AieccInputs, or filled in by code to make xclbins that
// nobody ships (a buffer with no connection, instr on HOST, the old no-opcode argument list, ...).
struct AieccDesign {
    struct Argument {
        QString name;
        int addressQualifier = KernelArgument::Scalar;
        QString type; // "uint64_t", "char *", "void*"; its size follows from it
        QString offset; // written as given, e.g. "0x14"
        // A memory tag ("HOST"), or comma-separated memory indices ("0,2"); nullopt = no connection.
        std::optional<QString> memoryConnection;
        bool useId = true;
        AieccOrigin origin;
    };

    struct Kernel {
        QString name;
        // "extended-data" in input order: subtype, functional, dpu_kernel_id and any other attribute.
        QList<QPair<QString, QString>> extendedData;
        QList<Argument> arguments;
        QStringList instances;
        AieccOrigin origin;
    };

    struct CdoGroup {
        QString name;
        QString type; // "PRIMARY", "LITE", "PRE_POST" (anything else is written as UNKNOWN)
        quint64 pdiId = 0;
        QList<quint64> dpuKernelIds;
        QList<quint64> preCdoGroups;
    };

    struct Pdi {
        QUuid uuid;
        QByteArray image;
        QString imagePath; // where the image was read from, if anywhere
        QList<CdoGroup> cdoGroups;
    };

    struct Partition {
        quint32 operationsPerCycle = 0;
        quint64 inferenceFingerprint = 0;
        quint64 prePostFingerprint = 0;
        QString kernelCommitId;
        quint16 columnWidth = 0;
        QList<quint16> startColumns;
        QList<Pdi> pdis;
        QString sectionName = QStringLiteral("main_aie_partition"); // section names are cut to 15 characters
        QString indexName; // the partition's own name field: empty for AIE_PARTITION:JSON:file
        AieccOrigin origin;
    };

    QList<MemoryEntry> memories; // MEM_TOPOLOGY in file order (index fields are ignored)
    QString memTopologySectionName = QStringLiteral("main_mem_topology");
    QList<Kernel> kernels;
    std::optional<Partition> partition;

    // xclbinutil marks every memory an argument connects to as used; off keeps `used` as given
    // (to make a file with a buffer connected to an unused memory).
    bool markConnectedMemoriesUsed = true;
    // Appended verbatim to CONNECTIVITY after the connections made from the arguments (may point anywhere).
    QList<Connection> extraConnections;

    // The argument list every aiecc design has (docs/domain.md section 3): opcode, instr (SRAM), ninstr, bo0..bo4
    // (HOST).
    static Kernel mlirAieKernel();
    // aiecc's two memories: 0 HOST, 1 SRAM.
    static QList<MemoryEntry> mlirAieMemories();
    // A one-PDI, one-column-group partition like aiecc writes, with the given PDI image.
    static Partition mlirAiePartition(const QByteArray& pdiImage, const QUuid& pdiUuid);
    // What xclbinutil would need to make this file again (to rebuild a real xclbin, or a variant of it).
    // Reads the PDI images from the file; throws XclbinException.
    static AieccDesign fromXclbin(const Xclbin& xclbin);
};

} // namespace xi
