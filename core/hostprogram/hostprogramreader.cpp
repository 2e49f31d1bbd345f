// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostprogram/hostprogramreader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QSet>

#include <memory>

namespace xi {

namespace {

using Tokens = QList<HostToken>;

// What an integer stands for, so that len(insts) // 4 is known to be a word count even when the file is not.
enum class Meaning { Plain, InstrWords, InstrBytes };

// A loop whose element count is not known runs its body once; lists grown there have no known length.
constexpr int MaxUnroll = 64;
constexpr int MaxInlineCalls = 4000;
constexpr int MaxSteps = 200000; // statements run in all, so that nested loops cannot make reading slow

struct Value;
using ValueList = std::shared_ptr<QList<Value>>;

struct Value {
    enum class Kind {
        Unknown,
        Int,
        String,
        Flags,
        Group,
        Bo,
        Kernel,
        Run,
        Data,
        File,
        Mapped,
        Callable,
        List,
        Context,
        Instance,
        Function,
        Helper,
        Elf,
        Module,
        Map,
    };

    Kind kind = Kind::Unknown;
    std::optional<qint64> integer; // Int (may be unknown while its meaning is known)
    Meaning meaning = Meaning::Plain;
    QString string; // String; File path; Callable dotted path; Kernel name; Instance class; Function key
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
    std::shared_ptr<const Value> receiver; // Callable / Function: the object a method is called on
    ValueList list; // List: elements, shared so that append() through any name is seen by all
    std::shared_ptr<QHash<QString, Value>> map; // Map: items by literal key (std::map, dict), shared like list
    bool lengthUnknown = false; // List: grown in a loop whose count is unknown
    int context = -1; // Kernel: its hw_context index; Context: its index
    QString flow; // Kernel / Context: "xrt-kernel", "xrt-ext-kernel", "xrt-module-elf", or a helper layer
    int run = -1; // Run: index into Reader::m_runs
    int helper = -1; // Helper: index into Reader::m_helpers
    int instance = 0; // Instance: which object (0 = any object of the class, e.g. a method run on its own)
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

Value listOf(const QList<Value>& items)
{
    Value v;
    v.kind = Value::Kind::List;
    v.list = std::make_shared<QList<Value>>(items);
    return v;
}

struct Arg {
    QString keyword;
    Value value;
    QString text;
    HostLocation location;
    HostSpan span;
    bool star = false; // *bos: the list's items are passed one by one
};

// A statement with the statements under it (Python: indented under a header that ends with ':'; C++: a block).
struct Node {
    Tokens tokens; // the statement, or the block's header
    bool block = false;
    QList<std::shared_ptr<Node>> children;
};
using NodePtr = std::shared_ptr<Node>;

struct FunctionDef {
    QString name;
    QString cls; // the class it belongs to, if any
    QStringList params; // without self / this
    QList<NodePtr> body;
    QHash<QString, Value> defaults; // Python parameter defaults
    int line = 0;
    bool called = false;
};

// A helper layer object (mlir-aie NPUKernel, setup_aie / AIE_Application, XRTBackend, Riallto AppRunner).
struct HelperObject {
    QString layer;
    bool opcodeLayout = true; // kernel(3, instr, n_words, bo0, ...) rather than kernel(instr, ninstr, in, tmp, out)
    QString kernelName;
    QString instructions; // the instruction file it is given, if written as a string
    QMap<int, QString> registered; // AIE_Application.register_buffer(N, ...): group index -> text
    int callRecord = -1;
};

struct CallRecord {
    BindingPlan plan;
    QMap<int, int> boArgs; // argument index -> BO
    QString site; // "line:column" of the call, so that a loop or a helper run twice makes one call
};

struct RunObject {
    Value kernel;
    int callRecord = -1;
    QString site;
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

QString lastComponent(const QString& path)
{
    const QString p = normalisedPath(path);
    return p.mid(p.lastIndexOf(QLatin1Char('.')) + 1);
}

// A BO flags name in any of XRT's spellings: bo.flags.cacheable, bo.cacheable, XCL_BO_FLAGS_CACHEABLE.
bool flagsFromPath(const QString& path, BoFlags* out)
{
    const QString p = normalisedPath(path);
    if (!(p.startsWith(QLatin1String("bo.flags.")) || p.startsWith(QLatin1String("bo."))
          || p.startsWith(QLatin1String("flags.")) || p.contains(QLatin1String("BO_FLAGS"))))
        return false;
    return parseBoFlags(lastComponent(p), out) || parseBoFlags(p, out);
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
                || prev.isOp("[") || (prev.isOp("-") && i >= 2 && t.at(i - 2).isOp("("))
                || (prev.isOp("*") && i >= 2 && (t.at(i - 2).isOp("(") || t.at(i - 2).isOp(",")));
            if (!tight)
                s += QLatin1Char(' ');
        }
        s += k.text;
        if (s.size() > 400) { // a text for a message, not a copy of the file
            s += QStringLiteral("...");
            break;
        }
    }
    return s;
}

bool isOpen(const HostToken& k)
{
    return k.isOp("(") || k.isOp("[") || k.isOp("{");
}

bool isClose(const HostToken& k)
{
    return k.isOp(")") || k.isOp("]") || k.isOp("}");
}

qsizetype matching(const Tokens& s, qsizetype open, qsizetype end = -1)
{
    if (end < 0)
        end = s.size();
    int depth = 0;
    for (qsizetype i = open; i < end; ++i) {
        const HostToken& k = s.at(i);
        if (isOpen(k))
            ++depth;
        else if (isClose(k) && --depth == 0)
            return i;
    }
    return end;
}

// Index of the first token from `from` on that is outside brackets and `matches`, or -1.
template<typename Matches>
qsizetype findTopWhere(const Tokens& s, qsizetype from, qsizetype end, Matches matches)
{
    int depth = 0;
    for (qsizetype i = from; i < end; ++i) {
        const HostToken& k = s.at(i);
        if (isOpen(k))
            ++depth;
        else if (isClose(k))
            --depth;
        else if (depth == 0 && matches(k))
            return i;
    }
    return -1;
}

qsizetype findTop(const Tokens& s, const char* op, qsizetype from = 0)
{
    return findTopWhere(s, from, s.size(), [op](const HostToken& k) { return k.isOp(op); });
}

qsizetype findTopIdent(const Tokens& s, const char* name, qsizetype from = 0)
{
    return findTopWhere(s, from, s.size(), [name](const HostToken& k) { return k.isIdent(name); });
}

// A comprehension inside brackets: `for` outside any inner bracket (looked up in place, no copy of the tokens).
bool hasTopFor(const Tokens& s, qsizetype begin, qsizetype end)
{
    return findTopWhere(s, begin, end, [](const HostToken& k) { return k.isIdent("for"); }) >= 0;
}

// Splits [begin, end) at top-level commas.
QList<QPair<qsizetype, qsizetype>> splitTop(const Tokens& s, qsizetype begin, qsizetype end)
{
    QList<QPair<qsizetype, qsizetype>> parts;
    qsizetype start = begin;
    while (start < end) {
        qsizetype comma = findTopWhere(s, start, end, [](const HostToken& k) { return k.isOp(","); });
        if (comma < 0)
            comma = end;
        if (comma > start)
            parts << qMakePair(start, comma);
        start = comma + 1;
    }
    return parts;
}

// ---- statement trees ----

bool isPythonHeader(const Tokens& s)
{
    static const QStringList keywords
        = { QStringLiteral("if"),    QStringLiteral("elif"), QStringLiteral("else"),   QStringLiteral("for"),
            QStringLiteral("while"), QStringLiteral("try"),  QStringLiteral("except"), QStringLiteral("finally"),
            QStringLiteral("with"),  QStringLiteral("def"),  QStringLiteral("class"),  QStringLiteral("async"),
            QStringLiteral("match"), QStringLiteral("case") };
    return !s.isEmpty() && s.first().kind == HostToken::Kind::Identifier && keywords.contains(s.first().text)
        && findTop(s, ":") > 0;
}

class TreeBuilder {
public:
    TreeBuilder(const Tokens& tokens, HostLanguage lang)
        : m_t(tokens)
        , m_lang(lang)
    {
    }

    // The top-level nodes; tooDeepLine is set (and building stops) at a nesting deeper than MaxDepth.
    QList<NodePtr> build(int* tooDeepLine)
    {
        m_tooDeep = tooDeepLine;
        auto root = std::make_shared<Node>();
        if (m_lang == HostLanguage::Python)
            python(root);
        else
            cpp(root);
        return root->children;
    }

private:
    void python(const NodePtr& root)
    {
        QList<QPair<NodePtr, int>> stack { qMakePair(root, -1) };
        Tokens cur;
        auto flush = [&]() {
            if (cur.isEmpty())
                return;
            Tokens s = cur;
            cur.clear();
            if (s.first().isOp("@"))
                return; // a decorator
            const int column = s.first().column;
            while (stack.size() > 1 && stack.last().second >= column)
                stack.removeLast();
            auto node = std::make_shared<Node>();
            if (isPythonHeader(s)) {
                const qsizetype colon = findTop(s, ":");
                node->block = true;
                node->tokens = s.mid(0, colon);
                if (colon + 1 < s.size()) {
                    auto inner = std::make_shared<Node>();
                    inner->tokens = s.mid(colon + 1);
                    node->children << inner;
                }
                stack.last().first->children << node;
                if (stack.size() > HostProgramReader::MaxDepth) {
                    *m_tooDeep = s.first().line;
                    return;
                }
                stack << qMakePair(node, column);
            } else {
                node->tokens = s;
                stack.last().first->children << node;
            }
        };
        for (const HostToken& k : m_t) {
            if (*m_tooDeep > 0)
                return;
            if (k.kind == HostToken::Kind::Comment || k.kind == HostToken::Kind::Preprocessor
                || k.kind == HostToken::Kind::End || k.kind == HostToken::Kind::Error)
                continue;
            if (k.kind == HostToken::Kind::Newline || (k.isOp(";") && k.depth == 0)) {
                if (k.isOp(";") && !cur.isEmpty()) {
                    // a; b on one line: both at the column of the line's first statement
                    const int column = cur.first().column;
                    flush();
                    Q_UNUSED(column);
                } else {
                    flush();
                }
                continue;
            }
            cur << k;
        }
        flush();
    }

    static bool blockBrace(const Tokens& cur)
    {
        if (cur.isEmpty())
            return true;
        const HostToken& last = cur.last();
        if (last.isOp(")") || last.isIdent("else") || last.isIdent("try") || last.isIdent("do") || last.isOp("{")
            || last.isIdent("const") || last.isIdent("noexcept") || last.isIdent("override") || last.isIdent("mutable")
            || last.isOp(":") || last.isOp(";") || last.isOp("}"))
            return true;
        const HostToken& first = cur.first();
        if (first.isIdent("class") || first.isIdent("struct") || first.isIdent("namespace") || first.isIdent("union")
            || (first.isIdent("extern") && cur.size() == 2))
            return true;
        // a lambda with a trailing return type: [&](int n) -> xrt::bo {
        return findTopWhere(cur, 0, cur.size(), [](const HostToken& k) { return k.isOp("->"); }) > 0
            && findTop(cur, "=") > 0 && findTop(cur, "=") < cur.size() - 1 && cur.at(findTop(cur, "=") + 1).isOp("[");
    }

    void cpp(const NodePtr& root)
    {
        QList<NodePtr> stack { root };
        QList<bool> braceIsBlock;
        Tokens cur;
        int parens = 0;
        auto flush = [&]() {
            if (cur.isEmpty())
                return;
            auto node = std::make_shared<Node>();
            node->tokens = cur;
            cur.clear();
            stack.last()->children << node;
        };
        for (const HostToken& k : m_t) {
            if (*m_tooDeep > 0)
                return;
            if (k.kind == HostToken::Kind::Comment || k.kind == HostToken::Kind::End || k.kind == HostToken::Kind::Error
                || k.kind == HostToken::Kind::Newline)
                continue;
            if (k.kind == HostToken::Kind::Preprocessor) {
                auto node = std::make_shared<Node>();
                node->tokens << k;
                stack.last()->children << node;
                continue;
            }
            if (k.isOp("(") || k.isOp("["))
                ++parens;
            else if ((k.isOp(")") || k.isOp("]")) && parens > 0)
                --parens;
            if (k.isOp("{") && parens == 0) {
                const bool block = blockBrace(cur) || (!braceIsBlock.isEmpty() && !braceIsBlock.last() && false);
                braceIsBlock << block;
                if (block) {
                    auto node = std::make_shared<Node>();
                    node->block = true;
                    node->tokens = cur;
                    cur.clear();
                    stack.last()->children << node;
                    stack << node;
                    if (stack.size() > HostProgramReader::MaxDepth) {
                        *m_tooDeep = k.line;
                        return;
                    }
                    continue;
                }
            } else if (k.isOp("}") && parens == 0) {
                const bool block = braceIsBlock.isEmpty() || braceIsBlock.takeLast();
                if (block) {
                    flush();
                    if (stack.size() > 1)
                        stack.removeLast();
                    continue;
                }
            } else if (k.isOp(";") && parens == 0 && (braceIsBlock.isEmpty() || braceIsBlock.last())) {
                flush();
                continue;
            }
            cur << k;
            if (cur.size() > 200000) { // one statement this long is not a host program
                *m_tooDeep = k.line;
                return;
            }
        }
        flush();
    }

    const Tokens& m_t;
    HostLanguage m_lang;
    int* m_tooDeep = nullptr;
};

class Reader {
public:
    Reader(const Tokens& tokens, HostLanguage lang, const QString& file)
        : m_t(tokens)
        , m_lang(lang)
        , m_file(file)
    {
        m_scopes << QHash<QString, Value>();
    }

