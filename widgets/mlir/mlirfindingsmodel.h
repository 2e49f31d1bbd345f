// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mlir/mlirdesignchecker.h"
#include "workflow/findingfix.h"

#include <QAbstractTableModel>

namespace xi {

// The MLIR checker's findings with their line and the fix each needs.
class MlirFindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, LineColumn, CodeColumn, FixColumn, MessageColumn, ColumnCount };
    enum Role { LineRole = Qt::UserRole + 1, SeverityRole, FixActionRole };

    explicit MlirFindingsModel(QObject* parent = nullptr);

    void setFindings(const QList<MlirDesignChecker::Finding>& findings);
    const QList<MlirDesignChecker::Finding>& findings() const { return m_findings; }
    FixAdvice fix(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MlirDesignChecker::Finding> m_findings;
    QList<FixAdvice> m_fixes;
};

} // namespace xi
