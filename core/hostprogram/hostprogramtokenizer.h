// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/correctedcall.h" // HostLanguage

#include <QList>
#include <QString>

namespace xi {

// From the file name: .py -> Python, .cpp/.cc/.cxx/.c/.h/.hpp -> C++; false when unknown.

struct HostToken {
    enum class Kind { Identifier, Number, String, Operator, Comment, Preprocessor, Newline, Error, End };

    Kind kind = Kind::End;
    QString text; // as written (strings keep their quotes and prefix)
    int line = 0; // 1-based
    int column = 0; // 1-based
    int depth = 0; // bracket nesting depth before the token

    bool is(Kind k, const char* t) const { return kind == k && text == QLatin1String(t); }
    bool isOp(const char* t) const { return is(Kind::Operator, t); }
    bool isIdent(const char* t) const { return is(Kind::Identifier, t); }
    // The string's contents without prefix and quotes, escapes resolved (simple ones only).
    QString stringValue() const;
    // Integer value of a Number (decimal, hex 0x, octal 0o, binary 0b, with _ or ' separators and
    // C++ suffixes u/l/ul/ll); false for floats.
    bool integerValue(qint64* out) const;
};
QString hostTokenKindName(HostToken::Kind k);

// Tokenizer for the subset of Python and C++ that host test programs use. Newline tokens are emitted only
// for Python logical line ends (not inside brackets, not after a backslash); comments are kept as tokens.
// Never fails: anything it cannot read becomes an Error token naming the problem, and reading goes on.
class HostProgramTokenizer {
public:
    static QList<HostToken> tokenize(const QString& source, HostLanguage language);
};

} // namespace xi
