// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/xrtlogdecoder.h"

#include <QAbstractTableModel>

namespace xi {

// What the decoder found in pasted numbers or XRT log text, one row per finding.
class DecoderResultModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LineColumn, KindColumn, TextColumn, MeaningColumn, ColumnCount };

    explicit DecoderResultModel(QObject* parent = nullptr);
    void setFindings(const QList<LogFinding>& findings);
    const QList<LogFinding>& findings() const { return m_findings; }
    static QString meaning(const LogFinding& finding);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<LogFinding> m_findings;
};

} // namespace xi
