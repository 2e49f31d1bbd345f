// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/datainspectormodel.h"

#include <QtEndian>

#include <cstring>

namespace xi {

namespace {

int width(DataInspectorModel::Row row)
{
    static const int widths[] = { 1, 1, 2, 2, 4, 4, 8, 8, 4 };
    return widths[row];
}

template<typename T>
T readLe(const QByteArray& bytes)
{
    return qFromLittleEndian<T>(bytes.constData());
}

} // namespace

DataInspectorModel::DataInspectorModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DataInspectorModel::setBytes(const QByteArray& bytes, qint64 fileOffset)
{
    m_bytes = bytes.left(8);
    m_offset = fileOffset;
    emit dataChanged(index(0, 0), index(RowCount - 1, 1));
}

QString DataInspectorModel::value(Row row) const
{
    if (m_bytes.size() < width(row))
        return {};
    switch (row) {
    case Int8: return QString::number(qint8(m_bytes[0]));
    case UInt8: return QString::number(quint8(m_bytes[0]));
    case Int16: return QString::number(readLe<qint16>(m_bytes));
    case UInt16: return QString::number(readLe<quint16>(m_bytes));
    case Int32: return QString::number(readLe<qint32>(m_bytes));
    case UInt32: {
        const quint32 v = readLe<quint32>(m_bytes);
        return QStringLiteral("%1 (0x%2)").arg(v).arg(v, 0, 16);
    }
    case Int64: return QString::number(readLe<qint64>(m_bytes));
    case UInt64: return QString::number(readLe<quint64>(m_bytes));
    case Float32: {
        const quint32 bits = readLe<quint32>(m_bytes);
        float f;
        std::memcpy(&f, &bits, sizeof f);
        return QString::number(double(f), 'g', 8);
    }
    case RowCount: break;
    }
    return {};
}

int DataInspectorModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(RowCount);
}

int DataInspectorModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant DataInspectorModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    static const char* const names[]
        = { "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32" };
    if (role == Qt::DisplayRole)
        return index.column() == 0 ? QString::fromLatin1(names[index.row()]) : value(Row(index.row()));
    if (role == Qt::ToolTipRole && m_offset >= 0)
        return tr("%1 little-endian at file offset 0x%2")
            .arg(QString::fromLatin1(names[index.row()]), QString::number(m_offset, 16).toUpper());
    return {};
}

QVariant DataInspectorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section > 1)
        return {};
    return section == 0 ? tr("Type") : tr("Value");
}

} // namespace xi
