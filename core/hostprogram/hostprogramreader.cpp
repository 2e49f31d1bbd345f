// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostprogram/hostprogramreader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>

#include <memory>

namespace xi {

namespace {

using Tokens = QList<HostToken>;

// What an integer stands for, so that len(insts) // 4 is known to be a word count even when the file is not.
enum class Meaning { Plain, InstrWords, InstrBytes };

struct Value {
    enum class Kind { Unknown, Int, String, Flags, Group, Bo, Kernel, Run, Data, File, Mapped, Callable };

    Kind kind = Kind::Unknown;
    std::optional<qint64> integer; // Int (may be unknown while its meaning is known)
    Meaning meaning = Meaning::Plain;
    QString string; // String; File path; Callable dotted path; Kernel name
    BoFlags flags = BoFlags::Normal;
    int groupArgument = -1; // Group from group_id(N)
    std::optional<qint64> rawGroup; // Group from a plain number
    int bo = -1; // Bo / Mapped: index into Reader::m_bos
    // Data: bytes or 32-bit words read from a file (path may be unknown); instructions when it looks like an
    // instruction stream (loader name, file name, variable name).
    bool words = false;
    bool lines = false; // text lines (readlines(), iterating a file): a comprehension with int() makes words
    bool instructions = false;
    QString why; // Unknown: why
    std::shared_ptr<const Value> receiver; // Callable: the object a method is called on
};

Value unknown(const QString& why)
{
    Value v;
    v.why = why;
    return v;
}

Value integer(std::optional<qint64> i, Meaning m = Meaning::Plain)
{
    Value v;
    v.kind = Value::Kind::Int;
    v.integer = i;
    v.meaning = m;
    return v;
}

struct Arg {
    QString keyword;
    Value value;
    QString text;
    HostLocation location;
    HostSpan span;
};

bool looksLikeInstructions(const QString& text)
{
    const QString t = text.toLower();
    return t.contains(QLatin1String("inst")) || t.contains(QLatin1String(".seq")) || t.contains(QLatin1String("ipu_"))
        || t.contains(QLatin1String("npu_"));
}

// Dotted path with XRT's namespaces normalised: "xrt::bo::flags::host_only" -> "bo.flags.host_only".
QString normalisedPath(QString path)
{
    path.replace(QLatin1String("::"), QLatin1String("."));
    for (const char* prefix : { "pyxrt.", "xrt.", "std." }) {
        if (path.startsWith(QLatin1String(prefix)))
            path = path.mid(int(qstrlen(prefix)));
    }
    return path;
}

bool pathIs(const QString& path, const char* name)
{
    return normalisedPath(path) == QLatin1String(name);
}

bool pathEndsWith(const QString& path, const char* name)
{
    const QString p = normalisedPath(path);
    return p == QLatin1String(name) || p.endsWith(QLatin1Char('.') + QLatin1String(name));
}

QString joinTokens(const Tokens& t, qsizetype begin, qsizetype end)
{
    QString s;
    for (qsizetype i = qMax<qsizetype>(begin, 0); i < qMin(end, t.size()); ++i) {
        const HostToken& k = t.at(i);
        if (k.kind == HostToken::Kind::Comment || k.kind == HostToken::Kind::Newline)
            continue;
        if (!s.isEmpty()) {
            const HostToken& prev = t.at(i - 1);
            const bool tight = k.isOp(".") || k.isOp("::") || k.isOp("->") || k.isOp("(") || k.isOp(")") || k.isOp("[")
                || k.isOp("]") || k.isOp(",") || prev.isOp(".") || prev.isOp("::") || prev.isOp("->") || prev.isOp("(")
                || prev.isOp("[") || (prev.isOp("-") && i >= 2 && t.at(i - 2).isOp("("));
            if (!tight)
                s += QLatin1Char(' ');
        }
        s += k.text;
    }
    return s;
}

class Reader {
public:
    Reader(const Tokens& tokens, HostLanguage lang, const QString& file)
        : m_t(tokens)
        , m_lang(lang)
        , m_file(file)
    {
        m_plan.sourceFile = file;
    }

    BindingPlan run()
    {
        for (const Tokens& stmt : statements())
            statement(stmt);
        finish();
        return m_plan;
    }

private:
    HostSpan span(const Tokens& s, qsizetype first, qsizetype last) const
    {
        const HostToken& a = s.at(first);
        const HostToken& b = s.at(last);
        return HostSpan { HostLocation { m_file, a.line, a.column },
                          HostLocation { m_file, b.line, b.column + int(b.text.size()) } };
    }

    // ---- statements ----

