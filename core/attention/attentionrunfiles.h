// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionrun.h"

#include <QString>
#include <QStringList>

namespace xi {

// Exports one run into a folder: run.json (with matrices), q/k/v/output/reference/weights/difference
// as .npy, and PNG heatmaps of the same. Existing files are kept as <name>.bak.
class AttentionRunFiles {
public:
    static bool write(const AttentionRun& run, const QString& dir, QStringList* written, QString* error);
    // The matrices a run shows, by file stem, in display order ("q", "k", "v", "weights", "output", ...).
    static QList<QPair<QString, MatrixF>> matrices(const AttentionRun& run);
};

} // namespace xi
