// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instructions/npufinding.h"
#include "instructions/npustream.h"

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

namespace xi {

// What is known about the xclbin and the host call a stream is checked against. Every part is optional:
// an unknown part skips the checks that need it.
struct NpuStreamContext {
    enum class ArgumentKind { Absent, Scalar, Buffer };

    QList<ArgumentKind> argumentKinds; // the kernel's arguments by XRT index; empty = unknown
    int partitionColumns = 0; // AIE_PARTITION column width; 0 = unknown
    QString deviceName; // "npu1", "npu2", "Phoenix", "Strix", ...; empty = unknown
    int deviceGeneration = 0; // 3 npu1, 4 npu2; 0 = from deviceName, or unknown
    QMap<qint64, quint64> hostBufferSizes; // bytes by XRT index; an index not listed is unknown
    std::optional<QSet<qint64>> hostBufferIndices; // XRT indices the host passes a buffer at; nullopt = unknown
    std::optional<qint64> ninstr; // the host's ninstr argument; nullopt = unknown

    // 3 for npu1 names (npu1*, Phoenix, Hawk Point), 4 for npu2 names (npu2*, npu4-6, Strix, Krackan), else 0.
    static int generationFromDeviceName(const QString& name);
    int effectiveGeneration() const
    {
        return deviceGeneration > 0 ? deviceGeneration : generationFromDeviceName(deviceName);
    }
};

// Checks a decoded stream against its context. Finding codes:
//   patched-scalar       error    a patched argument is a scalar in the xclbin
//   patched-absent       error    a patched argument is beyond (or missing from) the kernel's arguments
//   argument-not-passed  error    the stream reads or writes an argument the host passes no buffer for
//   buffer-too-small     error    a host buffer is smaller than the highest byte the stream touches in it
//   output-not-waited    error    an S2MM (output) push has no later sync on its column and channel
//   unpatched-bd         error    a push starts a BD whose current address write got no DDR patch
//   sync-without-token   error    a shim SYNC finds no earlier token-issuing push left to consume: it never returns
//   device-mismatch      error    header device generation differs from the xclbin's device (warning for
//                                 generation 3 in a TXN v1.0 stream with an npu2 xclbin: mlir-aie wrote 3 then)
//   column-mismatch      error    header column count differs from the partition width, or a transfer or sync
//                                 uses a column at or beyond it
//   ninstr-mismatch      error    the host's ninstr is not the word count (warning when it is the byte count of a
//                                 TXN stream: the header carries its own size)
//   not-decodable        info     ELF, control packets or unknown content: recognised, not checked
// A correct stream with a matching context gives no finding.
class NpuStreamChecker {
public:
    static QList<NpuFinding> check(const NpuStream& stream, const NpuStreamContext& context = {});
};

} // namespace xi
