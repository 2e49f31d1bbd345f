// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace xi {

// Filters issues by the most lenient severity shown (text filtering comes from the proxy's own filter).
class IssuesFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit IssuesFilterModel(QObject* parent = nullptr);
    // Show rows with severity <= this (0 errors only, 1 errors and warnings, 2 everything).
    void setMaximumSeverity(int severity);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int m_maximum = 2;
};

} // namespace xi
