// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/mlir/mlirsourceview.h"

#include "widgets/common/verdictstyle.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace xi {

class MlirLineNumberArea : public QWidget {
public:
    explicit MlirLineNumberArea(MlirSourceView* view)
        : QWidget(view)
        , m_view(view)
    {
    }
    QSize sizeHint() const override { return { m_view->lineNumberAreaWidth(), 0 }; }

protected:
    void paintEvent(QPaintEvent* event) override { m_view->paintLineNumbers(event); }

private:
    MlirSourceView* m_view;
};

MlirSourceView::MlirSourceView(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_lineNumbers(new MlirLineNumberArea(this))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setToolTip(tr("The design's source; lines with findings are marked (hover one for the finding)"));
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
        if (dy)
            m_lineNumbers->scroll(0, dy);
        else
            m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    });
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

int MlirSourceView::lineNumberAreaWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    return 10 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits);
}

void MlirSourceView::setSource(const QString& text, const QList<MlirDesignChecker::Finding>& findings)
{
    m_findings = findings;
    m_currentLine = 0;
    setPlainText(text);
    updateSelections();
}

QList<int> MlirSourceView::markedLines() const
{
    QList<int> lines;
    for (const MlirDesignChecker::Finding& f : m_findings) {
        if (f.line > 0 && !lines.contains(f.line))
            lines << f.line;
    }
    return lines;
}

bool MlirSourceView::gotoLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (line < 1 || !block.isValid())
        return false;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    centerCursor();
    m_currentLine = line;
    updateSelections();
    return true;
}

int MlirSourceView::currentLine() const
{
    return m_currentLine;
}

void MlirSourceView::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    // The most severe finding of a line decides its colour: add the milder ones first.
    for (Severity severity : { Severity::Info, Severity::Warning, Severity::Error }) {
        for (const MlirDesignChecker::Finding& f : m_findings) {
            if (f.severity != severity || f.line <= 0)
                continue;
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(document()->findBlockByNumber(f.line - 1));
            s.format.setBackground(VerdictStyle::background(VerdictStyle::forSeverity(severity), palette()));
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections << s;
        }
    }
    if (m_currentLine > 0) {
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(document()->findBlockByNumber(m_currentLine - 1));
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.format.setProperty(QTextFormat::OutlinePen, QPen(palette().color(QPalette::Highlight)));
        s.format.setFontWeight(QFont::Bold);
        selections << s;
    }
    setExtraSelections(selections);
}

void MlirSourceView::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_lineNumbers->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
}

bool MlirSourceView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto help = static_cast<QHelpEvent*>(event);
        const QTextCursor cursor = cursorForPosition(viewport()->mapFromParent(help->pos()));
        const int line = cursor.blockNumber() + 1;
        QStringList texts;
        for (const MlirDesignChecker::Finding& f : m_findings) {
            if (f.line == line)
                texts << QStringLiteral("%1 [%2]: %3").arg(severityName(f.severity), f.code, f.message);
        }
        if (!texts.isEmpty()) {
            QToolTip::showText(help->globalPos(), texts.join(QStringLiteral("\n\n")), this);
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void MlirSourceView::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateSelections();
}

void MlirSourceView::paintLineNumbers(QPaintEvent* event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    const QList<int> marked = markedLines();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            QFont font = painter.font();
            font.setBold(marked.contains(line));
            painter.setFont(font);
            painter.setPen(palette().color(marked.contains(line) ? QPalette::Text : QPalette::PlaceholderText));
            painter.drawText(0, top, m_lineNumbers->width() - 5, fontMetrics().height(), Qt::AlignRight,
                             QString::number(line));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

} // namespace xi
