// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/designedits.h"

#include "mlir/mlirdesign.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

namespace xi {

namespace {

const QRegularExpression& bufferOp()
{
    // %name = aie.buffer(%tile) [{attributes}]
    static const QRegularExpression re(
        QStringLiteral("%([\\w.$-]+)\\s*=\\s*(?:aie|AIE)\\.buffer\\s*\\(\\s*%([\\w.$-]+)\\s*\\)(\\s*\\{([^}]*)\\})?"));
    return re;
}

QString sibling(const QString& path, const QString& fileName)
{
    return QFileInfo(path).absoluteDir().filePath(fileName);
}

QString stripComment(const QString& line)
{
    const qsizetype at = line.indexOf(QLatin1String("//"));
    return at < 0 ? line : line.left(at);
}

// Replaces the tile operand of every aie.buffer whose tile `moves` selects with `target`.
FileEdit moveBuffers(const QString& path, const QString& text, const QString& target, const QString& suggestedName,
                     const std::function<bool(const MlirDesign::Tile*)>& moves, const QString& why)
{
    const MlirDesign design = MlirDesign::parse(text);
    QStringList lines = text.split(QLatin1Char('\n'));
    QStringList changes;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString code = stripComment(lines.at(i));
        const QRegularExpressionMatch m = bufferOp().match(code);
        if (!m.hasMatch() || m.captured(2) == target || !moves(design.tile(m.captured(2))))
            continue;
        lines[i].replace(m.capturedStart(2), m.capturedLength(2), target);
        changes << QStringLiteral("line %1: %%2 moves from %%3 to %%4 (%5)")
                       .arg(i + 1)
                       .arg(m.captured(1), m.captured(2), target, why);
    }
    if (changes.isEmpty())
        return FileEdit::failed(path, QStringLiteral("%1: no aie.buffer to move").arg(path));
    return FileEdit(path, text, lines.join(QLatin1Char('\n')), changes, sibling(path, suggestedName));
}

} // namespace

FileEdit DesignEdits::fromFile(const QString& path, FileEdit (*edit)(const QString&, const QString&))
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return FileEdit::failed(path, QStringLiteral("%1: cannot open for reading: %2").arg(path, file.errorString()));
    return edit(QFileInfo(path).absoluteFilePath(), QString::fromUtf8(file.readAll()));
}

FileEdit DesignEdits::addSymNames(const QString& path, const QString& text)
{
    static const QRegularExpression symRe(QStringLiteral("sym_name\\s*=\\s*\"([^\"]*)\""));
    QSet<QString> taken;
    for (auto it = symRe.globalMatch(text); it.hasNext();)
        taken.insert(it.next().captured(1));
    QStringList lines = text.split(QLatin1Char('\n'));
    QStringList changes;
    int buffers = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = bufferOp().match(stripComment(lines.at(i)));
        if (!m.hasMatch())
            continue;
        ++buffers;
        if (symRe.match(m.captured(4)).hasMatch())
            continue;
        QString name = m.captured(1);
        if (name.isEmpty() || name.at(0).isDigit())
            name = QStringLiteral("buf_") + name;
        name.replace(QRegularExpression(QStringLiteral("[^\\w]")), QStringLiteral("_"));
        const QString base = name;
        for (int n = 2; taken.contains(name); ++n)
            name = base + QLatin1Char('_') + QString::number(n);
        taken.insert(name);
        const QString attribute = QStringLiteral("sym_name = \"%1\"").arg(name);
        if (m.capturedLength(3) > 0) {
            const qsizetype brace = lines[i].indexOf(QLatin1Char('{'), m.capturedStart(3));
            const bool empty = m.captured(4).trimmed().isEmpty();
            lines[i].insert(brace + 1, empty ? attribute : QString(attribute + QStringLiteral(", ")));
        } else {
            lines[i].insert(m.capturedEnd(0), QString(QStringLiteral(" {") + attribute + QLatin1Char('}')));
        }
        changes << QStringLiteral("line %1: %%2 gets %3").arg(i + 1).arg(m.captured(1), attribute);
    }
    const QFileInfo info(path);
    const QString suggested = sibling(path, info.completeBaseName() + QStringLiteral("_symnames.mlir"));
    if (buffers == 0) {
        return FileEdit::failed(path,
                                QStringLiteral("%1 declares no aie.buffer (its data moves through object FIFOs): "
                                               "there is nothing to name")
                                    .arg(path));
    }
    if (changes.isEmpty())
        return FileEdit::failed(path, QStringLiteral("%1: every aie.buffer already has a sym_name").arg(path));
    return FileEdit(path, text, lines.join(QLatin1Char('\n')), changes, suggested);
}

