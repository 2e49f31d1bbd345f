// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QString>

namespace xi {

// Light and dark palettes for the whole application; views re-colour on the palette change event.
class Theme {
public:
    enum Kind { System, Light, Dark };

    static QPalette palette(Kind kind);
    static void apply(Kind kind);
    static QString name(Kind kind); // "system", "light", "dark"
    static Kind fromName(const QString& name);
};

} // namespace xi
