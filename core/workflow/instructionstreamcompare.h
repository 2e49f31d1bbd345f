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

// Compares the instruction streams of two builds: format, word and byte counts (what ninstr and the instruction
// BO must be) and the TXN header's op count and size. Per-argument byte sizes come from the instruction-stream
// decoder (core/instructions) once it is merged; until then the last row says they are not decoded here.
// A path that cannot be read gives rows that say so.
QList<InstructionStreamRow> compareInstructionStreams(const QString& beforePath, const QString& afterPath);

} // namespace xi
