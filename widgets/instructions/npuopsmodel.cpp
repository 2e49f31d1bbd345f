// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/instructions/npuopsmodel.h"

#include "util/textformat.h"

namespace xi {

NpuOpsModel::NpuOpsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void NpuOpsModel::setStream(std::shared_ptr<const NpuStream> stream)
{
    beginResetModel();
    m_stream = std::move(stream);
    endResetModel();
}

int NpuOpsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_stream ? 0 : int(m_stream->ops.size());
}

int NpuOpsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NpuOpsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_stream || index.row() >= m_stream->ops.size())
        return {};
    const int row = index.row();
    if (role == Qt::TextAlignmentRole && (index.column() == IndexColumn || index.column() == OffsetColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case IndexColumn: return row;
    case OffsetColumn: return m_stream->ops.at(row).byteOffset;
    case NameColumn: return m_stream->opName(row);
    case RegisterColumn: return m_stream->opRegisterName(row);
    case DetailColumn: return m_stream->opDetail(row);
    default: break;
    }
    return {};
}

QVariant NpuOpsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IndexColumn: return tr("Op");
    case OffsetColumn: return tr("Byte offset");
    case NameColumn: return tr("Op name");
    case RegisterColumn: return tr("Register");
    case DetailColumn: return tr("Detail");
    default: break;
    }
    return {};
}

} // namespace xi
