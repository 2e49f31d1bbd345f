// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbin.h"

#include <QString>

namespace xi {

// What an xclbin is for, so that it is judged as what it is: an NPU file (AIE partition or NPU kernels), a
// software-emulation file (kernels run on the host), an FPGA (PL) file, or a file with no kernels at all.
class FileKind {
public:
    enum Kind { Npu, SoftwareEmulation, Pl, NoKernels };

    static Kind classify(const Xclbin& xclbin);
    static QString name(Kind kind); // "npu", "sw-emu", "pl", "no-kernels"
    // One sentence: "An NPU xclbin: a 4-column AIE partition, 1 NPU kernel (MLIR_AIE)."
    static QString describe(const Xclbin& xclbin, Kind kind);
    static bool isNpuKernel(const Kernel& kernel) { return kernel.type == QLatin1String("dpu"); }
};

} // namespace xi
