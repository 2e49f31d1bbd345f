// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instructions/npustreamchecker.h"
#include "xclbin/xclbin.h"

namespace xi {

// What an xclbin says about the instruction stream a kernel runs: the kernel's argument kinds by XRT index, the
// AIE partition's column width, and the device generation where the file decides it. The host's part (buffers
// passed, their sizes, ninstr) is filled in by whoever knows the call.
class StreamContext {
public:
    static NpuStreamContext forKernel(const Xclbin& xclbin, const Kernel& kernel);
    // 4 (npu2) for a partition wider than npu1's five columns; 0 when the file does not decide it (an xclbin
    // names no device, and npu2 designs may use 1 to 4 columns too).
    static int deviceGeneration(const Xclbin& xclbin);
};

} // namespace xi
