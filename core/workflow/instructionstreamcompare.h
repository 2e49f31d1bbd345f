// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace xi {

// One row of a build-to-build comparison of two instruction streams.
struct InstructionStreamRow {
    QString aspect; // "words", "bytes", "format", ...
    QString before;
    QString after;
    bool changed = false;
    QString note;
    QJsonObject toJson() const;
};

// Compares the decoded instruction streams of two builds: format, word and byte counts (what ninstr and the
// instruction BO must be), the header's device and columns, op counts, and per XRT argument what the NPU reads or
// writes and the smallest buffer that holds it. A path that cannot be read gives rows that say why.
QList<InstructionStreamRow> compareInstructionStreams(const QString& beforePath, const QString& afterPath);

} // namespace xi
