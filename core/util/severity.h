// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace xi {

// How much a finding matters on the NPU: an error breaks the run, a warning may, info does not.
enum class Severity { Error, Warning, Info };

inline QString severityName(Severity s)
{
    switch (s) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("info");
    }
    return {};
}

} // namespace xi
