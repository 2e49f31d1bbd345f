// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/keyvaluemodel.h"

namespace xi {

KeyValueModel::KeyValueModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void KeyValueModel::setEntries(const QList<Entry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

QString KeyValueModel::value(const QString& key) const
{
    for (const Entry& e : m_entries) {
        if (e.key == key)
            return e.value;
    }
    return {};
}

int KeyValueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int KeyValueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant KeyValueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry& e = m_entries[index.row()];
    if (role == Qt::DisplayRole)
        return index.column() == 0 ? e.key : e.value;
    if (role == Qt::ToolTipRole)
        return e.toolTip.isEmpty() ? e.value : e.toolTip;
    return {};
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section > 1)
        return {};
    return section == 0 ? tr("Field") : tr("Value");
}

} // namespace xi
