// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionmetrics.h"
#include "attention/runscope.h"
#include "attention/successchecklist.h"
#include "attention/testvectors.h"
#include "util/attentionmatrix.h"
#include "util/canceltoken.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace xi {

struct AttentionTimings {
    double writeMs = 0; // input buffers written and synced
    double runMs = 0; // kernel start to completion
    double readMs = 0; // output synced and read
    double totalMs = 0;

    QJsonObject toJson() const;
    static AttentionTimings fromJson(const QJsonObject& o);
};

// The result of one attention run on one backend: inputs, output, references, metrics, checklist.
class AttentionRun {
public:
    QString backend; // "cpu", "emulated", "xrt" (always shown with the result)
    QString backendDescription; // one sentence: what actually computed the output
    QString state; // "COMPLETED", "ERROR", "NO_DEVICE", ... ; empty = did not run
    QString error; // why the run failed and what to do
    QString errorDetail; // XRT's own words for it, when it said something
    QString xclbinPath;
    QString kernelName;
    QString instructionFile;
    QString call; // the binding in quick form, "3, instr:1, ninstr, bo:3, bo:4"
    QDateTime started;
    AttentionTimings timings;

    TestVectors vectors;
    std::optional<MatrixI8> output; // nullopt = nothing read back
    MatrixF reference; // float softmax(Q K^T / sqrt(dim)) V
    MatrixF weights; // float attention weights
    AttentionMetrics metrics;
    QList<ChecklistItem> checklist;
    QStringList xrtMessages; // "WARNING: ..." as XRT wrote them
    QStringList notes; // what the runner or the emulation reported besides XRT
    RunScope scope; // what this run exercised and what it did not

    bool hasOutput() const { return output.has_value(); }
    MatrixF outputFloat() const;
    MatrixF difference() const; // output - reference (empty without output)
    // Fills reference, weights and metrics from vectors and output.
    // The float reference, weights and metrics; false (nothing kept) when the token was cancelled midway.
    bool computeReferences(const CancelToken& token = {});
    void evaluateChecklist(const std::optional<KernelGroups>& groups,
                           double threshold = SuccessChecklist::DefaultThreshold);
    // Completed, no checklist item failed, and an output was read where the output is judged.
    bool succeeded() const;
    // One sentence: what the result means ("every check passed", "binding check only: no kernel runs", ...).
    QString verdict() const;

    // With matrices: q, k, v, output, reference as nested arrays (for reports from saved runs).
    QJsonObject toJson(bool withMatrices = false) const;
    static std::optional<AttentionRun> fromJson(const QJsonObject& o, QString* error = nullptr);
};

} // namespace xi
