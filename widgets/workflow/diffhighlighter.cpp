// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workflow/diffhighlighter.h"

#include "widgets/common/verdictstyle.h"

namespace xi {

DiffHighlighter::DiffHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
    setPalette(QPalette());
}

void DiffHighlighter::setPalette(const QPalette& palette)
{
    m_added.setBackground(VerdictStyle::background(Verdict::Valid, palette));
    m_removed.setBackground(VerdictStyle::background(Verdict::Invalid, palette));
    m_hunk.setForeground(VerdictStyle::accent(Verdict::Scalar, palette));
    m_hunk.setFontWeight(QFont::Bold);
    rehighlight();
}

void DiffHighlighter::highlightBlock(const QString& text)
{
    if (text.startsWith(QLatin1String("@@")))
        setFormat(0, int(text.size()), m_hunk);
    else if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---")))
        setFormat(0, int(text.size()), m_hunk);
    else if (text.startsWith(QLatin1Char('+')))
        setFormat(0, int(text.size()), m_added);
    else if (text.startsWith(QLatin1Char('-')))
        setFormat(0, int(text.size()), m_removed);
}

} // namespace xi
