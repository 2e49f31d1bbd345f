// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/instructionstreamcompare.h"

#include "binding/bindinginstructions.h"
#include "util/textformat.h"

#include <QFileInfo>

#include <optional>

namespace xi {

namespace {

struct Stream {
    QString label;
    std::optional<BindingInstructions> insts;
    QString error;
};

Stream load(const QString& path)
{
    Stream s;
    if (path.isEmpty()) {
        s.label = QStringLiteral("(none)");
        s.error = QStringLiteral("no instruction file");
        return s;
    }
    s.label = QFileInfo(path).fileName();
    s.insts = BindingInstructions::load(path, &s.error);
    return s;
}

// The TXN header words (DOMAIN.md section 7): 0 = rows<<24 | devGen<<16 | minor<<8 | major, 2 = op count,
// 3 = total bytes.
std::optional<quint32> txnWord(const Stream& s, int index)
{
    if (!s.insts || !s.insts->isMlirAieStream() || s.insts->wordCount() <= index)
        return std::nullopt;
    return s.insts->words.at(index);
}

} // namespace

QJsonObject InstructionStreamRow::toJson() const
{
    return { { QStringLiteral("aspect"), aspect },
             { QStringLiteral("before"), before },
             { QStringLiteral("after"), after },
             { QStringLiteral("changed"), changed },
             { QStringLiteral("note"), note } };
}

QList<InstructionStreamRow> compareInstructionStreams(const QString& beforePath, const QString& afterPath)
{
    const Stream a = load(beforePath);
    const Stream b = load(afterPath);
    QList<InstructionStreamRow> rows;
    auto add = [&rows](const QString& aspect, const QString& before, const QString& after, const QString& note = {}) {
        rows.append({ aspect, before, after, before != after, note });
    };
    add(QStringLiteral("file"), a.label, b.label);
    if (!a.insts || !b.insts) {
        add(QStringLiteral("readable"), a.insts ? QStringLiteral("yes") : a.error,
            b.insts ? QStringLiteral("yes") : b.error);
        return rows;
    }
    add(QStringLiteral("format"), a.insts->formatName(), b.insts->formatName());
    add(QStringLiteral("words"), QString::number(a.insts->wordCount()), QString::number(b.insts->wordCount()),
        QStringLiteral("the host's ninstr"));
    add(QStringLiteral("bytes"), QString::number(a.insts->byteCount()), QString::number(b.insts->byteCount()),
        QStringLiteral("what the instruction BO must hold"));
    auto word = [](const std::optional<quint32>& w, bool hex) {
        if (!w)
            return QStringLiteral("(not a TXN stream)");
        return hex ? hexUpper(*w) : QString::number(*w);
    };
    add(QStringLiteral("TXN header"), word(txnWord(a, 0), true), word(txnWord(b, 0), true),
        QStringLiteral("rows<<24 | devGen<<16 | minor<<8 | major"));
    add(QStringLiteral("TXN ops"), word(txnWord(a, 2), false), word(txnWord(b, 2), false));
    add(QStringLiteral("TXN size"), word(txnWord(a, 3), false), word(txnWord(b, 3), false));
    rows.append({ QStringLiteral("per-argument sizes"), QStringLiteral("not decoded here"),
                  QStringLiteral("not decoded here"), false,
                  QStringLiteral("the instruction-stream decoder gives them") });
    return rows;
}

} // namespace xi
