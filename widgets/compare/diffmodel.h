// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/xclbindiff.h"

#include <QAbstractTableModel>
#include <QPalette>

namespace xi {

// The differences between two xclbins, one row per record, coloured by change.
class DiffModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { AreaColumn, KeyColumn, FieldColumn, BeforeColumn, AfterColumn, ChangeColumn, ColumnCount };
    enum Role { ChangeRole = Qt::UserRole + 1 };

    explicit DiffModel(QObject* parent = nullptr);
    void setRecords(const QList<DiffRecord>& records);
    const QList<DiffRecord>& records() const { return m_records; }
    void setPalette(const QPalette& palette);
    static QColor changeColor(DiffRecord::Change change, const QPalette& palette);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DiffRecord> m_records;
    QPalette m_palette;
};

} // namespace xi
