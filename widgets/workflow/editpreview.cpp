// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workflow/editpreview.h"

#include "widgets/workflow/diffhighlighter.h"

#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace xi {

EditPreview::EditPreview(QWidget* parent)
    : QWidget(parent)
    , m_changes(new QListWidget(this))
    , m_diff(new QPlainTextEdit(this))
    , m_highlighter(new DiffHighlighter(m_diff->document()))
    , m_target(new QLineEdit(this))
    , m_write(new QPushButton(tr("Write"), this))
    , m_undo(new QPushButton(tr("Undo"), this))
    , m_status(new QLabel(this))
{
    m_changes->setToolTip(tr("Every change of the edit, with its line"));
    m_changes->setMaximumHeight(90);
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setToolTip(tr("The edit as a unified diff: shown before anything is written"));
    m_target->setToolTip(tr("Where the edited file is written: a new file next to the original by default. An existing "
                            "file is kept as FILE.bak first."));
    m_write->setToolTip(tr("Write the edited file (atomically)"));
    m_undo->setToolTip(tr("Undo the write: remove the new file, or put back what the replaced file held"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto target = new QHBoxLayout;
    target->addWidget(new QLabel(tr("Write to:"), this));
    target->addWidget(m_target, 1);
    target->addWidget(m_write);
    target->addWidget(m_undo);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_changes);
    layout->addWidget(m_diff, 1);
    layout->addLayout(target);
    layout->addWidget(m_status);

    connect(m_write, &QPushButton::clicked, this, [this] { write(); });
    connect(m_undo, &QPushButton::clicked, this, [this] { undo(); });
    connect(m_target, &QLineEdit::textChanged, this, [this] {
        if (m_edit.isValid() && !m_edit.isWritten())
            m_diff->setPlainText(m_edit.diff(targetPath()));
    });
    updateState();
}

void EditPreview::setEdit(const FileEdit& edit)
{
    m_edit = edit;
    m_changes->clear();
    if (!edit.isValid()) {
        m_diff->setPlainText(QString());
        m_target->clear();
        showStatus(edit.error().isEmpty() ? QString() : tr("Nothing to write: %1").arg(edit.error()));
        updateState();
        return;
    }
    m_changes->addItems(edit.changes());
    m_target->setText(edit.suggestedPath());
    m_diff->setPlainText(edit.diff(edit.suggestedPath()));
    showStatus(tr("%1 change(s). Nothing is written until you press Write.").arg(edit.changes().size()));
    updateState();
}

QString EditPreview::targetPath() const
{
    return m_target->text().trimmed();
}

void EditPreview::setTargetPath(const QString& path)
{
    m_target->setText(path);
}

bool EditPreview::write(QString* error)
{
    QString why;
    const QString target = targetPath();
    bool ok = !target.isEmpty();
    if (!ok)
        why = tr("no target file");
    if (ok && m_beforeWrite)
        ok = m_beforeWrite(target, &why);
    const bool existed = QFileInfo::exists(target);
    if (ok)
        ok = m_edit.write(target, &why);
    if (!ok) {
        showStatus(tr("Not written: %1").arg(why));
        if (error)
            *error = why;
        return false;
    }
    showStatus(existed ? tr("Wrote %1; the file it replaced is kept as %2.").arg(target, m_edit.backupPath())
                       : tr("Wrote the new file %1; the original is unchanged.").arg(target));
    updateState();
    emit written(m_edit.writtenPath());
    return true;
}

bool EditPreview::undo(QString* error)
{
    const QString path = m_edit.writtenPath();
    QString why;
    if (!m_edit.undo(&why)) {
        showStatus(tr("Not undone: %1").arg(why));
        if (error)
            *error = why;
        return false;
    }
    showStatus(tr("Undone: %1 is as it was before the write.").arg(path));
    updateState();
    emit undone(path);
    return true;
}

void EditPreview::updateState()
{
    m_write->setEnabled(m_edit.changesText() && !m_edit.isWritten());
    m_undo->setEnabled(m_edit.isWritten());
    m_target->setEnabled(m_edit.changesText() && !m_edit.isWritten());
}

void EditPreview::showStatus(const QString& text)
{
    m_status->setText(text);
}

void EditPreview::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setPalette(palette());
}

} // namespace xi
