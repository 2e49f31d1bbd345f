// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/correctedcall.h"
#include "groups/argumentgroups.h"
#include "xclbin/xclbin.h"

#include <QTextBrowser>

namespace xi {

// The details of one argument: its connections, the memory entry, how XRT computes its group ID, and the host
// code that allocates a matching buffer in Python (pyxrt) and C++.
class ArgumentDetails : public QTextBrowser {
    Q_OBJECT
public:
    explicit ArgumentDetails(QWidget* parent = nullptr);

    // streamText: what the instruction stream next to the file does with this buffer ("NPU reads 8192 bytes").
    void showArgument(const Xclbin& xclbin, const KernelGroups& kernel, const ArgumentGroup& arg, SlotMode mode,
                      const QString& streamText = {});
    void clearArgument();

    static QString html(const Xclbin& xclbin, const KernelGroups& kernel, const ArgumentGroup& arg, SlotMode mode,
                        const QString& streamText = {});
    // The line that allocates a matching BO (a comment for a scalar), e.g.
    // `bo0 = xrt.bo(device, bo0_size, xrt.bo.flags.host_only, kernel.group_id(3))`.
    static QString hostCode(const Xclbin& xclbin, const KernelGroups& kernel, const ArgumentGroup& arg,
                            HostLanguage language);
    static QString callLine(const Xclbin& xclbin, const KernelGroups& kernel, HostLanguage language);
};

} // namespace xi