    QList<Tokens> statements() const
    {
        QList<Tokens> out;
        Tokens cur;
        QList<bool> braceIsBlock;
        for (const HostToken& k : m_t) {
            if (k.kind == HostToken::Kind::Comment || k.kind == HostToken::Kind::Preprocessor
                || k.kind == HostToken::Kind::End)
                continue;
            if (m_lang == HostLanguage::Python) {
                if (k.kind == HostToken::Kind::Newline) {
                    if (!cur.isEmpty())
                        out << cur;
                    cur.clear();
                } else if (k.isOp(";") && k.depth == 0) {
                    out << cur;
                    cur.clear();
                } else {
                    cur << k;
                }
                continue;
            }
            if (k.isOp("{")) {
                const bool block = cur.isEmpty() || cur.last().isOp(")") || cur.last().isIdent("else")
                    || cur.last().isIdent("try") || cur.last().isIdent("do") || cur.last().isOp("{")
                    || cur.last().isIdent("const") || cur.last().isIdent("noexcept");
                braceIsBlock << block;
                if (block) {
                    cur.clear(); // a function, if, for or while header: nothing to bind
                    continue;
                }
            } else if (k.isOp("}")) {
                const bool block = braceIsBlock.isEmpty() || braceIsBlock.takeLast();
                if (block) {
                    if (!cur.isEmpty())
                        out << cur;
                    cur.clear();
                    continue;
                }
            } else if (k.isOp(";") && (braceIsBlock.isEmpty() || braceIsBlock.last())) {
                if (!cur.isEmpty())
                    out << cur;
                cur.clear();
                continue;
            }
            cur << k;
        }
        if (!cur.isEmpty())
            out << cur;
        return out;
    }

    static qsizetype matching(const Tokens& s, qsizetype open)
    {
        int depth = 0;
        for (qsizetype i = open; i < s.size(); ++i) {
            const HostToken& k = s.at(i);
            if (k.isOp("(") || k.isOp("[") || k.isOp("{"))
                ++depth;
            else if (k.isOp(")") || k.isOp("]") || k.isOp("}")) {
                if (--depth == 0)
                    return i;
            }
        }
        return s.size();
    }

    // Index of the first token from `from` on that is outside brackets and `matches`, or -1.
    template<typename Matches>
    static qsizetype findTopWhere(const Tokens& s, qsizetype from, Matches matches)
    {
        int depth = 0;
        for (qsizetype i = from; i < s.size(); ++i) {
            const HostToken& k = s.at(i);
            if (k.isOp("(") || k.isOp("[") || k.isOp("{"))
                ++depth;
            else if (k.isOp(")") || k.isOp("]") || k.isOp("}"))
                --depth;
            else if (depth == 0 && matches(k))
                return i;
        }
        return -1;
    }

    // Index of the first operator `op` outside brackets, or -1.
    static qsizetype findTop(const Tokens& s, const char* op, qsizetype from = 0)
    {
        return findTopWhere(s, from, [op](const HostToken& k) { return k.isOp(op); });
    }

    void statement(const Tokens& s)
    {
        if (s.isEmpty())
            return;
        if (m_lang == HostLanguage::Python)
            pythonStatement(s);
        else
            cppStatement(s);
    }

    void pythonStatement(Tokens s)
    {
        const HostToken& first = s.first();
        static const QStringList skip
            = { QStringLiteral("import"), QStringLiteral("from"),     QStringLiteral("def"),    QStringLiteral("class"),
                QStringLiteral("assert"), QStringLiteral("raise"),    QStringLiteral("global"), QStringLiteral("pass"),
                QStringLiteral("break"),  QStringLiteral("continue"), QStringLiteral("del") };
        if (first.kind == HostToken::Kind::Identifier && skip.contains(first.text))
            return;
        if (first.isIdent("with")) {
            const qsizetype colon = findTop(s, ":");
            const qsizetype as = findTopIdent(s, "as");
            if (as > 0 && colon > as + 1) {
                assign(s.at(as + 1).text, evaluate(s, 1, as));
            }
            if (colon > 0)
                statement(s.mid(colon + 1));
            return;
        }
        static const QStringList headers
            = { QStringLiteral("if"),    QStringLiteral("elif"), QStringLiteral("else"),   QStringLiteral("for"),
                QStringLiteral("while"), QStringLiteral("try"),  QStringLiteral("except"), QStringLiteral("finally") };
        if (first.kind == HostToken::Kind::Identifier && headers.contains(first.text)) {
            const qsizetype colon = findTop(s, ":");
            if (colon > 0)
                statement(s.mid(colon + 1));
            return;
        }
        if (first.isIdent("return"))
            s.removeFirst();
        assignmentOrExpression(s);
    }

    static qsizetype findTopIdent(const Tokens& s, const char* name, qsizetype from = 0)
    {
        return findTopWhere(s, from, [name](const HostToken& k) { return k.isIdent(name); });
    }

    void assignmentOrExpression(const Tokens& s)
    {
        const qsizetype eq = findTop(s, "=");
        if (eq < 0) {
            evaluate(s, 0, s.size());
            return;
        }
        qsizetype lhsEnd = eq;
        if (m_lang == HostLanguage::Python) {
            const qsizetype colon = findTop(s, ":"); // annotated assignment: name: int = 3
            if (colon > 0 && colon < eq)
                lhsEnd = colon;
        }
        const Value v = evaluate(s, eq + 1, s.size());
        if (lhsEnd == 1 && s.first().kind == HostToken::Kind::Identifier)
            assign(s.first().text, v);
        else if (m_lang == HostLanguage::Cpp && lhsEnd >= 2 && s.at(lhsEnd - 1).kind == HostToken::Kind::Identifier)
            declare(s.mid(0, lhsEnd - 1), s.at(lhsEnd - 1).text, v);
    }

