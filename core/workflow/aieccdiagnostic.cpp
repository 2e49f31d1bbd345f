// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/aieccdiagnostic.h"

#include <QRegularExpression>

namespace xi {

namespace {

// The tools aiecc runs; a traced line starting with one of them is a step.
bool isToolCommand(const QString& line)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:\\S*/)?(?:aie-opt|aie-translate|aiebu-asm|xclbinutil|bootgen|clang\\+\\+|clang|opt|llc|"
                       "xchesscc_wrapper|chess-llvm-link)(?:\\s|$)"));
    return re.match(line).hasMatch();
}

AieccDiagnostic::Kind kindOf(const QString& word)
{
    if (word == QLatin1String("warning"))
        return AieccDiagnostic::Kind::Warning;
    if (word == QLatin1String("note"))
        return AieccDiagnostic::Kind::Note;
    if (word == QLatin1String("remark"))
        return AieccDiagnostic::Kind::Remark;
    return AieccDiagnostic::Kind::Error;
}

} // namespace

QString AieccDiagnostic::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Error: return QStringLiteral("error");
    case Kind::Warning: return QStringLiteral("warning");
    case Kind::Note: return QStringLiteral("note");
    case Kind::Remark: return QStringLiteral("remark");
    case Kind::FailedCommand: return QStringLiteral("failed-command");
    case Kind::Exception: return QStringLiteral("exception");
    }
    return {};
}

QString AieccDiagnostic::text() const
{
    if (kind == Kind::FailedCommand)
        return QStringLiteral("failed step: ") + command;
    if (!hasLocation())
        return kindName(kind) + QStringLiteral(": ") + message;
    return QStringLiteral("%1:%2:%3: %4: %5").arg(file).arg(line).arg(column).arg(kindName(kind), message);
}

QJsonObject AieccDiagnostic::toJson() const
{
    return { { QStringLiteral("kind"), kindName(kind) }, { QStringLiteral("file"), file },
             { QStringLiteral("line"), line },           { QStringLiteral("column"), column },
             { QStringLiteral("message"), message },     { QStringLiteral("command"), command },
             { QStringLiteral("log_line"), logLine } };
}

QList<AieccDiagnostic> AieccLogParser::feed(const QString& rawLine)
{
    static const QRegularExpression located(
        QStringLiteral("^(.+?):(\\d+):(\\d+):\\s*(error|warning|note|remark):\\s*(.*)$"));
    static const QRegularExpression failed(QStringLiteral("Error encountered while running:\\s*(.*)$"));
    static const QRegularExpression plainError(QStringLiteral("^(?:error|Error|ERROR)\\s*:\\s*(.+)$"));

    ++m_lines;
    QString line = rawLine;
    while (line.endsWith(QLatin1Char('\r')) || line.endsWith(QLatin1Char('\n')))
        line.chop(1);
    QList<AieccDiagnostic> found;
    auto add = [&](AieccDiagnostic d) {
        d.logLine = m_lines;
        m_diagnostics << d;
        found << d;
    };

    if (line.startsWith(QLatin1String("Traceback (most recent call last)"))) {
        m_inTraceback = true;
        return found;
    }
    if (m_inTraceback) {
        // The frames are indented; the first line that is not ends the traceback: the exception itself.
        if (line.isEmpty() || line.at(0).isSpace())
            return found;
        m_inTraceback = false;
        AieccDiagnostic d;
        d.kind = AieccDiagnostic::Kind::Exception;
        d.message = line.trimmed();
        add(d);
        return found;
    }
    if (const QRegularExpressionMatch m = failed.match(line); m.hasMatch()) {
        AieccDiagnostic d;
        d.kind = AieccDiagnostic::Kind::FailedCommand;
        d.command = m.captured(1).trimmed();
        d.message = QStringLiteral("aiecc stopped: this step failed");
        add(d);
        return found;
    }
    if (const QRegularExpressionMatch m = located.match(line); m.hasMatch()) {
        AieccDiagnostic d;
        d.kind = kindOf(m.captured(4));
        d.file = m.captured(1).trimmed();
        d.line = m.captured(2).toInt();
        d.column = m.captured(3).toInt();
        d.message = m.captured(5).trimmed();
        add(d);
        return found;
    }
    if (const QRegularExpressionMatch m = plainError.match(line); m.hasMatch()) {
        AieccDiagnostic d;
        d.kind = AieccDiagnostic::Kind::Error;
        d.message = m.captured(1).trimmed();
        add(d);
        return found;
    }
    trackProgress(line);
    return found;
}

void AieccLogParser::trackProgress(const QString& line)
{
    static const QRegularExpression done(QStringLiteral("^Done in [\\d.]+ sec: (.*)$"));
    static const QRegularExpression running(QStringLiteral("^Running:\\s*(.*)$"));
    auto shorten = [](const QString& text) -> QString {
        return text.size() > 100 ? QString(text.left(97) + QStringLiteral("...")) : text;
    };
    if (const QRegularExpressionMatch m = done.match(line); m.hasMatch()) {
        ++m_progress.finished;
        return;
    }
    if (const QRegularExpressionMatch m = running.match(line); m.hasMatch()) {
        ++m_progress.started;
        m_progress.current = shorten(QStringLiteral("pass pipeline ") + m.captured(1));
        return;
    }
    if (isToolCommand(line)) {
        ++m_progress.started;
        m_progress.current = shorten(line);
    }
}

QList<AieccDiagnostic> AieccLogParser::parse(const QString& log)
{
    AieccLogParser parser;
    for (const QString& line : log.split(QLatin1Char('\n')))
        parser.feed(line);
    return parser.diagnostics();
}

} // namespace xi
