// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <exception>

namespace xi {

// A problem with aiecc's JSON inputs (or an in-memory design) found while building an xclbin:
// which file, where in it (line and column for syntax, the JSON path for content), and what was expected.
struct AieccInputError {
    enum class Kind {
        CannotOpen,
        BadJson,
        MissingKey,
        BadValue,
        UnknownMemoryType,
        UnknownMemoryTag,
        PdiMissing,
        Inconsistent,
        CannotWrite,
    };
    Kind kind = Kind::BadValue;
    QString file; // empty for in-memory designs
    QString jsonPath; // "ps-kernels.kernels[0].arguments[1].address-qualifier"
    int line = -1; // 1-based, syntax errors only
    int column = -1;
    QString expected; // what was expected (and what was found), without the word "expected"

    QString kindName() const; // "missing-key"
    // "main_kernels.json: at ps-kernels.kernels[0].name: expected a member \"name\" (the kernel name) [missing-key]"
    QString message() const;
};

class AieccInputException : public std::exception {
public:
    explicit AieccInputException(AieccInputError error);
    const AieccInputError& error() const { return m_error; }
    const char* what() const noexcept override;

private:
    AieccInputError m_error;
    QByteArray m_what;
};

} // namespace xi
