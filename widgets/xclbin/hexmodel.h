// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QByteArray>

namespace xi {

// Bytes as a hex dump: offset column, 16 byte columns and the ASCII column.
class HexModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int BytesPerRow = 16;
    enum Column { OffsetColumn = 0, FirstByteColumn = 1, AsciiColumn = FirstByteColumn + BytesPerRow, ColumnCount };
    enum Role { ByteOffsetRole = Qt::UserRole + 1 }; // position in the data, -1 outside

    explicit HexModel(QObject* parent = nullptr);

    // baseOffset: the file offset of data[0], shown in the offset column.
    void setData(const QByteArray& data, quint64 baseOffset);
    const QByteArray& bytes() const { return m_data; }
    quint64 baseOffset() const { return m_base; }
    // -1 when the cell holds no byte.
    qint64 byteOffset(const QModelIndex& index) const;
    QModelIndex indexOfByte(qint64 position) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QString ascii(int row) const;

    QByteArray m_data;
    quint64 m_base = 0;
};

} // namespace xi
