// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulatedkernel.h"

// One include per emulated kernel.

namespace xi {

QList<const EmulatedKernel*> emulatedKernels()
{
    // One line per emulated kernel: `static const MyKernel myKernel;` then list it below.
    return {};
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
