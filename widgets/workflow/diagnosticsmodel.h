// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/aieccdiagnostic.h"

#include <QAbstractTableModel>

namespace xi {

// aiecc's diagnostics as they stream in: kind, file, line, column, message (or the failing command).
class DiagnosticsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, FileColumn, LineColumn, ColumnColumn, MessageColumn, ColumnCount };
    enum Role { FileRole = Qt::UserRole + 1, LineRole, ColumnRole, LogLineRole };

    explicit DiagnosticsModel(QObject* parent = nullptr);

    void clear();
    void append(const AieccDiagnostic& diagnostic);
    void setDiagnostics(const QList<AieccDiagnostic>& diagnostics);
    const QList<AieccDiagnostic>& diagnostics() const { return m_diagnostics; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AieccDiagnostic> m_diagnostics;
};

} // namespace xi
