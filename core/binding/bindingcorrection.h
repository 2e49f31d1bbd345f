// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindinginstructions.h"
#include "binding/bindingplan.h"
#include "binding/correctedcall.h"
#include "groups/argumentgroups.h"
#include "xclbin/xclbin.h"

#include <QStringList>

#include <optional>

namespace xi {

// The host's own call, corrected: its BOs moved to the indices the kernel expects (instruction BO at the
// instruction index, data BOs into the bo slots in the order the host passed them), re-allocated with the
// group_id of their new index where that differs, the opcode 3 and the word count. Complements
// CorrectedCall, which writes the call for a kernel from scratch.
class BindingCorrection {
public:
    // A BO the host passes that must be allocated with another group (or, for instructions, cacheable).
    struct Reallocation {
        QString bo; // its variable name
        int index = -1; // the argument index whose group_id it needs
        bool instructions = false;
    };
    struct Result {
        QStringList lines; // what lines() returns: new lines, reallocations, then the call
        QStringList newLines; // the lines of `lines` before the call that are not reallocations
        QList<Reallocation> reallocations;
        QStringList arguments; // the expression at each XRT argument index
        QString kernelVariable;
        QString callExpression() const; // "kernel(3, instr_bo, n_words, input_bo, output_bo)"
    };
    static Result correct(const Kernel& kernel, Convention convention, const BindingPlan& plan, HostLanguage language,
                          const std::optional<BindingInstructions>& instructions = std::nullopt);
    static QStringList lines(const Kernel& kernel, Convention convention, const BindingPlan& plan,
                             HostLanguage language,
                             const std::optional<BindingInstructions>& instructions = std::nullopt);
};

} // namespace xi
