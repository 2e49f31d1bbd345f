// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/compare/diffmodel.h"

#include "widgets/common/changestyle.h"

namespace xi {

DiffModel::DiffModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DiffModel::setRecords(const QList<DiffRecord>& records)
{
    beginResetModel();
    m_records = records;
    endResetModel();
}

void DiffModel::setPalette(const QPalette& palette)
{
    m_palette = palette;
    if (!m_records.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), { Qt::BackgroundRole });
}

QColor DiffModel::changeColor(DiffRecord::Change change, const QPalette& palette)
{
    return ChangeStyle::background(change, palette);
}

int DiffModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int DiffModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant DiffModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DiffRecord& r = m_records[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case AreaColumn: return diffAreaName(r.area);
        case KeyColumn: return r.key;
        case FieldColumn: return r.field;
        case BeforeColumn: return r.before;
        case AfterColumn: return r.after;
        case ChangeColumn: return diffChangeName(r.change);
        }
        return {};
    case Qt::BackgroundRole: return changeColor(r.change, m_palette);
    case ChangeRole: return int(r.change);
    }
    return {};
}

QVariant DiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount || role != Qt::DisplayRole)
        return {};
    static const char* const names[] = { "Area", "Item", "Field", "Before (A)", "After (B)", "Change" };
    return tr(names[section]);
}

} // namespace xi