    void cppStatement(Tokens s)
    {
        while (!s.isEmpty()) {
            const HostToken& first = s.first();
            if (first.isIdent("return") || first.isIdent("else") || first.isIdent("do")) {
                s.removeFirst();
            } else if ((first.isIdent("if") || first.isIdent("for") || first.isIdent("while") || first.isIdent("catch")
                        || first.isIdent("switch"))
                       && s.size() > 1 && s.at(1).isOp("(")) {
                s = s.mid(matching(s, 1) + 1);
            } else {
                break;
            }
        }
        if (s.isEmpty() || s.first().isIdent("using") || s.first().isIdent("namespace"))
            return;
        if (findTop(s, "=") >= 0) {
            assignmentOrExpression(s);
            return;
        }
        // TYPE NAME(ARGS) or TYPE NAME{ARGS}: a constructor call.
        qsizetype open = -1;
        for (qsizetype i = 0; i < s.size(); ++i) {
            if (s.at(i).isOp("(") || s.at(i).isOp("{")) {
                open = i;
                break;
            }
        }
        if (open >= 2 && s.at(open - 1).kind == HostToken::Kind::Identifier) {
            const HostToken& before = s.at(open - 2);
            if (before.kind == HostToken::Kind::Identifier || before.isOp(">") || before.isOp("*")
                || before.isOp("&")) {
                const Tokens type = s.mid(0, open - 1);
                const QString typePath = joinTokens(type, 0, type.size());
                Value callee;
                callee.kind = Value::Kind::Callable;
                callee.string = typePath;
                const QList<Arg> args = arguments(s, open);
                declare(type, s.at(open - 1).text, call(callee, args, s.at(open - 1), s, open));
                return;
            }
        }
        evaluate(s, 0, s.size());
    }

    void declare(const Tokens& type, const QString& name, Value v)
    {
        const QString t = normalisedPath(joinTokens(type, 0, type.size()));
        if (v.kind == Value::Kind::Unknown && (t.contains(QLatin1String("int")) || t.contains(QLatin1String("size_t"))))
            v = integer(std::nullopt);
        assign(name, v);
    }

    void assign(const QString& name, Value v)
    {
        if (v.kind == Value::Kind::Bo && v.bo >= 0 && m_bos[v.bo].name.isEmpty()) {
            m_bos[v.bo].name = name;
            if (looksLikeInstructions(name) && name.toLower().contains(QLatin1String("instr")))
                m_bos[v.bo].instructions = true;
        }
        if (v.kind == Value::Kind::Data && looksLikeInstructions(name))
            v.instructions = true;
        m_vars[name] = v;
    }

    // ---- expressions ----

    Value evaluate(const Tokens& s, qsizetype begin, qsizetype end)
    {
        if (begin >= end)
            return unknown(QStringLiteral("empty expression"));
        qsizetype pos = begin;
        Value v = binary(s, pos, end, 0);
        if (pos != end)
            return unknown(QStringLiteral("expression not understood: %1").arg(joinTokens(s, begin, end)));
        return v;
    }

    static int precedence(const HostToken& k)
    {
        if (k.kind != HostToken::Kind::Operator)
            return -1;
        if (k.text == QLatin1String("|"))
            return 1;
        if (k.text == QLatin1String("^"))
            return 2;
        if (k.text == QLatin1String("&"))
            return 3;
        if (k.text == QLatin1String("<<") || k.text == QLatin1String(">>"))
            return 4;
        if (k.text == QLatin1String("+") || k.text == QLatin1String("-"))
            return 5;
        if (k.text == QLatin1String("*") || k.text == QLatin1String("/") || k.text == QLatin1String("//")
            || k.text == QLatin1String("%"))
            return 6;
        return -1;
    }

    Value binary(const Tokens& s, qsizetype& pos, qsizetype end, int minPrec)
    {
        Value lhs = unary(s, pos, end);
        while (pos < end) {
            const int prec = precedence(s.at(pos));
            if (prec < 0 || prec < minPrec)
                break;
            const QString op = s.at(pos).text;
            ++pos;
            const Value rhs = binary(s, pos, end, prec + 1);
            lhs = arithmetic(op, lhs, rhs);
        }
        return lhs;
    }

    static Value arithmetic(const QString& op, const Value& a, const Value& b)
    {
        if (a.kind == Value::Kind::String && b.kind == Value::Kind::String
            && (op == QLatin1String("+") || op == QLatin1String("/"))) {
            Value v = a;
            const QString sep = op == QLatin1String("+") ? QString() : QStringLiteral("/");
            v.string = a.string + sep + b.string;
            return v;
        }
        if (a.kind == Value::Kind::Flags && b.kind == Value::Kind::Flags && op == QLatin1String("|"))
            return a; // flag combinations beyond one name are not modelled
        if (a.kind != Value::Kind::Int || b.kind != Value::Kind::Int)
            return unknown(QStringLiteral("arithmetic on something that is not a number"));
        Meaning m = Meaning::Plain;
        const bool four = b.integer && *b.integer == 4 && b.meaning == Meaning::Plain;
        if (a.meaning == Meaning::InstrBytes && four && (op == QLatin1String("/") || op == QLatin1String("//")))
            m = Meaning::InstrWords;
        else if (a.meaning == Meaning::InstrBytes && b.integer == 2 && op == QLatin1String(">>"))
            m = Meaning::InstrWords;
        else if (a.meaning == Meaning::InstrWords && four && op == QLatin1String("*"))
            m = Meaning::InstrBytes;
        else if (b.meaning == Meaning::InstrWords && a.integer == 4 && op == QLatin1String("*"))
            m = Meaning::InstrBytes;
        if (!a.integer || !b.integer)
            return integer(std::nullopt, m);
        const qint64 x = *a.integer;
        const qint64 y = *b.integer;
        std::optional<qint64> r;
        if (op == QLatin1String("+"))
            r = x + y;
        else if (op == QLatin1String("-"))
            r = x - y;
        else if (op == QLatin1String("*"))
            r = x * y;
        else if ((op == QLatin1String("/") || op == QLatin1String("//") || op == QLatin1String("%")) && y != 0)
            r = op == QLatin1String("%") ? x % y : x / y;
        else if (op == QLatin1String("<<") && y >= 0 && y < 63)
            r = x << y;
        else if (op == QLatin1String(">>") && y >= 0 && y < 63)
            r = x >> y;
        else if (op == QLatin1String("|"))
            r = x | y;
        else if (op == QLatin1String("&"))
            r = x & y;
        else if (op == QLatin1String("^"))
            r = x ^ y;
        return integer(r, m);
    }

