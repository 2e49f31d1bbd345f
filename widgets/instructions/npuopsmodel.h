// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instructions/npustream.h"

#include <QAbstractTableModel>

#include <memory>

namespace xi {

// Every op of a decoded stream: index, byte offset, name, register, detail. Names and details are made when a row
// is shown, so a 10 MiB stream costs nothing until it is scrolled to.
class NpuOpsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IndexColumn, OffsetColumn, NameColumn, RegisterColumn, DetailColumn, ColumnCount };

    explicit NpuOpsModel(QObject* parent = nullptr);

    void setStream(std::shared_ptr<const NpuStream> stream);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const NpuStream> m_stream;
};

} // namespace xi
