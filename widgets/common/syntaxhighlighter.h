// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace xi {

// Highlights XML (tags, attributes, values, comments) or JSON (keys, strings, numbers) text.
class SyntaxHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    enum class Language { Plain, Xml, Json };

    explicit SyntaxHighlighter(QTextDocument* document);
    void setLanguage(Language language);
    Language language() const { return m_language; }
    // Colours depend on the palette: call on palette change.
    void setDark(bool dark);
    static Language guess(const QString& text);

protected:
    void highlightBlock(const QString& text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    void rebuildRules();
    void apply(const QString& text, const Rule& rule);

    Language m_language = Language::Plain;
    bool m_dark = false;
    QList<Rule> m_rules;
};

} // namespace xi