    Value unary(const Tokens& s, qsizetype& pos, qsizetype end)
    {
        if (pos >= end)
            return unknown(QStringLiteral("missing operand"));
        const HostToken& k = s.at(pos);
        if (k.isOp("-") || k.isOp("+") || k.isOp("~")) {
            ++pos;
            Value v = unary(s, pos, end);
            if (v.kind == Value::Kind::Int && v.integer)
                v.integer = k.isOp("-") ? -*v.integer : k.isOp("~") ? ~*v.integer : *v.integer;
            return v;
        }
        if (m_lang == HostLanguage::Cpp && (k.isOp("&") || k.isOp("*"))) {
            ++pos;
            return unary(s, pos, end);
        }
        return postfix(s, pos, end);
    }

    // Skips a C++ template argument list `<...>` at pos when it is followed by `(` or `{`.
    bool skipTemplate(const Tokens& s, qsizetype& pos, qsizetype end) const
    {
        if (m_lang != HostLanguage::Cpp || pos >= end || !s.at(pos).isOp("<"))
            return false;
        int depth = 0;
        for (qsizetype i = pos; i < end; ++i) {
            if (s.at(i).isOp("<"))
                ++depth;
            else if (s.at(i).isOp(">") && --depth == 0) {
                if (i + 1 < end && (s.at(i + 1).isOp("(") || s.at(i + 1).isOp("{"))) {
                    pos = i + 1;
                    return true;
                }
                return false;
            } else if (s.at(i).isOp(">>") && (depth -= 2) <= 0) {
                return false;
            } else if (s.at(i).isOp(";")) {
                return false;
            }
        }
        return false;
    }

    Value postfix(const Tokens& s, qsizetype& pos, qsizetype end)
    {
        Value v = primary(s, pos, end);
        while (pos < end) {
            const HostToken& k = s.at(pos);
            if (k.isOp(".") || k.isOp("->") || k.isOp("::")) {
                if (pos + 1 >= end || s.at(pos + 1).kind != HostToken::Kind::Identifier)
                    return unknown(QStringLiteral("expected a name after '%1'").arg(k.text));
                v = attribute(v, s.at(pos + 1).text, k.text);
                pos += 2;
                skipTemplate(s, pos, end);
            } else if (k.isOp("(") || (k.isOp("{") && m_lang == HostLanguage::Cpp)) {
                const qsizetype close = matching(s, pos);
                if (close >= end)
                    return unknown(QStringLiteral("unbalanced brackets"));
                const QList<Arg> args = arguments(s, pos);
                v = call(v, args, pos > 0 ? s.at(pos - 1) : k, s, pos);
                pos = close + 1;
            } else if (k.isOp("[")) {
                pos = matching(s, pos) + 1;
                v = unknown(QStringLiteral("subscript"));
            } else {
                break;
            }
        }
        return v;
    }

    Value primary(const Tokens& s, qsizetype& pos, qsizetype end)
    {
        const HostToken& k = s.at(pos);
        if (k.kind == HostToken::Kind::Number) {
            ++pos;
            qint64 i = 0;
            return k.integerValue(&i) ? integer(i) : unknown(QStringLiteral("not an integer"));
        }
        if (k.kind == HostToken::Kind::String) {
            ++pos;
            Value v;
            v.kind = Value::Kind::String;
            v.string = k.stringValue();
            while (pos < end && s.at(pos).kind == HostToken::Kind::String) // adjacent literals concatenate
                v.string += s.at(pos++).stringValue();
            return v;
        }
        if (k.isOp("(")) {
            const qsizetype close = matching(s, pos);
            if (close >= end)
                return unknown(QStringLiteral("unbalanced brackets"));
            if (m_lang == HostLanguage::Cpp && close + 1 < end && isCastType(s, pos + 1, close)) {
                pos = close + 1; // C-style cast: (uint32_t)x
                return unary(s, pos, end);
            }
            Value v = evaluate(s, pos + 1, close);
            if (findTop(s.mid(pos + 1, close - pos - 1), ",") >= 0)
                v = unknown(QStringLiteral("tuple"));
            pos = close + 1;
            return v;
        }
        if (k.isOp("[") || k.isOp("{")) {
            const qsizetype close = matching(s, pos);
            Value v = k.isOp("[") ? comprehension(s, pos + 1, qMin(close, end)) : unknown(QStringLiteral("list"));
            pos = close + 1;
            return v;
        }
        if (k.kind == HostToken::Kind::Identifier) {
            ++pos;
            if (skipTemplate(s, pos, end) && (k.text.endsWith(QLatin1String("_cast")))) {
                const qsizetype close = matching(s, pos);
                Value v = evaluate(s, pos + 1, close);
                pos = close + 1;
                return v;
            }
            return name(k.text);
        }
        ++pos;
        return unknown(QStringLiteral("unexpected '%1'").arg(k.text));
    }

