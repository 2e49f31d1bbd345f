// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

namespace xi {

// A two-column Field/Value table (header fields, partition properties).
class KeyValueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Entry {
        QString key;
        QString value;
        QString toolTip;
    };

    explicit KeyValueModel(QObject* parent = nullptr);
    void setEntries(const QList<Entry>& entries);
    const QList<Entry>& entries() const { return m_entries; }
    QString value(const QString& key) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
};

} // namespace xi
