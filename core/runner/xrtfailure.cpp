// SPDX-License-Identifier: GPL-3.0-or-later
#include "runner/xrtfailure.h"

namespace xi {

namespace {

bool says(const QString& raw, const char* text)
{
    return raw.contains(QLatin1String(text), Qt::CaseInsensitive);
}

// The action each stage attempts, for the sentence that names it.
QString attempted(const QString& stage)
{
    if (stage == QLatin1String("device"))
        return QStringLiteral("open an XRT device");
    if (stage == QLatin1String("xclbin"))
        return QStringLiteral("load the xclbin");
    if (stage == QLatin1String("kernel"))
        return QStringLiteral("open the kernel");
    if (stage == QLatin1String("buffers"))
        return QStringLiteral("allocate or fill a buffer");
    if (stage == QLatin1String("arguments"))
        return QStringLiteral("take the arguments");
    if (stage == QLatin1String("read"))
        return QStringLiteral("read the outputs back");
    return QStringLiteral("run the kernel");
}

} // namespace

QString XrtFailure::explain(const QString& stage, const QString& subject, const QString& raw)
{
    const QString who = subject.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(subject);
    if (says(raw, "_M_range_check") || says(raw, "out_of_range") || says(raw, "out of range")) {
        return QStringLiteral("XRT looked up a buffer's memory bank%1 in the xclbin's memory table and found no such "
                              "bank: a BO was allocated with the group ID of an argument that has no memory (a "
                              "scalar), or passed where no memory is connected. Allocate each BO with "
                              "kernel.group_id(i) of the buffer argument it is passed at, and pass only values at "
                              "scalar arguments.")
            .arg(who);
    }
    if (stage == QLatin1String("device")) {
        return QStringLiteral("XRT found no device%1. Without an NPU, run on the emulated or xrt-noop backend; with "
                              "one, check that the amdxdna driver is loaded and that XRT can see it (xrt-smi "
                              "examine).")
            .arg(who);
    }
    if (stage == QLatin1String("xclbin") && (says(raw, "Operation not supported") || says(raw, "not supported"))) {
        return QStringLiteral("XRT could not load the xclbin%1 with load_xclbin: an NPU file loads through "
                              "register_xclbin and a hw_context (XRT 2.14 or later). Debian's XRT 2.13 cannot drive "
                              "an NPU: use the emulated or xrt-noop backend.")
            .arg(who);
    }
    if (stage == QLatin1String("kernel")) {
        return QStringLiteral("XRT could not open the kernel%1: the name must be one of the file's kernels (the "
                              "Summary lists them), and its compute unit must be in the file's IP layout.")
            .arg(who);
    }
    if (says(raw, "Invalid argument") || says(raw, "EINVAL")) {
        return QStringLiteral("XRT refused an argument%1: a buffer argument with no memory connection, or a BO "
                              "where the kernel takes a value. Compare the call with the argument verdicts in the "
                              "Binding view.")
            .arg(who);
    }
    if (says(raw, "bad_alloc") || says(raw, "Cannot allocate memory") || says(raw, "No space")) {
        return QStringLiteral("XRT could not allocate a buffer%1: the memory of its group is exhausted or the size "
                              "is wrong. Check the buffer sizes in the call.")
            .arg(who);
    }
    if (says(raw, "timeout") || says(raw, "timed out")) {
        return QStringLiteral("The run did not finish in time%1: the kernel hung or waits for data that never "
                              "comes. Check the instruction stream (the Instructions view names the op it stopped "
                              "at, when XRT says).")
            .arg(who);
    }
    return QStringLiteral("XRT could not %1%2; its own message is in the details.").arg(attempted(stage), who);
}

} // namespace xi
