// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/xclbindiff.h"

#include <QColor>
#include <QPalette>

namespace xi {

// Colours for what changed between two files. They are not the verdict colours (green, grey, amber, red, blue):
// in a comparison a colour says "changed", never "valid" or "invalid".
class ChangeStyle {
public:
    static QColor background(DiffRecord::Change change, const QPalette& palette = {});
    static QString name(DiffRecord::Change change); // "added (teal)", ...
};

} // namespace xi
