// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindingchecker.h"
#include "binding/instructionfilelocator.h"
#include "hostprogram/hostprogramreader.h"

#include <QJsonObject>
#include <QList>

namespace xi {

// The verdict on a whole host program: every call checked against the xclbin. One code path for `check`, the
// Binding view and the report.
struct HostProgramVerdict {
    struct Call {
        BindingPlan plan;
        BindingReport report;
        InstructionFileChoice instructions; // which instruction file, and why
        std::optional<BindingInstructions> loaded;
    };
    BindingStatus status = BindingStatus::Unresolved;
    QList<Call> calls; // in source order
    QList<BindingFinding> programFindings; // about the program as a whole (too-many-hw-contexts)
    QList<UnresolvedItem> unresolved; // every item that kept a call or the program from being followed
    QString flow;
    int worst = 0; // index of the call the top-level keys describe

    const Call& worstCall() const { return calls.at(worst); }
    bool hasErrors() const { return status == BindingStatus::Error; }
    // The documented JSON of `check --json`: the worst call's report keys, then status, flow, calls, unresolved.
    QJsonObject toJson() const;
};

class HostProgramCheck {
public:
    // The NPU keeps about this many hardware contexts per process on npu1 (docs/domain.md section 8).
    static constexpr int ContextsKept = 6;
    // `givenInstructions` is the user's --insts (empty: the file each call's program names). With `followSlots` each
    // call's group IDs are predicted in the slot of its hardware context, else in options.slot.
    static HostProgramVerdict check(const Xclbin& xclbin, const HostProgram& program,
                                    const BindingCheckOptions& options, const QString& givenInstructions,
                                    bool followSlots);
};

} // namespace xi
