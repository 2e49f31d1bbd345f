// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/aieccdesign.h"
#include "xclbin/aieccinputerror.h"

namespace xi {

// Reads the JSON files aiecc hands to xclbinutil into an AieccDesign, accepting what xclbinutil accepts
// (numbers as strings or numbers, "0x" hex, member order kept). Every problem throws AieccInputException
// naming the file and the line/column or JSON path.
class AieccInputs {
public:
    // main_kernels.json (--add-kernel), main_mem_topology.json (MEM_TOPOLOGY:JSON) and main_aie_partition.json
    // (AIE_PARTITION:JSON, plus the PDI it names). An empty path leaves that part out.
    static AieccDesign read(const QString& kernelsPath, const QString& memTopologyPath,
                            const QString& aiePartitionPath);

    static QList<AieccDesign::Kernel> readKernels(const QString& path);
    static QList<MemoryEntry> readMemTopology(const QString& path);
    // The PDI "file_name": that path when it exists, else the same base name next to the JSON file
    // (aiecc writes absolute paths of the machine that built the design).
    static AieccDesign::Partition readPartition(const QString& path);

    // Memory type from its xclbinutil name ("MEM_DRAM"), -1 when unknown.
    static int memoryTypeFromName(const QString& name);
    // C-style unsigned integer ("0x1C", "017", "42") like strtoul with base 0; nullopt when malformed.
    static std::optional<quint64> parseCInteger(const QString& text);
};

} // namespace xi
