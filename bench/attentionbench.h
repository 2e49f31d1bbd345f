// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

namespace xi {

struct AttentionBenchEntry {
    QString name; // "float attention batch (x86-64-v4)"
    int heads = 1;
    int seq = 0;
    int dim = 0;
    double ms = 0; // median
    int repeats = 0;
    QString note;
    double bestMs = 0; // the fastest repeat: the figure least disturbed by other work on the machine
    double cpuMs = 0; // median CPU time of the process per repeat, all threads: what the work cost when it ran
    double flops = 0; // 0: the attention count 4 * heads * seq^2 * dim
    int threads = 1;

    double flopCount() const;
    double gflops() const; // flopCount() / median time
    double bestGflops() const;
    double gflopsPerCore() const; // flopCount() / CPU time: unaffected by other processes taking the cores
    // {"name", "shape": [heads, seq, dim], "ms", "best_ms", "cpu_ms", "repeats", "gflops", "best_gflops",
    //  "gflops_per_core", "threads"}
    QJsonObject toJson() const;
};

struct AttentionBenchOptions {
    int repeats = 0; // 0 = 50 for 64x64, 5 for the Whisper shape
    bool kernelModelLarge = true; // the int8 kernel at the Whisper shape (scalar C, seconds)
    bool numpy = false; // also run scripts/bench-attention-numpy.py with /usr/bin/python3
    QString numpyScript; // empty = found near the executable or the source tree
    QString python = QStringLiteral("/usr/bin/python3");
    int threads = 2; // of the float attention batch and of the FMA peak beside it
};

// `bench attention`: the float reference, the float batch and our int8 kernel model at 64x64 and at
// Whisper-base shape (8 heads, sequence 1500, head dimension 64), numpy beside them when asked, and this CPU's
// measured float peak (fused multiply-adds on independent registers, widest vectors the CPU has) on the batch's
// threads, so that the batch's distance from the peak is measured in the same run.
class AttentionBench {
public:
    // The FMA peak: median over `repeats` of `threads` threads each running an FMA-only loop.
    static AttentionBenchEntry measurePeak(int threads, int repeats = 7);
    static QList<AttentionBenchEntry> run(const AttentionBenchOptions& options, QString* error = nullptr);
    // numpy's timings from the script's --json output; empty with *error set when it cannot run.
    static QList<AttentionBenchEntry> runNumpy(const AttentionBenchOptions& options, QString* error);
    static QString findNumpyScript();
    static QJsonArray toJson(const QList<AttentionBenchEntry>& entries);
    // A text table, with "x faster than numpy" where numpy has the same shape and "x from peak" for the batch.
    static QString table(const QList<AttentionBenchEntry>& entries);
};

} // namespace xi