    HostProgram run()
    {
        int tooDeepLine = 0;
        const QList<NodePtr> top = TreeBuilder(m_t, m_lang).build(&tooDeepLine);
        if (tooDeepLine > 0)
            tooDeep(tooDeepLine);
        else
            execBlock(top, false);
        // Functions nobody calls (C++ main, pytest tests, methods run from elsewhere) run with unknown parameters:
        // main first, then the others in source order.
        if (!m_tooDeep) {
            if (m_functions.contains(QStringLiteral("main")) && !m_functions.value(QStringLiteral("main")).called)
                invoke(QStringLiteral("main"), {}, nullptr);
            for (const QString& key : std::as_const(m_functionOrder)) {
                if (m_tooDeep)
                    break;
                if (!m_functions.value(key).called)
                    invoke(key, {}, nullptr);
            }
        }
        return finish();
    }

private:
    HostLocation here(const HostToken& k) const { return HostLocation { m_file, k.line, k.column }; }

    HostSpan span(const Tokens& s, qsizetype first, qsizetype last) const
    {
        const HostToken& a = s.at(first);
        const HostToken& b = s.at(last);
        return HostSpan { HostLocation { m_file, a.line, a.column },
                          HostLocation { m_file, b.line, b.column + int(b.text.size()) } };
    }

    void tooDeep(int line)
    {
        if (m_tooDeep)
            return;
        m_tooDeep = true;
        m_programUnresolved << UnresolvedItem {
            QString(),
            QStringLiteral("the program nests brackets, blocks or helper calls more than %1 levels deep here; it was "
                           "not followed past this point")
                .arg(HostProgramReader::MaxDepth),
            HostLocation { m_file, line, 0 }, -1
        };
    }

    // Counts one level of recursion; false (and the program marked as too deep) past the limit.
    struct DepthGuard {
        Reader& r;
        bool ok;
        DepthGuard(Reader& reader, int line)
            : r(reader)
            , ok(++reader.m_depth <= HostProgramReader::MaxDepth && !reader.m_tooDeep)
        {
            if (reader.m_depth > HostProgramReader::MaxDepth)
                reader.tooDeep(line);
        }
        ~DepthGuard() { --r.m_depth; }
    };

    // ---- scopes ----

    std::optional<Value> lookup(const QString& n) const
    {
        for (qsizetype i = m_scopes.size() - 1; i >= 0; --i) {
            auto it = m_scopes.at(i).constFind(n);
            if (it != m_scopes.at(i).constEnd())
                return *it;
        }
        return std::nullopt;
    }

    bool sameValue(const Value& a, const Value& b) const
    {
        if (a.kind == Value::Kind::Bo && b.kind == Value::Kind::Bo && a.bo >= 0 && b.bo >= 0) {
            // two allocations alike in what the check reads: the same group and flags
            const BoBinding& x = m_bos.at(a.bo);
            const BoBinding& y = m_bos.at(b.bo);
            return a.bo == b.bo
                || (x.groupArgument == y.groupArgument && x.rawGroup == y.rawGroup && x.flags == y.flags
                    && x.flagsUnknown == y.flagsUnknown && m_boGroupProblem.at(a.bo) == m_boGroupProblem.at(b.bo)
                    && x.hasGroup());
        }
        if (a.kind != b.kind)
            return false;
        switch (a.kind) {
        case Value::Kind::Int: return a.integer == b.integer && a.meaning == b.meaning;
        case Value::Kind::String:
        case Value::Kind::Kernel: return a.string == b.string && a.context == b.context;
        case Value::Kind::Flags: return a.flags == b.flags;
        case Value::Kind::Group: return a.groupArgument == b.groupArgument && a.rawGroup == b.rawGroup;
        case Value::Kind::Bo: return a.bo == b.bo;
        case Value::Kind::Data: return a.instructions == b.instructions && a.words == b.words;
        case Value::Kind::List: return a.list == b.list;
        default: return false;
        }
    }

    void assign(const QString& name, Value v, int line = 0)
    {
        if (v.kind == Value::Kind::Bo && v.bo >= 0 && m_bos[v.bo].name.isEmpty()) {
            m_bos[v.bo].name = name;
            if (name.toLower().contains(QLatin1String("instr")) || name.toLower().contains(QLatin1String("insts")))
                m_bos[v.bo].instructions = true;
        }
        if (v.kind == Value::Kind::Data && looksLikeInstructions(name))
            v.instructions = true;
        if (m_conditional > 0) {
            // A value set in an if/else branch is known only when every way through sets the same.
            std::optional<Value> before = lookup(name);
            if (before && before->kind == Value::Kind::Unknown
                && before->why == QLatin1String("declared without a value"))
                before.reset(); // `xrt::bo C;` then set in each branch
            if (before && sameValue(*before, v) && before->kind == Value::Kind::Bo) {
                v = *before; // the first allocation stands for both
            } else if (before && !sameValue(*before, v)) {
                v = unknown(QStringLiteral("'%1' is set to different values in if/else branches (line %2)")
                                .arg(name)
                                .arg(line));
            }
        }
        if (m_lang == HostLanguage::Cpp && !m_declaring) {
            for (qsizetype i = m_scopes.size() - 1; i >= 0; --i) {
                if (m_scopes[i].contains(name)) {
                    m_scopes[i][name] = v;
                    return;
                }
            }
        }
        m_scopes.last()[name] = v;
    }

    // ---- statements ----

    void execBlock(const QList<NodePtr>& nodes, bool conditional)
    {
        if (conditional)
            ++m_conditional;
        for (const NodePtr& n : nodes) {
            if (m_tooDeep || m_returned)
                break;
            exec(*n);
        }
        if (conditional)
            --m_conditional;
    }

    void exec(const Node& n)
    {
        if (n.tokens.isEmpty()) {
            execBlock(n.children, false);
            return;
        }
        DepthGuard guard(*this, n.tokens.first().line);
        if (!guard.ok)
            return;
        if (++m_steps > MaxSteps) {
            // loops of known length inside each other, helpers called from them: reading stops, said with the line
            m_programUnresolved << UnresolvedItem {
                QString(),
                QStringLiteral("following the program's loops and helpers took more than %1 statements here; it was "
                               "not followed past this point")
                    .arg(MaxSteps),
                HostLocation { m_file, n.tokens.first().line, 0 }, -1
            };
            m_tooDeep = true;
            return;
        }
        if (n.tokens.first().kind == HostToken::Kind::Preprocessor) {
            preprocessor(n.tokens.first());
            return;
        }
        if (!n.block) {
            statement(n.tokens);
            return;
        }
        if (m_lang == HostLanguage::Python)
            pythonBlock(n);
        else
            cppBlock(n);
    }

    void preprocessor(const HostToken& k)
    {
        // #define NAME VALUE: an integer or flags alias.
        QString text = k.text.mid(1).trimmed();
        if (!text.startsWith(QLatin1String("define")))
            return;
        text = text.mid(6).trimmed();
        const Tokens t = HostProgramTokenizer::tokenize(text, HostLanguage::Cpp);
        Tokens body;
        for (const HostToken& x : t) {
            if (x.kind != HostToken::Kind::End && x.kind != HostToken::Kind::Comment
                && x.kind != HostToken::Kind::Newline)
                body << x;
        }
        if (body.size() < 2 || body.first().kind != HostToken::Kind::Identifier || body.at(1).isOp("("))
            return; // function-like macros are not followed
        for (HostToken& x : body)
            x.line = k.line;
        m_declaring = true;
        assign(body.first().text, evaluate(body, 1, body.size()), k.line);
        m_declaring = false;
    }

    static QStringList parameterNames(const Tokens& s, qsizetype open, HostLanguage lang)
    {
        QStringList names;
        const qsizetype close = matching(s, open);
        for (const auto& [b, e] : splitTop(s, open + 1, close)) {
            qsizetype stop = e;
            const qsizetype eq = findTopWhere(s, b, e, [](const HostToken& k) { return k.isOp("="); });
            if (eq >= 0)
                stop = eq;
            if (lang == HostLanguage::Python) {
                const qsizetype colon = findTopWhere(s, b, stop, [](const HostToken& k) { return k.isOp(":"); });
                if (colon >= 0)
                    stop = colon;
                qsizetype first = b;
                while (first < stop && (s.at(first).isOp("*") || s.at(first).isOp("**")))
                    ++first;
                if (first < stop && s.at(first).kind == HostToken::Kind::Identifier)
                    names << s.at(first).text;
            } else {
                for (qsizetype i = stop - 1; i >= b; --i) {
                    if (s.at(i).kind == HostToken::Kind::Identifier) {
                        names << s.at(i).text;
                        break;
                    }
                }
            }
        }
        return names;
    }

    // Python defaults (def mkbo(index, size=4096)), evaluated where the function is defined, as Python does.
    QHash<QString, Value> parameterDefaults(const Tokens& s, qsizetype open)
    {
        QHash<QString, Value> defaults;
        if (m_lang != HostLanguage::Python)
            return defaults;
        for (const auto& [b, e] : splitTop(s, open + 1, matching(s, open))) {
            const qsizetype eq = findTopWhere(s, b, e, [](const HostToken& k) { return k.isOp("="); });
            if (eq > b && s.at(b).kind == HostToken::Kind::Identifier)
                defaults.insert(s.at(b).text, evaluate(s, eq + 1, e));
        }
        return defaults;
    }

    void defineFunction(const QString& name, const QString& cls, QStringList params, const NodePtr& body, int line,
                        const QHash<QString, Value>& defaults = {})
    {
        if (!params.isEmpty() && (params.first() == QLatin1String("self") || params.first() == QLatin1String("cls")))
            params.removeFirst();
        FunctionDef f;
        f.name = name;
        f.cls = cls;
        f.params = params;
        f.body = body->children;
        f.line = line;
        f.defaults = defaults;
        const QString key = cls.isEmpty() ? name : cls + QLatin1Char('.') + name;
        if (!m_functions.contains(key))
            m_functionOrder << key;
        m_functions.insert(key, f);
        if (!cls.isEmpty() && !m_functions.contains(name))
            m_methodOwner.insert(name, key);
        Value fn;
        fn.kind = Value::Kind::Function;
        fn.string = key;
        if (cls.isEmpty())
            m_scopes.first().insert(name, fn);
    }

    void pythonBlock(const Node& n)
    {
        const Tokens& h = n.tokens;
        const HostToken& first = h.first();
        if (first.isIdent("def") && h.size() >= 3 && h.at(2).isOp("(")) {
            defineFunction(h.at(1).text, m_class, parameterNames(h, 2, m_lang), std::make_shared<Node>(n), first.line,
                           parameterDefaults(h, 2));
            return;
        }
        if (first.isIdent("async")) {
            Node inner = n;
            inner.tokens.removeFirst();
            if (!inner.tokens.isEmpty())
                pythonBlock(inner);
            return;
        }
        if (first.isIdent("class") && h.size() >= 2) {
            const QString saved = m_class;
            m_class = h.at(1).text;
            m_classes << m_class;
            execBlock(n.children, false);
            m_class = saved;
            return;
        }
        if (first.isIdent("with")) {
            for (const auto& [b, e] : splitTop(h, 1, h.size())) {
                const qsizetype as = findTopWhere(h, b, e, [](const HostToken& k) { return k.isIdent("as"); });
                if (as > 0 && as + 1 < e)
                    assign(h.at(as + 1).text, evaluate(h, b, as), first.line);
                else
                    evaluate(h, b, e);
            }
            execBlock(n.children, false);
            return;
        }
        if (first.isIdent("for")) {
            const qsizetype in = findTopIdent(h, "in", 1);
            if (in < 0) {
                execBlock(n.children, false);
                return;
            }
            QStringList targets;
            for (const auto& [b, e] : splitTop(h, 1, in)) {
                if (e - b == 1 && h.at(b).kind == HostToken::Kind::Identifier)
                    targets << h.at(b).text;
                else
                    targets << QString();
            }
            loop(targets, evaluate(h, in + 1, h.size()), n.children, first.line);
            return;
        }
        if (first.isIdent("while")) {
            uncertainLoop(n.children);
            return;
        }
        const bool conditional = first.isIdent("if") || first.isIdent("elif") || first.isIdent("else")
            || first.isIdent("except") || first.isIdent("case") || first.isIdent("match");
        if (first.isIdent("if") || first.isIdent("elif"))
            evaluate(h, 1, h.size());
        execBlock(n.children, conditional);
    }

    // Runs a loop body once per element when the elements are known, else once with the loop variables unknown.
    void loop(const QStringList& targets, const Value& iterable, const QList<NodePtr>& body, int line)
    {
        const bool known
            = iterable.kind == Value::Kind::List && !iterable.lengthUnknown && iterable.list->size() <= MaxUnroll;
        if (!known) {
            for (const QString& t : targets) {
                if (!t.isEmpty())
                    m_scopes.last()[t] = unknown(QStringLiteral("the loop variable '%1' of line %2").arg(t).arg(line));
            }
            uncertainLoop(body);
            return;
        }
        const QList<Value> items = *iterable.list;
        for (const Value& item : items) {
            if (m_tooDeep || m_returned)
                break;
            if (targets.size() == 1) {
                if (!targets.first().isEmpty())
                    m_scopes.last()[targets.first()] = item; // each pass binds it anew, branches or not
            } else {
                for (int i = 0; i < targets.size(); ++i) {
                    if (targets.at(i).isEmpty())
                        continue;
                    const bool has = item.kind == Value::Kind::List && !item.lengthUnknown && i < item.list->size();
                    m_scopes.last()[targets.at(i)] = has ? item.list->at(i) : unknown(QStringLiteral("loop variable"));
                }
            }
            execBlock(body, false);
        }
    }

