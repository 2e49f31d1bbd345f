// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/severity.h"

#include <QJsonObject>
#include <QString>

namespace xi {

// One verdict about an instruction stream, from NpuStreamChecker (its header lists the codes).
struct NpuFinding {
    QString code; // "output-not-waited", ...
    Severity severity = Severity::Info;
    qint64 xrtArgument = -1; // -1 when the finding is about no one argument
    int opIndex = -1; // -1 when no one op is to blame
    QString message; // one sentence: what was expected, what was found

    QJsonObject toJson() const; // {"code", "severity", "xrt_argument", "op_index", "message"}
    QString toText() const; // "error unpatched-bd (op 5, XRT 3): ..."
};

} // namespace xi