    // [int(w, 16) for w in lines]: a list built from a file's lines or data keeps what it came from.
    Value comprehension(const Tokens& s, qsizetype begin, qsizetype end)
    {
        const Tokens inner = s.mid(begin, end - begin);
        const qsizetype forAt = findTopIdent(inner, "for");
        const qsizetype inAt = forAt < 0 ? -1 : findTopIdent(inner, "in", forAt);
        if (m_lang != HostLanguage::Python || inAt < 0)
            return unknown(QStringLiteral("list"));
        qsizetype stop = findTopIdent(inner, "if", inAt);
        if (stop < 0)
            stop = inner.size();
        Value source = evaluate(inner, inAt + 1, stop);
        if (source.kind == Value::Kind::File) {
            source = data(source.string, false);
            source.lines = true;
        }
        if (source.kind != Value::Kind::Data)
            return unknown(QStringLiteral("list"));
        if (source.lines && joinTokens(inner, 0, forAt).contains(QLatin1String("int("))) {
            source.lines = false;
            source.words = true;
        }
        return source;
    }

    static bool isCastType(const Tokens& s, qsizetype begin, qsizetype end)
    {
        static const QStringList types
            = { QStringLiteral("int"),     QStringLiteral("unsigned"), QStringLiteral("uint32_t"),
                QStringLiteral("int32_t"), QStringLiteral("uint64_t"), QStringLiteral("int64_t"),
                QStringLiteral("size_t"),  QStringLiteral("long"),     QStringLiteral("uint8_t"),
                QStringLiteral("int8_t"),  QStringLiteral("char") };
        for (qsizetype i = begin; i < end; ++i) {
            const HostToken& k = s.at(i);
            if (!(k.kind == HostToken::Kind::Identifier
                  && (types.contains(k.text) || k.text == QLatin1String("std") || k.text == QLatin1String("const")))
                && !k.isOp("::") && !k.isOp("*"))
                return false;
        }
        return end > begin;
    }

    Value name(const QString& n)
    {
        if (m_vars.contains(n))
            return m_vars.value(n);
        if (n == QLatin1String("True") || n == QLatin1String("true"))
            return integer(1);
        if (n == QLatin1String("False") || n == QLatin1String("false"))
            return integer(0);
        BoFlags f;
        if (parseBoFlags(n, &f) && n.contains(QLatin1String("BO_FLAGS"))) {
            Value v;
            v.kind = Value::Kind::Flags;
            v.flags = f;
            return v;
        }
        Value v;
        v.kind = Value::Kind::Callable;
        v.string = n;
        return v;
    }

    Value attribute(const Value& base, const QString& attr, const QString& sep)
    {
        if (base.kind == Value::Kind::Callable) {
            Value v = base;
            v.string = base.string + sep + attr;
            BoFlags f;
            if (normalisedPath(v.string).startsWith(QLatin1String("bo.flags.")) && parseBoFlags(v.string, &f)) {
                v.kind = Value::Kind::Flags;
                v.flags = f;
            }
            return v;
        }
        if (base.kind == Value::Kind::Data && (attr == QLatin1String("size") || attr == QLatin1String("nbytes"))) {
            // numpy .size counts elements, .nbytes bytes; a C++ vector's size() is handled as a method call.
            const bool bytes = attr == QLatin1String("nbytes") || !base.words;
            if (m_lang == HostLanguage::Python && base.instructions)
                return integer(std::nullopt, bytes ? Meaning::InstrBytes : Meaning::InstrWords);
        }
        Value v;
        v.kind = Value::Kind::Callable;
        v.string = attr;
        v.receiver = std::make_shared<const Value>(base);
        return v;
    }

    QList<Arg> arguments(const Tokens& s, qsizetype open)
    {
        QList<Arg> args;
        const qsizetype close = matching(s, open);
        qsizetype start = open + 1;
        while (start < close) {
            qsizetype stop = start;
            int depth = 0;
            while (stop < close) {
                const HostToken& k = s.at(stop);
                if (k.isOp("(") || k.isOp("[") || k.isOp("{"))
                    ++depth;
                else if (k.isOp(")") || k.isOp("]") || k.isOp("}"))
                    --depth;
                else if (depth == 0 && k.isOp(","))
                    break;
                ++stop;
            }
            Arg a;
            qsizetype valueStart = start;
            if (m_lang == HostLanguage::Python && stop - start >= 3 && s.at(start).kind == HostToken::Kind::Identifier
                && s.at(start + 1).isOp("=")) {
                a.keyword = s.at(start).text;
                valueStart = start + 2;
            }
            if (valueStart < stop) {
                a.text = joinTokens(s, valueStart, stop);
                a.location = HostLocation { m_file, s.at(valueStart).line, s.at(valueStart).column };
                a.span = span(s, valueStart, stop - 1);
                a.value = evaluate(s, valueStart, stop);
                args << a;
            }
            start = stop + 1;
        }
        return args;
    }