    // C++ `for (int i = A; i < B; ++i)` and `for (auto& x : list)`.
    void cppFor(const Node& n)
    {
        const Tokens& h = n.tokens;
        const qsizetype open = 1;
        const qsizetype close = matching(h, open);
        const qsizetype colon = findTopWhere(h, open + 1, close, [](const HostToken& k) { return k.isOp(":"); });
        if (colon > open + 1) {
            QStringList target { h.at(colon - 1).kind == HostToken::Kind::Identifier ? h.at(colon - 1).text
                                                                                     : QString() };
            loop(target, evaluate(h, colon + 1, close), n.children, h.first().line);
            return;
        }
        // for (int i = A; i < B; ++i | i++ | i += 1)
        QList<qsizetype> semis;
        for (qsizetype i = open + 1; i < close; ++i) {
            if (h.at(i).isOp(";") && h.at(i).depth == h.at(open).depth + 1)
                semis << i;
        }
        if (semis.size() == 2) {
            const qsizetype eq = findTopWhere(h, open + 1, semis.at(0), [](const HostToken& k) { return k.isOp("="); });
            if (eq > open + 1 && h.at(eq - 1).kind == HostToken::Kind::Identifier) {
                const QString var = h.at(eq - 1).text;
                const Value from = evaluate(h, eq + 1, semis.at(0));
                const qsizetype lt = findTopWhere(h, semis.at(0) + 1, semis.at(1),
                                                  [](const HostToken& k) { return k.isOp("<") || k.isOp("<="); });
                const QString step = joinTokens(h, semis.at(1) + 1, close).remove(QLatin1Char(' '));
                const bool unit = step == QStringLiteral("++") + var || step == var + QStringLiteral("++")
                    || step == var + QStringLiteral("+=1");
                if (lt > 0 && unit && from.kind == Value::Kind::Int && from.integer) {
                    const Value to = evaluate(h, lt + 1, semis.at(1));
                    if (to.kind == Value::Kind::Int && to.integer) {
                        const qint64 last = *to.integer + (h.at(lt).isOp("<=") ? 1 : 0);
                        if (last - *from.integer <= MaxUnroll) {
                            QList<Value> items;
                            for (qint64 i = *from.integer; i < last; ++i)
                                items << integer(i);
                            m_scopes << QHash<QString, Value>(); // the loop variable lives in the loop
                            loop({ var }, listOf(items), n.children, h.first().line);
                            m_scopes.removeLast();
                            return;
                        }
                    }
                }
                m_scopes << QHash<QString, Value>();
                m_scopes.last().insert(var, unknown(QStringLiteral("the loop variable '%1'").arg(var)));
                uncertainLoop(n.children);
                m_scopes.removeLast();
                return;
            }
        }
        uncertainLoop(n.children);
    }

    // A loop whose count is not known runs once: lists grown and contexts made there have no known count.
    void uncertainLoop(const QList<NodePtr>& body)
    {
        ++m_uncertainLoop;
        execBlock(body, false);
        --m_uncertainLoop;
    }

    void cppBlock(const Node& n)
    {
        Tokens h = n.tokens;
        if (h.isEmpty()) {
            execBlock(n.children, false);
            return;
        }
        const HostToken& first = h.first();
        if (first.isIdent("else") || first.isIdent("if") || first.isIdent("switch") || first.isIdent("catch")
            || first.isIdent("case") || first.isIdent("default")) {
            execBlock(n.children, true);
            return;
        }
        if (first.isIdent("try") || first.isIdent("do") || first.isIdent("namespace") || first.isIdent("extern")) {
            execBlock(n.children, false);
            return;
        }
        if (first.isIdent("for") && h.size() > 1 && h.at(1).isOp("(")) {
            cppFor(n);
            return;
        }
        if (first.isIdent("while")) {
            uncertainLoop(n.children);
            return;
        }
        if (first.isIdent("class") || first.isIdent("struct") || first.isIdent("union")) {
            const QString saved = m_class;
            if (h.size() >= 2 && h.at(1).kind == HostToken::Kind::Identifier)
                m_class = h.at(1).text;
            m_classes << m_class;
            execBlock(n.children, false);
            m_class = saved;
            return;
        }
        // A lambda: auto NAME = [captures](params) ... {
        const qsizetype eq = findTop(h, "=");
        if (eq > 0 && eq + 1 < h.size() && h.at(eq + 1).isOp("[") && h.at(eq - 1).kind == HostToken::Kind::Identifier) {
            const qsizetype captures = matching(h, eq + 1);
            QStringList params;
            if (captures + 1 < h.size() && h.at(captures + 1).isOp("("))
                params = parameterNames(h, captures + 1, m_lang);
            defineFunction(h.at(eq - 1).text, QString(), params, std::make_shared<Node>(n), first.line);
            return;
        }
        // A function: ... NAME(params) [const] [: inits] {  (constructor initialisers are statements of the body)
        qsizetype open = -1;
        for (qsizetype i = 1; i < h.size(); ++i) {
            if (h.at(i).isOp("(") && h.at(i - 1).kind == HostToken::Kind::Identifier) {
                open = i;
                break;
            }
        }
        if (open > 0) {
            QString cls = m_class;
            if (open >= 3 && h.at(open - 2).isOp("::") && h.at(open - 3).kind == HostToken::Kind::Identifier)
                cls = h.at(open - 3).text;
            const QString name = h.at(open - 1).text;
            auto body = std::make_shared<Node>(n);
            const qsizetype close = matching(h, open);
            // member initialisers `: kernel_(ctx, "MLIR_AIE"), bo_(...)` become assignments at the body's start
            if (close + 1 < h.size() && h.at(close + 1).isOp(":")) {
                for (const auto& [b, e] : splitTop(h, close + 2, h.size())) {
                    if (e - b >= 3 && h.at(b).kind == HostToken::Kind::Identifier && isOpen(h.at(b + 1))) {
                        auto init = std::make_shared<Node>();
                        init->tokens = h.mid(b, e - b);
                        init->tokens.insert(0,
                                            HostToken { HostToken::Kind::Identifier, QStringLiteral("__member"),
                                                        h.at(b).line, h.at(b).column, 0 });
                        body->children.prepend(init);
                    }
                }
            }
            defineFunction(name, cls, parameterNames(h, open, m_lang), body, first.line);
            if (name == QLatin1String("main") && cls.isEmpty())
                m_functions[name].name = name;
            return;
        }
        execBlock(n.children, false);
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
        if (first.isIdent("import") || first.isIdent("from")) {
            importStatement(s);
            return;
        }
        static const QStringList skip
            = { QStringLiteral("assert"), QStringLiteral("raise"),   QStringLiteral("global"),
                QStringLiteral("pass"),   QStringLiteral("break"),   QStringLiteral("continue"),
                QStringLiteral("del"),    QStringLiteral("nonlocal") };
        if (first.kind == HostToken::Kind::Identifier && skip.contains(first.text))
            return;
        if (first.isIdent("return")) {
            s.removeFirst();
            const bool tuple = findTop(s, ",") >= 0;
            const Value v = s.isEmpty() ? unknown(QStringLiteral("nothing returned"))
                : tuple                 ? listLiteral(s, 0, s.size())
                                        : evaluate(s, 0, s.size());
            returnValue(v);
            return;
        }
        assignmentOrExpression(s);
    }

    void returnValue(const Value& v)
    {
        if (m_inlineDepth == 0)
            return;
        m_returnValue = v;
        if (m_conditional == m_functionConditionalBase)
            m_returned = true;
    }

    void importStatement(const Tokens& s)
    {
        if (s.first().isIdent("import")) {
            // import pyxrt as ipr, numpy as np
            for (const auto& [b, e] : splitTop(s, 1, s.size())) {
                const QString module = joinTokens(s, b, e);
                const qsizetype as = findTopWhere(s, b, e, [](const HostToken& k) { return k.isIdent("as"); });
                if (as > 0 && as + 1 < e) {
                    const QString mod = joinTokens(s, b, as);
                    if (mod == QLatin1String("pyxrt") || mod == QLatin1String("xrt"))
                        m_xrtAliases << s.at(as + 1).text;
                    m_modules.insert(s.at(as + 1).text, mod);
                } else {
                    m_modules.insert(module, module);
                }
            }
            return;
        }
        // from MODULE import a, b as c
        const qsizetype imp = findTopIdent(s, "import");
        if (imp < 2)
            return;
        const QString module = joinTokens(s, 1, imp);
        qsizetype b = imp + 1;
        qsizetype e = s.size();
        if (b < e && s.at(b).isOp("(")) {
            e = matching(s, b);
            ++b;
        }
        for (const auto& [pb, pe] : splitTop(s, b, e)) {
            const qsizetype as = findTopWhere(s, pb, pe, [](const HostToken& k) { return k.isIdent("as"); });
            const QString local = as > 0 && as + 1 < pe ? s.at(as + 1).text : s.at(pb).text;
            m_importedFrom.insert(local, module);
            if (module == QLatin1String("pyxrt") || module == QLatin1String("xrt"))
                m_fromXrt << local;
        }
    }

    void assignmentOrExpression(const Tokens& s)
    {
        qsizetype eq = findTop(s, "=");
        if (eq < 0) {
            for (const char* op : { "+=", "-=", "*=", "|=", "<<=", "/=" }) {
                const qsizetype c = findTop(s, op);
                if (c == 1 && s.first().kind == HostToken::Kind::Identifier) {
                    // x += 1: known only when both sides are
                    const QString o = QString::fromLatin1(op).chopped(1);
                    Value v = arithmetic(o, name(s.first().text), evaluate(s, 2, s.size()));
                    if (m_uncertainLoop > 0)
                        v = unknown(QStringLiteral("changed in a loop whose count is not known"));
                    assign(s.first().text, v, s.first().line);
                    return;
                }
            }
            evaluate(s, 0, s.size());
            return;
        }
        qsizetype lhsEnd = eq;
        if (m_lang == HostLanguage::Python) {
            const qsizetype colon = findTop(s, ":"); // annotated assignment: name: int = 3
            if (colon > 0 && colon < eq)
                lhsEnd = colon;
            // a = b = value
            const qsizetype eq2 = findTop(s, "=", eq + 1);
            if (eq2 > 0) {
                Tokens rest = s.mid(eq + 1);
                assignmentOrExpression(rest);
                Tokens head = s.mid(0, eq + 1);
                head << rest.mid(0, eq2 - eq - 1);
                assignmentOrExpression(head);
                return;
            }
        }
        const int line = s.first().line;
        const bool tuple = m_lang == HostLanguage::Python
            && findTopWhere(s, eq + 1, s.size(), [](const HostToken& k) { return k.isOp(","); }) >= 0;
        const Value v = tuple ? listLiteral(s, eq + 1, s.size()) : evaluate(s, eq + 1, s.size());
        assignTarget(s, 0, lhsEnd, v, line);
    }

    // Assigns to what stands in [b, e): a name, a.b attribute, list[i], a tuple of names, or a C++ declaration.
    void assignTarget(const Tokens& s, qsizetype b, qsizetype e, const Value& v, int line)
    {
        if (e - b == 1 && s.at(b).kind == HostToken::Kind::Identifier) {
            assign(s.at(b).text, v, line);
            return;
        }
        if (m_lang == HostLanguage::Python
            && findTopWhere(s, b, e, [](const HostToken& k) { return k.isOp(","); }) >= 0) {
            const auto parts = splitTop(s, b, e);
            const bool known = v.kind == Value::Kind::List && !v.lengthUnknown && v.list->size() == parts.size();
            for (int i = 0; i < parts.size(); ++i) {
                assignTarget(s, parts.at(i).first, parts.at(i).second,
                             known ? v.list->at(i) : unknown(QStringLiteral("unpacked from a value not understood")),
                             line);
            }
            return;
        }
        if (e - b >= 3 && (s.at(e - 2).isOp(".") || s.at(e - 2).isOp("->"))
            && s.at(e - 1).kind == HostToken::Kind::Identifier) {
            const Value base = evaluate(s, b, e - 2);
            setAttribute(base, joinTokens(s, b, e - 2), s.at(e - 1).text, v, line);
            return;
        }
        if (e - b >= 4 && s.at(e - 1).isOp("]")) {
            qsizetype open = e - 1;
            int depth = 0;
            for (qsizetype i = e - 1; i >= b; --i) {
                if (isClose(s.at(i)))
                    ++depth;
                else if (isOpen(s.at(i)) && --depth == 0) {
                    open = i;
                    break;
                }
            }
            const Value base = evaluate(s, b, open);
            const Value index = evaluate(s, open + 1, e - 1);
            if (base.kind == Value::Kind::Map && index.kind == Value::Kind::String) {
                base.map->insert(index.string, v);
                return;
            }
            if (base.kind == Value::Kind::List && index.kind == Value::Kind::Int && index.integer && *index.integer >= 0
                && *index.integer < base.list->size())
                (*base.list)[*index.integer] = v;
            else if (base.kind == Value::Kind::List)
                m_uncertainLists << base.list.get(); // an item set at an index not known
            return;
        }
        if (m_lang == HostLanguage::Cpp && e - b >= 2 && s.at(e - 1).kind == HostToken::Kind::Identifier)
            declare(s.mid(b, e - b - 1), s.at(e - 1).text, v, line);
    }

    static QString instanceKey(const Value& instance, const QString& attr)
    {
        return QStringLiteral("%1#%2.%3").arg(instance.string).arg(instance.instance).arg(attr);
    }

    void setAttribute(const Value& base, const QString& baseText, const QString& attr, const Value& v, int line)
    {
        if (base.kind == Value::Kind::Instance) {
            m_attributes[instanceKey(base, attr)] = v;
            if (v.kind == Value::Kind::Bo && v.bo >= 0 && m_bos[v.bo].name.isEmpty()) {
                m_bos[v.bo].name = baseText + QLatin1Char('.') + attr;
                if (attr.toLower().contains(QLatin1String("instr")) || attr.toLower().contains(QLatin1String("insts")))
                    m_bos[v.bo].instructions = true;
            }
            return;
        }
        assign(baseText + QLatin1Char('.') + attr, v, line);
    }

