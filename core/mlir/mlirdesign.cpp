// SPDX-License-Identifier: GPL-3.0-or-later
#include "mlir/mlirdesign.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace xi {

namespace {

QString stripComment(const QString& line)
{
    const qsizetype at = line.indexOf(QLatin1String("//"));
    return at < 0 ? line : line.left(at);
}

qint64 elementBytes(const QString& element)
{
    static const QRegularExpression re(QStringLiteral("^(?:[siu]?i|ui|f|bf)(\\d+)$"));
    const QRegularExpressionMatch m = re.match(element);
    if (!m.hasMatch())
        return -1;
    const int bits = m.captured(1).toInt();
    return bits % 8 == 0 && bits > 0 ? bits / 8 : -1;
}

// Splits "a: memref<1x2xi8>, b: memref<4xi32, strided<[1]>>" at the top-level commas.
QStringList splitTopLevel(const QString& text)
{
    QStringList parts;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('<') || c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
            ++depth;
        else if (c == QLatin1Char('>') || c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}'))
            --depth;
        else if (c == QLatin1Char(',') && depth == 0) {
            parts << text.mid(start, i - start).trimmed();
            start = i + 1;
        }
    }
    const QString last = text.mid(start).trimmed();
    if (!last.isEmpty())
        parts << last;
    return parts;
}

// The text between the '(' at lines[index][from] and its matching ')', joined over lines.
QString balancedArguments(const QStringList& lines, qsizetype index, qsizetype from)
{
    QString text;
    int depth = 0;
    for (qsizetype l = index; l < lines.size(); ++l) {
        const QString line = stripComment(lines.at(l));
        for (qsizetype i = l == index ? from : 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (c == QLatin1Char('(') && depth++ == 0)
                continue;
            if (c == QLatin1Char(')') && --depth == 0)
                return text;
            text += c;
        }
        text += QLatin1Char(' ');
    }
    return text;
}

QList<MlirDesign::HostArgument> hostArguments(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^%([\\w.$-]+)\\s*:\\s*(.+)$"));
    QList<MlirDesign::HostArgument> arguments;
    for (const QString& part : splitTopLevel(text)) {
        const QRegularExpressionMatch m = re.match(part);
        if (!m.hasMatch())
            continue;
        const QString type = m.captured(2).trimmed();
        arguments.append({ m.captured(1), type, MlirDesign::memrefBytes(type) });
    }
    return arguments;
}

class LineReader {
public:
    explicit LineReader(const QString& text)
        : m_lines(text.split(QLatin1Char('\n')))
    {
    }

    MlirDesign read()
    {
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            const QString line = stripComment(m_lines.at(i));
            const int number = int(i) + 1;
            readDevice(line, number);
            readTile(line, number);
            readBuffer(line, number);
            readObjectFifo(line, number);
            readCore(line, number);
            if (!m_design.runtimeSequence)
                readSequence(line, i);
        }
        return m_design;
    }

private:
    void readDevice(const QString& line, int number)
    {
        static const QRegularExpression re(QStringLiteral("\\b(?:aie|AIE)\\.device\\s*\\(\\s*(\\w+)\\s*\\)"));
        const QRegularExpressionMatch m = re.match(line);
        if (m.hasMatch() && m_design.device.isEmpty()) {
            m_design.device = m.captured(1);
            m_design.deviceLine = number;
        }
    }

    void readTile(const QString& line, int number)
    {
        static const QRegularExpression re(
            QStringLiteral("%([\\w.$-]+)\\s*=\\s*(?:aie|AIE)\\.tile\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)"));
        const QRegularExpressionMatch m = re.match(line);
        if (!m.hasMatch())
            return;
        const int row = m.captured(3).toInt();
        m_design.tiles.append({ m.captured(1), m.captured(2).toInt(), row, MlirDesign::tileKind(row), number });
    }

    void readBuffer(const QString& line, int number)
    {
        static const QRegularExpression re(
            QStringLiteral("%([\\w.$-]+)\\s*=\\s*(?:aie|AIE)\\.buffer\\s*\\(\\s*%([\\w.$-]+)"
                           "\\s*\\)\\s*(\\{[^}]*\\})?\\s*:\\s*(memref<[^>]*>)"));
        static const QRegularExpression symRe(QStringLiteral("sym_name\\s*=\\s*\"([^\"]*)\""));
        static const QRegularExpression bankRe(QStringLiteral("mem_bank\\s*=\\s*(\\d+)"));
        const QRegularExpressionMatch m = re.match(line);
        if (!m.hasMatch())
            return;
        MlirDesign::Buffer buffer;
        buffer.name = m.captured(1);
        buffer.tile = m.captured(2);
        buffer.symName = symRe.match(m.captured(3)).captured(1);
        const QRegularExpressionMatch bank = bankRe.match(m.captured(3));
        if (bank.hasMatch())
            buffer.memBank = bank.captured(1).toInt();
        buffer.type = m.captured(4);
        buffer.bytes = MlirDesign::memrefBytes(buffer.type, &buffer.sizeProblem);
        buffer.line = number;
        m_design.buffers.append(buffer);
    }

    void readObjectFifo(const QString& line, int number)
    {
        static const QRegularExpression re(QStringLiteral(
            "\\b(?:aie\\.objectfifo|AIE\\.objectFifo)\\s+@([\\w.$-]+)\\s*\\(\\s*%([\\w.$-]+)\\s*,\\s*\\{([^}]*)\\}"));
        const QRegularExpressionMatch m = re.match(line);
        if (!m.hasMatch())
            return;
        QStringList consumers;
        for (const QString& consumer : m.captured(3).split(QLatin1Char(','), Qt::SkipEmptyParts))
            consumers << consumer.trimmed().remove(QLatin1Char('%'));
        m_design.objectFifos.append({ m.captured(1), m.captured(2), consumers, number });
    }

    void readCore(const QString& line, int number)
    {
        static const QRegularExpression re(QStringLiteral("\\b(?:aie|AIE)\\.core\\s*\\(\\s*%([\\w.$-]+)\\s*\\)"));
        const QRegularExpressionMatch m = re.match(line);
        if (m.hasMatch())
            m_design.cores.append({ m.captured(1), number });
    }

    // func.func @sequence(...) (before Jul 2024), aiex.runtime_sequence [@name](...), aie.runtime_sequence @name(...).
    void readSequence(const QString& line, qsizetype index)
    {
        static const QRegularExpression re(QStringLiteral(
            "\\b((?:aiex|aie|AIEX)\\.runtime_sequence|func\\.func)\\s*(private\\s+)?(?:@([\\w.$-]+))?\\s*\\("));
        const QRegularExpressionMatch m = re.match(line);
        if (!m.hasMatch() || !m.captured(2).isEmpty())
            return;
        const QString syntax = m.captured(1);
        if (syntax == QLatin1String("func.func") && m.captured(3) != QLatin1String("sequence"))
            return;
        MlirDesign::RuntimeSequence sequence;
        sequence.name = m.captured(3);
        sequence.syntax = syntax;
        sequence.line = int(index) + 1;
        sequence.arguments = hostArguments(balancedArguments(m_lines, index, m.capturedEnd(0) - 1));
        m_design.runtimeSequence = sequence;
    }

    QStringList m_lines;
    MlirDesign m_design;
};

} // namespace

