// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbin.h"

namespace xi {

// Kernels, arguments, instances and extended data from the EMBEDDED_METADATA XML.
class EmbeddedMetadataParser {
public:
    // sectionOffset turns XML positions into file offsets for errors. Throws XclbinException (BadXml).
    static QList<Kernel> parse(const QByteArray& xml, quint64 sectionOffset, const QString& file);
};

} // namespace xi
