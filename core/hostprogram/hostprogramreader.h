// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindingplan.h"
#include "hostprogram/hostprogramtokenizer.h"

#include <QString>

#include <optional>

namespace xi {

// Extracts a binding plan from a host test program: pyxrt Python or XRT C++ (the subset mlir-aie tests use):
// BO allocations with their size, flags and group (`xrt.bo(dev, size, flags, kernel.group_id(N))`,
// `xrt::bo name(device, size, XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1))`), integer variables, group id
// variables, the instruction stream (`f.read()` bytes vs. u32 word arrays), and the first kernel call
// (`kernel(...)`, `run = kernel(...)`, or `run.set_arg(i, x)`). Whatever it cannot resolve goes into
// plan.unresolved with its line; it never guesses.
class HostProgramReader {
public:
    // Reads a .py or .cpp file; std::nullopt with a message naming the file when it cannot.
    static std::optional<BindingPlan> read(const QString& path, QString* error = nullptr);
    static BindingPlan parse(const QString& source, HostLanguage language, const QString& fileName = {});
};

} // namespace xi
