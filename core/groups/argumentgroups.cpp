// SPDX-License-Identifier: GPL-3.0-or-later
#include "groups/argumentgroups.h"

#include <algorithm>

namespace xi {

QString verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Valid: return QStringLiteral("valid");
    case Verdict::Scalar: return QStringLiteral("scalar");
    case Verdict::Warning: return QStringLiteral("warning");
    case Verdict::Invalid: return QStringLiteral("invalid");
    case Verdict::Unknown: return QStringLiteral("not judged");
    }
    return {};
}

QString conventionName(Convention c)
{
    switch (c) {
    case Convention::Opcode: return QStringLiteral("opcode");
    case Convention::Legacy: return QStringLiteral("legacy");
    case Convention::Other: return QStringLiteral("other");
    }
    return {};
}

bool KernelGroups::hasInvalid() const
{
    return std::any_of(arguments.cbegin(), arguments.cend(),
                       [](const ArgumentGroup& a) { return a.verdict == Verdict::Invalid; });
}

const ArgumentGroup* KernelGroups::argument(int index) const
{
    for (const ArgumentGroup& a : arguments) {
        if (a.index == index)
            return &a;
    }
    return nullptr;
}

namespace {

const KernelArgument* argById(const Kernel& k, int id)
{
    for (const KernelArgument& a : k.arguments) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

bool isScalar(const KernelArgument* a)
{
    return a && a->addressQualifier == KernelArgument::Scalar;
}

bool isGlobal(const KernelArgument* a)
{
    return a && a->isBuffer();
}

// What the aiecc convention expects for an argument, or empty when it has no opinion.
QString expectedTag(Convention c, const QString& argName, int index)
{
    if (c == Convention::Opcode)
        return index == 1 ? QStringLiteral("SRAM") : QStringLiteral("HOST");
    if (c == Convention::Legacy)
        return argName.startsWith(QLatin1String("instr")) ? QString() : QStringLiteral("HOST");
    return {};
}

} // namespace

Convention ArgumentGroups::detectConvention(const Kernel& kernel, QString* reason)
{
    auto say = [reason](const QString& text) {
        if (reason)
            *reason = text;
    };
    const KernelArgument* a0 = argById(kernel, 0);
    const KernelArgument* a1 = argById(kernel, 1);
    const KernelArgument* a2 = argById(kernel, 2);
    if (isScalar(a0) && a0->name == QLatin1String("opcode") && isGlobal(a1) && isScalar(a2)) {
        say(QStringLiteral("argument 0 is the scalar 'opcode', 1 the instruction buffer and 2 its word count: "
                           "call it as kernel(3, instr_bo, n_words, bo0, bo1, ...)"));
        return Convention::Opcode;
    }
    if (isGlobal(a0) && a0->name.startsWith(QLatin1String("instr")) && isScalar(a1)) {
        say(QStringLiteral("argument 0 is the instruction buffer and 1 its word count, with no opcode: the old "
                           "mlir-aie/Riallto convention kernel(instr_bo, n_words, in, tmp, out). A host written for "
                           "kernel(3, instr_bo, n_words, bo0, ...) puts every buffer one index too far here"));
        return Convention::Legacy;
    }
    say(QStringLiteral("the argument list matches neither mlir-aie convention; it is judged by its connectivity only"));
    return Convention::Other;
}

KernelGroups ArgumentGroups::compute(const Xclbin& xclbin, const Kernel& kernel, SlotMode mode)
{
    KernelGroups result;
    result.kernelName = kernel.name;
    result.convention = detectConvention(kernel, &result.conventionReason);
    result.computeUnit = xclbin.firstComputeUnit(kernel.name);
    result.judged = !isSoftwareEmulationWithoutLayout(xclbin);
    if (result.computeUnit < 0 && result.judged) {
        result.notes << QStringLiteral("IP_LAYOUT has no compute unit for kernel %1: XRT cannot open it, and no "
                                       "argument has a connection")
                            .arg(kernel.name);
    }
    const QList<MemoryEntry>& memories = xclbin.memories();
    const QList<Connection>& connections = xclbin.connections();

    QList<KernelArgument> args = kernel.arguments;
    std::stable_sort(args.begin(), args.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (const KernelArgument& arg : std::as_const(args)) {
        ArgumentGroup row;
        row.index = arg.id;
        row.argument = arg;
        QStringList unusedTags;
        QList<int> outOfRange;
        for (const Connection& c : connections) {
            if (c.argIndex != arg.id || c.ipLayoutIndex != result.computeUnit || result.computeUnit < 0)
                continue;
            if (c.memDataIndex < 0 || c.memDataIndex >= memories.size()) {
                if (!outOfRange.contains(c.memDataIndex))
                    outOfRange << c.memDataIndex;
                continue;
            }
            const MemoryEntry& m = memories.at(c.memDataIndex);
            if (!m.used) {
                const QString tag = QStringLiteral("%1 (%2)").arg(c.memDataIndex).arg(m.tag);
                if (!unusedTags.contains(tag)) // GROUP_CONNECTIVITY lists every connection twice
                    unusedTags << tag;
                continue;
            }
            if (!row.banks.contains(c.memDataIndex))
                row.banks << c.memDataIndex;
        }
        std::sort(row.banks.begin(), row.banks.end());
        for (int b : std::as_const(row.banks))
            row.memoryTags << memories.at(b).tag;
        if (!row.banks.isEmpty())
            row.bank = row.banks.last();
        row.groupId = mode.legacyXrt213 ? GroupId::legacyBank(row.banks.isEmpty() ? -1 : row.bank)
                                        : GroupId::compose(mode.slot, quint16(row.bank));
        judge(row, result.convention, outOfRange, unusedTags, memories.size(), result.judged);
        result.arguments.append(row);
    }
    return result;
}

bool ArgumentGroups::isSoftwareEmulationWithoutLayout(const Xclbin& xclbin)
{
    constexpr quint16 SoftwareEmulationMode = 5; // XCLBIN_SW_EMU
    return xclbin.header.mode == SoftwareEmulationMode && !xclbin.ipLayout;
}

void ArgumentGroups::judge(ArgumentGroup& row, Convention convention, const QList<int>& outOfRange,
                           const QStringList& unusedTags, qsizetype memoryCount, bool judged)
{
    const KernelArgument& arg = row.argument;
    auto set = [&row](Verdict v, const char* code, const QString& reason) {
        row.verdict = v;
        row.code = QLatin1String(code);
        row.reason = reason;
    };
    if (!outOfRange.isEmpty()) {
        QStringList numbers;
        for (int i : outOfRange)
            numbers << QString::number(i);
        return set(Verdict::Invalid, "memory-out-of-range",
                   QStringLiteral("Connected to memory index %1, outside the %2-entry memory table.")
                       .arg(numbers.join(QStringLiteral(", ")))
                       .arg(memoryCount));
    }
    if (!arg.isBuffer()) {
        if (!row.banks.isEmpty()) {
            return set(Verdict::Warning, "scalar-with-memory",
                       QStringLiteral("A %1 argument with a memory connection (bank %2): XRT reports the bank, but the "
                                      "kernel takes a value here, not a buffer.")
                           .arg(arg.addressQualifierName())
                           .arg(row.bank));
        }
        return set(Verdict::Scalar, "scalar",
                   QStringLiteral("A %1 argument: no memory (bank 0xFFFF); pass a value, never a BO, "
                                  "and never allocate a BO with this group ID.")
                       .arg(arg.addressQualifierName()));
    }
    if (!judged) {
        return set(Verdict::Unknown, "not-judged",
                   QStringLiteral("Not judged: a software-emulation file carries no IP layout or connectivity, so no "
                                  "bank can be computed for this buffer from the file."));
    }
    if (row.banks.isEmpty()) {
        if (!unusedTags.isEmpty()) {
            return set(Verdict::Invalid, "unused-memory-only",
                       QStringLiteral("Connected only to unused memory %1: XRT skips it and finds no "
                                      "bank for this buffer.")
                           .arg(unusedTags.join(QStringLiteral(", "))));
        }
        return set(Verdict::Invalid, "no-connectivity",
                   QStringLiteral("A global argument with no connectivity on the first compute unit: "
                                  "XRT has no bank for its BO (newer XRT throws EINVAL)."));
    }
    const QString tag = row.memoryTags.last();
    const QString expected = expectedTag(convention, arg.name, row.index);
    if (!expected.isEmpty() && tag != expected) {
        return set(Verdict::Warning, "unexpected-memory",
                   QStringLiteral("Connected to bank %1 (%2), but the aiecc convention puts %3 on %4.")
                       .arg(row.bank)
                       .arg(tag,
                            convention == Convention::Opcode && row.index == 1
                                ? QStringLiteral("the instruction buffer")
                                : QStringLiteral("data buffers"),
                            expected));
    }
    return set(Verdict::Valid, "connected",
               QStringLiteral("Connected to bank %1 (%2) on the first compute unit; allocate its BO "
                              "with group_id(%3).")
                   .arg(row.bank)
                   .arg(tag)
                   .arg(row.index));
}

QList<KernelGroups> ArgumentGroups::computeAll(const Xclbin& xclbin, SlotMode mode)
{
    QList<KernelGroups> all;
    for (const Kernel& k : xclbin.kernels)
        all.append(compute(xclbin, k, mode));
    return all;
}

} // namespace xi
