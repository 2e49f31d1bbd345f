// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostprogram/hostprogramtokenizer.h"

namespace xi {

namespace {

const char* const threeCharOps[] = { "<<=", ">>=", "**=", "//=", "...", "->*" };
const char* const twoCharOps[] = { "::", "->", "//", "**", "<<", ">>", "==", "!=", "<=", ">=", "&&", "||",
                                   "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=" };

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

class Lexer {
public:
    Lexer(const QString& src, HostLanguage lang)
        : m_src(src)
        , m_lang(lang)
    {
    }

    QList<HostToken> run()
    {
        while (m_pos < m_src.size())
            step();
        if (m_lang == HostLanguage::Python && !m_tokens.isEmpty() && m_tokens.last().kind != HostToken::Kind::Newline)
            push(HostToken::Kind::Newline, QStringLiteral("\n"), m_line, col());
        push(HostToken::Kind::End, QString(), m_line, col());
        return m_tokens;
    }

private:
    QChar at(qsizetype i) const { return i < m_src.size() ? m_src.at(i) : QChar(); }
    int col() const { return int(m_pos - m_lineStart) + 1; }

    void push(HostToken::Kind kind, const QString& text, int line, int column)
    {
        HostToken t;
        t.kind = kind;
        t.text = text;
        t.line = line;
        t.column = column;
        t.depth = m_depth;
        m_tokens << t;
    }

    void newline()
    {
        ++m_line;
        m_lineStart = m_pos;
    }

    void step()
    {
        const QChar c = at(m_pos);
        if (c == QLatin1Char('\n')) {
            ++m_pos;
            if (m_lang == HostLanguage::Python && m_depth == 0 && !m_tokens.isEmpty()
                && m_tokens.last().kind != HostToken::Kind::Newline)
                push(HostToken::Kind::Newline, QStringLiteral("\n"), m_line, col());
            newline();
        } else if (c.isSpace()) {
            ++m_pos;
        } else if (c == QLatin1Char('\\') && at(m_pos + 1) == QLatin1Char('\n')) {
            m_pos += 2;
            newline();
        } else if (m_lang == HostLanguage::Python && c == QLatin1Char('#')) {
            readToLineEnd(HostToken::Kind::Comment);
        } else if (m_lang == HostLanguage::Cpp && c == QLatin1Char('#') && atLineStart()) {
            readToLineEnd(HostToken::Kind::Preprocessor);
        } else if (m_lang == HostLanguage::Cpp && c == QLatin1Char('/') && at(m_pos + 1) == QLatin1Char('/')) {
            readToLineEnd(HostToken::Kind::Comment);
        } else if (m_lang == HostLanguage::Cpp && c == QLatin1Char('/') && at(m_pos + 1) == QLatin1Char('*')) {
            readBlockComment();
        } else if (c.isDigit() || (c == QLatin1Char('.') && at(m_pos + 1).isDigit())) {
            readNumber();
        } else if (stringStartLength() >= 0) {
            readString();
        } else if (isIdentStart(c)) {
            const int column = col();
            const qsizetype start = m_pos;
            while (isIdentChar(at(m_pos)))
                ++m_pos;
            push(HostToken::Kind::Identifier, m_src.mid(start, m_pos - start), m_line, column);
        } else {
            readOperator();
        }
    }

    bool atLineStart() const
    {
        for (qsizetype i = m_lineStart; i < m_pos; ++i) {
            if (!m_src.at(i).isSpace())
                return false;
        }
        return true;
    }

    void readToLineEnd(HostToken::Kind kind)
    {
        const int column = col();
        const int line = m_line;
        const qsizetype start = m_pos;
        while (m_pos < m_src.size() && at(m_pos) != QLatin1Char('\n')) {
            if (kind == HostToken::Kind::Preprocessor && at(m_pos) == QLatin1Char('\\')
                && at(m_pos + 1) == QLatin1Char('\n')) {
                m_pos += 2;
                newline();
                continue;
            }
            ++m_pos;
        }
        push(kind, m_src.mid(start, m_pos - start), line, column);
    }

    void readBlockComment()
    {
        const int column = col();
        const int line = m_line;
        const qsizetype start = m_pos;
        m_pos += 2;
        while (m_pos < m_src.size() && !(at(m_pos) == QLatin1Char('*') && at(m_pos + 1) == QLatin1Char('/'))) {
            if (at(m_pos) == QLatin1Char('\n')) {
                ++m_pos;
                newline();
            } else {
                ++m_pos;
            }
        }
        if (m_pos >= m_src.size()) {
            push(HostToken::Kind::Error, QStringLiteral("unterminated /* comment"), line, column);
            return;
        }
        m_pos += 2;
        push(HostToken::Kind::Comment, m_src.mid(start, m_pos - start), line, column);
    }

