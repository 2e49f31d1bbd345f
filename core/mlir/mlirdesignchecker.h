// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/argumentgroups.h"
#include "mlir/mlirdesign.h"
#include "util/severity.h"

#include <QList>
#include <QString>

namespace xi {

// What is wrong (or worth knowing) about an mlir-aie design before compiling it: buffers on shim tiles,
// more host buffers than XRT arguments, over-full tile memory, and how the host buffers become XRT arguments.
class MlirDesignChecker {
public:
    struct Finding {
        Severity severity = Severity::Info;
        QString code; // "buffer-on-shim", "too-many-host-buffers", "buffer-too-large", "host-arguments", ...
        int line = 0; // 1-based, 0 when the finding is about the whole design
        QString message;
    };

    // XRT arguments 0-2 are opcode, instructions and instruction count; host buffers are bo0..bo4 = 3..7.
    static constexpr int FirstHostArgument = FirstBoArgument;
    static constexpr int MaxHostBuffers = BoSlots;
    static constexpr qint64 ComputeTileDataBytes = 64 * 1024;
    static constexpr qint64 MemTileDataBytes = 512 * 1024;

    static QList<Finding> check(const MlirDesign& design);
    static int errorCount(const QList<Finding>& findings);

private:
    static void checkBuffers(const MlirDesign& design, QList<Finding>& findings);
    static void checkTileMemory(const MlirDesign& design, QList<Finding>& findings);
    static void checkRuntimeSequence(const MlirDesign& design, QList<Finding>& findings);
};

} // namespace xi
