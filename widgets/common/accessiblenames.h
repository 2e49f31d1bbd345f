// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace xi {

// Gives every control under `root` that has no accessible name one: the start of its tooltip (up to the first
// colon, semicolon or parenthesis), or for a tab's page its tab's label, so that a screen reader names each control
// the way the eye reads it. Names set on purpose are kept.
class AccessibleNames {
public:
    static void fromToolTips(QWidget* root);
};

} // namespace xi
