// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/metadataview.h"

#include "widgets/common/syntaxhighlighter.h"
#include "widgets/common/verdictstyle.h"
#include "xclbin/sectionjson.h"
#include "xclbin/sectionkind.h"
#include "xclbin/xclbinerror.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

namespace xi {

MetadataView::MetadataView(QWidget* parent)
    : QWidget(parent)
    , m_selector(new QComboBox(this))
    , m_editor(new QPlainTextEdit(this))
    , m_find(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_highlighter(new SyntaxHighlighter(m_editor->document()))
{
    m_selector->setToolTip(tr("Which text to show: the embedded XML metadata, text sections, or a decoded section "
                              "as JSON"));
    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setToolTip(tr("Section text (read-only)"));
    m_find->setPlaceholderText(tr("Find (Ctrl+F), Enter for next, Shift+Enter for previous"));
    m_find->setClearButtonEnabled(true);
    m_find->setToolTip(tr("Find text in the shown document; every match is highlighted"));
    auto next = new QPushButton(tr("Next"), this);
    next->setToolTip(tr("Go to the next match"));
    auto previous = new QPushButton(tr("Previous"), this);
    previous->setToolTip(tr("Go to the previous match"));
    m_status->setToolTip(tr("Number of matches"));

    auto top = new QHBoxLayout;
    top->addWidget(m_selector);
    top->addWidget(m_find, 1);
    top->addWidget(previous);
    top->addWidget(next);
    top->addWidget(m_status);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_editor);

    connect(m_selector, &QComboBox::currentTextChanged, this, &MetadataView::showDocument);
    connect(m_find, &QLineEdit::textChanged, this, [this] {
        highlightMatches();
        m_editor->moveCursor(QTextCursor::Start);
        findNext();
    });
    connect(m_find, &QLineEdit::returnPressed, this,
            [this] { findNext(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier); });
    connect(next, &QPushButton::clicked, this, [this] { findNext(false); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    m_highlighter->setDark(VerdictStyle::isDark(palette()));
}

void MetadataView::setXclbin(XclbinPtr xclbin)
{
    m_xclbin = std::move(xclbin);
    m_documents.clear();
    if (m_xclbin) {
        if (!m_xclbin->embeddedMetadataXml.isEmpty())
            m_documents.append(
                { QStringLiteral("EMBEDDED_METADATA"), QString::fromUtf8(m_xclbin->embeddedMetadataXml) });
        for (auto it = m_xclbin->textSections.cbegin(); it != m_xclbin->textSections.cend(); ++it)
            m_documents.append({ it.key(), it.value() });
        for (const SectionHeader& s : m_xclbin->sections) {
            if (!SectionJson::supports(s.kind) || m_xclbin->section(s.kind) != &s)
                continue;
            try {
                m_documents.append({ sectionKindDisplayName(s.kind) + tr(" (JSON)"),
                                     QString::fromUtf8(SectionJson::json(*m_xclbin, s)) });
            } catch (const XclbinException& e) {
                m_documents.append({ sectionKindDisplayName(s.kind) + tr(" (JSON)"), e.error().message() });
            }
        }
    }
    const QSignalBlocker blocker(m_selector);
    m_selector->clear();
    for (const auto& doc : std::as_const(m_documents))
        m_selector->addItem(doc.first);
    showDocument(m_documents.isEmpty() ? QString() : m_documents.first().first);
}

QStringList MetadataView::documentNames() const
{
    QStringList names;
    for (const auto& doc : m_documents)
        names << doc.first;
    return names;
}

void MetadataView::showDocument(const QString& name)
{
    QString text = tr("This file has no text sections.");
    for (const auto& doc : std::as_const(m_documents)) {
        if (doc.first == name)
            text = doc.second;
    }
    if (m_selector->currentText() != name) {
        const QSignalBlocker blocker(m_selector);
        m_selector->setCurrentText(name);
    }
    m_highlighter->setLanguage(SyntaxHighlighter::guess(text));
    m_editor->setPlainText(text);
    highlightMatches();
}

QString MetadataView::currentText() const
{
    return m_editor->toPlainText();
}

bool MetadataView::findNext(bool backward)
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return false;
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (m_editor->find(needle, flags))
        return true;
    // Wrap around once.
    m_editor->moveCursor(backward ? QTextCursor::End : QTextCursor::Start);
    return m_editor->find(needle, flags);
}

void MetadataView::activateFind()
{
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
}

void MetadataView::highlightMatches()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QString needle = m_find->text();
    m_matches = 0;
    if (!needle.isEmpty()) {
        QTextCharFormat format;
        format.setBackground(VerdictStyle::background(Verdict::Warning, palette()));
        QTextCursor cursor = m_editor->document()->find(needle);
        while (!cursor.isNull()) {
            selections.append({ cursor, format });
            ++m_matches;
            cursor = m_editor->document()->find(needle, cursor);
        }
    }
    m_editor->setExtraSelections(selections);
    m_status->setText(needle.isEmpty() ? QString() : tr("%n match(es)", nullptr, m_matches));
}

void MetadataView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setDark(VerdictStyle::isDark(palette()));
        highlightMatches();
    }
}

} // namespace xi
