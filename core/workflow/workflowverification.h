// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionbackend.h"
#include "attention/attentionrun.h"
#include "binding/bindingchecker.h"
#include "groups/argumentgroups.h"
#include "util/canceltoken.h"
#include "xclbin/xclbin.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace xi {

// What the verification of a build exercises: the call checked and run, and where.
struct CheckOptions {
    QString call; // quick form; empty = AttentionBackend::defaultCall(seq, dim)
    AttentionBackendKind backend = AttentionBackendKind::Emulated;
    int seq = 64;
    int dim = 64;
    quint32 seed = 1;
    QString cliPath; // the runner child; empty = next to this executable
    bool run = true; // false: group IDs and binding only
};

// One build as the verification saw it: reloaded, its group IDs, the binding of the call, the vectors' run.
struct BuildCheck {
    QString xclbinPath;
    QString instructionsPath;
    QString call;
    QString error; // the xclbin could not be read (the reader's message)
    XclbinPtr xclbin;
    std::optional<KernelGroups> groups; // the checked kernel, first hardware context
    std::optional<BindingReport> binding;
    std::optional<AttentionRun> run;
    QStringList exercised; // what was done: "reloaded", "group IDs", "binding", "run on emulated"
    QStringList notExercised; // and what was not, with why

    QJsonObject toJson() const;
};

// One before/after row of a verification.
struct VerificationRow {
    QString aspect;
    QString before;
    QString after;
    QString verdict; // "same", "changed", "fixed", "worse", "unknown", "reloaded" (the xclbin row)
    QJsonObject toJson() const;
};

// The same verification ends every fix workflow: reload, group IDs, binding, run the vectors, before/after.
class WorkflowVerification {
public:
    // Blocks (a worker thread, the CLI, tests). The instruction file may be empty (then found next to the xclbin).
    static BuildCheck check(const QString& xclbinPath, const QString& instructionsPath, const CheckOptions& options,
                            const CancelToken& token = {});
    static QList<VerificationRow> compare(const BuildCheck& before, const BuildCheck& after);
    // Every argument's group ID (first hardware context) equal in both builds; false when either is unknown.
    static bool sameGroupIds(const BuildCheck& before, const BuildCheck& after);
};

} // namespace xi
