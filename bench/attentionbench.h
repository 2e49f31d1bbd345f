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

    double gflops() const; // 4 * heads * seq^2 * dim / time
    QJsonObject toJson() const; // {"name", "shape": [heads, seq, dim], "ms", "repeats", "gflops"}
};

struct AttentionBenchOptions {
    int repeats = 0; // 0 = 50 for 64x64, 5 for the Whisper shape
    bool kernelModelLarge = true; // the int8 kernel at the Whisper shape (scalar C, seconds)
    bool numpy = false; // also run scripts/bench-attention-numpy.py with /usr/bin/python3
    QString numpyScript; // empty = found near the executable or the source tree
    QString python = QStringLiteral("/usr/bin/python3");
};

// `bench attention`: the float reference, the float batch and our int8 kernel model at 64x64 and at
// Whisper-base shape (8 heads, sequence 1500, head dimension 64), numpy beside them when asked.
class AttentionBench {
public:
    static QList<AttentionBenchEntry> run(const AttentionBenchOptions& options, QString* error = nullptr);
    // numpy's timings from the script's --json output; empty with *error set when it cannot run.
    static QList<AttentionBenchEntry> runNumpy(const AttentionBenchOptions& options, QString* error);
    static QString findNumpyScript();
    static QJsonArray toJson(const QList<AttentionBenchEntry>& entries);
    // A text table, with "x faster than numpy" where numpy has the same shape.
    static QString table(const QList<AttentionBenchEntry>& entries);
};

} // namespace xi