    static const Arg* pick(const QList<Arg>& args, int position, const QStringList& keywords)
    {
        for (const Arg& a : args) {
            if (!a.keyword.isEmpty() && keywords.contains(a.keyword))
                return &a;
        }
        int n = 0;
        for (const Arg& a : args) {
            if (a.keyword.isEmpty() && n++ == position)
                return &a;
        }
        return nullptr;
    }

    // ---- calls ----

    Value call(const Value& callee, const QList<Arg>& args, const HostToken& at, const Tokens& s, qsizetype open)
    {
        const Value receiver = callee.receiver ? *callee.receiver : Value();
        if (callee.kind == Value::Kind::Kernel)
            return kernelCall(callee, args, at, s, open);
        if (callee.kind != Value::Kind::Callable)
            return unknown(QStringLiteral("call of something that is not a function"));
        const QString path = callee.string;
        if (pathIs(path, "bo"))
            return allocate(args, at);
        if (pathIs(path, "kernel") || pathIs(path, "ext.kernel")) {
            Value v;
            v.kind = Value::Kind::Kernel;
            if (const Arg* n = pick(args, 1, { QStringLiteral("name") }); n && n->value.kind == Value::Kind::String)
                v.string = n->value.string;
            return v;
        }
        if (pathIs(path, "run")) {
            Value v;
            v.kind = Value::Kind::Run;
            if (const Arg* k = pick(args, 0, {}); k && k->value.kind == Value::Kind::Kernel)
                v.string = k->value.string;
            return v;
        }
        if (path == QLatin1String("group_id")) {
            const Arg* a = pick(args, 0, {});
            if (a && a->value.kind == Value::Kind::Int && a->value.integer) {
                Value v;
                v.kind = Value::Kind::Group;
                v.groupArgument = int(*a->value.integer);
                return v;
            }
            return unknown(QStringLiteral("group_id() of an index that could not be resolved"));
        }
        return builtin(path, receiver, args, at, s, open);
    }

    Value builtin(const QString& path, const Value& receiver, const QList<Arg>& args, const HostToken& at,
                  const Tokens& s, qsizetype open)
    {
        const Arg* first = pick(args, 0, {});
        if (path == QLatin1String("len") && first) {
            const Value& x = first->value;
            if (x.kind == Value::Kind::Data) {
                return integer(std::nullopt,
                               x.instructions ? (x.words || x.lines ? Meaning::InstrWords : Meaning::InstrBytes)
                                              : Meaning::Plain);
            }
            if (x.kind == Value::Kind::String)
                return integer(x.string.size());
            return integer(std::nullopt);
        }
        if (path == QLatin1String("int") || path == QLatin1String("sizeof") || pathEndsWith(path, "uint32")
            || pathEndsWith(path, "uint64") || pathEndsWith(path, "int32"))
            return sizeOrConversion(path, args);
        if (path == QLatin1String("open") || pathIs(path, "ifstream") || path == QLatin1String("Path")
            || pathEndsWith(path, "Path")) {
            Value v;
            v.kind
                = path == QLatin1String("Path") || pathEndsWith(path, "Path") ? Value::Kind::String : Value::Kind::File;
            v.string = first && first->value.kind == Value::Kind::String ? first->value.string : QString();
            return v;
        }
        if (path == QLatin1String("read") && receiver.kind == Value::Kind::File)
            return data(receiver.string, false);
        if ((path == QLatin1String("readlines") || path == QLatin1String("splitlines")
             || path == QLatin1String("split"))
            && (receiver.kind == Value::Kind::File || receiver.kind == Value::Kind::Data)) {
            Value v = receiver.kind == Value::Kind::File ? data(receiver.string, false) : receiver;
            v.lines = true;
            return v;
        }
        if ((pathEndsWith(path, "array") || pathEndsWith(path, "asarray") || path == QLatin1String("list")) && first
            && first->value.kind == Value::Kind::Data) {
            Value v = first->value;
            if (const Arg* dtype = pick(args, 1, { QStringLiteral("dtype") }))
                v.words = dtype->text.contains(QLatin1String("32"));
            return v;
        }
        if (pathEndsWith(path, "fromfile") || pathEndsWith(path, "frombuffer") || pathEndsWith(path, "read_insts")
            || pathEndsWith(path, "load_instr_binary") || pathEndsWith(path, "load_instr_sequence")
            || pathEndsWith(path, "read_instructions")) {
            const bool loader = !pathEndsWith(path, "fromfile") && !pathEndsWith(path, "frombuffer");
            const Arg* dtype = pick(args, 1, { QStringLiteral("dtype") });
            const bool words = loader || (dtype && dtype->text.contains(QLatin1String("32")));
            QString file = first && first->value.kind == Value::Kind::String ? first->value.string : QString();
            if (first && first->value.kind == Value::Kind::File)
                file = first->value.string;
            Value v = data(file, words);
            if (first && first->value.kind == Value::Kind::Data) {
                v.instructions = first->value.instructions;
                v.string = first->value.string;
            }
            v.instructions = v.instructions || loader || looksLikeInstructions(first ? first->text : QString());
            return v;
        }
        if ((path == QLatin1String("size") || path == QLatin1String("length")) && receiver.kind == Value::Kind::Data)
            return integer(std::nullopt, receiver.instructions ? Meaning::InstrWords : Meaning::Plain);
        if (receiver.kind == Value::Kind::Bo)
            return boMethod(path, receiver.bo, args);
        if (receiver.kind == Value::Kind::Run || path == QLatin1String("set_arg"))
            return runMethod(path, receiver.kind == Value::Kind::Run ? receiver.string : QString(), args, at, s, open);
        if (path == QLatin1String("memcpy") && first && first->value.kind == Value::Kind::Mapped) {
            if (const Arg* src = pick(args, 1, {}))
                writeInto(first->value.bo, src->value);
            return unknown(QStringLiteral("memcpy"));
        }
        if ((path == QLatin1String("data") || path == QLatin1String("tobytes") || path == QLatin1String("view")
             || path == QLatin1String("astype") || path == QLatin1String("flatten"))
            && receiver.kind == Value::Kind::Data)
            return receiver;
        return unknown(QStringLiteral("call of %1()").arg(path));
    }

