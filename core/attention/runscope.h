// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace xi {

// What one run exercised and what it did not, so that a result, its checklist and a report never claim more
// than happened: the noop device runs no kernel; the emulated kernel is our attention kernel, not the file's.
struct RunScope {
    QStringList exercised; // sentences: "XRT 2.13's argument check on its noop device", ...
    QStringList notExercised; // sentences: "the NPU: no device ran the design", ...

    // False when the output says nothing about the design: the noop device (no kernel runs), or an emulated run
    // of an xclbin and stream that are not our attention design (only XRT's binding check was emulated).
    bool outputJudged = true;
    QString outputNotJudged; // why, when not judged

    // The instruction stream the call passes at XRT argument 1 (backends that make a call; not cpu).
    bool usesInstructions = false;
    QString instructionFile; // empty = none
    QString instructionNote; // where it came from, or what is missing / could not be read
    QString instructionFormat; // "txn-0.1", "legacy", ...; empty when not decoded
    int instructionWords = 0;
    std::optional<qint64> ninstr; // what the call passes as the instruction count; nullopt = not known
    bool hasNinstrArgument = false; // the kernel has an `ninstr` argument (mlir-aie conventions)
    QString design; // whether the stream is our attention design, and the evidence

    QJsonObject toJson() const;
    static RunScope fromJson(const QJsonObject& o);
};

} // namespace xi
