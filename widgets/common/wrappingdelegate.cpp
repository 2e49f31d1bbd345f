// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/wrappingdelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QTreeView>

namespace xi {

WrappingDelegate::WrappingDelegate(QTreeView* view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
    view->setWordWrap(true);
    view->setTextElideMode(Qt::ElideNone);
    view->setUniformRowHeights(false);
    connect(view->header(), &QHeaderView::sectionResized, view, &QTreeView::doItemsLayout);
}

void WrappingDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->features |= QStyleOptionViewItem::WrapText;
}

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem o(option);
    initStyleOption(&o, index);
    o.rect = QRect(0, 0, m_view->columnWidth(index.column()), 1); // a valid rect: the style wraps at its width
    const QStyle* style = m_view->style() ? m_view->style() : QApplication::style();
    return style->sizeFromContents(QStyle::CT_ItemViewItem, &o, QSize(), m_view);
}

} // namespace xi
