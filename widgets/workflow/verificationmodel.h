// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/workflowverification.h"

#include <QAbstractTableModel>
#include <QPalette>

namespace xi {

// A verification's before/after rows, each with its verdict (same, changed, fixed, worse, unknown).
class VerificationModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { AspectColumn, VerdictColumn, BeforeColumn, AfterColumn, ColumnCount };

    explicit VerificationModel(QObject* parent = nullptr);
    void setRows(const QList<VerificationRow>& rows);
    const QList<VerificationRow>& rows() const { return m_rows; }
    void setPalette(const QPalette& palette);
    int count(const QString& verdict) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<VerificationRow> m_rows;
    QPalette m_palette;
};

} // namespace xi
