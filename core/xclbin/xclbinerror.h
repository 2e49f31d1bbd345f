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
    // What the reader expected at that offset and what it found ("the magic ..., found ..."); for CannotOpen the
    // reason ("permission denied").
    QString expected;

    QString kindName() const; // "bad-magic", for machines
    // One sentence: "cannot open a.xclbin: permission denied", "f.xclbin at offset 0x130 (304): expected the
    // header length to equal the file size (3000 bytes), found 9689: the copy was cut short".
    QString message() const;
    // A system error text as the end of a sentence: "Permission denied" -> "permission denied".
    static QString systemReason(const QString& text);
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
