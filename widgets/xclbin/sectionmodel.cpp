// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/sectionmodel.h"

#include "util/textformat.h"
#include "xclbin/sectionkind.h"

#include <QLocale>

namespace xi {

SectionModel::SectionModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void SectionModel::setXclbin(XclbinPtr xclbin)
{
    beginResetModel();
    m_xclbin = std::move(xclbin);
    endResetModel();
}

const SectionHeader* SectionModel::section(int row) const
{
    if (!m_xclbin || row < 0 || row >= m_xclbin->sections.size())
        return nullptr;
    return &m_xclbin->sections[row];
}

int SectionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_xclbin ? 0 : int(m_xclbin->sections.size());
}

int SectionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant SectionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SectionHeader& s = *section(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IndexColumn: return s.index;
        case KindColumn: return sectionKindDisplayName(s.kind);
        case NameColumn: return s.name;
        case OffsetColumn: return hexUpper(s.offset);
        case SizeColumn: return QLocale::c().toString(qulonglong(s.size));
        }
        return {};
    case Qt::ToolTipRole:
        return tr("Section %1: kind %2 (%3), name \"%4\", %5 bytes at file offset %6")
            .arg(QString::number(s.index), QString::number(s.kind), s.kindName(), s.name, QString::number(s.size),
                 QString::number(s.offset));
    case Qt::TextAlignmentRole:
        return index.column() >= OffsetColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SectionIndexRole: return s.index;
    case SortRole:
        if (index.column() == OffsetColumn)
            return qulonglong(s.offset);
        if (index.column() == SizeColumn)
            return qulonglong(s.size);
        return data(index, Qt::DisplayRole);
    }
    return {};
}

QVariant SectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    static const char* const names[] = { "#", "Kind", "Name", "Offset", "Size" };
    static const char* const tips[]
        = { "Position in the section table", "Section kind", "Section name (up to 16 characters)",
            "File offset of the section", "Size in bytes" };
    if (role == Qt::DisplayRole)
        return tr(names[section]);
    if (role == Qt::ToolTipRole)
        return tr(tips[section]);
    return {};
}

} // namespace xi
