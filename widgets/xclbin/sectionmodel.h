// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbin.h"

#include <QAbstractTableModel>

namespace xi {

// The section table of an xclbin: index, kind, name, offset, size.
class SectionModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IndexColumn, KindColumn, NameColumn, OffsetColumn, SizeColumn, ColumnCount };
    enum Role { SectionIndexRole = Qt::UserRole + 1, SortRole };

    explicit SectionModel(QObject* parent = nullptr);
    void setXclbin(XclbinPtr xclbin);
    const SectionHeader* section(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    XclbinPtr m_xclbin;
};

} // namespace xi
