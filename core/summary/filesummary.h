// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/argumentgroups.h"
#include "summary/filekind.h"
#include "summary/streamsummary.h"
#include "summary/summarypoint.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace xi {

// How to call one kernel (or several kernels with the same argument list): its convention and the exact call.
struct KernelCall {
    QStringList names;
    bool npu = false;
    Convention convention = Convention::Other;
    QString conventionText; // "opcode convention (mlir-aie since mid-2024)"
    QString python; // "run = kernel(3, instr_bo, n_words, bo0, bo1, bo2, bo3, bo4)"
    QString cpp;
};

// What a user needs to know about a file in the first minute: the verdict in one line, what the file is, how to call
// its kernels, what the instruction stream next to it moves, counts per verdict, and each point with the view that
// shows it. Made by FileSummarizer; shown by the GUI's Summary view and at the head of the CLI's info and groups.
struct FileSummary {
    QString fileName;
    FileKind::Kind kind = FileKind::NoKernels;
    QString kindText; // one sentence
    Severity level = Severity::Info; // the worst point: Info when nothing is wrong
    QString headline; // the verdict in one line
    QString headlineView; // the view that shows it
    QString headlineKernel; // and the argument to select there, if any
    int headlineArgument = -1;
    QList<KernelCall> kernels; // NPU kernels first
    std::optional<StreamSummary> stream;
    QString streamNote; // when there is no stream: why that matters, or empty for a file that needs none
    std::array<int, VerdictCount> counts {};
    int argumentCount = 0;
    QList<SummaryPoint> points; // worst first; repeated findings grouped

    int count(Verdict verdict) const { return counts[size_t(verdict)]; }
    // "4 valid, 2 scalar, 1 warning, 2 invalid" (and "3 not judged" when there are any)
    QString countsText() const;
    // The summary as indented text, the head of `info` and `groups` (ends with a blank line).
    QString toText() const;
    // {"file", "kind", "kind_text", "level", "headline", "headline_view", "kernels", "instructions", "counts"
    //  ({"valid", "scalar", "warning", "invalid", "not_judged"}), "points"}
    QJsonObject toJson() const;
};

} // namespace xi
