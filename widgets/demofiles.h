// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace xi {

// The bundled demo xclbins (one with a correct layout, one deliberately wrong) made at build time.
class DemoFiles {
public:
    // The folder, from XI_DEMO_DIR (environment, then compile definition); empty when not found.
    static QString directory();
    // Existing demo files, the good one first.
    static QStringList files();
};

} // namespace xi
