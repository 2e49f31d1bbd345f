// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instructions/npustream.h"

#include <QAbstractTableModel>

#include <memory>

namespace xi {

// The shim DMA transfers of a decoded stream (one row per queue push, and per BD reached through a chain).
class NpuTransfersModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        OpColumn,
        ColumnColumn,
        ChannelColumn,
        DirectionColumn,
        BdColumn,
        ArgumentColumn,
        OffsetColumn,
        BytesColumn,
        RangeColumn,
        PatternColumn,
        WaitColumn,
        ColumnCount
    };

    explicit NpuTransfersModel(QObject* parent = nullptr);

    void setStream(std::shared_ptr<const NpuStream> stream);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const NpuStream> m_stream;
};

} // namespace xi
