// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instructions/npustream.h"
#include "instructions/npustreamerror.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace xi {

// Reads an instruction stream by content, never by name: binary little-endian words or hex text (one word per
// line, optional 0x, blank lines and CR tolerated); then TXN v0.1 / v1.0 and legacy sequences are decoded, ELF
// and control packets recognised and named, anything else called unknown.
class NpuStreamReader {
public:
    // Larger inputs are refused before anything is read or allocated. Real streams are kilobytes; the decoded
    // model takes at most about 12 bytes per input byte (a 12-byte push becomes a transfer record).
    static constexpr qint64 maxInputBytes = 16 * 1024 * 1024;

    static std::optional<NpuStream> load(const QString& path, NpuStreamError* error = nullptr);
    static std::optional<NpuStream> read(const QByteArray& bytes, const QString& path = {},
                                         NpuStreamError* error = nullptr);
    // The format of a word stream from its content (the TXN version in word 0, the legacy prolog length, a
    // clean walk of control packets).
    static NpuFormat sniff(const QList<quint32>& words);
    // Packets in a stream that walks exactly as mlir-aie control packets (parity, header bits, lengths), else 0.
    static int controlPacketCount(const QList<quint32>& words);
};

} // namespace xi