    void readNumber()
    {
        const int column = col();
        const qsizetype start = m_pos;
        while (m_pos < m_src.size()) {
            const QChar c = at(m_pos);
            const bool exponentSign = (c == QLatin1Char('+') || c == QLatin1Char('-'))
                && (at(m_pos - 1) == QLatin1Char('e') || at(m_pos - 1) == QLatin1Char('E'))
                && !m_src.mid(start, 2).startsWith(QLatin1String("0x"), Qt::CaseInsensitive);
            const bool separator
                = c == QLatin1Char('\'') && m_lang == HostLanguage::Cpp && at(m_pos + 1).isLetterOrNumber();
            if (isIdentChar(c) || c == QLatin1Char('.') || exponentSign || separator)
                ++m_pos;
            else
                break;
        }
        push(HostToken::Kind::Number, m_src.mid(start, m_pos - start), m_line, column);
    }

    // Length of the string prefix (r, b, f, rb, u8, L, R, ...) when a string literal starts here, else -1.
    qsizetype stringStartLength() const
    {
        qsizetype i = m_pos;
        while (i - m_pos < 3 && at(i).isLetterOrNumber())
            ++i;
        const QChar q = at(i);
        if (q != QLatin1Char('"') && q != QLatin1Char('\''))
            return -1;
        const QString prefix = m_src.mid(m_pos, i - m_pos).toLower();
        static const QStringList python
            = { QString(),           QStringLiteral("r"),  QStringLiteral("b"),  QStringLiteral("f"),
                QStringLiteral("u"), QStringLiteral("rb"), QStringLiteral("br"), QStringLiteral("fr"),
                QStringLiteral("rf") };
        static const QStringList cpp
            = { QString(),           QStringLiteral("l"),  QStringLiteral("u"),  QStringLiteral("u8"),
                QStringLiteral("r"), QStringLiteral("lr"), QStringLiteral("ur"), QStringLiteral("u8r") };
        const QStringList& allowed = m_lang == HostLanguage::Python ? python : cpp;
        return allowed.contains(prefix) ? i - m_pos : -1;
    }

    void readString()
    {
        const int column = col();
        const int line = m_line;
        const qsizetype start = m_pos;
        const qsizetype prefixLength = stringStartLength();
        const QString prefix = m_src.mid(m_pos, prefixLength);
        m_pos += prefixLength;
        const QChar q = at(m_pos);
        if (m_lang == HostLanguage::Cpp && prefix.endsWith(QLatin1Char('R')) && q == QLatin1Char('"')) {
            readCppRawString(start, line, column);
            return;
        }
        const bool triple = m_lang == HostLanguage::Python && at(m_pos + 1) == q && at(m_pos + 2) == q;
        const bool raw = m_lang == HostLanguage::Python && prefix.contains(QLatin1Char('r'), Qt::CaseInsensitive);
        m_pos += triple ? 3 : 1;
        while (m_pos < m_src.size()) {
            const QChar c = at(m_pos);
            if (c == QLatin1Char('\\') && (!raw || at(m_pos + 1) == q)) {
                if (at(m_pos + 1) == QLatin1Char('\n')) {
                    m_pos += 2;
                    newline();
                } else {
                    m_pos += 2;
                }
                continue;
            }
            if (c == q && (!triple || (at(m_pos + 1) == q && at(m_pos + 2) == q))) {
                m_pos += triple ? 3 : 1;
                push(HostToken::Kind::String, m_src.mid(start, m_pos - start), line, column);
                return;
            }
            if (c == QLatin1Char('\n')) {
                if (!triple) {
                    push(HostToken::Kind::Error, QStringLiteral("unterminated string"), line, column);
                    return;
                }
                ++m_pos;
                newline();
                continue;
            }
            ++m_pos;
        }
        push(HostToken::Kind::Error, QStringLiteral("unterminated string"), line, column);
    }

    void readCppRawString(qsizetype start, int line, int column)
    {
        const qsizetype open = m_src.indexOf(QLatin1Char('('), m_pos);
        if (open < 0) {
            m_pos = m_src.size();
            push(HostToken::Kind::Error, QStringLiteral("unterminated raw string"), line, column);
            return;
        }
        const QString closing = QLatin1Char(')') + m_src.mid(m_pos + 1, open - m_pos - 1) + QLatin1Char('"');
        const qsizetype end = m_src.indexOf(closing, open);
        const qsizetype stop = end < 0 ? m_src.size() : end + closing.size();
        for (qsizetype i = m_pos; i < stop; ++i) {
            if (m_src.at(i) == QLatin1Char('\n')) {
                m_pos = i + 1;
                newline();
            }
        }
        m_pos = stop;
        if (end < 0)
            push(HostToken::Kind::Error, QStringLiteral("unterminated raw string"), line, column);
        else
            push(HostToken::Kind::String, m_src.mid(start, stop - start), line, column);
    }

