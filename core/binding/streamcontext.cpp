// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/streamcontext.h"

namespace xi {

namespace {
constexpr int Npu1MaxColumns = 5; // Phoenix / Hawk Point: 5 columns, 4 of them usable by one partition
} // namespace

NpuStreamContext StreamContext::forKernel(const Xclbin& xclbin, const Kernel& kernel)
{
    NpuStreamContext context;
    int count = 0;
    for (const KernelArgument& a : kernel.arguments)
        count = qMax(count, a.id + 1);
    context.argumentKinds.fill(NpuStreamContext::ArgumentKind::Absent, count);
    for (const KernelArgument& a : kernel.arguments) {
        if (a.id >= 0)
            context.argumentKinds[a.id]
                = a.isBuffer() ? NpuStreamContext::ArgumentKind::Buffer : NpuStreamContext::ArgumentKind::Scalar;
    }
    if (xclbin.aiePartition)
        context.partitionColumns = xclbin.aiePartition->columnWidth;
    context.deviceGeneration = deviceGeneration(xclbin);
    return context;
}

int StreamContext::deviceGeneration(const Xclbin& xclbin)
{
    return xclbin.aiePartition && xclbin.aiePartition->columnWidth > Npu1MaxColumns ? 4 : 0;
}

} // namespace xi
