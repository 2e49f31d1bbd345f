// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/findbar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>

namespace xi {

FindBar::FindBar(QSortFilterProxyModel* proxy, QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_proxy(proxy)
{
    auto layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit->setPlaceholderText(tr("Filter rows (Ctrl+F)"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setToolTip(tr("Show only rows that contain this text in any column (case-insensitive); Esc clears it"));
    m_edit->setAccessibleName(tr("Filter rows"));
    layout->addWidget(m_edit);
    // Esc anywhere in the view the bar filters clears the filter.
    auto clear = new QAction(tr("Clear the filter"), this);
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    clear->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    (parent ? parent : this)->addAction(clear);
    connect(clear, &QAction::triggered, m_edit, &QLineEdit::clear);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setRecursiveFilteringEnabled(true);
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        emit filterChanged(text);
    });
}

void FindBar::activate()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void FindBar::setText(const QString& text)
{
    m_edit->setText(text);
}

} // namespace xi
