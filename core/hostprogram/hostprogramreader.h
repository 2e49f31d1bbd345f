// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindingplan.h"
#include "hostprogram/hostprogramtokenizer.h"

#include <QList>
#include <QString>

#include <optional>

namespace xi {

// Everything a host program shows about its kernel calls: one binding plan per call found (in source order), and
// what keeps the program as a whole from being followed (no call found, nesting too deep, text that is not
// source). Every plan carries the program-level items in its own `unresolved` too, so a plan checked alone gives
// the same verdict.
struct HostProgram {
    QString sourceFile;
    QList<BindingPlan> calls; // never empty: without a call, one empty plan holding "no kernel call found"
    QList<UnresolvedItem> unresolved; // program-level items
    int hwContexts = 0; // xrt::hw_context objects the program makes (counted where the count is known)
    bool hwContextsUncertain = false; // made in a loop whose count could not be resolved
    QString flow() const; // the first call's flow
};

// Extracts binding plans from a host test program: pyxrt Python or XRT C++, the styles real programs use: BO
// allocations with their size, flags and group, integer and flag aliases (`#define`, `constexpr`), lists of BOs
// (`*bos`, `bufs[0]`), local helper functions and classes (`self.kernel(...)`, `A = mkbo(3)`), set_arg loops,
// hardware contexts, the no-connectivity flows (xrt::ext::kernel, xrt::module) and helper layers (mlir-aie's
// NPUKernel / setup_aie / test_utils, mlir-air's XRTBackend, Riallto's AppRunner). Whatever it cannot resolve goes
// into the unresolved lists with its line; it never guesses, and a value set differently in if/else branches is
// unknown.
class HostProgramReader {
public:
    // Reads a .py or .cpp file; std::nullopt with a message naming the file when it cannot.
    static std::optional<HostProgram> readProgram(const QString& path, QString* error = nullptr);
    static HostProgram parseProgram(const QString& source, HostLanguage language, const QString& fileName = {});
    // The first call of the program (what a single-call consumer checks).
    static std::optional<BindingPlan> read(const QString& path, QString* error = nullptr);
    static BindingPlan parse(const QString& source, HostLanguage language, const QString& fileName = {});
    // Deeper nesting of brackets, blocks or helper calls than this is not followed (reported as unresolved).
    static constexpr int MaxDepth = 200;
};

} // namespace xi
