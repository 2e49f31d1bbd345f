// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/argumentgroups.h"
#include "runner/emulatedkernel.h"

namespace xi {

// Our int8 attention kernel (kernels/attention, host build) behind the emulated backend. Like the
// design's runtime sequence it reads Q, K, V packed from the BO at XRT argument 3 (bo0) and writes
// the output into the BO at argument 4 (bo1), whatever the host meant them to be.
class AttentionEmulatedKernel : public EmulatedKernel {
public:
    static constexpr int InputArgument = FirstBoArgument; // bo0
    static constexpr int OutputArgument = FirstBoArgument + 1; // bo1

    explicit AttentionEmulatedKernel(int size)
        : m_size(size)
    {
    }
    static QString nameFor(int size); // "attention-int8-64x64"
    static QList<int> sizes() { return { 64, 32, 16 }; } // the sizes kernels/attention is built for

    QString name() const override { return nameFor(m_size); }
    QString description() const override;
    QString run(EmulatedArguments& arguments) const override;
    int size() const { return m_size; }

private:
    int m_size;
};

} // namespace xi