    void cppStatement(Tokens s)
    {
        int conditional = 0;
        while (!s.isEmpty()) {
            const HostToken& first = s.first();
            if (first.isIdent("else") || first.isIdent("do")) {
                s.removeFirst();
                conditional = 1;
            } else if (first.isIdent("return")) {
                s.removeFirst();
                const Value v = s.isEmpty() ? unknown(QStringLiteral("nothing returned")) : evaluate(s, 0, s.size());
                m_conditional += conditional;
                returnValue(v);
                m_conditional -= conditional;
                return;
            } else if (first.isIdent("for") && s.size() > 1 && s.at(1).isOp("(") && matching(s, 1) + 1 < s.size()) {
                // for (...) statement; without braces: the same loop as with them
                const qsizetype close = matching(s, 1);
                Node loopNode;
                loopNode.block = true;
                loopNode.tokens = s.mid(0, close + 1);
                auto body = std::make_shared<Node>();
                body->tokens = s.mid(close + 1);
                loopNode.children << body;
                m_conditional += conditional;
                cppFor(loopNode);
                m_conditional -= conditional;
                return;
            } else if ((first.isIdent("if") || first.isIdent("for") || first.isIdent("while") || first.isIdent("catch")
                        || first.isIdent("switch"))
                       && s.size() > 1 && s.at(1).isOp("(")) {
                conditional
                    = first.isIdent("if") || first.isIdent("switch") || first.isIdent("catch") ? 1 : conditional;
                s = s.mid(matching(s, 1) + 1);
            } else if (first.isIdent("case") || first.isIdent("default")) {
                const qsizetype colon = findTop(s, ":");
                s = colon > 0 ? s.mid(colon + 1) : Tokens();
                conditional = 1;
            } else if (first.isIdent("public") || first.isIdent("private") || first.isIdent("protected")) {
                s = s.size() > 1 && s.at(1).isOp(":") ? s.mid(2) : s.mid(1);
            } else {
                break;
            }
        }
        m_conditional += conditional;
        cppSimpleStatement(s);
        m_conditional -= conditional;
    }

