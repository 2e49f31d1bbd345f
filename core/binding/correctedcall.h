// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/argumentgroups.h"
#include "xclbin/xclbin.h"

#include <QStringList>

namespace xi {

enum class HostLanguage { Python, Cpp };
QString hostLanguageName(HostLanguage language); // "Python (pyxrt)", "C++"
bool hostLanguageFromPath(const QString& path, HostLanguage* out);

// How a kernel must be called, from its own argument list and convention (docs/domain.md section 3):
// an opcode-convention kernel is `kernel(3, instr_bo, n_words, bo0, bo1, ...)`.
// Shared by the log decoder, the binding checker and the GUI's details panel.
class CorrectedCall {
public:
    // The expression to pass at each XRT argument index: "3", "instr_bo", "n_words", "bo0", ...
    static QStringList argumentExpressions(const Kernel& kernel, Convention convention);
    // "run = kernel(3, instr_bo, n_words, bo0, bo1, bo2, bo3, bo4)" (Python) or
    // "auto run = kernel(3, instr_bo, n_words, bo0, bo1, bo2, bo3, bo4);" (C++).
    static QString call(const Kernel& kernel, Convention convention, HostLanguage language,
                        const QString& kernelVariable = QStringLiteral("kernel"));
    // The line that allocates a correct BO for a buffer argument (empty for a scalar):
    // "bo0 = xrt.bo(device, bo0_size, xrt.bo.flags.host_only, kernel.group_id(3))".
    static QString boAllocation(const Kernel& kernel, Convention convention, int index, HostLanguage language,
                                const QString& kernelVariable = QStringLiteral("kernel"));
    // Allocations of every buffer argument, the instruction word count, then the call.
    static QStringList snippet(const Kernel& kernel, Convention convention, HostLanguage language,
                               const QString& kernelVariable = QStringLiteral("kernel"));

    // Index of the instruction-stream buffer and of its word count for this convention, or -1.
    static int instructionIndex(const Kernel& kernel, Convention convention);
    static int instructionCountIndex(const Kernel& kernel, Convention convention);
    // What the argument at that index is for, in a few words: "the opcode (pass 3)", "instruction BO", ...
    static QString role(const Kernel& kernel, Convention convention, int index);
};

} // namespace xi
