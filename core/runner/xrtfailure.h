// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace xi {

// What an exception XRT threw means for the user: what went wrong and what to do, in one or two sentences. XRT's
// own text (often a raw `vector::_M_range_check: __n (which is 16777215) ...`) stays beside it as the detail.
class XrtFailure {
public:
    // stage: "device", "xclbin", "kernel", "buffers", "arguments", "run", "read", "emulate"; subject: what was
    // being done ("loading /x/a.xclbin", "argument 3"); raw: the exception's what().
    static QString explain(const QString& stage, const QString& subject, const QString& raw);
};

} // namespace xi
