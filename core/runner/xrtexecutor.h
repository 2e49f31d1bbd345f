// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runner/emulatedkernel.h"
#include "runner/runrequest.h"
#include "runner/runresult.h"

#include <functional>

namespace xi {

// Runs a RunRequest through XRT in THIS process: the runner child's side (`xclbin-inspector-cli run-binding`).
// XRT can abort, crash or hang a process, so nothing else should call this: use XrtRunner or XrtRunnerProcess,
// which start a child with the environment this expects (noop device, XRT's runtime log in a file).
//
// Device: the noop and emulated backends use load_xclbin + kernel(device, uuid, name), which is what the noop
// device supports. The xrt backend uses register_xclbin + hw_context + kernel(ctx, name) when XRT's headers
// had hw_context at build time (XRT >= 2.14), else load_xclbin + kernel(device, uuid, name).
class XrtExecutor {
public:
    using Progress = std::function<void(const QString& stage, const QString& message)>;

    // The runtime log this process's XRT writes to: $XI_XRT_LOG, else runtime_log in $XRT_INI_PATH, else "".
    static QString runtimeLogPath();
    // `kernels` finds the emulated kernel an emulated request names (the caller owns the registry).
    static RunResult execute(const RunRequest& request, const EmulatedKernelLookup& kernels,
                             const Progress& progress = {});
};

} // namespace xi
