// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instructions/npufinding.h"
#include "xclbin/xclbin.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace xi {

// What one XRT argument's buffer sees from the instruction stream.
struct StreamMove {
    qint64 xrtArgument = -1;
    QString name; // the kernel's argument name, empty when the kernel has none at that index
    bool read = false; // the NPU reads the buffer (MM2S)
    bool written = false; // the NPU writes it (S2MM)
    quint64 bytes = 0; // the highest byte touched: the buffer must be at least this large

    // "NPU reads 8192 bytes", "NPU writes 4096 bytes", "NPU reads and writes 64 bytes"
    QString text() const;
};

// The instruction stream lying next to an xclbin, read and checked against the kernel that runs it: its format,
// what it moves per XRT argument, and the checker's findings. One implementation for the summary, the Arguments
// table and the CLI.
struct StreamSummary {
    QString path; // as found
    QString error; // why it could not be read or decoded; empty when it was
    QString format; // "txn-0.1", "legacy", ...
    QString recognisedAs; // for a format that is recognised, not decoded
    qint64 words = 0;
    QString kernelName; // the kernel it was checked against
    QList<StreamMove> moves; // by XRT argument
    QList<NpuFinding> findings;

    bool readable() const { return error.isEmpty(); }
    const StreamMove* move(qint64 xrtArgument) const;
    // "attention.insts.bin (txn-0.1, 312 words): NPU reads 12288 bytes of bo0 (argument 3), writes 4096 bytes to bo1
    // (argument 4)."
    QString sentence() const;
    // {"path", "error", "format", "words", "kernel", "moves": [{"xrt_argument", "name", "read", "written", "bytes"}],
    //  "findings"}
    QJsonObject toJson() const;

    // The stream next to the xclbin (InstructionFileLocator::findNextTo), checked against `kernel` (may be null);
    // nullopt when there is none.
    static std::optional<StreamSummary> nextTo(const Xclbin& xclbin, const Kernel* kernel);
    static StreamSummary read(const QString& path, const Xclbin& xclbin, const Kernel* kernel);
};

} // namespace xi
