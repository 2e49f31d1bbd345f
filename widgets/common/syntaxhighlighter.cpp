// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/syntaxhighlighter.h"

namespace xi {

namespace {

QTextCharFormat makeFormat(const QColor& color, bool bold = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    return f;
}

} // namespace

SyntaxHighlighter::SyntaxHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
}

void SyntaxHighlighter::setLanguage(Language language)
{
    m_language = language;
    rebuildRules();
}

void SyntaxHighlighter::setDark(bool dark)
{
    m_dark = dark;
    rebuildRules();
}

SyntaxHighlighter::Language SyntaxHighlighter::guess(const QString& text)
{
    const QString start = text.left(200).trimmed();
    if (start.startsWith(QLatin1Char('<')))
        return Language::Xml;
    if (start.startsWith(QLatin1Char('{')) || start.startsWith(QLatin1Char('[')))
        return Language::Json;
    return Language::Plain;
}

void SyntaxHighlighter::rebuildRules()
{
    const QColor tag = m_dark ? QColor(0x7a, 0xb7, 0xff) : QColor(0x1a, 0x4f, 0xa0);
    const QColor attribute = m_dark ? QColor(0xe0, 0xa0, 0xff) : QColor(0x80, 0x20, 0x90);
    const QColor value = m_dark ? QColor(0x9c, 0xe0, 0x8a) : QColor(0x1e, 0x7a, 0x1e);
    const QColor number = m_dark ? QColor(0xff, 0xc0, 0x70) : QColor(0xa0, 0x50, 0x00);
    const QColor comment = m_dark ? QColor(0x90, 0x90, 0x90) : QColor(0x70, 0x70, 0x70);
    m_rules.clear();
    if (m_language == Language::Xml) {
        m_rules.append({ QRegularExpression(QStringLiteral("</?[\\w:.-]+|/?>")), makeFormat(tag, true) });
        m_rules.append({ QRegularExpression(QStringLiteral("\\s([\\w:.-]+)=")), makeFormat(attribute), 1 });
        m_rules.append({ QRegularExpression(QStringLiteral("\"[^\"]*\"")), makeFormat(value) });
        m_rules.append({ QRegularExpression(QStringLiteral("<!--.*-->|<\\?.*\\?>")), makeFormat(comment) });
    } else if (m_language == Language::Json) {
        m_rules.append({ QRegularExpression(QStringLiteral("\"[^\"]*\"")), makeFormat(value) });
        m_rules.append({ QRegularExpression(QStringLiteral("(\"[^\"]*\")\\s*:")), makeFormat(tag, true), 1 });
        m_rules.append({ QRegularExpression(QStringLiteral(
                             "\\b-?(0x[0-9a-fA-F]+|\\d+(\\.\\d+)?)\\b|\\btrue\\b|\\bfalse\\b|\\bnull\\b")),
                         makeFormat(number) });
    }
    rehighlight();
}

void SyntaxHighlighter::apply(const QString& text, const Rule& rule)
{
    auto it = rule.pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        setFormat(int(match.capturedStart(rule.group)), int(match.capturedLength(rule.group)), rule.format);
    }
}

void SyntaxHighlighter::highlightBlock(const QString& text)
{
    for (const Rule& rule : std::as_const(m_rules))
        apply(text, rule);
}

} // namespace xi
