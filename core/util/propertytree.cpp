// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/propertytree.h"

#include <algorithm>

namespace xi {

bool PropertyTree::isArray() const
{
    return !m_children.isEmpty()
        && std::all_of(m_children.cbegin(), m_children.cend(), [](const auto& c) { return c.first.isEmpty(); });
}

const PropertyTree* PropertyTree::child(const QString& name) const
{
    for (const auto& c : m_children) {
        if (c.first == name)
            return &c.second;
    }
    return nullptr;
}

PropertyTree& PropertyTree::add(const QString& name, const PropertyTree& child)
{
    m_children.append({ name, child });
    return m_children.last().second;
}

namespace {

void writeString(QByteArray& out, const QString& text)
{
    static const char hexDigits[] = "0123456789ABCDEF";
    out += '"';
    for (const char c : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '/': out += "\\/"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out += hexDigits[u >> 4];
                out += hexDigits[u & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

} // namespace

void PropertyTree::write(QByteArray& out, int indent) const
{
    if (indent > 0 && isLeaf()) {
        writeString(out, m_value);
        return;
    }
    const bool array = isArray();
    const QByteArray pad(indent + 4, ' ');
    out += array ? "[\n" : "{\n";
    for (qsizetype i = 0; i < m_children.size(); ++i) {
        out += pad;
        if (!array) {
            writeString(out, m_children[i].first);
            out += ": ";
        }
        m_children[i].second.write(out, indent + 4);
        if (i + 1 < m_children.size())
            out += ',';
        out += '\n';
    }
    out += QByteArray(indent, ' ');
    out += array ? ']' : '}';
}

QByteArray PropertyTree::toJson() const
{
    QByteArray out;
    write(out, 0);
    out += '\n';
    return out;
}

namespace {

class Parser {
public:
    explicit Parser(const QByteArray& text)
        : m_text(text)
    {
    }

    std::optional<PropertyTree> parseDocument(QString* error)
    {
        PropertyTree root;
        skipSpace();
        bool ok = parseValue(root, 0);
        skipSpace();
        if (ok && m_pos != m_text.size())
            ok = fail("the end of the document");
        if (!ok) {
            if (error)
                *error = m_error;
            return std::nullopt;
        }
        return root;
    }

private:
    static constexpr int MaxDepth = 256;

    bool fail(const char* expected)
    {
        if (!m_error.isEmpty())
            return false;
        int line = 1;
        int column = 1;
        for (qsizetype i = 0; i < m_pos && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        m_error = QStringLiteral("line %1, column %2: expected %3").arg(line).arg(column).arg(QLatin1String(expected));
        return false;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    bool peek(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }

    bool parseValue(PropertyTree& node, int depth)
    {
        if (depth > MaxDepth)
            return fail("at most 256 nested objects or arrays");
        if (peek('{'))
            return parseObject(node, depth);
        if (peek('['))
            return parseArray(node, depth);
        if (peek('"')) {
            QString s;
            if (!parseString(&s))
                return false;
            node = PropertyTree(s);
            return true;
        }
        return parseLiteral(node);
    }

    // After the opening bracket: items separated by commas up to `close`; `item` parses one.
    template<typename ParseItem>
    bool parseItems(char close, const char* expected, ParseItem item)
    {
        ++m_pos;
        skipSpace();
        if (peek(close)) {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (!item())
                return false;
            skipSpace();
            if (peek(',')) {
                ++m_pos;
                continue;
            }
            if (peek(close)) {
                ++m_pos;
                return true;
            }
            return fail(expected);
        }
    }

    bool parseObject(PropertyTree& node, int depth)
    {
        return parseItems('}', "',' or '}' in an object", [&] {
            QString key;
            if (!peek('"'))
                return fail("a member name in double quotes");
            if (!parseString(&key))
                return false;
            skipSpace();
            if (!peek(':'))
                return fail("':' after a member name");
            ++m_pos;
            skipSpace();
            return parseValue(node.add(key), depth + 1);
        });
    }

    bool parseArray(PropertyTree& node, int depth)
    {
        return parseItems(']', "',' or ']' in an array", [&] { return parseValue(node.add(QString()), depth + 1); });
    }

    bool parseLiteral(PropertyTree& node)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' || c == 'E')
                ++m_pos;
            else
                break;
        }
        const QByteArray word = m_text.mid(start, m_pos - start);
        bool isNumber = false;
        word.toDouble(&isNumber);
        if (word == "true" || word == "false" || word == "null" || isNumber) {
            node = PropertyTree(QString::fromLatin1(word));
            return true;
        }
        m_pos = start;
        return fail("a value (object, array, string, number, true, false or null)");
    }

    bool parseHex4(uint* out)
    {
        if (m_pos + 4 > m_text.size())
            return fail("four hex digits after \\u");
        bool ok = false;
        *out = m_text.mid(m_pos, 4).toUInt(&ok, 16);
        if (!ok)
            return fail("four hex digits after \\u");
        m_pos += 4;
        return true;
    }

    bool parseString(QString* out)
    {
        ++m_pos;
        QByteArray bytes;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"') {
                *out = QString::fromUtf8(bytes);
                return true;
            }
            if (c != '\\') {
                bytes += c;
                continue;
            }
            if (m_pos >= m_text.size())
                break;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': bytes += '"'; break;
            case '\\': bytes += '\\'; break;
            case '/': bytes += '/'; break;
            case 'b': bytes += '\b'; break;
            case 'f': bytes += '\f'; break;
            case 'n': bytes += '\n'; break;
            case 'r': bytes += '\r'; break;
            case 't': bytes += '\t'; break;
            case 'u': {
                uint code = 0;
                if (!parseHex4(&code))
                    return false;
                bytes += QString(QChar(char16_t(code))).toUtf8();
                break;
            }
            default: --m_pos; return fail("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            }
        }
        return fail("a closing '\"' before the end of the document");
    }

    const QByteArray& m_text;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace

std::optional<PropertyTree> PropertyTree::parse(const QByteArray& json, QString* error)
{
    return Parser(json).parseDocument(error);
}

} // namespace xi
