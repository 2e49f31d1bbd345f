// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/sectionkind.h"

#include <array>

namespace xi {

namespace {

constexpr std::array<const char*, 37> kKindNames = {
    "BITSTREAM",
    "CLEARING_BITSTREAM",
    "EMBEDDED_METADATA",
    "FIRMWARE",
    "DEBUG_DATA",
    "SCHED_FIRMWARE",
    "MEM_TOPOLOGY",
    "CONNECTIVITY",
    "IP_LAYOUT",
    "DEBUG_IP_LAYOUT",
    "DESIGN_CHECK_POINT",
    "CLOCK_FREQ_TOPOLOGY",
    "MCS",
    "BMC",
    "BUILD_METADATA",
    "KEYVALUE_METADATA",
    "USER_METADATA",
    "DNA_CERTIFICATE",
    "PDI",
    "BITSTREAM_PARTIAL_PDI",
    "PARTITION_METADATA",
    "EMULATION_DATA",
    "SYSTEM_METADATA",
    "SOFT_KERNEL",
    "ASK_FLASH",
    "AIE_METADATA",
    "ASK_GROUP_TOPOLOGY",
    "ASK_GROUP_CONNECTIVITY",
    "SMARTNIC",
    "AIE_RESOURCES",
    "OVERLAY",
    "VENDER_METADATA",
    "AIE_PARTITION",
    "IP_METADATA",
    "AIE_RESOURCES_BIN",
    "AIE_TRACE_METADATA",
    "DTBO",
};

} // namespace

QString sectionKindName(quint32 kind)
{
    if (kind < kKindNames.size())
        return QString::fromLatin1(kKindNames[kind]);
    return QStringLiteral("UNKNOWN(%1)").arg(kind);
}

QString sectionKindDisplayName(quint32 kind)
{
    switch (kind) {
    case ASK_GROUP_TOPOLOGY: return QStringLiteral("GROUP_TOPOLOGY");
    case ASK_GROUP_CONNECTIVITY: return QStringLiteral("GROUP_CONNECTIVITY");
    case ASK_FLASH: return QStringLiteral("FLASH");
    default: return sectionKindName(kind);
    }
}

qint64 sectionKindFromName(const QString& name)
{
    const QString upper = name.toUpper();
    for (quint32 k = 0; k < kKindNames.size(); ++k) {
        if (upper == sectionKindName(k) || upper == sectionKindDisplayName(k))
            return k;
    }
    bool ok = false;
    const uint number = upper.toUInt(&ok, 0);
    return ok ? qint64(number) : -1;
}

bool sectionKindIsText(quint32 kind)
{
    switch (kind) {
    case EMBEDDED_METADATA:
    case BUILD_METADATA:
    case KEYVALUE_METADATA:
    case USER_METADATA:
    case PARTITION_METADATA:
    case SYSTEM_METADATA:
    case AIE_METADATA:
    case IP_METADATA:
    case AIE_TRACE_METADATA: return true;
    default: return false;
    }
}

} // namespace xi
