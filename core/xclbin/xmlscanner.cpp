// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/xmlscanner.h"

#include <cstring>

namespace xi {

namespace {

bool isSpace(uchar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isNameStart(uchar c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}

bool isNameChar(uchar c)
{
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// XML 1.0 Char: tab, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF.
bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

void appendUtf8(QByteArray& out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// The five predefined entities and character references; the code point, or -1 when `name` is none of them.
qint64 entityValue(QByteArrayView name)
{
    if (name == "amp")
        return '&';
    if (name == "lt")
        return '<';
    if (name == "gt")
        return '>';
    if (name == "quot")
        return '"';
    if (name == "apos")
        return '\'';
    if (name.size() < 2 || name.front() != '#')
        return -1;
    const bool hex = name.at(1) == 'x';
    const QByteArrayView digits = name.sliced(hex ? 2 : 1);
    if (digits.isEmpty() || digits.size() > 8)
        return -1;
    qint64 value = 0;
    for (char d : digits) {
        int v = -1;
        if (d >= '0' && d <= '9')
            v = d - '0';
        else if (hex && d >= 'a' && d <= 'f')
            v = d - 'a' + 10;
        else if (hex && d >= 'A' && d <= 'F')
            v = d - 'A' + 10;
        if (v < 0)
            return -1;
        value = value * (hex ? 16 : 10) + v;
    }
    return isXmlChar(char32_t(value)) ? value : -1;
}

class Scanner {
public:
    Scanner(QByteArrayView xml, XmlScanner::Handler& handler)
        : m_p(reinterpret_cast<const uchar*>(xml.data()))
        , m_n(xml.size())
        , m_handler(handler)
    {
    }

    void run()
    {
        qsizetype at = 0;
        if (m_n >= 3 && m_p[0] == 0xEF && m_p[1] == 0xBB && m_p[2] == 0xBF)
            at = 3; // a UTF-8 byte order mark
        if (startsWith(at, "<?xml") && at + 5 < m_n && (isSpace(m_p[at + 5]) || m_p[at + 5] == '?'))
            at = declaration(at);
        while (at < m_n) {
            if (m_p[at] != '<') {
                at = text(at);
                continue;
            }
            const uchar next = at + 1 < m_n ? m_p[at + 1] : 0;
            if (next == '?')
                at = processingInstruction(at);
            else if (next == '!')
                at = markupDeclaration(at);
            else if (next == '/')
                at = endTag(at);
            else
                at = startTag(at);
        }
        if (!m_open.isEmpty())
            fail(m_n, QStringLiteral("</%1> before the end of the document").arg(latin(m_open.last())),
                 QStringLiteral("the end"));
        if (!m_rootSeen)
            fail(m_n, QStringLiteral("a root element"), QStringLiteral("none"));
    }

    struct Fault {
        qsizetype at;
        QString what;
    };

private:
    static QString latin(QByteArrayView v) { return QString::fromUtf8(v.first(qMin<qsizetype>(v.size(), 64))); }

    [[noreturn]] void fail(qsizetype at, const QString& expected, const QString& found) const
    {
        throw Fault { at, QStringLiteral("expected %1, found %2").arg(expected, found) };
    }

    [[noreturn]] void fail(qsizetype at, const QString& expected) const { fail(at, expected, describe(at)); }

    QString describe(qsizetype at) const
    {
        if (at >= m_n)
            return QStringLiteral("the end of the document");
        const uchar c = m_p[at];
        if (c >= 0x21 && c < 0x7F)
            return QStringLiteral("'%1'").arg(QLatin1Char(char(c)));
        return QStringLiteral("byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
    }

    bool startsWith(qsizetype at, const char* s) const
    {
        const size_t len = std::strlen(s);
        return m_n - at >= qsizetype(len) && std::memcmp(m_p + at, s, len) == 0;
    }

    qsizetype find(qsizetype from, const char* s) const
    {
        const QByteArrayView rest(reinterpret_cast<const char*>(m_p) + from, m_n - from);
        const qsizetype i = rest.indexOf(QByteArrayView(s));
        return i < 0 ? -1 : from + i;
    }

    qsizetype skipSpace(qsizetype at) const
    {
        while (at < m_n && isSpace(m_p[at]))
            ++at;
        return at;
    }

    // One UTF-8 sequence of a non-ASCII byte at `at`: its length, or a fault for malformed bytes and non-characters.
    qsizetype utf8(qsizetype at) const
    {
        const uchar c = m_p[at];
        int len = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            fail(at, QStringLiteral("UTF-8 text"));
        }
        if (m_n - at < len)
            fail(at, QStringLiteral("a complete UTF-8 sequence"), QStringLiteral("the end of the document"));
        for (int i = 1; i < len; ++i) {
            const uchar b = m_p[at + i];
            if ((b & 0xC0) != 0x80)
                fail(at + i, QStringLiteral("a UTF-8 continuation byte"));
            cp = (cp << 6) | (b & 0x3F);
        }
        const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || !isXmlChar(cp))
            fail(at, QStringLiteral("a character allowed in XML"), QStringLiteral("U+%1").arg(quint32(cp), 4, 16));
        return len;
    }

    // Checks one character of free text (comment, CDATA, PI): its length.
    qsizetype character(qsizetype at) const
    {
        const uchar c = m_p[at];
        if (c >= 0x80)
            return utf8(at);
        if (c < 0x20 && !isSpace(c))
            fail(at, QStringLiteral("a character allowed in XML"));
        return 1;
    }

    void checkCharacters(qsizetype from, qsizetype to) const
    {
        for (qsizetype at = from; at < to;)
            at += character(at);
    }

    qsizetype name(qsizetype at, const QString& what) const
    {
        if (at >= m_n || !isNameStart(m_p[at]))
            fail(at, what);
        qsizetype end = at;
        while (end < m_n && isNameChar(m_p[end]))
            end += m_p[end] >= 0x80 ? utf8(end) : 1;
        return end;
    }

    // `&...;` at `at`: validated; the position after it.
    qsizetype reference(qsizetype at) const
    {
        qsizetype end = at + 1;
        while (end < m_n && end - at <= 10 && m_p[end] != ';')
            ++end;
        if (end >= m_n || m_p[end] != ';'
            || entityValue(QByteArrayView(reinterpret_cast<const char*>(m_p) + at + 1, end - at - 1)) < 0)
            fail(at, QStringLiteral("an entity (&amp; &lt; &gt; &quot; &apos;) or a character reference after '&'"),
                 QStringLiteral("\"%1\"").arg(
                     latin(QByteArrayView(reinterpret_cast<const char*>(m_p) + at, qMin<qsizetype>(m_n - at, 12)))));
        return end + 1;
    }

    // <?xml version="1.x" [encoding="..."] [standalone="yes|no"] ?>, in that order.
    qsizetype declaration(qsizetype at)
    {
        static const char* const names[] = { "version", "encoding", "standalone" };
        qsizetype p = at + 5;
        int next = 0;
        for (;;) {
            const qsizetype s = skipSpace(p);
            if (startsWith(s, "?>")) {
                if (next == 0)
                    fail(s, QStringLiteral("version=\"1.0\" in the XML declaration"));
                return s + 2;
            }
            if (s == p)
                fail(s, QStringLiteral("white space or \"?>\" in the XML declaration"));
            const qsizetype nameEnd = name(s, QStringLiteral("version, encoding or standalone in the XML declaration"));
            const QByteArrayView key(reinterpret_cast<const char*>(m_p) + s, nameEnd - s);
            while (next < 3 && key != names[next])
                ++next;
            if (next == 3 || (next > 0 && s == skipSpace(at + 5)))
                fail(s, QStringLiteral("version, then encoding and standalone, in the XML declaration"),
                     QStringLiteral("\"%1\"").arg(latin(key)));
            ++next;
            qsizetype q = skipSpace(nameEnd);
            if (q >= m_n || m_p[q] != '=')
                fail(q, QStringLiteral("'=' after %1 in the XML declaration").arg(latin(key)));
            q = skipSpace(q + 1);
            if (q >= m_n || (m_p[q] != '"' && m_p[q] != '\''))
                fail(q, QStringLiteral("a quoted value for %1 in the XML declaration").arg(latin(key)));
            const uchar quote = m_p[q];
            qsizetype close = q + 1;
            while (close < m_n && m_p[close] != quote) {
                const uchar c = m_p[close];
                const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
                if (!allowed)
                    fail(close, QStringLiteral("letters, digits, '.', '_' or '-' in the value of %1").arg(latin(key)));
                ++close;
            }
            if (close >= m_n)
                fail(q, QStringLiteral("the closing quote of %1 in the XML declaration").arg(latin(key)));
            const QByteArrayView value(reinterpret_cast<const char*>(m_p) + q + 1, close - q - 1);
            if (key == "version" && !(value.startsWith("1.") && value.size() > 2))
                fail(q + 1, QStringLiteral("XML version 1.x"), QStringLiteral("\"%1\"").arg(latin(value)));
            if (key == "standalone" && value != "yes" && value != "no")
                fail(q + 1, QStringLiteral("standalone=\"yes\" or \"no\""), QStringLiteral("\"%1\"").arg(latin(value)));
            p = close + 1;
        }
    }

    qsizetype processingInstruction(qsizetype at)
    {
        const qsizetype targetEnd = name(at + 2, QStringLiteral("a processing instruction name after \"<?\""));
        const QByteArrayView target(reinterpret_cast<const char*>(m_p) + at + 2, targetEnd - at - 2);
        if (target.size() == 3 && QByteArrayView(target).compare("xml", Qt::CaseInsensitive) == 0)
            fail(at, QStringLiteral("the XML declaration \"<?xml\" only at the start of the document"),
                 QStringLiteral("\"<?%1\"").arg(latin(target)));
        const qsizetype end = find(targetEnd, "?>");
        if (end < 0)
            fail(at, QStringLiteral("the processing instruction to end with \"?>\""), QStringLiteral("no end"));
        checkCharacters(targetEnd, end);
        return end + 2;
    }

    qsizetype markupDeclaration(qsizetype at)
    {
        if (startsWith(at, "<!--")) {
            const qsizetype end = find(at + 4, "--");
            if (end < 0)
                fail(at, QStringLiteral("the comment to end with \"-->\""), QStringLiteral("no end"));
            if (end + 2 >= m_n || m_p[end + 2] != '>')
                fail(end, QStringLiteral("\"--\" only at the end of a comment"), QStringLiteral("\"--\" inside it"));
            checkCharacters(at + 4, end);
            return end + 3;
        }
        if (startsWith(at, "<![CDATA[")) {
            if (m_open.isEmpty())
                fail(at, QStringLiteral("CDATA only inside an element"), QStringLiteral("it outside the root"));
            const qsizetype end = find(at + 9, "]]>");
            if (end < 0)
                fail(at, QStringLiteral("the CDATA section to end with \"]]>\""), QStringLiteral("no end"));
            checkCharacters(at + 9, end);
            return end + 3;
        }
        if (startsWith(at, "<!DOCTYPE") && !m_rootSeen && !m_doctypeSeen) {
            m_doctypeSeen = true;
            return doctype(at);
        }
        fail(at, QStringLiteral("a comment, CDATA or a DOCTYPE before the root after \"<!\""));
    }

    // Skipped whole: an internal subset in brackets, quoted strings, then '>'.
    qsizetype doctype(qsizetype at)
    {
        int brackets = 0;
        uchar quote = 0;
        for (qsizetype i = at + 9; i < m_n; i += character(i)) {
            const uchar c = m_p[i];
            if (quote) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                ++brackets;
            } else if (c == ']') {
                --brackets;
            } else if (c == '>' && brackets <= 0) {
                return i + 1;
            }
        }
        fail(at, QStringLiteral("the DOCTYPE to end with '>'"), QStringLiteral("no end"));
    }

    // Character data up to the next '<'. Outside the root only white space may appear.
    qsizetype text(qsizetype at)
    {
        const bool outside = m_open.isEmpty();
        while (at < m_n) {
            const uchar c = m_p[at];
            if (c == '<')
                return at;
            if (outside && !isSpace(c))
                fail(at,
                     m_rootSeen ? QStringLiteral("only white space after the root element")
                                : QStringLiteral("'<' to start the root element"));
            if (c == '&') {
                at = reference(at);
            } else if (c == ']' && startsWith(at, "]]>")) {
                fail(at, QStringLiteral("\"]]>\" only to end a CDATA section"), QStringLiteral("it in text"));
            } else if (c >= 0x20 && c < 0x80) {
                ++at;
            } else {
                at += character(at);
            }
        }
        return at;
    }

    // The value after an opening quote: the position of the closing one.
    qsizetype value(qsizetype at, uchar quote) const
    {
        while (at < m_n) {
            const uchar c = m_p[at];
            if (c == quote)
                return at;
            if (c == '<')
                fail(at, QStringLiteral("no '<' inside an attribute value"), QStringLiteral("'<'"));
            if (c == '&')
                at = reference(at);
            else if (c >= 0x20 && c < 0x80)
                ++at;
            else
                at += character(at);
        }
        fail(at, QStringLiteral("the closing %1 of an attribute value").arg(QLatin1Char(char(quote))));
    }

    static QByteArrayView localName(QByteArrayView qualified)
    {
        const qsizetype colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.sliced(colon + 1);
    }

    static bool isNamespaceDeclaration(QByteArrayView qualified)
    {
        return qualified == "xmlns" || qualified.startsWith("xmlns:");
    }

    qsizetype startTag(qsizetype at)
    {
        const qsizetype nameEnd = name(at + 1, QStringLiteral("an element name after '<'"));
        const QByteArrayView tag(reinterpret_cast<const char*>(m_p) + at + 1, nameEnd - at - 1);
        if (m_rootSeen && m_open.isEmpty())
            fail(at, QStringLiteral("the end of the document after the root element"),
                 QStringLiteral("another element <%1>").arg(latin(tag)));
        m_attributes.clear();
        m_qualified.clear();
        qsizetype p = nameEnd;
        bool empty = false;
        for (;;) {
            const qsizetype s = skipSpace(p);
            if (s < m_n && m_p[s] == '>') {
                p = s + 1;
                break;
            }
            if (s < m_n && m_p[s] == '/') {
                if (s + 1 >= m_n || m_p[s + 1] != '>')
                    fail(s + 1, QStringLiteral("'>' after '/' in <%1>").arg(latin(tag)));
                p = s + 2;
                empty = true;
                break;
            }
            if (s == p)
                fail(s, QStringLiteral("white space, '>' or \"/>\" after <%1").arg(latin(tag)));
            const qsizetype attrEnd = name(s, QStringLiteral("an attribute name or the end of <%1>").arg(latin(tag)));
            const QByteArrayView attr(reinterpret_cast<const char*>(m_p) + s, attrEnd - s);
            qsizetype q = skipSpace(attrEnd);
            if (q >= m_n || m_p[q] != '=')
                fail(q, QStringLiteral("'=' after the attribute %1").arg(latin(attr)));
            q = skipSpace(q + 1);
            if (q >= m_n || (m_p[q] != '"' && m_p[q] != '\''))
                fail(q, QStringLiteral("a quoted value for the attribute %1").arg(latin(attr)));
            const qsizetype close = value(q + 1, m_p[q]);
            for (const QByteArrayView& seen : std::as_const(m_qualified)) {
                if (seen == attr)
                    fail(s, QStringLiteral("each attribute once in <%1>").arg(latin(tag)),
                         QStringLiteral("%1 twice").arg(latin(attr)));
            }
            m_qualified.append(attr);
            if (!isNamespaceDeclaration(attr))
                m_attributes.append(
                    { localName(attr), QByteArrayView(reinterpret_cast<const char*>(m_p) + q + 1, close - q - 1) });
            p = close + 1;
        }
        m_rootSeen = true;
        m_open.append(tag);
        m_handler.startElement(localName(tag), m_attributes, int(m_open.size()));
        if (empty) {
            m_handler.endElement(int(m_open.size()));
            m_open.removeLast();
        }
        return p;
    }

    qsizetype endTag(qsizetype at)
    {
        const qsizetype nameEnd = name(at + 2, QStringLiteral("an element name after \"</\""));
        const QByteArrayView tag(reinterpret_cast<const char*>(m_p) + at + 2, nameEnd - at - 2);
        const qsizetype close = skipSpace(nameEnd);
        if (close >= m_n || m_p[close] != '>')
            fail(close, QStringLiteral("'>' to end </%1>").arg(latin(tag)));
        if (m_open.isEmpty())
            fail(at, QStringLiteral("an end tag only for an open element"), QStringLiteral("</%1>").arg(latin(tag)));
        if (m_open.last() != tag)
            fail(at, QStringLiteral("</%1>").arg(latin(m_open.last())), QStringLiteral("</%1>").arg(latin(tag)));
        m_handler.endElement(int(m_open.size()));
        m_open.removeLast();
        return close + 1;
    }

    const uchar* m_p;
    qsizetype m_n;
    XmlScanner::Handler& m_handler;
    QVarLengthArray<QByteArrayView, 32> m_open;
    XmlScanner::Attributes m_attributes;
    QVarLengthArray<QByteArrayView, 16> m_qualified;
    bool m_rootSeen = false;
    bool m_doctypeSeen = false;
};

} // namespace

bool XmlScanner::scan(QByteArrayView xml, Handler& handler, Error* error)
{
    try {
        Scanner(xml, handler).run();
    } catch (const Scanner::Fault& fault) {
        *error = { fault.at, fault.what };
        return false;
    }
    return true;
}

QString XmlScanner::decode(QByteArrayView raw)
{
    qsizetype i = 0;
    while (i < raw.size() && raw[i] != '&' && raw[i] != '\t' && raw[i] != '\n' && raw[i] != '\r')
        ++i;
    if (i == raw.size())
        return QString::fromUtf8(raw);
    QByteArray out(raw.first(i).toByteArray());
    out.reserve(raw.size());
    while (i < raw.size()) {
        const char c = raw[i];
        if (c == '&') {
            const qsizetype semicolon = raw.indexOf(';', i);
            appendUtf8(out, char32_t(entityValue(raw.sliced(i + 1, semicolon - i - 1))));
            i = semicolon + 1;
            continue;
        }
        if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n')
            ++i; // CR LF is one line end, one space
        out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
        ++i;
    }
    return QString::fromUtf8(out);
}

void XmlScanner::lineAndColumn(QByteArrayView xml, qsizetype offset, qsizetype* line, qsizetype* column)
{
    offset = qBound<qsizetype>(0, offset, xml.size());
    const QByteArrayView before = xml.first(offset);
    *line = before.count('\n') + 1;
    *column = offset - (before.lastIndexOf('\n') + 1) + 1;
}

} // namespace xi
