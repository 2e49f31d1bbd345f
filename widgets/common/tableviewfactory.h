// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace xi {

// The read-only table every view uses: no row numbers, last column stretched, whole rows selected,
// a tooltip, Copy as TSV / Markdown in its context menu, and column widths fitted from a bounded sample of rows.
QTableView* createTableView(QAbstractItemModel* model, QWidget* parent, const QString& toolTip);

} // namespace xi
