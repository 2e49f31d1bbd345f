// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/issues/issuesfiltermodel.h"

#include "widgets/issues/issuesmodel.h"

namespace xi {

IssuesFilterModel::IssuesFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
}

void IssuesFilterModel::setMaximumSeverity(int severity)
{
    m_maximum = severity;
    invalidateFilter();
}

bool IssuesFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const int severity = sourceModel()->index(sourceRow, 0, sourceParent).data(IssuesModel::SeverityRole).toInt();
    return severity <= m_maximum && QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace xi
