// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/xclbin.h"

#include "util/textformat.h"
#include "xclbin/sectionkind.h"
#include "xclbin/xclbinerror.h"

#include <QFile>

#include <array>
#include <limits>

namespace xi {

namespace {

template<size_t N>
QString nameAt(const std::array<const char*, N>& names, quint32 value, const char* prefix)
{
    if (value < N)
        return QString::fromLatin1(names[value]);
    return QStringLiteral("%1_UNKNOWN(%2)").arg(QLatin1String(prefix)).arg(value);
}

const QList<MemoryEntry> kNoMemories;
const QList<Connection> kNoConnections;

} // namespace

QString AxlfHeader::version() const
{
    return QStringLiteral("%1.%2.%3").arg(versionMajor).arg(versionMinor).arg(versionPatch);
}

QString AxlfHeader::modeName() const
{
    static const std::array<const char*, 7> names
        = { "XCLBIN_FLAT",   "XCLBIN_PR",     "XCLBIN_TANDEM_STAGE2", "XCLBIN_TANDEM_STAGE2_WITH_PR",
            "XCLBIN_HW_EMU", "XCLBIN_SW_EMU", "XCLBIN_HW_EMU_PR" };
    return nameAt(names, mode, "XCLBIN_MODE");
}

QString SectionHeader::kindName() const
{
    return sectionKindDisplayName(kind);
}

QString MemoryEntry::typeName() const
{
    static const std::array<const char*, 12> names
        = { "MEM_DDR3", "MEM_DDR4",     "MEM_DRAM", "MEM_STREAMING", "MEM_PREALLOCATED_GLOB",
            "MEM_ARE",  "MEM_HBM",      "MEM_BRAM", "MEM_URAM",      "MEM_STREAMING_CONNECTION",
            "MEM_HOST", "MEM_PS_KERNEL" };
    return nameAt(names, type, "MEM");
}

QJsonObject MemoryEntry::toJson() const
{
    return QJsonObject {
        { QStringLiteral("index"), index },
        { QStringLiteral("tag"), tag },
        { QStringLiteral("type"), typeName() },
        { QStringLiteral("used"), used },
        { QStringLiteral("size_kib"), double(sizeKiB) },
        { QStringLiteral("base_address"), hexLower(baseAddress) },
    };
}

QString IpEntry::typeName() const
{
    static const std::array<const char*, 8> names
        = { "IP_MB",       "IP_KERNEL",  "IP_DNASC",       "IP_DDR4_CONTROLLER",
            "IP_MEM_DDR4", "IP_MEM_HBM", "IP_MEM_HBM_ECC", "IP_PS_KERNEL" };
    return nameAt(names, type, "IP");
}

QString IpEntry::kernelName() const
{
    return name.section(QLatin1Char(':'), 0, 0);
}

QString IpEntry::instanceName() const
{
    return name.section(QLatin1Char(':'), 1);
}

QString IpEntry::psSubtypeName() const
{
    static const std::array<const char*, 2> names = { "PS", "DPU" };
    return nameAt(names, quint32(psSubtype()), "ST");
}

QString IpEntry::psFunctionalName() const
{
    static const std::array<const char*, 2> names = { "DPU", "PrePost" };
    return nameAt(names, quint32(psFunctional()), "FC");
}

QString IpEntry::ipControlName() const
{
    static const std::array<const char*, 6> names
        = { "AP_CTRL_HS", "AP_CTRL_CHAIN", "AP_CTRL_NONE", "AP_CTRL_ME", "ACCEL_ADAPTER", "FAST_ADAPTER" };
    return nameAt(names, quint32(ipControl()), "AP_CTRL");
}

QString KernelArgument::addressQualifierName() const
{
    static const std::array<const char*, 5> names = { "scalar", "global", "constant", "local", "stream" };
    return nameAt(names, quint32(addressQualifier), "qualifier");
}

QString CdoGroup::typeName() const
{
    static const std::array<const char*, 4> names = { "UNKNOWN", "PRIMARY", "LITE", "PRE_POST" };
    return nameAt(names, type, "CDO");
}

const SectionHeader* Xclbin::section(quint32 kind) const
{
    for (const SectionHeader& s : sections) {
        if (s.kind == kind)
            return &s;
    }
    return nullptr;
}

const QList<MemoryEntry>& Xclbin::memories() const
{
    if (groupTopology)
        return *groupTopology;
    return memTopology ? *memTopology : kNoMemories;
}

const QList<Connection>& Xclbin::connections() const
{
    if (groupConnectivity)
        return *groupConnectivity;
    return connectivity ? *connectivity : kNoConnections;
}

const Kernel* Xclbin::kernel(const QString& name) const
{
    for (const Kernel& k : kernels) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

int Xclbin::firstComputeUnit(const QString& kernelName) const
{
    if (!ipLayout)
        return -1;
    for (const IpEntry& ip : *ipLayout) {
        if (ip.kernelName() == kernelName)
            return ip.index;
    }
    return -1;
}

QByteArray Xclbin::readSection(const SectionHeader& s) const
{
    return readBytes(s.offset, s.size);
}

QByteArray Xclbin::readBytes(quint64 offset, quint64 size) const
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        throw XclbinException(
            { XclbinError::Kind::CannotOpen, filePath, -1, XclbinError::systemReason(file.errorString()) });
    const quint64 actual = quint64(file.size());
    if (offset > actual || size > actual - offset || size > quint64(std::numeric_limits<qsizetype>::max())) {
        throw XclbinException(
            { XclbinError::Kind::SectionOutOfFile, filePath, qint64(qMin(offset, actual)),
              QStringLiteral("%1 bytes at 0x%2 inside the %3-byte file (did it change since it was read?)")
                  .arg(size)
                  .arg(QString::number(offset, 16))
                  .arg(actual) });
    }
    file.seek(qint64(offset));
    QByteArray bytes = file.read(qint64(size));
    if (quint64(bytes.size()) != size)
        throw XclbinException({ XclbinError::Kind::SectionOutOfFile, filePath, qint64(offset),
                                QStringLiteral("%1 readable bytes (%2)").arg(size).arg(file.errorString()) });
    return bytes;
}

} // namespace xi
