// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/decoder/decoderresultmodel.h"

#include "widgets/common/verdictstyle.h"

namespace xi {

DecoderResultModel::DecoderResultModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DecoderResultModel::setFindings(const QList<LogFinding>& findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

QString DecoderResultModel::meaning(const LogFinding& f)
{
    if (f.kind == LogFinding::Kind::GroupIdNumber && f.groupId)
        return f.groupId->summary();
    return f.wentWrong.isEmpty() ? f.passed : f.wentWrong;
}

int DecoderResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int DecoderResultModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant DecoderResultModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const LogFinding& f = m_findings[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case LineColumn: return f.line;
        case KindColumn: return f.kindName();
        case TextColumn: return f.text;
        case MeaningColumn: return meaning(f);
        }
    }
    if (role == Qt::ToolTipRole)
        return QStringList({ f.passed, f.wentWrong, f.fix }).join(QLatin1Char('\n')).trimmed();
    if (role == Qt::DecorationRole && index.column() == KindColumn)
        return VerdictStyle::icon(f.kind == LogFinding::Kind::GroupIdNumber ? Verdict::Valid : Verdict::Invalid);
    return {};
}

QVariant DecoderResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount || role != Qt::DisplayRole)
        return {};
    static const char* const names[] = { "Line", "Kind", "Text", "Meaning" };
    return tr(names[section]);
}

} // namespace xi
