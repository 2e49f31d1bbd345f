// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <exception>

namespace xi {

// A typed parse failure: which file, where in it, and what was expected there.
struct XclbinError {
    enum class Kind {
        CannotOpen,
        TooSmall,
        BadMagic,
        LengthMismatch,
        TooManySections,
        SectionOutOfFile,
        ArrayOutOfSection,
        CountOverflow,
        BadXml,
        UnterminatedString,
        BadJson,
        Other,
    };
    Kind kind = Kind::Other;
    QString file;
    qint64 offset = -1; // absolute file offset, -1 when not applicable
    QString expected; // one sentence: what the reader expected at that offset

    QString kindName() const;
    // "file.xclbin: at offset 0x130 (304): expected ... [bad-magic]"
    QString message() const;
};

// Thrown inside parsers and writers; every public API catches it and returns XclbinError.
class XclbinException : public std::exception {
public:
    explicit XclbinException(XclbinError error);
    const XclbinError& error() const { return m_error; }
    const char* what() const noexcept override;

private:
    XclbinError m_error;
    QByteArray m_what;
};

} // namespace xi
