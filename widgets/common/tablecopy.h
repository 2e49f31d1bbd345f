// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QModelIndexList>
#include <QString>

class QAbstractItemView;
class QAbstractItemModel;

namespace xi {

// Copy as text from any table: the selected cells (or the whole table) as TSV or Markdown, with headers.
class TableCopy {
public:
    enum class Format { Tsv, Markdown };

    static QString text(const QAbstractItemModel* model, const QModelIndexList& cells, Format format);
    static QString wholeTable(const QAbstractItemModel* model, Format format);
    // Text of what is selected in the view, or of the whole table when nothing is.
    static QString selection(const QAbstractItemView* view, Format format);
    static void copyToClipboard(const QAbstractItemView* view, Format format);
    // Adds Copy (QKeySequence::Copy), Copy as Markdown and Copy table actions to the view's context menu.
    static void install(QAbstractItemView* view);
};

} // namespace xi