MlirDesign MlirDesign::parse(const QString& text)
{
    MlirDesign design = LineReader(text).read();
    // Backwards, so that the first of duplicate names wins, as a search from the front finds it.
    for (qsizetype i = design.tiles.size() - 1; i >= 0; --i)
        design.m_tileIndex[design.tiles[i].name] = i;
    design.m_indexedTiles = design.tiles.size();
    return design;
}

std::optional<MlirDesign> MlirDesign::read(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": cannot open for reading: ") + file.errorString();
        return std::nullopt;
    }
    return parse(QString::fromUtf8(file.readAll()));
}

const MlirDesign::Tile* MlirDesign::tile(const QString& name) const
{
    if (m_indexedTiles == tiles.size() && m_indexedTiles > 0) {
        const auto it = m_tileIndex.constFind(name);
        return it == m_tileIndex.cend() ? nullptr : &tiles[*it];
    }
    for (const Tile& t : tiles) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

QString MlirDesign::Buffer::sizeText() const
{
    switch (sizeProblem) {
    case SizeProblem::TooLarge: return QStringLiteral("too large (over 2^63 bytes)");
    case SizeProblem::NegativeDimension: return QStringLiteral("invalid (a negative dimension)");
    case SizeProblem::NotStatic: return QStringLiteral("dynamic size");
    case SizeProblem::None: break;
    }
    return bytes < 0 ? QStringLiteral("dynamic size") : QStringLiteral("%1 bytes").arg(bytes);
}

MlirDesign::TileKind MlirDesign::tileKind(int row)
{
    if (row == 0)
        return TileKind::Shim;
    if (row == 1)
        return TileKind::MemTile;
    return row <= 5 ? TileKind::Compute : TileKind::Unknown;
}

QString MlirDesign::tileKindName(TileKind kind)
{
    switch (kind) {
    case TileKind::Shim: return QStringLiteral("shim");
    case TileKind::MemTile: return QStringLiteral("mem tile");
    case TileKind::Compute: return QStringLiteral("compute");
    case TileKind::Unknown: break;
    }
    return QStringLiteral("unknown");
}

qint64 MlirDesign::memrefBytes(const QString& type, SizeProblem* problem)
{
    auto result = [problem](qint64 bytes, SizeProblem why) {
        if (problem)
            *problem = why;
        return bytes;
    };
    static const QRegularExpression re(QStringLiteral("^memref<\\s*([^,>]*)"));
    const QRegularExpressionMatch m = re.match(type.trimmed());
    if (!m.hasMatch())
        return result(-1, SizeProblem::NotStatic);
    const QStringList parts = m.captured(1).trimmed().split(QLatin1Char('x'));
    qint64 bytes = elementBytes(parts.last());
    if (bytes < 0)
        return result(-1, SizeProblem::NotStatic);
    bool tooLarge = false;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        bool ok = false;
        const qint64 dim = parts.at(i).toLongLong(&ok);
        if (ok && dim < 0)
            return result(-1, SizeProblem::NegativeDimension);
        if (!ok) {
            // "?" is dynamic; digits beyond qint64 are a static size too large to count.
            const QString text = parts.at(i).trimmed();
            const bool digits
                = !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
            if (!digits)
                return result(-1, SizeProblem::NotStatic);
            tooLarge = true;
            continue;
        }
        // memref<4611686018427387904x4xi32> once wrapped to 0 bytes and passed the tile-memory check.
        if (dim != 0 && bytes > std::numeric_limits<qint64>::max() / dim)
            tooLarge = true;
        else
            bytes *= dim;
    }
    if (tooLarge && bytes != 0)
        return result(-1, SizeProblem::TooLarge);
    return result(tooLarge ? 0 : bytes, SizeProblem::None);
}

} // namespace xi
