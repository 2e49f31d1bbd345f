// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindingplan.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace xi {

// Where a run happens.
enum class RunBackend {
    XrtNoop, // Debian XRT's no-hardware device: XRT's real argument checks, zero-filled BOs, no kernel runs
    Xrt, // whatever device XRT finds with the caller's environment
    Emulated, // the noop device, then a host-compiled kernel (EmulatedKernel) on the BO contents
};
QString runBackendName(RunBackend b); // "xrt-noop", "xrt", "emulated"
bool parseRunBackend(const QString& text, RunBackend* out);

// One run of a binding plan through XRT: what a runner child process receives as JSON.
struct RunRequest {
    static constexpr int DefaultTimeoutMs = 60000;
    static constexpr quint64 DefaultBoSize = 4096; // for a BO whose size the plan does not know

    QString xclbinPath;
    QString kernelName; // empty = plan.kernelName, else the xclbin's first kernel
    RunBackend backend = RunBackend::XrtNoop;
    BindingPlan plan; // what is passed at each XRT argument index
    // Bytes written into the BO at an argument index; overrides the BO's inputFile.
    QMap<int, QByteArray> inputData;
    QString emulatedKernel; // EmulatedKernel::name(), for RunBackend::Emulated
    int timeoutMs = DefaultTimeoutMs; // for the whole child process; <= 0 = none

    QJsonObject toJson() const;
    static std::optional<RunRequest> fromJson(const QJsonObject& o, QString* error = nullptr);
    static std::optional<RunRequest> fromJsonBytes(const QByteArray& json, QString* error = nullptr);
};

} // namespace xi