FileEdit DesignEdits::derive32x32(const QString& path, const QString& text)
{
    const MlirDesign design = MlirDesign::parse(text);
    if (!design.runtimeSequence || design.runtimeSequence->arguments.isEmpty())
        return FileEdit::failed(
            path, QStringLiteral("%1: expected a runtime sequence with host buffers, found none").arg(path));
    constexpr qint64 From = 64 * 64;
    constexpr qint64 To = 32 * 32;
    QMap<QString, QString> sizes;
    for (const MlirDesign::HostArgument& arg : design.runtimeSequence->arguments) {
        if (arg.bytes <= 0 || arg.bytes % From != 0) {
            return FileEdit::failed(path,
                                    QStringLiteral("%1: expected a 64x64 design (host buffers of k x 4096 bytes), "
                                                   "found %%2 of %3 bytes")
                                        .arg(path, arg.name)
                                        .arg(arg.bytes));
        }
        sizes.insert(QString::number(arg.bytes), QString::number(arg.bytes / From * To));
    }
    const QRegularExpression number(QStringLiteral("(?<!\\d)(%1)(?!\\d)").arg(sizes.keys().join(QLatin1Char('|'))));
    QStringList lines = text.split(QLatin1Char('\n'));
    QStringList out;
    QStringList changes;
    bool noted = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        QString edited;
        qsizetype last = 0;
        for (auto it = number.globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            edited += line.mid(last, m.capturedStart(1) - last) + sizes.value(m.captured(1));
            last = m.capturedEnd(1);
        }
        edited += line.mid(last);
        edited.replace(QLatin1String("64x64"), QLatin1String("32x32"));
        edited.replace(QLatin1String("sqrt(64)"), QLatin1String("sqrt(32)"));
        if (edited != line)
            changes << QStringLiteral("line %1: sizes and names for 32x32").arg(i + 1);
        out << edited;
        if (!noted && edited.startsWith(QLatin1String("//")) && edited.contains(QLatin1String("32x32"))) {
            out << QStringLiteral("// The guide's option 2: the same single-tile design at 32x32. Its group IDs equal "
                                  "the 64x64 ones;")
                << QStringLiteral("// size never changed a bank (docs/domain.md section 6).");
            changes << QStringLiteral("line %1: a note on what the guide expected from the 32x32 size").arg(i + 2);
            noted = true;
        }
    }
    if (!text.contains(QLatin1String("64x64")) && changes.isEmpty())
        return FileEdit::failed(path, QStringLiteral("%1: expected a 64x64 design, found no 64x64 sizes").arg(path));
    const QString name = QFileInfo(path).fileName();
    const QString suggested = name.contains(QLatin1String("64x64"))
        ? QString(name).replace(QLatin1String("64x64"), QLatin1String("32x32"))
        : QString(QFileInfo(path).completeBaseName() + QStringLiteral("_32x32.mlir"));
    return FileEdit(path, text, out.join(QLatin1Char('\n')), changes, sibling(path, suggested));
}

