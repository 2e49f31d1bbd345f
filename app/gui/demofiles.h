// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace xi {

// The bundled demo xclbins (one with a correct layout, one deliberately wrong) made at build time.
class DemoFiles {
public:
    // The folder: XI_DEMO_DIR from the environment, then the build's compile definition, then the installed
    // share/xclbin-inspector/demo; empty when none exists.
    static QString directory();
    // Existing demo files, the good one first.
    static QStringList files();
};

} // namespace xi
