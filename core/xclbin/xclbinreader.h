// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbin.h"
#include "xclbin/xclbinerror.h"

#include <optional>

namespace xi {

struct XclbinLoadResult {
    XclbinPtr xclbin;
    std::optional<XclbinError> error;
    bool ok() const { return xclbin != nullptr; }
};

// Reads an .xclbin: header, section table and the decoded sections, nothing else
// (a 1 GB BITSTREAM is never read). Every malformed input ends in an XclbinError.
class XclbinReader {
public:
    // Throws XclbinException.
    static XclbinPtr read(const QString& path);
    // Never throws.
    static XclbinLoadResult load(const QString& path) noexcept;
};

} // namespace xi
