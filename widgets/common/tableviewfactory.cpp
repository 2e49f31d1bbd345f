// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/tableviewfactory.h"

#include "widgets/common/tablecopy.h"

#include <QHeaderView>
#include <QTableView>

namespace xi {

namespace {
// Columns fitted to their contents measure the visible rows and at most this many others: a table of ten thousand
// rows opens as fast as one of ten.
constexpr int ContentSampleRows = 200;
} // namespace

QTableView* createTableView(QAbstractItemModel* model, QWidget* parent, const QString& toolTip)
{
    auto table = new QTableView(parent);
    table->setModel(model);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setResizeContentsPrecision(ContentSampleRows);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->setToolTip(toolTip);
    TableCopy::install(table);
    return table;
}

} // namespace xi
