// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionmetrics.h"
#include "attention/runscope.h"
#include "groups/argumentgroups.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace xi {

struct ChecklistItem {
    enum class Status { Passed, Failed, NotApplicable };

    QString id; // "group_ids", "instructions", "xrt_warnings", "nonzero_output", "state_completed", "correlation"
    QString item; // the sentence shown to the user
    Status status = Status::NotApplicable;
    QString detail; // why, with the numbers

    bool passed() const { return status == Status::Passed; }
    static QString statusName(Status s); // "passed", "failed", "n/a"
};

// The seed guide's success checklist with corrected meanings: group IDs are judged by their bank
// (the upper bits are the hardware-context slot), warnings are XRT's real connectivity messages.
class SuccessChecklist {
public:
    struct Inputs {
        std::optional<KernelGroups> groups; // the kernel that ran; nullopt = not known
        QStringList xrtMessages;
        bool xrtInvolved = true; // false for the cpu backend: no XRT warning can exist
        std::optional<AttentionMetrics> metrics; // nullopt = no output read
        QString state; // "COMPLETED", "ERROR", ... (empty = did not run)
        double correlationThreshold = 0.99;
        RunScope scope; // the instruction stream passed, and whether the output says anything about the design
    };

    static constexpr double DefaultThreshold = 0.99;

    static QList<ChecklistItem> evaluate(const Inputs& inputs);
    static bool allPassed(const QList<ChecklistItem>& items);
    // True for XRT's connectivity warning and its clone / host-copy follow-ups (docs/domain.md section 2).
    static bool isBankWarning(const QString& message);
    static QJsonArray toJson(const QList<ChecklistItem>& items);
    static QList<ChecklistItem> fromJson(const QJsonArray& array);

private:
    static ChecklistItem groupIds(const Inputs& in);
    static ChecklistItem instructions(const Inputs& in);
    static ChecklistItem xrtWarnings(const Inputs& in);
    static ChecklistItem nonzeroOutput(const Inputs& in);
    static ChecklistItem stateCompleted(const Inputs& in);
    static ChecklistItem correlation(const Inputs& in);
};

} // namespace xi
