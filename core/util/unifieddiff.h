// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace xi {

// A line-based unified diff (the `diff -u` format) of two texts, for showing a rewrite before it is written.
class UnifiedDiff {
public:
    // Empty when the texts are equal. Lines are split at '\n'; `context` unchanged lines around each change.
    static QString text(const QString& before, const QString& after, const QString& beforeName,
                        const QString& afterName, int context = 3);
};

} // namespace xi
