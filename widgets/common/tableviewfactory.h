// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace xi {

// The read-only table every view uses: no row numbers, last column stretched, whole rows selected,
// a tooltip, and Copy as TSV / Markdown in its context menu.
QTableView* createTableView(QAbstractItemModel* model, QWidget* parent, const QString& toolTip);

} // namespace xi
