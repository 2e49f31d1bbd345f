// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/hexmodel.h"

#include <QFont>
#include <QFontDatabase>

namespace xi {

HexModel::HexModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void HexModel::setData(const QByteArray& data, quint64 baseOffset)
{
    beginResetModel();
    m_data = data;
    m_base = baseOffset;
    endResetModel();
}

qint64 HexModel::byteOffset(const QModelIndex& index) const
{
    if (!index.isValid() || index.column() < FirstByteColumn || index.column() >= AsciiColumn)
        return -1;
    const qint64 position = qint64(index.row()) * BytesPerRow + index.column() - FirstByteColumn;
    return position < m_data.size() ? position : -1;
}

QModelIndex HexModel::indexOfByte(qint64 position) const
{
    if (position < 0 || position >= m_data.size())
        return {};
    return index(int(position / BytesPerRow), FirstByteColumn + int(position % BytesPerRow));
}

int HexModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int((m_data.size() + BytesPerRow - 1) / BytesPerRow);
}

int HexModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QString HexModel::ascii(int row) const
{
    QString text;
    const qint64 start = qint64(row) * BytesPerRow;
    for (qint64 i = start; i < qMin<qint64>(start + BytesPerRow, m_data.size()); ++i) {
        const uchar c = uchar(m_data[i]);
        text += (c >= 0x20 && c < 0x7F) ? QLatin1Char(char(c)) : QLatin1Char('.');
    }
    return text;
}

QVariant HexModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == Qt::FontRole)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role == ByteOffsetRole)
        return byteOffset(index);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (index.column() == OffsetColumn) {
        const quint64 offset = m_base + quint64(index.row()) * BytesPerRow;
        return QStringLiteral("%1").arg(offset, 8, 16, QLatin1Char('0')).toUpper();
    }
    if (index.column() == AsciiColumn)
        return ascii(index.row());
    const qint64 position = byteOffset(index);
    if (position < 0)
        return {};
    const uchar value = uchar(m_data[position]);
    if (role == Qt::ToolTipRole) {
        return tr("File offset 0x%1, section offset %2: 0x%3 = %4")
            .arg(QString::number(m_base + quint64(position), 16).toUpper(), QString::number(position),
                 QStringLiteral("%1").arg(value, 2, 16, QLatin1Char('0')).toUpper(), QString::number(value));
    }
    return QStringLiteral("%1").arg(value, 2, 16, QLatin1Char('0')).toUpper();
}

QVariant HexModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    if (section == OffsetColumn)
        return tr("Offset");
    if (section == AsciiColumn)
        return tr("ASCII");
    return QString::number(section - FirstByteColumn, 16).toUpper();
}

Qt::ItemFlags HexModel::flags(const QModelIndex& index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    if (index.column() >= FirstByteColumn && index.column() < AsciiColumn && byteOffset(index) < 0)
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace xi
