// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/groupid.h"
#include "xclbin/xclbin.h"

#include <QList>
#include <QString>

namespace xi {

// Unknown: the file does not say enough to judge the argument (a software-emulation file carries no
// connectivity); never shown as a fault.
enum class Verdict { Valid, Scalar, Warning, Invalid, Unknown };
inline constexpr int VerdictCount = 5;
QString verdictName(Verdict v); // "valid", "scalar", "warning", "invalid", "not judged"

// Calling convention of a kernel, decided from its own argument list (never a hard-coded table).
enum class Convention { Opcode, Legacy, Other };
// In the opcode convention, runtime-sequence buffer i (bo i) is XRT argument FirstBoArgument + i, for i < BoSlots.
inline constexpr int FirstBoArgument = 3;
inline constexpr int BoSlots = 5;
QString conventionName(Convention c); // "opcode", "legacy", "other"

// One row of the argument / group-ID table.
struct ArgumentGroup {
    int index = 0; // XRT argument index
    KernelArgument argument;
    QList<int> banks; // every memory index connected on the first compute unit, ascending
    QStringList memoryTags; // tags of those banks
    int bank = GroupId::NoMemory; // the one group_id() reports (largest used), NoMemory if none
    GroupId groupId;
    Verdict verdict = Verdict::Valid;
    // What the verdict rests on: connected, scalar, scalar-with-memory, unexpected-memory, no-connectivity,
    // unused-memory-only, memory-out-of-range, not-judged.
    QString code;
    QString reason; // one sentence
};

struct KernelGroups {
    QString kernelName;
    Convention convention = Convention::Other;
    QString conventionReason;
    int computeUnit = -1; // ip_layout index of the first compute unit
    QList<ArgumentGroup> arguments;
    // Findings that are about the kernel as a whole (e.g. no compute unit): warnings.
    QStringList notes;
    // False when the file cannot say which banks the arguments get (software emulation): buffers are Unknown.
    bool judged = true;

    bool hasInvalid() const;
    const ArgumentGroup* argument(int index) const;
};

// Computes what xrt::kernel::group_id() returns for every argument of every kernel, with verdicts.
class ArgumentGroups {
public:
    static Convention detectConvention(const Kernel& kernel, QString* reason = nullptr);
    // A software-emulation file (XCLBIN_SW_EMU) without IP_LAYOUT: XRT's emulation supplies the compute units and
    // memories, so no bank can be computed from the file.
    static bool isSoftwareEmulationWithoutLayout(const Xclbin& xclbin);
    static KernelGroups compute(const Xclbin& xclbin, const Kernel& kernel, SlotMode mode = {});
    static QList<KernelGroups> computeAll(const Xclbin& xclbin, SlotMode mode = {});

private:
    static void judge(ArgumentGroup& row, Convention convention, const QList<int>& outOfRange,
                      const QStringList& unusedTags, qsizetype memoryCount, bool judged);
};

} // namespace xi
