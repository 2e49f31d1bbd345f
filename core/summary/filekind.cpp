// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary/filekind.h"

#include "xclbin/sectionkind.h"

#include <algorithm>

namespace xi {

namespace {

QString plural(qsizetype n, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

// "MLIR_AIE" or "DPU_PDI_0, DPU_PDI_1 and 9 more"
QString names(const QStringList& list)
{
    constexpr int Shown = 3;
    if (list.size() <= Shown + 1)
        return list.join(QStringLiteral(", "));
    return QStringLiteral("%1 and %2 more").arg(list.mid(0, Shown).join(QStringLiteral(", "))).arg(list.size() - Shown);
}

} // namespace

FileKind::Kind FileKind::classify(const Xclbin& xclbin)
{
    const bool npuKernel = std::any_of(xclbin.kernels.cbegin(), xclbin.kernels.cend(), isNpuKernel);
    if (xclbin.aiePartition || npuKernel || xclbin.hasSection(AIE_PARTITION) || xclbin.hasSection(AIE_METADATA))
        return Npu;
    constexpr quint16 SoftwareEmulationMode = 5; // XCLBIN_SW_EMU
    if (xclbin.header.mode == SoftwareEmulationMode)
        return SoftwareEmulation;
    if (xclbin.kernels.isEmpty())
        return NoKernels;
    return Pl;
}

QString FileKind::name(Kind kind)
{
    switch (kind) {
    case Npu: return QStringLiteral("npu");
    case SoftwareEmulation: return QStringLiteral("sw-emu");
    case Pl: return QStringLiteral("pl");
    case NoKernels: return QStringLiteral("no-kernels");
    }
    return {};
}

QString FileKind::describe(const Xclbin& xclbin, Kind kind)
{
    QStringList npu, pl;
    for (const Kernel& k : xclbin.kernels)
        (isNpuKernel(k) ? npu : pl) << k.name;
    const QString platform
        = xclbin.header.platformVbnv.isEmpty() ? QString() : QStringLiteral(" for %1").arg(xclbin.header.platformVbnv);
    switch (kind) {
    case Npu: {
        QStringList parts;
        if (xclbin.aiePartition) {
            parts << QStringLiteral("a %1-column AIE partition with %2")
                         .arg(xclbin.aiePartition->columnWidth)
                         .arg(plural(xclbin.aiePartition->pdis.size(), QStringLiteral("PDI"), QStringLiteral("PDIs")));
        }
        if (!npu.isEmpty())
            parts << QStringLiteral("%1 (%2)").arg(
                plural(npu.size(), QStringLiteral("NPU kernel"), QStringLiteral("NPU kernels")), names(npu));
        if (!pl.isEmpty())
            parts << QStringLiteral("%1 (%2)").arg(
                plural(pl.size(), QStringLiteral("PL kernel"), QStringLiteral("PL kernels")), names(pl));
        if (xclbin.kernels.isEmpty())
            parts << QStringLiteral("no kernels");
        return QStringLiteral("An NPU xclbin: %1.").arg(parts.join(QStringLiteral(", ")));
    }
    case SoftwareEmulation:
        return QStringLiteral("A software-emulation (sw_emu) xclbin%1: its %2 run%3 on the host in XRT's emulation, "
                              "not on a device%4.")
            .arg(platform, plural(xclbin.kernels.size(), QStringLiteral("kernel"), QStringLiteral("kernels")),
                 xclbin.kernels.size() == 1 ? QStringLiteral("s") : QString(),
                 xclbin.ipLayout ? QString()
                                 : QStringLiteral(", and the file carries no IP layout or connectivity to judge banks "
                                                  "by"));
    case Pl:
        return QStringLiteral("An FPGA (PL) xclbin%1 with %2 (%3) and no NPU kernel.")
            .arg(platform, plural(pl.size(), QStringLiteral("PL kernel"), QStringLiteral("PL kernels")), names(pl));
    case NoKernels: {
        QStringList tags;
        for (const MemoryEntry& m : xclbin.memories())
            tags << m.tag;
        if (!tags.isEmpty()) {
            return QStringLiteral("An FPGA (PL) xclbin%1 with no kernels, only its memory map (%2): there is no "
                                  "argument to bind and nothing to run, and it is not an NPU file.")
                .arg(platform, tags.join(QStringLiteral(", ")));
        }
        QStringList kinds;
        for (const SectionHeader& section : xclbin.sections)
            kinds << section.kindName();
        return QStringLiteral("An xclbin%1 with no kernels and no memories (%2): there is no argument to bind and "
                              "nothing to run.")
            .arg(platform, names(kinds));
    }
    }
    return {};
}

} // namespace xi
