// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/xclbindiff.h"
#include "workflow/instructionstreamcompare.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace xi {

// A build against the previous one: what changed in the xclbin (arguments, group IDs, sections; the UUID and
// timestamp every rebuild changes are left out) and in the instruction stream.
struct BuildComparison {
    QString beforeXclbin;
    QString afterXclbin;
    QString error; // an xclbin could not be read
    QList<DiffRecord> xclbin;
    QList<InstructionStreamRow> instructions;

    int argumentChanges() const; // changes of kernels, arguments and group IDs
    bool sameGroupIds() const;
    QString summary() const; // one sentence
    QJsonObject toJson() const;

    static BuildComparison compare(const QString& beforeXclbin, const QString& beforeInstructions,
                                   const QString& afterXclbin, const QString& afterInstructions);
};

} // namespace xi
