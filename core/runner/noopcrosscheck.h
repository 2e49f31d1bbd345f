// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindingchecker.h"
#include "runner/runrequest.h"
#include "runner/runresult.h"

#include <QJsonObject>
#include <QStringList>

namespace xi {

// What XRT printed on its noop device for a binding, next to what the binding checker predicted for that XRT.
struct NoopComparison {
    bool xrt213 = false; // which prediction applies: Debian's XRT 2.13 or slot-aware XRT
    bool captured = false; // XRT's messages were captured
    // XRT's argument check ran (the run reached set_arg); when not, nothing is compared and notRun says why.
    bool checkRan = false;
    QString notRun;
    QStringList predictedWarnings; // connectivity warnings, exactly as XRT formats them
    QString predictedException; // the text XRT 2.13 throws for an out-of-table bank, or empty
    QStringList printedWarnings; // the connectivity warnings XRT printed, in order
    QString printedException; // what XRT threw while the arguments were passed, or empty
    QList<int> predictedArguments;
    QList<int> printedArguments;
    // The one rule: XRT's connectivity warnings are the predicted texts in the predicted order, and it threw
    // what was predicted (nothing when nothing was).
    bool matches = false;

    // "XRT warned about arguments: 0, 2; the checker predicted: 0, 2. They agree." / "... They DIFFER." / "XRT's
    // argument check did not run, ...: <why>"
    QString summary() const;
    // {"xrt213", "captured", "check_ran", "not_run", "predicted_warnings", ..., "matches_prediction"}
    QJsonObject toJson() const;
};

// The XRT noop cross-check, for the CLI (`check --xrt-noop`) and the Binding view alike: the request that runs a
// plan through XRT's noop device, and the comparison of what XRT printed with the checker's prediction.
class NoopCrossCheck {
public:
    // Data files are resolved next to the host program; one that is not there leaves its BO zero-filled (a note
    // says so). The instruction BO gets `instructionFile` (InstructionFileLocator's choice), or stays zero.
    static RunRequest request(const BindingPlan& plan, const BindingReport& report, const QString& xclbinPath,
                              const QString& instructionFile, QStringList* notes);
    static NoopComparison compare(const BindingReport& report, const RunResult& result);
};

} // namespace xi