    void cppSimpleStatement(const Tokens& s)
    {
        if (s.isEmpty() || s.first().isIdent("using") || s.first().isIdent("namespace") || s.first().isIdent("typedef")
            || s.first().isIdent("template") || s.first().isIdent("static_assert") || s.first().isIdent("break")
            || s.first().isIdent("continue"))
            return;
        if (s.first().isIdent("__member") && s.size() > 2) {
            // a constructor's member initialiser: kernel_(ctx, "MLIR_AIE")
            const Value member = name(s.at(1).text);
            const QList<Arg> args = arguments(s, 2);
            Value v;
            const QString type = m_declaredTypes.value(s.at(1).text);
            if (!type.isEmpty() && !isScalarType(type)) {
                Value callee;
                callee.kind = Value::Kind::Callable;
                callee.string = type;
                v = call(callee, args, s.at(1), s, 2);
            } else if (args.size() == 1) {
                v = args.first().value;
            } else {
                v = unknown(QStringLiteral("member '%1' initialised with a type not known").arg(s.at(1).text));
            }
            assign(s.at(1).text, v, s.first().line);
            return;
        }
        if (findTop(s, "=") >= 0) {
            m_declaring = isDeclaration(s, findTop(s, "="));
            assignmentOrExpression(s);
            m_declaring = false;
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
        if (open >= 2 && s.at(open - 1).kind == HostToken::Kind::Identifier && matching(s, open) == s.size() - 1) {
            const HostToken& before = s.at(open - 2);
            if (before.kind == HostToken::Kind::Identifier || before.isOp(">") || before.isOp("*")
                || before.isOp("&")) {
                const Tokens type = s.mid(0, open - 1);
                const QString typePath = joinTokens(type, 0, type.size());
                Value callee;
                callee.kind = Value::Kind::Callable;
                callee.string = typePath;
                const QList<Arg> args = arguments(s, open);
                m_declaring = true;
                Value v;
                if (isScalarType(typePath) && args.size() == 1)
                    v = args.first().value; // uint32_t n(4) / constexpr int OPCODE{3}
                else
                    v = call(callee, args, s.at(open - 1), s, open);
                declare(type, s.at(open - 1).text, v, s.first().line);
                m_declaring = false;
                return;
            }
        }
        // TYPE a, b, c; several declarations without a value
        if (const qsizetype comma = findTop(s, ","); comma > 2 && s.at(comma - 1).kind == HostToken::Kind::Identifier
            && (s.at(comma - 2).kind == HostToken::Kind::Identifier || s.at(comma - 2).isOp(">"))) {
            const Tokens type = s.mid(0, comma - 1);
            m_declaring = true;
            declare(type, s.at(comma - 1).text, unknown(QStringLiteral("declared without a value")), s.first().line);
            for (const auto& [b, e] : splitTop(s, comma + 1, s.size())) {
                if (e - b == 1 && s.at(b).kind == HostToken::Kind::Identifier)
                    declare(type, s.at(b).text, unknown(QStringLiteral("declared without a value")), s.first().line);
            }
            m_declaring = false;
            return;
        }
        // TYPE NAME; a declaration without a value
        if (s.size() >= 2 && s.last().kind == HostToken::Kind::Identifier
            && (s.at(s.size() - 2).kind == HostToken::Kind::Identifier || s.at(s.size() - 2).isOp(">")
                || s.at(s.size() - 2).isOp("*") || s.at(s.size() - 2).isOp("&"))
            && !s.first().isIdent("return")) {
            m_declaring = true;
            declare(s.mid(0, s.size() - 1), s.last().text, unknown(QStringLiteral("declared without a value")),
                    s.first().line);
            m_declaring = false;
            return;
        }
        evaluate(s, 0, s.size());
    }

    static bool isScalarType(const QString& typePath)
    {
        const QString t = normalisedPath(typePath);
        if (t.contains(QLatin1Char('<')) || t.contains(QLatin1String("vector")) || t.contains(QLatin1String("array")))
            return false;
        return t.contains(QLatin1String("int")) || t.contains(QLatin1String("size_t"))
            || t.contains(QLatin1String("long")) || t.contains(QLatin1String("unsigned"))
            || t.endsWith(QLatin1String("auto"));
    }

    static bool isDeclaration(const Tokens& s, qsizetype eq)
    {
        return eq >= 2 && s.at(eq - 1).kind == HostToken::Kind::Identifier
            && (s.at(eq - 2).kind == HostToken::Kind::Identifier || s.at(eq - 2).isOp(">") || s.at(eq - 2).isOp("*")
                || s.at(eq - 2).isOp("&"));
    }

    void declare(const Tokens& type, const QString& name, Value v, int line)
    {
        const QString t = normalisedPath(joinTokens(type, 0, type.size()));
        m_declaredTypes.insert(name, joinTokens(type, 0, type.size()).remove(QStringLiteral("const ")));
        const bool wasDeclaring = m_declaring;
        m_declaring = true;
        if (v.kind == Value::Kind::Unknown
            && (t.endsWith(QLatin1String("ext.kernel")) || t.endsWith(QLatin1String("kernel")))
            && v.why == QLatin1String("declared without a value")) {
            // a member or variable declared as xrt::kernel and set elsewhere (a constructor, a helper)
            v.kind = Value::Kind::Kernel;
            v.flow = t.contains(QLatin1String("ext")) ? QStringLiteral("xrt-ext-kernel") : QStringLiteral("xrt-kernel");
        } else if (v.kind == Value::Kind::Unknown && t.contains(QLatin1String("map")) && t.contains(QLatin1Char('<'))
                   && v.why == QLatin1String("declared without a value")) {
            const QString full = joinTokens(type, 0, type.size());
            QString element = full.mid(full.indexOf(QLatin1Char(',')) + 1);
            v = Value();
            v.kind = Value::Kind::Map;
            v.map = std::make_shared<QHash<QString, Value>>();
            v.string = element.left(element.lastIndexOf(QLatin1Char('>'))).trimmed(); // the mapped type
        } else if (v.kind == Value::Kind::Unknown
                   && (t.contains(QLatin1String("vector")) || t.contains(QLatin1String("array")))
                   && (v.why == QLatin1String("declared without a value")
                       || v.why.startsWith(QLatin1String("call of")))) {
            const QString full = joinTokens(type, 0, type.size());
            QString element = full.mid(full.indexOf(QLatin1Char('<')) + 1);
            element = element.left(element.lastIndexOf(QLatin1Char('>'))).trimmed();
            if (isScalarType(element.section(QLatin1Char(','), 0, 0))) {
                // std::vector<uint32_t>: words whose count the program knows, not a list of objects
                v = data(QString(), true);
                v.instructions = looksLikeInstructions(name);
            } else if (t.contains(QLatin1String("array")) && element.contains(QLatin1Char(','))) {
                // std::array<xrt::bo, 3>: three items, set one by one
                const int n = element.section(QLatin1Char(','), -1).trimmed().toInt();
                QList<Value> items;
                for (int i = 0; i < qMin(n, MaxUnroll); ++i)
                    items << unknown(QStringLiteral("item %1 of '%2', never set").arg(i).arg(name));
                v = listOf(items);
                v.string = element.section(QLatin1Char(','), 0, 0).trimmed();
            } else {
                v = listOf({});
                v.string = element; // the element type, for emplace_back
            }
        } else if (v.kind == Value::Kind::Unknown && v.why == QLatin1String("declared without a value")
                   && m_classes.contains(t.section(QLatin1Char('.'), -1))) {
            // `Stage stage;`: an object of a class of the program, made by its default constructor
            Value inst;
            inst.kind = Value::Kind::Instance;
            inst.string = t.section(QLatin1Char('.'), -1);
            inst.instance = ++m_instanceCount;
            const QString ctor = inst.string + QLatin1Char('.') + inst.string;
            if (m_functions.contains(ctor))
                invoke(ctor, {}, &inst);
            v = inst;
        } else if (v.kind == Value::Kind::Unknown && isScalarType(t)
                   && (v.why == QLatin1String("declared without a value") || !t.endsWith(QLatin1String("auto")))) {
            const QString why = v.why; // an integer whose value is not known, and why
            v = integer(std::nullopt);
            v.why = why;
        }
        assign(name, v, line);
        m_declaring = wasDeclaring;
    }
    // ---- expressions ----

    Value evaluate(const Tokens& s, qsizetype begin, qsizetype end)
    {
        if (begin >= end)
            return unknown(QStringLiteral("empty expression"));
        DepthGuard guard(*this, s.at(begin).line);
        if (!guard.ok)
            return unknown(QStringLiteral("nested too deeply"));
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
        while (pos < end && !m_tooDeep) {
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
        if (a.kind == Value::Kind::List && b.kind == Value::Kind::Int && b.integer && op == QLatin1String("*")
            && !a.lengthUnknown && a.list->size() * *b.integer <= MaxUnroll) {
            QList<Value> items;
            for (qint64 i = 0; i < *b.integer; ++i)
                items << *a.list;
            return listOf(items);
        }
        if (a.kind == Value::Kind::List && b.kind == Value::Kind::List && op == QLatin1String("+")) {
            Value v = listOf(*a.list + *b.list);
            v.lengthUnknown = a.lengthUnknown || b.lengthUnknown;
            return v;
        }
        if (a.kind != Value::Kind::Int || b.kind != Value::Kind::Int) {
            if (a.kind == Value::Kind::Unknown && !a.why.isEmpty())
                return unknown(a.why);
            if (b.kind == Value::Kind::Unknown && !b.why.isEmpty())
                return unknown(b.why);
            return unknown(QStringLiteral("arithmetic on something that is not a number"));
        }
        Meaning m = Meaning::Plain;
        const bool four = b.integer && *b.integer == 4 && b.meaning == Meaning::Plain;
        const bool divide = op == QLatin1String("/") || op == QLatin1String("//");
        if (a.meaning == Meaning::InstrBytes && ((four && divide) || (b.integer == 2 && op == QLatin1String(">>"))))
            m = Meaning::InstrWords;
        else if (op == QLatin1String("*")
                 && ((a.meaning == Meaning::InstrWords && four)
                     || (b.meaning == Meaning::InstrWords && a.integer == 4)))
            m = Meaning::InstrBytes;
        if (!a.integer || !b.integer) {
            Value v = integer(std::nullopt, m);
            v.why = !a.integer ? a.why : b.why;
            return v;
        }
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
        DepthGuard guard(*this, s.at(pos).line);
        if (!guard.ok) {
            pos = end;
            return unknown(QStringLiteral("nested too deeply"));
        }
        const HostToken& k = s.at(pos);
        if (k.isOp("-") || k.isOp("+") || k.isOp("~")) {
            ++pos;
            Value v = unary(s, pos, end);
            if (v.kind == Value::Kind::Int && v.integer)
                v.integer = k.isOp("-") ? -*v.integer : k.isOp("~") ? ~*v.integer : *v.integer;
            return v;
        }
        if (m_lang == HostLanguage::Cpp && (k.isOp("&") || k.isOp("*") || k.isOp("!"))) {
            ++pos;
            return unary(s, pos, end);
        }
        if (m_lang == HostLanguage::Cpp && k.isIdent("new")) {
            ++pos;
            return unary(s, pos, end);
        }
        return postfix(s, pos, end);
    }

    // Skips a C++ template argument list `<...>` at pos when it is followed by `(` or `{` (or `::`).
    bool skipTemplate(const Tokens& s, qsizetype& pos, qsizetype end) const
    {
        if (m_lang != HostLanguage::Cpp || pos >= end || !s.at(pos).isOp("<"))
            return false;
        int depth = 0;
        for (qsizetype i = pos; i < end; ++i) {
            if (s.at(i).isOp("<"))
                ++depth;
            else if (s.at(i).isOp(">") && --depth == 0) {
                if (i + 1 < end && (s.at(i + 1).isOp("(") || s.at(i + 1).isOp("{") || s.at(i + 1).isOp("::"))) {
                    pos = i + 1;
                    return true;
                }
                return false;
            } else if (s.at(i).isOp(">>") && (depth -= 2) <= 0) {
                if (depth == 0 && i + 1 < end && (s.at(i + 1).isOp("(") || s.at(i + 1).isOp("{"))) {
                    pos = i + 1;
                    return true;
                }
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
        while (pos < end && !m_tooDeep) {
            const HostToken& k = s.at(pos);
            if (k.isOp(".") || k.isOp("->") || k.isOp("::")) {
                if (pos + 1 >= end || s.at(pos + 1).kind != HostToken::Kind::Identifier)
                    return unknown(QStringLiteral("expected a name after '%1'").arg(k.text));
                v = attribute(v, s.at(pos + 1).text, k.text);
                pos += 2;
                skipTemplate(s, pos, end);
            } else if (k.isOp("(") || (k.isOp("{") && m_lang == HostLanguage::Cpp)) {
                const qsizetype close = matching(s, pos, end);
                if (close >= end)
                    return unknown(QStringLiteral("unbalanced brackets"));
                const QList<Arg> args = arguments(s, pos);
                v = call(v, args, pos > 0 ? s.at(pos - 1) : k, s, pos);
                pos = close + 1;
            } else if (k.isOp("[")) {
                const qsizetype close = matching(s, pos, end);
                v = subscript(v, evaluate(s, pos + 1, close), joinTokens(s, pos + 1, close));
                pos = close + 1;
            } else {
                break;
            }
        }
        return v;
    }

    Value subscript(const Value& base, const Value& index, const QString& indexText)
    {
        if (base.kind == Value::Kind::List && index.kind == Value::Kind::Int && index.integer) {
            qint64 i = *index.integer;
            if (i < 0 && !base.lengthUnknown)
                i += base.list->size();
            if (i >= 0 && i < base.list->size() && (!base.lengthUnknown || i == 0))
                return base.list->at(i);
            return unknown(QStringLiteral("item %1 of a list with %2 item(s)%3")
                               .arg(indexText)
                               .arg(base.list->size())
                               .arg(base.lengthUnknown ? QStringLiteral(" (or more: filled in a loop)") : QString()));
        }
        if (base.kind == Value::Kind::Map && index.kind == Value::Kind::String && base.map->contains(index.string))
            return base.map->value(index.string);
        if (base.kind == Value::Kind::Map)
            return unknown(
                QStringLiteral("the item '%1' of a map, never set with a key written in the file").arg(indexText));
        if (base.kind == Value::Kind::List)
            return unknown(
                QStringLiteral("an item of a list at an index that could not be resolved ('%1')").arg(indexText));
        if (base.kind == Value::Kind::Data)
            return integer(std::nullopt);
        return unknown(QStringLiteral("subscript"));
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
            const QString prefix = k.text.left(2).toLower();
            if (prefix.startsWith(QLatin1Char('f')) || prefix.endsWith(QLatin1Char('f')))
                v.string.clear(); // an f-string: its value is not known
            while (pos < end && s.at(pos).kind == HostToken::Kind::String) // adjacent literals concatenate
                v.string += s.at(pos++).stringValue();
            return v;
        }
        if (k.isOp("(")) {
            const qsizetype close = matching(s, pos, end);
            if (close >= end) {
                pos = end;
                return unknown(QStringLiteral("unbalanced brackets"));
            }
            if (m_lang == HostLanguage::Cpp && close + 1 < end && isCastType(s, pos + 1, close)) {
                pos = close + 1; // C-style cast: (uint32_t)x
                return unary(s, pos, end);
            }
            Value v;
            if (findTopWhere(s, pos + 1, close, [](const HostToken& t) { return t.isOp(","); }) >= 0)
                v = listLiteral(s, pos + 1, close);
            else if (m_lang == HostLanguage::Python && hasTopFor(s, pos + 1, close))
                v = comprehension(s, pos + 1, close);
            else
                v = evaluate(s, pos + 1, close);
            pos = close + 1;
            return v;
        }
        if (k.isOp("[") || k.isOp("{")) {
            const qsizetype close = matching(s, pos, end);
            Value v;
            if (m_lang == HostLanguage::Cpp && k.isOp("["))
                v = unknown(QStringLiteral("a lambda")); // [&](...) {...} outside a declaration
            else if (k.isOp("{") && m_lang == HostLanguage::Python)
                v = dictLiteral(s, pos + 1, qMin(close, end));
            else if (hasTopFor(s, pos + 1, qMin(close, end)))
                v = comprehension(s, pos + 1, qMin(close, end));
            else
                v = listLiteral(s, pos + 1, qMin(close, end));
            pos = qMin(close + 1, end);
            return v;
        }
        if (k.kind == HostToken::Kind::Identifier) {
            ++pos;
            if (k.isIdent("lambda") || k.isIdent("not") || k.isIdent("await")) {
                if (k.isIdent("await"))
                    return unary(s, pos, end);
                pos = end;
                return unknown(QStringLiteral("'%1' expression").arg(k.text));
            }
            if (skipTemplate(s, pos, end) && (k.text.endsWith(QLatin1String("_cast")))) {
                const qsizetype close = matching(s, pos, end);
                Value v = evaluate(s, pos + 1, close);
                pos = close + 1;
                return v;
            }
            return name(k.text);
        }
        ++pos;
        return unknown(QStringLiteral("unexpected '%1'").arg(k.text));
    }

    // {'ln': kernel, ...}: items under string keys; anything else is not followed.
    Value dictLiteral(const Tokens& s, qsizetype begin, qsizetype end)
    {
        Value v;
        v.kind = Value::Kind::Map;
        v.map = std::make_shared<QHash<QString, Value>>();
        for (const auto& [b, e] : splitTop(s, begin, end)) {
            const qsizetype colon = findTopWhere(s, b, e, [](const HostToken& k) { return k.isOp(":"); });
            if (colon <= b)
                return unknown(QStringLiteral("a dict or set not written with literal keys"));
            const Value key = evaluate(s, b, colon);
            if (key.kind != Value::Kind::String)
                return unknown(QStringLiteral("a dict whose keys are not literal strings"));
            v.map->insert(key.string, evaluate(s, colon + 1, e));
        }
        return v;
    }

    Value listLiteral(const Tokens& s, qsizetype begin, qsizetype end)
    {
        QList<Value> items;
        bool lengthUnknown = false;
        for (const auto& [b, e] : splitTop(s, begin, end)) {
            if (s.at(b).isOp("*") && m_lang == HostLanguage::Python) {
                const Value inner = evaluate(s, b + 1, e);
                if (inner.kind == Value::Kind::List) {
                    items << *inner.list;
                    lengthUnknown = lengthUnknown || inner.lengthUnknown;
                } else {
                    lengthUnknown = true;
                }
                continue;
            }
            Value v = evaluate(s, b, e);
            if (v.kind == Value::Kind::Bo && v.bo >= 0 && m_bos[v.bo].name.isEmpty())
                m_bos[v.bo].name = joinTokens(s, b, e);
            items << v;
        }
        Value v = listOf(items);
        v.lengthUnknown = lengthUnknown;
        return v;
    }

    // [int(w, 16) for w in lines]: a list built from a file's lines or data keeps what it came from; a list built
    // from a known list or range has one item per element.
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
        // a filter the reader can apply: `if x is not None`
        const QString filter = stop < inner.size() ? joinTokens(inner, stop + 1, inner.size()) : QString();
        const bool notNone = stop + 1 < inner.size() && inner.at(stop + 1).kind == HostToken::Kind::Identifier
            && filter == inner.at(stop + 1).text + QStringLiteral(" is not None");
        if (source.kind == Value::Kind::List && !source.lengthUnknown && source.list->size() <= MaxUnroll
            && (stop == inner.size() || notNone)) {
            QStringList targets;
            for (const auto& [b, e] : splitTop(inner, forAt + 1, inAt))
                targets << (e - b == 1 ? inner.at(b).text : QString());
            QList<Value> items;
            const QList<Value> elements = *source.list;
            m_scopes << QHash<QString, Value>();
            for (const Value& item : elements) {
                for (int i = 0; i < targets.size(); ++i) {
                    if (targets.at(i).isEmpty())
                        continue;
                    const bool part = item.kind == Value::Kind::List && i < item.list->size();
                    if (targets.size() == 1)
                        m_scopes.last()[targets.at(i)] = item;
                    else
                        m_scopes.last()[targets.at(i)] = part ? item.list->at(i) : unknown(QStringLiteral("loop item"));
                }
                if (notNone && item.kind == Value::Kind::Unknown && item.why == QLatin1String("None"))
                    continue;
                items << evaluate(inner, 0, forAt);
            }
            m_scopes.removeLast();
            return listOf(items);
        }
        if (source.kind == Value::Kind::List) {
            Value v = listOf({});
            v.lengthUnknown = true;
            return v;
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
                QStringLiteral("int8_t"),  QStringLiteral("char"),     QStringLiteral("void") };
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
        if (const std::optional<Value> v = lookup(n))
            return *v;
        if (n == QLatin1String("True") || n == QLatin1String("true"))
            return integer(1);
        if (n == QLatin1String("False") || n == QLatin1String("false"))
            return integer(0);
        if (n == QLatin1String("None") || n == QLatin1String("nullptr"))
            return unknown(QStringLiteral("None"));
        if (n == QLatin1String("self") || n == QLatin1String("this")) {
            Value v;
            v.kind = Value::Kind::Instance;
            v.string = m_class;
            return v;
        }
        BoFlags f;
        if (parseBoFlags(n, &f) && n.contains(QLatin1String("BO_FLAGS"))) {
            Value v;
            v.kind = Value::Kind::Flags;
            v.flags = f;
            return v;
        }
        if (m_functions.contains(n)) {
            Value v;
            v.kind = Value::Kind::Function;
            v.string = n;
            return v;
        }
        Value v;
        v.kind = Value::Kind::Callable;
        v.string = m_xrtAliases.contains(n) ? QStringLiteral("pyxrt") : n;
        if (m_fromXrt.contains(n))
            v.string = QStringLiteral("pyxrt.") + n;
        return v;
    }

    Value attribute(const Value& base, const QString& attr, const QString& sep)
    {
        if (base.kind == Value::Kind::Instance) {
            const QString key = base.string + QLatin1Char('.') + attr;
            if (m_attributes.contains(instanceKey(base, attr)))
                return m_attributes.value(instanceKey(base, attr));
            Value any = base;
            any.instance = 0;
            if (m_attributes.contains(instanceKey(any, attr)))
                return m_attributes.value(instanceKey(any, attr));
            // a method run on its own (self not known): the object of that class made last
            for (int n = m_instanceCount; base.instance == 0 && n > 0; --n) {
                any.instance = n;
                if (m_attributes.contains(instanceKey(any, attr)))
                    return m_attributes.value(instanceKey(any, attr));
            }
            if (m_functions.contains(key)) {
                Value v;
                v.kind = Value::Kind::Function;
                v.string = key;
                v.receiver = std::make_shared<const Value>(base);
                return v;
            }
            // a member used before any method set it: the C++ member declared in the class, or nothing known
            if (const std::optional<Value> member = lookup(attr); member && m_lang == HostLanguage::Cpp)
                return *member;
            Value v;
            v.kind = Value::Kind::Callable;
            v.string = (base.string.isEmpty() ? QStringLiteral("self") : base.string) + QLatin1Char('.') + attr;
            v.receiver = std::make_shared<const Value>(base);
            return v;
        }
        if (base.kind == Value::Kind::Callable) {
            Value v = base;
            v.string = base.string + sep + attr;
            if (const std::optional<Value> dotted = lookup(base.string + QLatin1Char('.') + attr))
                return *dotted;
            BoFlags f;
            if (flagsFromPath(v.string, &f)) {
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
        for (const auto& [start, stop] : splitTop(s, open + 1, close)) {
            if (m_tooDeep)
                break;
            Arg a;
            qsizetype valueStart = start;
            if (m_lang == HostLanguage::Python && stop - start >= 3 && s.at(start).kind == HostToken::Kind::Identifier
                && s.at(start + 1).isOp("=")) {
                a.keyword = s.at(start).text;
                valueStart = start + 2;
            }
            if (m_lang == HostLanguage::Python && s.at(valueStart).isOp("*") && stop - valueStart >= 2) {
                a.star = true;
                ++valueStart;
            } else if (m_lang == HostLanguage::Python && s.at(valueStart).isOp("**")) {
                continue; // **kwargs: keyword values not followed
            }
            if (valueStart < stop) {
                a.text = joinTokens(s, valueStart, stop);
                a.location = HostLocation { m_file, s.at(valueStart).line, s.at(valueStart).column };
                a.span = span(s, a.star ? valueStart - 1 : valueStart, stop - 1);
                a.value = evaluate(s, valueStart, stop);
                args << a;
            }
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

    // Runs a function of the program with its parameters bound; returns what it returns.
    Value invoke(const QString& key, const QList<Arg>& args, const Value* self)
    {
        if (!m_functions.contains(key))
            return unknown(QStringLiteral("call of %1()").arg(key));
        FunctionDef& f = m_functions[key];
        f.called = true;
        if (m_inlineDepth >= 16 || ++m_inlineCalls > MaxInlineCalls)
            return unknown(QStringLiteral("a helper called too often or too deeply to follow (%1())").arg(f.name));
        const FunctionDef def = f;
        QHash<QString, Value> scope;
        int position = 0;
        for (const QString& p : def.params) {
            const Value missing
                = unknown(QStringLiteral("the parameter '%1' of %2() (line %3), called from nowhere in this file")
                              .arg(p, def.name)
                              .arg(def.line));
            scope.insert(p, def.defaults.contains(p) ? def.defaults.value(p) : missing);
        }
        for (const Arg& a : args) {
            if (a.star)
                break;
            if (!a.keyword.isEmpty()) {
                if (def.params.contains(a.keyword))
                    scope.insert(a.keyword, a.value);
            } else if (position < def.params.size()) {
                scope.insert(def.params.at(position++), a.value);
            }
        }
        if (self) {
            scope.insert(QStringLiteral("self"), *self);
        } else if (!def.cls.isEmpty()) {
            Value inst;
            inst.kind = Value::Kind::Instance;
            inst.string = def.cls;
            scope.insert(QStringLiteral("self"), inst);
        }
        const QString savedClass = m_class;
        m_class = def.cls;
        m_scopes << scope;
        ++m_inlineDepth;
        const int savedBase = m_functionConditionalBase;
        m_functionConditionalBase = m_conditional;
        const Value savedReturn = m_returnValue;
        const bool savedDeclaring = m_declaring;
        m_declaring = false; // the caller may be in the middle of a declaration: the body's assignments are its own
        m_returnValue = unknown(QStringLiteral("%1() returns nothing that could be followed").arg(def.name));
        execBlock(def.body, false);
        Value result = m_returnValue;
        m_returnValue = savedReturn;
        m_declaring = savedDeclaring;
        m_returned = false;
        m_functionConditionalBase = savedBase;
        --m_inlineDepth;
        m_scopes.removeLast();
        m_class = savedClass;
        return result;
    }

    // Recognises a kernel object called by a name that says so (`attn_kernel(...)`, `self.kernel(...)`, `kernel_`)
    // when its value could not be followed: the call is still found, with the kernel unnamed.
    static bool isInstructionLoader(const QString& path)
    {
        for (const char* loader :
             { "read_insts", "load_instr_binary", "load_instr_sequence", "read_instructions", "read_insts_binary" }) {
            if (pathEndsWith(path, loader))
                return true;
        }
        return false;
    }

    static bool kernelLikeName(const QString& path)
    {
        const QString last = lastComponent(path).toLower();
        if (!(last == QLatin1String("kernel") || last.endsWith(QLatin1String("_kernel"))
              || last == QLatin1String("kernel_") || last.startsWith(QLatin1String("kernel_"))
              || last.endsWith(QLatin1String("kernel_")) || last == QLatin1String("m_kernel")))
            return false;
        for (const char* verb : { "load", "get", "create", "make", "init", "build", "compile", "setup", "run", "call",
                                  "launch", "open", "find", "execute", "invoke", "register", "prepare" }) {
            if (last.startsWith(QLatin1String(verb)))
                return false;
        }
        return true;
    }

    Value call(const Value& callee, const QList<Arg>& args, const HostToken& at, const Tokens& s, qsizetype open)
    {
        const Value receiver = callee.receiver ? *callee.receiver : Value();
        if (callee.kind == Value::Kind::Kernel)
            return kernelCall(callee, args, at, s, open);
        if (callee.kind == Value::Kind::Function && isInstructionLoader(callee.string)) {
            // the program's own copy of mlir-aie's loader: what it returns is the named file's words
            m_functions[callee.string].called = true;
            return builtin(callee.string, Value(), args, at, s, open);
        }
        if (callee.kind == Value::Kind::Function) {
            const Value* self = callee.receiver ? callee.receiver.get() : nullptr;
            return invoke(callee.string, args, self);
        }
        if (callee.kind == Value::Kind::Instance && m_functions.contains(callee.string + QStringLiteral(".__call__")))
            return invoke(callee.string + QStringLiteral(".__call__"), args, &callee);
        if (callee.kind == Value::Kind::Helper)
            return helperInvoke(callee.helper, QStringLiteral("__call__"), args, at, s, open);
        if (callee.kind != Value::Kind::Callable) {
            if (kernelLikeName(joinTokens(s, qMax<qsizetype>(0, open - 3), open)))
                return kernelCall(unknownKernel(), args, at, s, open);
            return unknown(QStringLiteral("call of something that is not a function"));
        }
        const QString path = callee.string;
        if (receiver.kind == Value::Kind::Helper)
            return helperInvoke(receiver.helper, lastComponent(path), args, at, s, open);
        if (receiver.kind == Value::Kind::List)
            return listMethod(receiver, lastComponent(path), args, at);
        if (receiver.kind == Value::Kind::Map)
            return mapMethod(receiver, lastComponent(path), args, at);
        if (receiver.kind == Value::Kind::Instance) {
            const QString method = lastComponent(path);
            if (m_functions.contains(receiver.string + QLatin1Char('.') + method))
                return invoke(receiver.string + QLatin1Char('.') + method, args, &receiver);
        }
        // xrt.bo, xrt::kernel, ...: XRT's own types, never an object's method of the same name (backend.kernel(...))
        const bool xrtType = !callee.receiver
            && (path.startsWith(QLatin1String("xrt")) || path.startsWith(QLatin1String("pyxrt"))
                || path.startsWith(QLatin1String("::xrt")));
        if (xrtType && (pathIs(path, "bo") || pathIs(path, "ext.bo")))
            return allocate(args, at);
        if (xrtType && pathIs(path, "hw_context"))
            return hwContext(args);
        if (xrtType && (pathIs(path, "elf") || pathIs(path, "module"))) {
            Value v;
            v.kind = pathIs(path, "elf") ? Value::Kind::Elf : Value::Kind::Module;
            m_sawModule = true;
            return v;
        }
        if (xrtType && (pathIs(path, "kernel") || pathIs(path, "ext.kernel")))
            return makeKernel(pathIs(path, "ext.kernel"), args, at.line);
        if (xrtType && pathIs(path, "run"))
            return makeRun(args, at);
        if (path == QLatin1String("group_id") || path.endsWith(QLatin1String(".group_id"))) {
            const Arg* a = pick(args, 0, {});
            if (a && a->value.kind == Value::Kind::Int && a->value.integer) {
                Value v;
                v.kind = Value::Kind::Group;
                v.groupArgument = int(*a->value.integer);
                v.context = receiver.kind == Value::Kind::Kernel ? receiver.context : -1;
                return v;
            }
            return unknown(
                QStringLiteral("group_id() of an index that could not be resolved%1")
                    .arg(a && !a->value.why.isEmpty() ? QStringLiteral(" (%1)").arg(a->value.why) : QString()));
        }
        if (m_classes.contains(lastComponent(path)) && receiver.kind == Value::Kind::Unknown) {
            // constructing an object of a class of the program: run its constructor with self bound
            Value inst;
            inst.kind = Value::Kind::Instance;
            inst.string = lastComponent(path);
            inst.instance = ++m_instanceCount;
            const QStringList ctors { inst.string + QStringLiteral(".__init__"),
                                      QString(inst.string + QLatin1Char('.') + inst.string) };
            for (const QString& ctor : ctors) {
                if (m_functions.contains(ctor))
                    invoke(ctor, args, &inst);
            }
            return inst;
        }
        if (m_functions.contains(lastComponent(path)) && receiver.kind != Value::Kind::Bo && !isInstructionLoader(path)
            && receiver.kind != Value::Kind::Run)
            return invoke(lastComponent(path), args, nullptr);
        if (m_functions.contains(path + QStringLiteral(".__init__"))) {
            Value inst;
            inst.kind = Value::Kind::Instance;
            inst.string = path;
            inst.instance = ++m_instanceCount;
            invoke(path + QStringLiteral(".__init__"), args, &inst);
            return inst;
        }
        if (m_methodOwner.contains(lastComponent(path)) && receiver.kind == Value::Kind::Unknown)
            return invoke(m_methodOwner.value(lastComponent(path)), args, nullptr);
        if (Value h = helperConstructor(path, args, at); h.kind != Value::Kind::Unknown)
            return h;
        if (kernelLikeName(path) && receiver.kind != Value::Kind::Bo && receiver.kind != Value::Kind::Run
            && !args.isEmpty())
            return kernelCall(unknownKernel(), args, at, s, open);
        Value b = builtin(path, receiver, args, at, s, open);
        if (b.kind == Value::Kind::Unknown)
            noteDelegation(path, args, at);
        return b;
    }

    // A call of a function this file does not define, given a kernel or a helper object: the call may be made there.
    void noteDelegation(const QString& path, const QList<Arg>& args, const HostToken& at)
    {
        static const QStringList harmless
            = { QStringLiteral("print"),      QStringLiteral("str"), QStringLiteral("repr"),  QStringLiteral("type"),
                QStringLiteral("isinstance"), QStringLiteral("id"),  QStringLiteral("printf") };
        if (harmless.contains(path))
            return;
        for (const Arg& a : args) {
            if (a.value.kind == Value::Kind::Kernel || a.value.kind == Value::Kind::Helper) {
                const QString first = path.section(QLatin1Char('.'), 0, 0);
                QString module = m_importedFrom.value(first, m_modules.value(first));
                m_delegations << UnresolvedItem {
                    path,
                    module.isEmpty()
                        ? QStringLiteral("the kernel '%1' is passed to %2(), which this file does not define: the call "
                                         "is made where %2 is defined; check that file")
                              .arg(a.text, path)
                        : QStringLiteral("the kernel '%1' is passed to %2(), defined in module '%3' (%4.py): the call "
                                         "is made in that file; check it")
                              .arg(a.text, path, module, QString(module).replace(QLatin1Char('.'), QLatin1Char('/'))),
                    here(at), -1
                };
                return;
            }
        }
    }

    Value unknownKernel() const
    {
        Value v;
        v.kind = Value::Kind::Kernel;
        v.flow = QStringLiteral("xrt-kernel");
        return v;
    }

    Value hwContext(const QList<Arg>& args)
    {
        Value v;
        v.kind = Value::Kind::Context;
        v.context = m_hwContexts++;
        if (m_uncertainLoop > 0)
            m_hwContextsUncertain = true;
        v.flow = QStringLiteral("xrt-kernel");
        for (const Arg& a : args) {
            if (a.value.kind == Value::Kind::Elf || a.value.kind == Value::Kind::Module)
                v.flow = QStringLiteral("xrt-module-elf");
        }
        return v;
    }

    Value makeKernel(bool ext, const QList<Arg>& args, int line)
    {
        if (m_kernelLine == 0)
            m_kernelLine = line;
        Value v;
        v.kind = Value::Kind::Kernel;
        v.flow = ext ? QStringLiteral("xrt-ext-kernel") : QStringLiteral("xrt-kernel");
        for (const Arg& a : args) {
            if (a.value.kind == Value::Kind::Context) {
                v.context = a.value.context;
                if (a.value.flow == QLatin1String("xrt-module-elf"))
                    v.flow = a.value.flow;
            } else if (a.value.kind == Value::Kind::Module || a.value.kind == Value::Kind::Elf) {
                v.flow = QStringLiteral("xrt-module-elf");
            } else if (a.value.kind == Value::Kind::String) {
                v.string = a.value.string;
            }
        }
        if (!m_helperLayer.isEmpty() && !ext)
            v.flow = m_helperLayer;
        return v;
    }

    Value makeRun(const QList<Arg>& args, const HostToken& at)
    {
        Value v;
        v.kind = Value::Kind::Run;
        RunObject r;
        if (const Arg* k = pick(args, 0, {}); k && k->value.kind == Value::Kind::Kernel)
            r.kernel = k->value;
        else
            r.kernel = unknownKernel();
        r.site = QStringLiteral("%1:%2").arg(at.line).arg(at.column);
        // one run object per place it is made: a loop making runs makes the same call
        for (int i = 0; i < m_runs.size(); ++i) {
            if (m_runs.at(i).site == r.site) {
                v.run = i;
                return v;
            }
        }
        m_runs << r;
        v.run = int(m_runs.size() - 1);
        return v;
    }

    Value listMethod(const Value& list, const QString& method, const QList<Arg>& args, const HostToken& at)
    {
        if (method == QLatin1String("append") || method == QLatin1String("push_back")) {
            if (!args.isEmpty())
                list.list->append(args.first().value);
        } else if (method == QLatin1String("emplace_back")) {
            Value element;
            if (!list.string.isEmpty()) {
                Value type;
                type.kind = Value::Kind::Callable;
                type.string = list.string;
                element = isScalarType(list.string) && args.size() == 1 ? args.first().value
                                                                        : call(type, args, at, Tokens(), -1);
            } else {
                element = args.size() >= 3 ? allocate(args, at) : args.isEmpty() ? Value() : args.first().value;
            }
            list.list->append(element);
        } else if ((method == QLatin1String("back") || method == QLatin1String("front")) && !list.list->isEmpty()
                   && !list.lengthUnknown && !m_uncertainLists.contains(list.list.get())) {
            return method == QLatin1String("back") ? list.list->last() : list.list->first();
        } else if (method == QLatin1String("at") && !args.isEmpty()) {
            return subscript(list, args.first().value, args.first().text);
        } else if (method == QLatin1String("extend") && !args.isEmpty()
                   && args.first().value.kind == Value::Kind::List) {
            list.list->append(*args.first().value.list);
        } else if (method == QLatin1String("size") || method == QLatin1String("__len__")) {
            return integer(qint64(list.list->size()));
        } else if (method == QLatin1String("clear")) {
            list.list->clear();
        }
        if (m_uncertainLoop > 0 && method != QLatin1String("size"))
            m_uncertainLists << list.list.get();
        return unknown(QStringLiteral("list method %1()").arg(method));
    }

    Value mapMethod(const Value& map, const QString& method, const QList<Arg>& args, const HostToken& at)
    {
        const Arg* key = pick(args, 0, {});
        const bool known = key && key->value.kind == Value::Kind::String;
        if ((method == QLatin1String("emplace") || method == QLatin1String("insert_or_assign")
             || method == QLatin1String("try_emplace") || method == QLatin1String("setdefault"))
            && args.size() >= 2) {
            Value item = args.at(1).value;
            if (args.size() > 2 && !map.string.isEmpty()) { // try_emplace(key, ctor args...)
                Value type;
                type.kind = Value::Kind::Callable;
                type.string = map.string;
                item = call(type, args.mid(1), at, Tokens(), -1);
            }
            if (known)
                map.map->insert(key->value.string, item);
            return unknown(QStringLiteral("map method %1()").arg(method));
        }
        if ((method == QLatin1String("at") || method == QLatin1String("get")) && key)
            return subscript(map, key->value, key->text);
        return unknown(QStringLiteral("map method %1()").arg(method));
    }

    // ---- helper layers (docs/domain.md section 8) ----

    Value helperConstructor(const QString& path, const QList<Arg>& args, const HostToken& at)
    {
        const QString last = lastComponent(path);
        HelperObject h;
        const Arg* insts = nullptr;
        if (last == QLatin1String("NPUKernel") || last == QLatin1String("create_npu_kernel")) {
            h.layer = QStringLiteral("mlir-aie NPUKernel");
            insts = pick(args, 1, { QStringLiteral("insts_path"), QStringLiteral("insts") });
            if (const Arg* k = pick(args, 2, { QStringLiteral("kernel_name") });
                k && k->value.kind == Value::Kind::String)
                h.kernelName = k->value.string;
        } else if (last == QLatin1String("setup_aie") && m_importedFrom.contains(path)) {
            // mlir-aie's own setup_aie: its buffer layout changed in 2024 (group_id 2/3/4 before the opcode, 3/4/5
            // after), so what it passes depends on the installed version, which this file does not show.
            m_delegations.prepend(UnresolvedItem {
                path,
                QStringLiteral("the kernel call is made inside setup_aie()/execute() imported from %1, whose buffer "
                               "layout changed in 2024 (group_id 2/3/4 before the opcode, 3/4/5 after): the installed "
                               "version decides; check that version's utils/xrt.py")
                    .arg(m_importedFrom.value(path)),
                here(at), -1 });
            m_helperUnresolved = true;
            return unknown(QStringLiteral("setup_aie from %1").arg(m_importedFrom.value(path)));
        } else if (last == QLatin1String("setup_aie") || last == QLatin1String("AIE_Application")) {
            h.layer = QStringLiteral("setup_aie");
            h.opcodeLayout = false; // registers buffers at group_id 2, 3, 4 (decided again by register_buffer)
            insts = pick(args, 1, { QStringLiteral("insts_path"), QStringLiteral("instr_path") });
            if (const Arg* k
                = pick(args, last == QLatin1String("setup_aie") ? 99 : 2, { QStringLiteral("kernel_name") });
                k && k->value.kind == Value::Kind::String)
                h.kernelName = k->value.string;
            if (last == QLatin1String("setup_aie")) {
                // the 2024 setup_aie: inputs at group_id(2), group_id(3), the output at group_id(4)
                h.registered.insert(2, QStringLiteral("in_0 (registered by setup_aie at group_id(2))"));
                h.registered.insert(3, QStringLiteral("in_1 (registered by setup_aie at group_id(3))"));
                h.registered.insert(4, QStringLiteral("out (registered by setup_aie at group_id(4))"));
            }
        } else if (last == QLatin1String("XRTBackend")) {
            h.layer = QStringLiteral("XRTBackend");
        } else if (last == QLatin1String("AppRunner")) {
            h.layer = QStringLiteral("Riallto AppRunner");
            h.opcodeLayout = false;
        } else {
            return unknown(QString());
        }
        if (insts && insts->value.kind == Value::Kind::String)
            h.instructions = insts->value.string;
        m_helpers << h;
        Value v;
        v.kind = Value::Kind::Helper;
        v.helper = int(m_helpers.size() - 1);
        v.string = QStringLiteral("%1:%2").arg(at.line).arg(at.column);
        if (last == QLatin1String("setup_aie"))
            helperCall(v.helper, {}, at, nullptr);
        return v;
    }

    Value helperInvoke(int helper, const QString& method, const QList<Arg>& args, const HostToken& at, const Tokens& s,
                       qsizetype open)
    {
        Q_UNUSED(s);
        Q_UNUSED(open);
        HelperObject& h = m_helpers[helper];
        if (method == QLatin1String("register_buffer")) {
            if (const Arg* g = pick(args, 0, {}); g && g->value.kind == Value::Kind::Int && g->value.integer) {
                h.registered.insert(int(*g->value.integer),
                                    QStringLiteral("buffer registered at group_id(%1)").arg(*g->value.integer));
                h.opcodeLayout = h.registered.lastKey() >= 5 || h.registered.firstKey() == 3;
            }
            return unknown(QStringLiteral("register_buffer"));
        }
        if (method == QLatin1String("load") || method == QLatin1String("compile_and_load")
            || method == QLatin1String("compile") || method == QLatin1String("compile_from_file")) {
            Value v;
            v.kind = Value::Kind::Helper;
            v.helper = helper;
            return v;
        }
        if (method == QLatin1String("allocate") || method == QLatin1String("unload") || method == QLatin1String("read")
            || method == QLatin1String("write"))
            return unknown(QStringLiteral("helper method %1()").arg(method));
        if (method == QLatin1String("__call__") || method == QLatin1String("call") || method == QLatin1String("run")
            || method == QLatin1String("execute") || method == QLatin1String("__call")) {
            if (h.layer == QLatin1String("setup_aie")) {
                helperCall(helper, {}, at, nullptr);
                return unknown(QStringLiteral("helper run"));
            }
            QList<Arg> buffers = args;
            if (!buffers.isEmpty() && buffers.first().value.kind == Value::Kind::Helper)
                buffers.removeFirst();
            helperCall(helper, buffers, at, nullptr);
        }
        return unknown(QStringLiteral("helper method %1()").arg(method));
    }

    // DefaultNPURuntime.run(npu_kernel, [a, b]) and run_test(kernel, [in, out]): a free function given a helper.
    bool helperFunction(const QString& path, const QList<Arg>& args, const HostToken& at)
    {
        const QString last = lastComponent(path);
        if (args.isEmpty() || args.first().value.kind != Value::Kind::Helper)
            return false;
        if (!(last == QLatin1String("run") || last == QLatin1String("run_test") || last == QLatin1String("execute")
              || last == QLatin1String("load") || last == QLatin1String("call")))
            return false;
        if (last == QLatin1String("load"))
            return true;
        QList<Arg> rest = args.mid(1);
        helperCall(args.first().value.helper, rest, at, nullptr);
        return true;
    }

    // The call a helper layer makes, written as the plan it implies.
    void helperCall(int helper, const QList<Arg>& bufferArgs, const HostToken& at, const Tokens* s)
    {
        Q_UNUSED(s);
        HelperObject& h = m_helpers[helper];
        const QString site = QStringLiteral("helper %1").arg(helper);
        CallRecord* rec = record(site);
        if (!rec->plan.arguments.isEmpty())
            return;
        BindingPlan& plan = rec->plan;
        plan.call = here(at);
        plan.flow = h.layer;
        plan.helperCall = true;
        plan.kernelName = h.kernelName;
        plan.instructionFile = h.instructions;
        plan.hwContext = -1;
        plan.predictedSlot = 1;
        plan.callText = QStringLiteral("%1 call (made inside the helper)").arg(h.layer);
        auto scalar = [&](int index, const QString& text, std::optional<qint64> value, bool words) {
            ArgBinding b;
            b.index = index;
            b.kind = ArgBinding::Kind::Scalar;
            b.text = text;
            b.scalarValue = value;
            b.instructionWords = words;
            b.location = plan.call;
            plan.setArgument(b);
        };
        auto buffer = [&](int index, int group, const QString& name, bool instructions) {
            ArgBinding b;
            b.index = index;
            b.kind = ArgBinding::Kind::Buffer;
            b.text = name;
            b.location = plan.call;
            b.bo.name = name;
            b.bo.groupArgument = group;
            b.bo.flags = instructions ? BoFlags::Cacheable : BoFlags::HostOnly;
            b.bo.instructions = instructions;
            b.bo.allocation = plan.call;
            plan.setArgument(b);
        };
        const int first = h.opcodeLayout ? 3 : 2;
        if (h.opcodeLayout) {
            scalar(0, QStringLiteral("3"), 3, false);
            buffer(1, 1, QStringLiteral("instr_bo"), true);
            scalar(2, QStringLiteral("n_words"), std::nullopt, true);
        } else {
            buffer(0, 0, QStringLiteral("instr_bo"), true);
            scalar(1, QStringLiteral("n_words"), std::nullopt, true);
        }
        if (!h.registered.isEmpty()) {
            int i = 0;
            for (auto it = h.registered.cbegin(); it != h.registered.cend(); ++it, ++i)
                buffer(first + i, it.key(), it.value(), false);
            return;
        }
        QList<Value> values;
        QStringList texts;
        for (const Arg& a : bufferArgs) {
            if (a.value.kind == Value::Kind::List && (a.star || bufferArgs.size() == 1)) {
                if (a.value.lengthUnknown)
                    return; // how many buffers is not known: the layout is still checked
                for (int i = 0; i < a.value.list->size(); ++i) {
                    values << a.value.list->at(i);
                    texts << QStringLiteral("%1[%2]").arg(a.text).arg(i);
                }
            } else if (a.keyword.isEmpty()) {
                values << a.value;
                texts << a.text;
            }
        }
        for (int i = 0; i < values.size(); ++i)
            buffer(first + i, first + i, texts.at(i), false);
    }

    // ---- builtins ----

    Value builtin(const QString& path, const Value& receiver, const QList<Arg>& args, const HostToken& at,
                  const Tokens& s, qsizetype open)
    {
        const Arg* first = pick(args, 0, {});
        if (helperFunction(path, args, at))
            return args.first().value;
        if (path.endsWith(QLatin1String("init_xrt_load_kernel")) && args.size() >= 2) {
            // mlir-aie C++ test_utils: init_xrt_load_kernel(device, kernel, verbosity, xclbin, name) sets `kernel`
            m_helperLayer = QStringLiteral("test_utils");
            Value k = unknownKernel();
            k.flow = m_helperLayer;
            if (const Arg* n = pick(args, 4, {}); n && n->value.kind == Value::Kind::String)
                k.string = n->value.string;
            assign(args.at(1).text, k, at.line);
            return unknown(QStringLiteral("init_xrt_load_kernel"));
        }
        if (path == QLatin1String("len") && first) {
            const Value& x = first->value;
            if (x.kind == Value::Kind::Data) {
                return integer(std::nullopt,
                               x.instructions ? (x.words || x.lines ? Meaning::InstrWords : Meaning::InstrBytes)
                                              : Meaning::Plain);
            }
            if (x.kind == Value::Kind::String)
                return integer(x.string.size());
            if (x.kind == Value::Kind::List && !x.lengthUnknown && !m_uncertainLists.contains(x.list.get()))
                return integer(x.list->size());
            return integer(std::nullopt);
        }
        if (path == QLatin1String("range") && first) {
            const Arg* second = pick(args, 1, {});
            const Value a = first->value;
            const Value b = second ? second->value : Value();
            qint64 from = 0;
            std::optional<qint64> to;
            if (second && a.kind == Value::Kind::Int && a.integer && b.kind == Value::Kind::Int && b.integer) {
                from = *a.integer;
                to = *b.integer;
            } else if (!second && a.kind == Value::Kind::Int && a.integer) {
                to = *a.integer;
            }
            if (to && *to - from <= MaxUnroll && args.size() <= 2) {
                QList<Value> items;
                for (qint64 i = from; i < *to; ++i)
                    items << integer(i);
                return listOf(items);
            }
            return unknown(QStringLiteral("a range whose bounds could not be resolved"));
        }
        if ((path == QLatin1String("enumerate") || path == QLatin1String("zip")) && first) {
            QList<Value> sources;
            for (const Arg& a : args) {
                if (a.keyword.isEmpty())
                    sources << a.value;
            }
            for (const Value& src : sources) {
                if (src.kind != Value::Kind::List || src.lengthUnknown)
                    return unknown(QStringLiteral("%1() of a list not known").arg(path));
            }
            QList<Value> items;
            const qsizetype n = sources.first().list->size();
            for (qsizetype i = 0; i < n; ++i) {
                QList<Value> pair;
                if (path == QLatin1String("enumerate"))
                    pair << integer(i) << sources.first().list->at(i);
                else
                    for (const Value& src : sources)
                        pair << (i < src.list->size() ? src.list->at(i) : unknown(QStringLiteral("zip")));
                items << listOf(pair);
            }
            return listOf(items);
        }
        if ((path == QLatin1String("list") || path == QLatin1String("tuple")) && first
            && first->value.kind == Value::Kind::List)
            return first->value;
        if (path == QLatin1String("int") || path == QLatin1String("sizeof") || pathEndsWith(path, "uint32")
            || pathEndsWith(path, "uint64") || pathEndsWith(path, "int32") || pathEndsWith(path, "uint32_t")
            || pathEndsWith(path, "size_t"))
            return sizeOrConversion(path, args);
        if (path == QLatin1String("open") || pathIs(path, "ifstream") || path == QLatin1String("Path")
            || pathEndsWith(path, "Path")) {
            Value v;
            v.kind
                = path == QLatin1String("Path") || pathEndsWith(path, "Path") ? Value::Kind::String : Value::Kind::File;
            v.string = first && first->value.kind == Value::Kind::String ? first->value.string : QString();
            // a C++ host opening the instruction file by name names it, whatever buffer it reads it into
            if (v.kind == Value::Kind::File && m_lang == HostLanguage::Cpp && looksLikeInstructions(v.string)
                && m_instructionFile.isEmpty())
                m_instructionFile = v.string;
            return v;
        }
        if (path.endsWith(QLatin1String("path.join")) && first) {
            QStringList parts;
            for (const Arg& a : args) {
                if (a.value.kind != Value::Kind::String)
                    return unknown(QStringLiteral("a path joined from values not known"));
                parts << a.value.string;
            }
            Value v;
            v.kind = Value::Kind::String;
            v.string = parts.join(QLatin1Char('/'));
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
            || pathEndsWith(path, "read_instructions") || pathEndsWith(path, "read_insts_binary")) {
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
            if (pathEndsWith(path, "load_instr_binary") || pathEndsWith(path, "load_instr_sequence"))
                m_usesTestUtils = m_usesTestUtils || path.contains(QLatin1String("test_utils"));
            return v;
        }
        if ((path == QLatin1String("size") || path == QLatin1String("length")) && receiver.kind == Value::Kind::Data)
            return integer(std::nullopt, receiver.instructions ? Meaning::InstrWords : Meaning::Plain);
        if (receiver.kind == Value::Kind::Bo)
            return boMethod(path, receiver.bo, args);
        if (receiver.kind == Value::Kind::Run || path == QLatin1String("set_arg"))
            return runMethod(path, receiver, args, at, s, open);
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

    // xrt.bo(device, size, flags, group); `skip` is 0 for emplace_back(device, ...) without a callee.
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
            bo.sizeIsWordCount = size->value.kind == Value::Kind::Int && size->value.meaning == Meaning::InstrWords;
            if (size->value.kind == Value::Kind::Int && size->value.integer && *size->value.integer >= 0)
                bo.size = quint64(*size->value.integer);
        }
        if (flags)
            bo.flagsSpan = flags->span;
        if (group)
            bo.groupSpan = group->span;
        if (flags && flags->value.kind == Value::Kind::Flags)
            bo.flags = flags->value.flags;
        else if (flags && flags->value.kind == Value::Kind::Int && flags->value.integer && *flags->value.integer == 0)
            bo.flags = BoFlags::Normal;
        else if (flags)
            bo.flagsUnknown = true;
        QString groupProblem;
        if (group && group->value.kind == Value::Kind::Group) {
            bo.groupArgument = group->value.groupArgument;
            bo.groupContext = group->value.context;
        } else if (group && group->value.kind == Value::Kind::Int && group->value.integer) {
            bo.rawGroup = *group->value.integer;
        } else {
            groupProblem = QStringLiteral("'%1'%2").arg(
                group ? group->text : QStringLiteral("(no group argument)"),
                group && !group->value.why.isEmpty() ? QStringLiteral(" (%1)").arg(group->value.why) : QString());
        }
        m_bos << bo;
        m_boGroupProblem << groupProblem;
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
            if (!src.string.isEmpty() && m_instructionFile.isEmpty())
                m_instructionFile = src.string;
        }
        if (!src.string.isEmpty() && bo.inputFile.isEmpty())
            bo.inputFile = src.string;
    }

    Value boMethod(const QString& method, int boIndex, const QList<Arg>& args)
    {
        if (method == QLatin1String("write") || method == QLatin1String("copy_from")) {
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

    CallRecord* record(const QString& site)
    {
        for (CallRecord& r : m_calls) {
            if (r.site == site)
                return &r;
        }
        CallRecord r;
        r.site = site;
        r.plan.sourceFile = m_file;
        m_calls << r;
        return &m_calls.last();
    }

    void describeKernel(BindingPlan& plan, const Value& kernel) const
    {
        plan.kernelName = kernel.string;
        plan.flow = kernel.flow.isEmpty() ? QStringLiteral("xrt-kernel") : kernel.flow;
        plan.hwContext = kernel.context;
        plan.predictedSlot = kernel.context >= 0 ? kernel.context + 1 : 1;
    }

    Value runMethod(const QString& method, const Value& run, const QList<Arg>& args, const HostToken& at,
                    const Tokens& s, qsizetype open)
    {
        if (method == QLatin1String("set_arg") && args.size() == 2) {
            const int runIndex = run.kind == Value::Kind::Run ? run.run : -1;
            const QString site = runIndex >= 0 ? QStringLiteral("run %1").arg(runIndex)
                                               : QStringLiteral("set_arg %1:%2").arg(at.line).arg(at.column);
            CallRecord* rec = record(site);
            if (!rec->plan.call.isValid()) {
                rec->plan.call = HostLocation { m_file, at.line, at.column };
                rec->plan.callText = joinTokens(s, qMax<qsizetype>(0, open - 3), matching(s, open) + 1);
                describeKernel(rec->plan, runIndex >= 0 ? m_runs.at(runIndex).kernel : unknownKernel());
            }
            const Arg& index = args.at(0);
            if (index.value.kind != Value::Kind::Int || !index.value.integer) {
                unresolvedIn(
                    *rec, index.text,
                    QStringLiteral("set_arg() with an index that could not be resolved%1")
                        .arg(index.value.why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(index.value.why)),
                    index.location);
                return unknown(QStringLiteral("set_arg"));
            }
            bind(*rec, int(*index.value.integer), args.at(1));
            rec->plan.setArgSpans << span(s, qMax<qsizetype>(0, open - 3), matching(s, open));
        }
        return unknown(QStringLiteral("run method %1()").arg(method));
    }

    Value kernelCall(const Value& kernel, const QList<Arg>& args, const HostToken& at, const Tokens& s, qsizetype open)
    {
        Value run;
        run.kind = Value::Kind::Run;
        if (open < 0 || open >= s.size())
            return run;
        const QString site = QStringLiteral("%1:%2").arg(at.line).arg(at.column);
        for (const CallRecord& r : m_calls) {
            if (r.site == site)
                return run; // the same call again (a loop, a helper called twice)
        }
        CallRecord* rec = record(site);
        BindingPlan& plan = rec->plan;
        plan.call = HostLocation { m_file, at.line, at.column };
        plan.callText = joinTokens(s, open - 1, matching(s, open) + 1);
        plan.callSpan = span(s, open - 1, matching(s, open));
        describeKernel(plan, kernel);
        int index = 0;
        for (const Arg& a : args) {
            if (!a.keyword.isEmpty())
                continue;
            if (a.star) {
                const Value& v = a.value;
                if (v.kind != Value::Kind::List || v.lengthUnknown || m_uncertainLists.contains(v.list.get())) {
                    unresolvedIn(*rec, QLatin1Char('*') + a.text,
                                 QStringLiteral("how many items '*%1' passes could not be resolved, so the indices of "
                                                "this and every later argument are unknown")
                                     .arg(a.text),
                                 a.location, index);
                    return run;
                }
                for (int i = 0; i < v.list->size(); ++i) {
                    Arg item = a;
                    item.star = false;
                    item.value = v.list->at(i);
                    item.text = QStringLiteral("%1[%2]").arg(a.text).arg(i);
                    bind(*rec, index++, item);
                }
                continue;
            }
            bind(*rec, index++, a);
        }
        run.run = -1;
        return run;
    }

    void bind(CallRecord& rec, int index, const Arg& a)
    {
        ArgBinding b;
        b.index = index;
        b.text = a.text;
        b.location = a.location;
        const Value& v = a.value;
        if (v.kind == Value::Kind::Bo) {
            b.kind = ArgBinding::Kind::Buffer;
            rec.boArgs[index] = v.bo;
        } else if (v.kind == Value::Kind::Int && (v.integer || v.meaning != Meaning::Plain)) {
            b.kind = ArgBinding::Kind::Scalar;
            b.scalarValue = v.meaning == Meaning::Plain ? v.integer : std::nullopt;
            b.instructionWords = v.meaning == Meaning::InstrWords;
            b.instructionBytes = v.meaning == Meaning::InstrBytes;
        } else if (v.kind == Value::Kind::Int) {
            b.kind = ArgBinding::Kind::Scalar;
            b.unresolved = true;
            unresolvedIn(rec, a.text,
                         QStringLiteral("the value passed at index %1 could not be resolved%2")
                             .arg(index)
                             .arg(v.why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(v.why)),
                         a.location, index);
        } else {
            b.kind = ArgBinding::Kind::Scalar;
            b.unresolved = true;
            unresolvedIn(
                rec, a.text,
                QStringLiteral("could not tell whether the argument at index %1 is a BO or a value (%2)")
                    .arg(index)
                    .arg(v.why.isEmpty() ? QStringLiteral("not a BO, integer or variable holding one") : v.why),
                a.location, index);
        }
        rec.plan.setArgument(b);
    }

    void unresolvedIn(CallRecord& rec, const QString& text, const QString& reason, const HostLocation& loc,
                      int argument = -1)
    {
        rec.plan.unresolved << UnresolvedItem { text, reason, loc, argument };
    }

    HostProgram finish()
    {
        HostProgram program;
        program.sourceFile = m_file;
        program.hwContexts = m_hwContexts;
        program.hwContextsUncertain = m_hwContextsUncertain;
        QList<UnresolvedItem> programItems = m_programUnresolved;
        for (CallRecord& rec : m_calls) {
            BindingPlan& plan = rec.plan;
            if (plan.instructionFile.isEmpty())
                plan.instructionFile = m_instructionFile;
            QList<int> passed;
            for (auto it = rec.boArgs.cbegin(); it != rec.boArgs.cend(); ++it) {
                ArgBinding b = plan.arguments.at(it.key());
                b.bo = m_bos.at(it.value());
                plan.setArgument(b);
                passed << it.value();
                const QString& problem = m_boGroupProblem.at(it.value());
                if (!problem.isEmpty() && !plan.connectivityChecked())
                    continue; // no connectivity check in this flow: the group does not matter
                if (!problem.isEmpty()) {
                    plan.unresolved << UnresolvedItem {
                        b.text,
                        QStringLiteral("the memory group of the BO '%1' (allocated at line %2) could not be resolved: "
                                       "%3")
                            .arg(b.bo.name.isEmpty() ? b.text : b.bo.name)
                            .arg(b.bo.allocation.line)
                            .arg(problem),
                        b.location, it.key()
                    };
                }
            }
            for (int i = 0; i < m_bos.size(); ++i) {
                if (!passed.contains(i))
                    plan.unpassedBuffers << m_bos.at(i);
            }
        }
        if (m_calls.isEmpty()) {
            BindingPlan plan;
            plan.sourceFile = m_file;
            plan.instructionFile = m_instructionFile;
            if (!m_tooDeep) {
                const QString where = m_kernelLine > 0
                    ? QStringLiteral(": the kernel made here is never called in a way this reader follows")
                    : QString();
                programItems << (!m_delegations.isEmpty()
                                     ? m_delegations.first()
                                     : UnresolvedItem { QString(),
                                                        QStringLiteral("no kernel call found in the file (kernel(...), "
                                                                       "run = kernel(...), run.set_arg or a helper "
                                                                       "layer such as NPUKernel, setup_aie, "
                                                                       "XRTBackend, AppRunner)%1")
                                                            .arg(where),
                                                        HostLocation { m_file, qMax(1, m_kernelLine), 0 }, -1 });
            }
            CallRecord rec;
            rec.plan = plan;
            m_calls << rec;
        }
        program.unresolved = programItems;
        for (CallRecord& rec : m_calls) {
            rec.plan.unresolved << programItems;
            program.calls << rec.plan;
        }
        // calls in source order (helpers and set_arg runs are recorded where they are first seen)
        std::stable_sort(program.calls.begin(), program.calls.end(), [](const BindingPlan& a, const BindingPlan& b) {
            return a.call.line < b.call.line || (a.call.line == b.call.line && a.call.column < b.call.column);
        });
        return program;
    }

    const Tokens& m_t;
    HostLanguage m_lang;
    QString m_file;
    QList<QHash<QString, Value>> m_scopes;
    QHash<QString, Value> m_attributes; // "Class.attr" of instances (self.kernel = ...)
    QHash<QString, FunctionDef> m_functions; // "name" or "Class.name"
    QStringList m_functionOrder;
    QHash<QString, QString> m_methodOwner; // method name -> "Class.name"
    QString m_class; // the class whose body or method runs
    QSet<QString> m_classes; // classes the program defines
    int m_instanceCount = 0;
    QList<BoBinding> m_bos;
    QStringList m_boGroupProblem; // per BO: why its group is unknown, empty when known
    QList<CallRecord> m_calls;
    QList<RunObject> m_runs;
    QList<HelperObject> m_helpers;
    QList<UnresolvedItem> m_programUnresolved;
    QList<UnresolvedItem> m_delegations;
    QSet<const QList<Value>*> m_uncertainLists;
    QStringList m_xrtAliases; // import pyxrt as ipr
    QStringList m_fromXrt; // from pyxrt import bo
    QHash<QString, QString> m_modules; // import a.b as c: c -> a.b
    QHash<QString, QString> m_importedFrom; // from m import f: f -> m
    QHash<QString, QString> m_declaredTypes; // C++ name -> the type it was declared with
    QString m_instructionFile;
    QString m_helperLayer; // "test_utils" once init_xrt_load_kernel is seen
    Value m_returnValue;
    int m_depth = 0;
    int m_steps = 0;
    int m_conditional = 0;
    int m_functionConditionalBase = 0;
    int m_uncertainLoop = 0;
    int m_inlineDepth = 0;
    int m_inlineCalls = 0;
    int m_hwContexts = 0;
    int m_kernelLine = 0; // where the first kernel object is made
    bool m_hwContextsUncertain = false;
    bool m_declaring = false;
    bool m_returned = false;
    bool m_tooDeep = false;
    bool m_sawModule = false;
    bool m_usesTestUtils = false;
    bool m_helperUnresolved = false; // a helper layer whose call cannot be known was used
};

} // namespace

QString HostProgram::flow() const
{
    return calls.isEmpty() ? QString() : calls.first().flow;
}

std::optional<HostProgram> HostProgramReader::readProgram(const QString& path, QString* error)
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
    return parseProgram(QString::fromUtf8(f.readAll()), lang, path);
}

HostProgram HostProgramReader::parseProgram(const QString& source, HostLanguage language, const QString& fileName)
{
    const QList<HostToken> tokens = HostProgramTokenizer::tokenize(source, language);
    HostProgram program = Reader(tokens, language, fileName).run();
    QList<UnresolvedItem> errors;
    for (const HostToken& t : tokens) {
        if (t.kind == HostToken::Kind::Error)
            errors << UnresolvedItem { QString(), t.text, HostLocation { fileName, t.line, t.column }, -1 };
    }
    program.unresolved << errors;
    for (BindingPlan& plan : program.calls)
        plan.unresolved << errors;
    return program;
}

std::optional<BindingPlan> HostProgramReader::read(const QString& path, QString* error)
{
    const std::optional<HostProgram> program = readProgram(path, error);
    if (!program)
        return std::nullopt;
    return program->calls.first();
}

BindingPlan HostProgramReader::parse(const QString& source, HostLanguage language, const QString& fileName)
{
    return parseProgram(source, language, fileName).calls.first();
}

} // namespace xi
