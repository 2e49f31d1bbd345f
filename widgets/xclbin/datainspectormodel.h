// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QByteArray>

namespace xi {

// The value of the bytes at a position read as int8 ... uint64 and float (little-endian), like a hex editor's
// data inspector.
class DataInspectorModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Row { Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float32, RowCount };

    explicit DataInspectorModel(QObject* parent = nullptr);

    // bytes from the selected position to the end of the section (only the first 8 are used).
    void setBytes(const QByteArray& bytes, qint64 fileOffset);
    QString value(Row row) const; // empty when not enough bytes

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QByteArray m_bytes;
    qint64 m_offset = -1;
};

} // namespace xi