    Value sizeOrConversion(const QString& path, const QList<Arg>& args)
    {
        const Arg* first = pick(args, 0, {});
        if (path != QLatin1String("sizeof"))
            return first ? first->value : unknown(QStringLiteral("conversion of nothing"));
        if (!first)
            return unknown(QStringLiteral("sizeof()"));
        const QString t = first->text;
        if (t.contains(QLatin1String("64")) || t == QLatin1String("long") || t == QLatin1String("size_t"))
            return integer(8);
        if (t.contains(QLatin1String("16")) || t == QLatin1String("short"))
            return integer(2);
        if (t.contains(QLatin1String("8")) || t == QLatin1String("char"))
            return integer(1);
        if (t.contains(QLatin1String("32")) || t == QLatin1String("int") || t == QLatin1String("float")
            || t == QLatin1String("unsigned"))
            return integer(4);
        return unknown(QStringLiteral("sizeof(%1)").arg(t));
    }

    static Value data(const QString& file, bool words)
    {
        Value v;
        v.kind = Value::Kind::Data;
        v.string = file;
        v.words = words;
        v.instructions = looksLikeInstructions(file);
        return v;
    }

    Value allocate(const QList<Arg>& args, const HostToken& at)
    {
        BoBinding bo;
        bo.allocation = HostLocation { m_file, at.line, at.column };
        const Arg* size = pick(args, 1, { QStringLiteral("size"), QStringLiteral("sz") });
        const Arg* flags = pick(args, 2, { QStringLiteral("flags") });
        const Arg* group = pick(args, 3, { QStringLiteral("group"), QStringLiteral("grp"), QStringLiteral("memgrp") });
        if (flags && !group && flags->value.kind == Value::Kind::Group) { // xrt::bo(device, size, group)
            group = flags;
            flags = nullptr;
            bo.flags = BoFlags::Normal;
        }
        if (size) {
            bo.sizeText = size->text;
            if (size->value.kind == Value::Kind::Int && size->value.integer && *size->value.integer >= 0)
                bo.size = quint64(*size->value.integer);
        }
        if (flags)
            bo.flagsSpan = flags->span;
        if (group)
            bo.groupSpan = group->span;
        if (flags && flags->value.kind == Value::Kind::Flags)
            bo.flags = flags->value.flags;
        else if (flags)
            unresolved(flags->text, QStringLiteral("the BO flags could not be resolved"), flags->location);
        if (group && group->value.kind == Value::Kind::Group) {
            bo.groupArgument = group->value.groupArgument;
        } else if (group && group->value.kind == Value::Kind::Int && group->value.integer) {
            bo.rawGroup = *group->value.integer;
        } else {
            unresolved(group ? group->text : QStringLiteral("xrt.bo(...)"),
                       QStringLiteral("the memory group of this BO could not be resolved"),
                       group ? group->location : bo.allocation);
        }
        m_bos << bo;
        Value v;
        v.kind = Value::Kind::Bo;
        v.bo = int(m_bos.size() - 1);
        return v;
    }

    void writeInto(int boIndex, const Value& src)
    {
        if (boIndex < 0 || src.kind != Value::Kind::Data)
            return;
        BoBinding& bo = m_bos[boIndex];
        if (src.instructions) {
            bo.instructions = true;
            if (!src.string.isEmpty() && m_plan.instructionFile.isEmpty())
                m_plan.instructionFile = src.string;
        }
        if (!src.string.isEmpty() && bo.inputFile.isEmpty())
            bo.inputFile = src.string;
    }

    Value boMethod(const QString& method, int boIndex, const QList<Arg>& args)
    {
        if (method == QLatin1String("write")) {
            if (const Arg* a = pick(args, 0, {}))
                writeInto(boIndex, a->value);
        } else if (method == QLatin1String("read")) {
            m_bos[boIndex].readBack = true;
        } else if (method == QLatin1String("sync")) {
            for (const Arg& a : args) {
                if (a.text.contains(QLatin1String("FROM_DEVICE")))
                    m_bos[boIndex].readBack = true;
            }
        } else if (method == QLatin1String("map")) {
            Value v;
            v.kind = Value::Kind::Mapped;
            v.bo = boIndex;
            return v;
        }
        return unknown(QStringLiteral("BO method %1()").arg(method));
    }

