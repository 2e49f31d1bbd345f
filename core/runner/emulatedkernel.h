// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>

namespace xi {

// The buffers and scalars of one run, keyed by XRT argument index, as the host bound them.
struct EmulatedArguments {
    QMap<int, QByteArray> buffers; // BO contents after XRT's run (inputs as written, outputs still zero)
    QMap<int, qint64> scalars; // scalar values passed
    QList<int> outputs; // indices of the BOs the host reads back
};

// A host-compiled kernel for the `emulated` backend.
//
// The runner child first runs the binding through XRT's noop device, so XRT makes its real argument checks.
// Then, only if XRT did not clone any of the bound BOs (no connectivity warning for a BO's index: on hardware
// a cloned BO never reaches the kernel), it calls run() with the BO contents. run() reads the input buffers
// and writes its results into the output buffers in place (keeping their sizes); the runner writes them back
// into the XRT BOs and reads them out as a device run would be read.
//
// To add one: implement this class in the domain that owns the kernel and list it in that domain's registry
// (attention/emulatedkernels.cpp); the runner child is given the registry, so the runner never depends on it.
class EmulatedKernel {
public:
    virtual ~EmulatedKernel() = default;
    // Stable identifier used in run requests: "attention-int8-64x64".
    virtual QString name() const = 0;
    virtual QString description() const = 0;
    // Returns an empty string on success, otherwise one sentence saying what was wrong with the arguments.
    virtual QString run(EmulatedArguments& arguments) const = 0;
};

// Finds an emulated kernel by name(); nullptr when unknown.
using EmulatedKernelLookup = std::function<const EmulatedKernel*(const QString& name)>;

} // namespace xi
