// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace xi {

// Why an instruction stream could not be read or decoded, and where: a typed value, never an exception.
struct NpuStreamError {
    enum class Code {
        CannotOpen, // the file cannot be opened or read
        Empty, // no bytes, or hex text without a word
        TooLarge, // beyond NpuStreamReader::maxInputBytes, refused before reading
        NotWords, // binary input whose size is not a whole number of 32-bit words
        BadHexText, // a hex-text line that is not one 32-bit word
        TruncatedHeader, // TXN header or legacy prolog cut short
        SizeMismatch, // TXN TxnSize differs from the stream size
        OpCountTooLarge, // TXN NumOps cannot fit in the bytes after the header
        TruncatedOp, // an op runs past the end of the stream
        BadOpSize, // an op's size field is too small or not a multiple of 4
        UnknownOpcode, // an opcode whose size is not certain: decoding stops there
        TrailingBytes, // bytes left after NumOps ops
    };

    Code code = Code::Empty;
    QString path;
    qint64 wordOffset = -1; // -1 when the error is about the whole input
    qint64 line = -1; // hex text: 1-based line of wordOffset, else -1
    QString expected; // "an op size of at least 16 bytes"
    QString found; // "0"

    QString codeName() const; // "truncated-op", ...
    // "insts.bin: at word 12 (byte 48): expected an op size of at least 16 bytes, found 0"
    QString message() const;
};

} // namespace xi
