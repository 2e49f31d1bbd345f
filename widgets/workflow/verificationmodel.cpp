// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workflow/verificationmodel.h"

#include "widgets/common/verdictstyle.h"

#include <algorithm>

namespace xi {

namespace {

std::optional<Verdict> styleOf(const QString& verdict)
{
    if (verdict == QLatin1String("fixed"))
        return Verdict::Valid;
    if (verdict == QLatin1String("worse"))
        return Verdict::Invalid;
    if (verdict == QLatin1String("changed"))
        return Verdict::Warning;
    if (verdict == QLatin1String("unknown"))
        return Verdict::Scalar;
    return std::nullopt;
}

} // namespace

VerificationModel::VerificationModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void VerificationModel::setRows(const QList<VerificationRow>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void VerificationModel::setPalette(const QPalette& palette)
{
    m_palette = palette;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), { Qt::BackgroundRole });
}

int VerificationModel::count(const QString& verdict) const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [&](const VerificationRow& r) { return r.verdict == verdict; }));
}

int VerificationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VerificationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant VerificationModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const VerificationRow& r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case AspectColumn: return r.aspect;
        case BeforeColumn: return r.before;
        case AfterColumn: return r.after;
        case VerdictColumn: return r.verdict;
        }
        return {};
    case Qt::BackgroundRole: {
        const std::optional<Verdict> v = styleOf(r.verdict);
        return v && index.column() == VerdictColumn ? QVariant(VerdictStyle::background(*v, m_palette)) : QVariant();
    }
    case Qt::DecorationRole: {
        const std::optional<Verdict> v = styleOf(r.verdict);
        return v && index.column() == VerdictColumn ? QVariant(VerdictStyle::icon(*v)) : QVariant();
    }
    }
    return {};
}

QVariant VerificationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    static const char* const names[] = { "Checked", "Verdict", "Before", "After" };
    return tr(names[section]);
}

} // namespace xi
