// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/emulatedkernels.h"

#include "attention/attentionemulatedkernel.h"

namespace xi {

QList<const EmulatedKernel*> emulatedKernels()
{
    // One line per emulated kernel: `static const MyKernel myKernel;` then list it below.
    static const AttentionEmulatedKernel attention16(16), attention32(32), attention64(64);
    return { &attention64, &attention32, &attention16 };
}

const EmulatedKernel* findEmulatedKernel(const QString& name)
{
    for (const EmulatedKernel* kernel : emulatedKernels()) {
        if (kernel->name() == name)
            return kernel;
    }
    return nullptr;
}

} // namespace xi
