// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindinginstructions.h"
#include "binding/bindingplan.h"
#include "groups/argumentgroups.h"
#include "groups/groupid.h"
#include "util/severity.h"
#include "xclbin/xclbin.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace xi {

// The verdict on one call (or a whole program): `Unresolved` when the call could not be followed, then no finding
// and no corrected call is made from guesses.
enum class BindingStatus { Ok, Warning, Error, Unresolved };
QString bindingStatusName(BindingStatus s); // "ok", "warning", "error", "unresolved"
// Error outranks unresolved (a fact about one call stands whatever another hides), which outranks warning and ok.
int bindingStatusRank(BindingStatus s);

// One verdict about the binding at one argument (or about the whole call when argument is -1).
struct BindingFinding {
    Severity severity = Severity::Info;
    int argument = -1;
    // bo-at-scalar, scalar-at-buffer, bank-not-connected, bo-from-scalar-group, bad-group-index, missing-instr,
    // ninstr-mismatch, opcode-not-3, too-many-buffers, too-many-arguments, slot-mismatch, missing-argument,
    // legacy-convention-mix, instr-not-cacheable, bank-out-of-range, unresolved, no-kernel, kernel-chosen,
    // zero-for-unused-buffer, no-connectivity-check, helper-layer, hw-context-slot, too-many-hw-contexts
    QString code;
    QString message; // one or two sentences
    HostLocation location;

    QJsonObject toJson() const;
};

// The connectivity warning XRT prints when a BO's bank is not connected to the argument it is passed at
// (docs/domain.md section 2), for one XRT flavour.
struct PredictedXrtWarning {
    int argument = -1;
    qint64 boBank = 0; // "The argument is allocated in bank <boBank>"
    qint64 connectedGroup = 0; // "the compute unit is connected to bank <group_id(i)>"
    QString text; // exactly as XRT formats it (one line)
    // Not a warning: XRT throws while the BO is passed (text = the exception's what()) and the call stops
    // there. XRT 2.13 does this for a BO whose bank is outside the memory table (a group of -1 or 65536).
    bool exception = false;
};

struct BindingCheckOptions {
    SlotMode slot; // which XRT's group IDs to predict with (slot-aware, or XRT 2.13)
    std::optional<BindingInstructions> instructions; // the instruction stream the host loads, if known
};

struct BindingReport {
    BindingStatus status = BindingStatus::Ok;
    QList<UnresolvedItem> unresolved; // why the call could not be followed (status Unresolved)
    QString kernelName;
    Convention convention = Convention::Other;
    SlotMode slot;
    QList<BindingFinding> findings;
    QList<PredictedXrtWarning> predictedWarnings; // for `slot`
    QList<PredictedXrtWarning> predictedWarningsXrt213; // what Debian's XRT 2.13 would print
    QList<PredictedXrtWarning> predictedWarningsSlotAware; // what slot-aware XRT prints in slot.slot (1 if 2.13)
    // The host's own call corrected (BindingCorrection), lines joined with '\n'.
    QString correctedPython;
    QString correctedCpp;
    // The kernel's call written from scratch (CorrectedCall::snippet).
    QString referencePython;
    QString referenceCpp;
    QString planQuick; // the checked plan in the quick form

    bool hasErrors() const;
    int count(Severity s) const;
    QStringList predictedTexts() const; // texts of predictedWarnings that are warnings, not exceptions
    // Sets status from the findings (kept Unresolved when it is).
    void updateStatus();
    // [{"line": N, "what": "sentence"}] for the unresolved items.
    static QJsonArray unresolvedJson(const QList<UnresolvedItem>& items);
    // {"kernel", "convention", "slot", "findings", "predicted_xrt_warnings", "corrected_call", ...}
    QJsonObject toJson() const;
};

// Checks a binding plan against a kernel of an xclbin (docs/domain.md sections 1-3 and 6).
class BindingChecker {
public:
    // The kernel is plan.kernelName; when the plan names none, the first kernel with an mlir-aie convention.
    static BindingReport check(const Xclbin& xclbin, const BindingPlan& plan, const BindingCheckOptions& options = {});
    // The kernel a plan that names none is meant for: the first NPU kernel, else the first kernel.
    static const Kernel* defaultKernel(const Xclbin& xclbin);
    // XRT's connectivity warning text (the format string is XRT's own, identical in 2.13 and later).
    static QString xrtWarningText(const QString& kernel, int index, qint64 boBank, qint64 connectedGroup);
    // What XRT 2.13 throws (std::out_of_range from its memory table) for a BO in a bank beyond the table.
    static QString xrt213RangeErrorText(quint64 memoryIndex, int memoryCount);
    // The bank XRT reads from a BO allocated with this binding: the memory index (bits 0-15) of its group,
    // or -1 in XRT 2.13 for a group of -1. std::nullopt when the plan does not say.
    static std::optional<qint64> boBank(const BoBinding& bo, const KernelGroups& groups, SlotMode mode);
};

} // namespace xi