    Value runMethod(const QString& method, const QString& kernelName, const QList<Arg>& args, const HostToken& at,
                    const Tokens& s, qsizetype open)
    {
        if (method == QLatin1String("set_arg") && args.size() == 2) {
            const Arg& index = args.at(0);
            if (index.value.kind != Value::Kind::Int || !index.value.integer) {
                unresolved(index.text, QStringLiteral("set_arg() with an index that could not be resolved"),
                           index.location);
                return unknown(QStringLiteral("set_arg"));
            }
            if (!m_callFound) {
                m_callFound = true;
                m_setArgs = true;
                m_plan.call = HostLocation { m_file, at.line, at.column };
                m_plan.callText = joinTokens(s, qMax<qsizetype>(0, open - 3), matching(s, open) + 1);
                m_plan.kernelName = kernelName;
            }
            if (m_setArgs) {
                bind(int(*index.value.integer), args.at(1));
                m_plan.setArgSpans << span(s, qMax<qsizetype>(0, open - 3), matching(s, open));
            }
        }
        return unknown(QStringLiteral("run method %1()").arg(method));
    }

    Value kernelCall(const Value& kernel, const QList<Arg>& args, const HostToken& at, const Tokens& s, qsizetype open)
    {
        Value run;
        run.kind = Value::Kind::Run;
        if (m_callFound) {
            unresolved(
                joinTokens(s, open - 1, matching(s, open) + 1),
                QStringLiteral("another kernel call; only the first one (line %1) is checked").arg(m_plan.call.line),
                HostLocation { m_file, at.line, at.column });
            return run;
        }
        m_callFound = true;
        m_plan.call = HostLocation { m_file, at.line, at.column };
        m_plan.callText = joinTokens(s, open - 1, matching(s, open) + 1);
        m_plan.callSpan = span(s, open - 1, matching(s, open));
        m_plan.kernelName = kernel.string;
        for (int i = 0; i < args.size(); ++i)
            bind(i, args.at(i));
        return run;
    }

    void bind(int index, const Arg& a)
    {
        ArgBinding b;
        b.index = index;
        b.text = a.text;
        b.location = a.location;
        const Value& v = a.value;
        if (v.kind == Value::Kind::Bo) {
            b.kind = ArgBinding::Kind::Buffer;
            m_boArgs[index] = v.bo;
        } else if (v.kind == Value::Kind::Int) {
            b.kind = ArgBinding::Kind::Scalar;
            b.scalarValue = v.meaning == Meaning::Plain ? v.integer : std::nullopt;
            b.instructionWords = v.meaning == Meaning::InstrWords;
            b.instructionBytes = v.meaning == Meaning::InstrBytes;
        } else {
            b.kind = ArgBinding::Kind::Scalar;
            b.unresolved = true;
            unresolved(a.text,
                       QStringLiteral("could not tell whether this is a BO or a value (%1)")
                           .arg(v.why.isEmpty() ? QStringLiteral("not a BO, integer or variable holding one") : v.why),
                       a.location, index);
        }
        m_plan.setArgument(b);
    }

    void unresolved(const QString& text, const QString& reason, const HostLocation& loc, int argument = -1)
    {
        m_plan.unresolved << UnresolvedItem { text, reason, loc, argument };
    }

    void finish()
    {
        for (auto it = m_boArgs.cbegin(); it != m_boArgs.cend(); ++it) {
            ArgBinding b = m_plan.arguments.at(it.key());
            b.bo = m_bos.at(it.value());
            m_plan.setArgument(b);
        }
        for (int i = 0; i < m_bos.size(); ++i) {
            if (!m_boArgs.values().contains(i))
                m_plan.unpassedBuffers << m_bos.at(i);
        }
        if (!m_callFound) {
            unresolved(QString(),
                       QStringLiteral("no kernel call found (kernel(...), run = kernel(...) or run.set_arg)"),
                       HostLocation { m_file, 0, 0 });
        }
    }

    const Tokens& m_t;
    HostLanguage m_lang;
    QString m_file;
    BindingPlan m_plan;
    QHash<QString, Value> m_vars;
    QList<BoBinding> m_bos;
    QMap<int, int> m_boArgs; // argument index -> BO
    bool m_callFound = false;
    bool m_setArgs = false;
};

} // namespace

std::optional<BindingPlan> HostProgramReader::read(const QString& path, QString* error)
{
    HostLanguage lang;
    if (!hostLanguageFromPath(path, &lang)) {
        if (error)
            *error = QStringLiteral("%1: unknown host program language (expected .py or .cpp)").arg(path);
        return std::nullopt;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot open host program: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    return parse(QString::fromUtf8(f.readAll()), lang, path);
}

BindingPlan HostProgramReader::parse(const QString& source, HostLanguage language, const QString& fileName)
{
    const QList<HostToken> tokens = HostProgramTokenizer::tokenize(source, language);
    BindingPlan plan = Reader(tokens, language, fileName).run();
    for (const HostToken& t : tokens) {
        if (t.kind == HostToken::Kind::Error)
            plan.unresolved << UnresolvedItem { QString(), t.text, HostLocation { fileName, t.line, t.column }, -1 };
    }
    return plan;
}

} // namespace xi
