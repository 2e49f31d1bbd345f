// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/fileedit.h"

#include <QString>

namespace xi {

// The design edits of the seed guide's options and of the design fixes, each prepared as a FileEdit on a copy.
// They change text line by line and keep everything else byte for byte.
class DesignEdits {
public:
    // Reads the file and runs one of the edits below on its text; a FileEdit with the error when it cannot be read.
    static FileEdit fromFile(const QString& path, FileEdit (*edit)(const QString& path, const QString& text));

    // Option 1: `sym_name` on every aie.buffer without one, named after its SSA value (unique). Suggested copy:
    // <base>_symnames.mlir. sym_name names a buffer; it does not change XRT group IDs.
    static FileEdit addSymNames(const QString& path, const QString& text);
    // Option 2: the 32x32 variant of a 64x64 single-tile design: host buffer sizes (k x 4096 -> k x 1024 bytes),
    // "64x64" names, the softmax's sqrt(64), and a note on what the guide expected. Suggested copy: the name with
    // 64x64 replaced by 32x32.
    static FileEdit derive32x32(const QString& path, const QString& text);
    // The guide's "place ALL buffers on the shim tile": every aie.buffer moved to the first shim tile. It cannot
    // work (shim tiles have no data memory); the workflow shows it only with the findings it causes.
    static FileEdit moveBuffersToShim(const QString& path, const QString& text);
    // The corrected design for buffers on a shim tile: each moved to the design's first compute tile.
    static FileEdit moveShimBuffersToCompute(const QString& path, const QString& text);
    // The corrected aiecc input for an xclbin defect: every GLOBAL argument of main_kernels.json connected as aiecc
    // connects it (instr to SRAM, the others to HOST), a missing "memory-connection" added.
    static FileEdit restoreConnectivity(const QString& path, const QString& text);
};

} // namespace xi
