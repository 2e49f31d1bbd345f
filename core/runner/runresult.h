// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/xrtlog.h"
#include "runner/runrequest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace xi {

// XRT's ert_cmd_state (ert.h): 4 = COMPLETED.
QString runStateName(int state); // "COMPLETED", "ERROR", ..., "UNKNOWN(n)"; 0 = "NOT_STARTED"

struct DeviceInfo {
    bool found = false;
    QString name; // what XRT reports, empty when it cannot say
    QString message; // XRT's own words: why there is no device, or why it has no name
};

// Microseconds per phase; -1 = the phase was not reached.
struct RunTimings {
    qint64 loadUs = -1; // open the device, load the xclbin, make the kernel
    qint64 writeUs = -1; // allocate BOs, write inputs, sync to the device
    qint64 runUs = -1; // start the run until wait() returns
    qint64 readUs = -1; // sync outputs from the device and read them
};

struct RunOutput {
    int argument = 0; // XRT argument index
    QString name; // the BO's name in the plan
    QByteArray bytes;
};

struct EmulationInfo {
    QString kernel; // EmulatedKernel::name()
    bool ran = false;
    QString message; // why it did not run, or what it reported
};

// Everything a run through XRT produced. Written by the runner child as JSON; the parent adds what only
// it can know (how the process ended, what it printed on stderr).
struct RunResult {
    bool completed = false; // the run reached COMPLETED and nothing failed
    RunBackend backend = RunBackend::XrtNoop;
    QString xrtVersion;
    QString xrtVersionSource; // "runtime log" (XRT's banner), "loaded library" (its file name) or "headers"
    DeviceInfo device;
    QString kernelName;
    QList<qint64> groupIds; // what xrt::kernel::group_id(i) returned, per argument index
    QList<XrtMessage> messages; // every message XRT wrote to its runtime log
    bool messagesCaptured = false; // false when XRT's log could not be captured
    int runState = 0;
    RunTimings timings;
    QList<RunOutput> outputs;
    std::optional<EmulationInfo> emulation;
    QString error; // the first failure: what went wrong and what to do (XrtFailure)
    QString errorDetail; // XRT's own words for it (the exception's what()), empty when XRT said nothing
    // "request", "device", "xclbin", "kernel", "buffers", "arguments" (XRT refused them), "run", "read", "process"
    QString failedStage;
    QStringList notes; // choices the runner made (a default BO size, a scalar passed as 0, ...)

    // Filled by the parent process.
    int exitCode = 0;
    QString processOutcome; // "", or a sentence about a crash, a signal, a timeout or a cancel
    bool timedOut = false;
    bool cancelled = false;
    QString childStderr;

    QString runStateName() const { return xi::runStateName(runState); }
    // Argument indices XRT named in connectivity warnings (it ran the kernel on a clone of those BOs).
    QList<int> clonedArguments() const;
    QStringList messageTexts() const;
    // Whether XRT's argument check (set_arg) was reached, so that its warnings, or their absence, mean something.
    bool argumentsPassed() const;
    const RunOutput* output(int argument) const;

    QJsonObject toJson() const;
    static RunResult fromJson(const QJsonObject& o);
};

} // namespace xi
