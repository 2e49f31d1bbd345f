// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runner/emulatedkernel.h"

namespace xi {

// Every emulated kernel this build knows, in a stable order.
QList<const EmulatedKernel*> emulatedKernels();
const EmulatedKernel* findEmulatedKernel(const QString& name); // nullptr when unknown

} // namespace xi
