// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/severity.h"

#include <QJsonObject>
#include <QString>

namespace xi {

// One point of a file's summary: a sentence, how many findings it stands for, and the view that shows them (the
// GUI makes it a link; the CLI names the view).
struct SummaryPoint {
    Severity severity = Severity::Info;
    QString text; // one sentence
    int count = 1; // findings grouped into this point
    QString view; // "arguments", "instructions", "binding", "partition", "overview", "issues"
    QString kernel; // with argument >= 0: the argument to select in that view
    int argument = -1;

    // "xi:arguments", "xi:arguments/MLIR_AIE/4"
    QString link() const;
    // The view, kernel and argument of a link(); false for any other text.
    static bool parseLink(const QString& link, QString* view, QString* kernel, int* argument);
    // {"severity", "text", "count", "view", "kernel", "argument"}
    QJsonObject toJson() const;
};

} // namespace xi
