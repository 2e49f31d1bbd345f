// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/tablecopy.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QTableView>
#include <QTreeView>

#include <map>
#include <set>

namespace xi {

namespace {

QString cellText(const QAbstractItemModel* model, int row, int column, const QModelIndex& parent, TableCopy::Format f)
{
    QString text = model->index(row, column, parent).data(Qt::DisplayRole).toString();
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (f == TableCopy::Format::Tsv)
        text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    else
        text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    return text;
}

QString line(const QStringList& cells, TableCopy::Format f)
{
    if (f == TableCopy::Format::Tsv)
        return cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
    return QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

bool isHidden(const QAbstractItemView* view, int column)
{
    if (auto table = qobject_cast<const QTableView*>(view))
        return table->isColumnHidden(column);
    if (auto tree = qobject_cast<const QTreeView*>(view))
        return tree->isColumnHidden(column);
    return false;
}

} // namespace

QString TableCopy::text(const QAbstractItemModel* model, const QModelIndexList& cells, Format format)
{
    if (!model || cells.isEmpty())
        return {};
    std::set<int> columns;
    std::map<std::pair<int, qintptr>, QModelIndex> rows; // ordered by row, parent
    for (const QModelIndex& cell : cells) {
        columns.insert(cell.column());
        rows.emplace(std::make_pair(cell.row(), qintptr(cell.internalId())), cell);
    }
    QStringList header;
    for (int column : columns)
        header << model->headerData(column, Qt::Horizontal).toString();
    QString out = line(header, format);
    if (format == Format::Markdown) {
        QStringList rule;
        for (std::size_t i = 0; i < columns.size(); ++i)
            rule << QStringLiteral("---");
        out += line(rule, format);
    }
    for (const auto& [key, cell] : rows) {
        QStringList values;
        for (int column : columns)
            values << cellText(model, cell.row(), column, cell.parent(), format);
        out += line(values, format);
    }
    return out;
}

QString TableCopy::wholeTable(const QAbstractItemModel* model, Format format)
{
    QModelIndexList cells;
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column)
            cells << model->index(row, column);
    }
    return text(model, cells, format);
}

QString TableCopy::selection(const QAbstractItemView* view, Format format)
{
    QAbstractItemModel* model = view->model();
    if (!model)
        return {};
    QModelIndexList cells;
    if (view->selectionModel()) {
        for (const QModelIndex& cell : view->selectionModel()->selectedIndexes()) {
            if (!isHidden(view, cell.column()))
                cells << cell;
        }
    }
    if (cells.isEmpty()) {
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                if (!isHidden(view, column))
                    cells << model->index(row, column);
            }
        }
    }
    return text(model, cells, format);
}

void TableCopy::copyToClipboard(const QAbstractItemView* view, Format format)
{
    QApplication::clipboard()->setText(selection(view, format));
}

void TableCopy::install(QAbstractItemView* view)
{
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto copy = new QAction(QObject::tr("&Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    copy->setToolTip(QObject::tr("Copy the selected cells as tab-separated text (whole table if none)"));
    QObject::connect(copy, &QAction::triggered, view, [view] { copyToClipboard(view, Format::Tsv); });
    auto markdown = new QAction(QObject::tr("Copy as &Markdown"), view);
    markdown->setToolTip(QObject::tr("Copy the selected cells as a Markdown table"));
    QObject::connect(markdown, &QAction::triggered, view, [view] { copyToClipboard(view, Format::Markdown); });
    auto all = new QAction(QObject::tr("Copy &table"), view);
    all->setToolTip(QObject::tr("Copy the whole table as tab-separated text"));
    QObject::connect(all, &QAction::triggered, view,
                     [view] { QApplication::clipboard()->setText(wholeTable(view->model(), Format::Tsv)); });
    view->addAction(copy);
    view->addAction(markdown);
    view->addAction(all);
}

} // namespace xi