    void readOperator()
    {
        const int column = col();
        for (const char* op : threeCharOps) {
            if (m_src.mid(m_pos, 3) == QLatin1String(op)) {
                m_pos += 3;
                push(HostToken::Kind::Operator, QLatin1String(op), m_line, column);
                return;
            }
        }
        for (const char* op : twoCharOps) {
            if (m_src.mid(m_pos, 2) == QLatin1String(op) && (m_lang == HostLanguage::Python || qstrcmp(op, "//"))) {
                m_pos += 2;
                push(HostToken::Kind::Operator, QLatin1String(op), m_line, column);
                return;
            }
        }
        const QChar c = at(m_pos++);
        if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}'))
            m_depth = qMax(0, m_depth - 1);
        push(HostToken::Kind::Operator, QString(c), m_line, column);
        if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
            ++m_depth;
    }

    const QString& m_src;
    HostLanguage m_lang;
    QList<HostToken> m_tokens;
    qsizetype m_pos = 0;
    qsizetype m_lineStart = 0;
    int m_line = 1;
    int m_depth = 0;
};

} // namespace

QString hostTokenKindName(HostToken::Kind k)
{
    static const char* const names[]
        = { "identifier", "number", "string", "operator", "comment", "preprocessor", "newline", "error", "end" };
    return QLatin1String(names[int(k)]);
}

QString HostToken::stringValue() const
{
    if (kind != Kind::String)
        return {};
    qsizetype i = 0;
    while (i < text.size() && text.at(i) != QLatin1Char('"') && text.at(i) != QLatin1Char('\''))
        ++i;
    const QString prefix = text.left(i);
    const QChar q = text.at(i);
    if (prefix.endsWith(QLatin1Char('R')) && q == QLatin1Char('"')) { // C++ raw string R"delim(...)delim"
        const qsizetype open = text.indexOf(QLatin1Char('('), i);
        const qsizetype close = text.lastIndexOf(QLatin1Char(')'));
        return text.mid(open + 1, close - open - 1);
    }
    const int quote = text.mid(i, 3) == QString(3, q) && text.size() - i >= 6 ? 3 : 1;
    const QString body = text.mid(i + quote, text.size() - i - 2 * quote);
    if (prefix.contains(QLatin1Char('r'), Qt::CaseInsensitive))
        return body;
    QString out;
    for (qsizetype k = 0; k < body.size(); ++k) {
        const QChar c = body.at(k);
        if (c != QLatin1Char('\\') || k + 1 >= body.size()) {
            out += c;
            continue;
        }
        const QChar e = body.at(++k);
        if (e == QLatin1Char('n'))
            out += QLatin1Char('\n');
        else if (e == QLatin1Char('t'))
            out += QLatin1Char('\t');
        else if (e == QLatin1Char('0'))
            out += QChar(0);
        else if (e != QLatin1Char('\n'))
            out += e;
    }
    return out;
}

bool HostToken::integerValue(qint64* out) const
{
    if (kind != Kind::Number)
        return false;
    QString t = text.toLower();
    t.remove(QLatin1Char('_'));
    t.remove(QLatin1Char('\''));
    int base = 10;
    if (t.startsWith(QLatin1String("0x"))) {
        base = 16;
        t = t.mid(2);
    } else if (t.startsWith(QLatin1String("0b"))) {
        base = 2;
        t = t.mid(2);
    } else if (t.startsWith(QLatin1String("0o"))) {
        base = 8;
        t = t.mid(2);
    }
    while (t.endsWith(QLatin1Char('u')) || t.endsWith(QLatin1Char('l')))
        t.chop(1);
    if (t.isEmpty())
        return false;
    if (base == 10 && t.size() > 1 && t.startsWith(QLatin1Char('0'))) // C++ octal literal
        base = 8;
    bool ok = false;
    const qint64 v = t.toLongLong(&ok, base);
    if (!ok)
        return false;
    *out = v;
    return true;
}

QList<HostToken> HostProgramTokenizer::tokenize(const QString& source, HostLanguage language)
{
    return Lexer(source, language).run();
}

} // namespace xi