FileEdit DesignEdits::moveBuffersToShim(const QString& path, const QString& text)
{
    const MlirDesign design = MlirDesign::parse(text);
    const auto shim = std::find_if(design.tiles.cbegin(), design.tiles.cend(),
                                   [](const MlirDesign::Tile& t) { return t.kind == MlirDesign::TileKind::Shim; });
    if (shim == design.tiles.cend())
        return FileEdit::failed(path, QStringLiteral("%1: no shim tile (row 0) declared").arg(path));
    return moveBuffers(
        path, text, shim->name, QFileInfo(path).completeBaseName() + QStringLiteral("_shimbuffers.mlir"),
        [](const MlirDesign::Tile*) { return true; }, QStringLiteral("the guide's step 2"));
}

FileEdit DesignEdits::moveShimBuffersToCompute(const QString& path, const QString& text)
{
    const MlirDesign design = MlirDesign::parse(text);
    const auto compute = std::find_if(design.tiles.cbegin(), design.tiles.cend(), [](const MlirDesign::Tile& t) {
        return t.kind == MlirDesign::TileKind::Compute;
    });
    if (compute == design.tiles.cend())
        return FileEdit::failed(path,
                                QStringLiteral("%1: no compute tile (rows 2-5) to move the buffers to").arg(path));
    return moveBuffers(
        path, text, compute->name, QFileInfo(path).completeBaseName() + QStringLiteral("_fixed.mlir"),
        [](const MlirDesign::Tile* t) { return t && t->kind == MlirDesign::TileKind::Shim; },
        QStringLiteral("shim tiles have no data memory"));
}

FileEdit DesignEdits::restoreConnectivity(const QString& path, const QString& text)
{
    static const QRegularExpression argument(
        QStringLiteral("\\{[^{}]*\"address-qualifier\"\\s*:\\s*\"GLOBAL\"[^{}]*\\}"));
    static const QRegularExpression nameRe(QStringLiteral("\"name\"\\s*:\\s*\"([^\"]*)\""));
    static const QRegularExpression connectionRe(QStringLiteral("\"memory-connection\"\\s*:\\s*\"([^\"]*)\""));
    static const QRegularExpression qualifierRe(QStringLiteral("(\\s*)\"address-qualifier\""));
    QString edited;
    QStringList changes;
    qsizetype last = 0;
    for (auto it = argument.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString object = m.captured(0);
        const QString name = nameRe.match(object).captured(1);
        const QString wanted = name == QLatin1String("instr") ? QStringLiteral("SRAM") : QStringLiteral("HOST");
        const int line = int(text.left(m.capturedStart(0)).count(QLatin1Char('\n'))) + 1;
        const QRegularExpressionMatch c = connectionRe.match(object);
        if (c.hasMatch() && c.captured(1) != wanted) {
            object.replace(c.capturedStart(1), c.capturedLength(1), wanted);
            changes << QStringLiteral("line %1: %2 connects to %3 instead of %4")
                           .arg(line)
                           .arg(name, wanted, c.captured(1));
        } else if (!c.hasMatch()) {
            const QRegularExpressionMatch q = qualifierRe.match(object);
            // The new member goes on its own line when the members are on lines of their own, with their indent.
            const QString space = q.captured(1);
            const qsizetype newline = space.lastIndexOf(QLatin1Char('\n'));
            const QString separator
                = newline < 0 ? QStringLiteral(" ") : QString(QLatin1Char('\n') + space.mid(newline + 1));
            object.insert(q.capturedEnd(1),
                          QString(QStringLiteral("\"memory-connection\": \"%1\",").arg(wanted) + separator));
            changes << QStringLiteral("line %1: %2 gets the memory-connection %3 it had none of")
                           .arg(line)
                           .arg(name, wanted);
        }
        edited += text.mid(last, m.capturedStart(0) - last) + object;
        last = m.capturedEnd(0);
    }
    edited += text.mid(last);
    if (changes.isEmpty()) {
        return FileEdit::failed(path,
                                QStringLiteral("%1: every buffer argument is already connected as aiecc "
                                               "connects it")
                                    .arg(path));
    }
    return FileEdit(path, text, edited, changes, path);
}

} // namespace xi
