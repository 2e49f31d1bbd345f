// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/argumentgroups.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

namespace xi {

enum class Severity; // bindingchecker.h

// Colours and icons for the verdicts. Colour is never the only cue: every verdict has its own icon shape
// (check, dash, triangle, cross, question mark) so colour-blind users can tell them apart.
class VerdictStyle {
public:
    static bool isDark(const QPalette& palette);
    // Row background: a soft tint readable with the palette's text colour.
    static QColor background(Verdict verdict, const QPalette& palette = {});
    // Strong colour for icons, diagram outlines and lines.
    static QColor accent(Verdict verdict, const QPalette& palette = {});
    static QIcon icon(Verdict verdict);
    static QString label(Verdict verdict); // "Valid", "Scalar", ...
    // The verdict whose colour and icon a binding finding of this severity wears (info: valid).
    static Verdict forSeverity(Severity severity);
};

} // namespace xi
