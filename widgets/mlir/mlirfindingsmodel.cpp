// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/mlir/mlirfindingsmodel.h"

#include "widgets/common/verdictstyle.h"

namespace xi {

MlirFindingsModel::MlirFindingsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void MlirFindingsModel::setFindings(const QList<MlirDesignChecker::Finding>& findings)
{
    beginResetModel();
    m_findings = findings;
    m_fixes.clear();
    for (const MlirDesignChecker::Finding& f : findings)
        m_fixes << FindingFix::forMlir(f);
    endResetModel();
}

FixAdvice MlirFindingsModel::fix(int row) const
{
    return m_fixes.value(row);
}

int MlirFindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int MlirFindingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant MlirFindingsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const MlirDesignChecker::Finding& f = m_findings.at(index.row());
    const FixAdvice& fix = m_fixes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return severityName(f.severity);
        case LineColumn: return f.line > 0 ? QVariant(f.line) : QVariant(tr("design"));
        case CodeColumn: return f.code;
        case FixColumn: return fix.kind == FixKind::None ? QStringLiteral("-") : fix.kindLabel();
        case MessageColumn: return f.message;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == FixColumn)
            return fix.actionLabel.isEmpty() ? fix.reason : tr("%1\n%2").arg(fix.actionLabel, fix.reason);
        return f.line > 0 ? tr("%1\nDouble-click to show line %2").arg(f.message).arg(f.line) : f.message;
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? VerdictStyle::icon(VerdictStyle::forSeverity(f.severity))
                                                : QVariant();
    case LineRole: return f.line;
    case SeverityRole: return int(f.severity);
    case FixActionRole: return fix.action;
    }
    return {};
}

QVariant MlirFindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    static const char* const names[] = { "Severity", "Line", "Code", "Fix", "Finding" };
    return tr(names[section]);
}

} // namespace xi
