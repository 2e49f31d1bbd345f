// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace xi::cli {

// The manual page of xclbin-inspector-cli in troff (man macros), made from the commands' own summaries and usage
// texts, so that it lists exactly what the program accepts. `xclbin-inspector-cli --man` prints it; the build
// installs it as share/man/man1/xclbin-inspector-cli.1.gz.
class ManPage {
public:
    static QString troff(const QString& version);
    // Text made safe for troff: backslashes, leading dots and quotes, hyphens in options.
    static QString escape(const QString& text);
};

} // namespace xi::cli
