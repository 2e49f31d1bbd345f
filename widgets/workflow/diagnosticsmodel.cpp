// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workflow/diagnosticsmodel.h"

#include "widgets/common/verdictstyle.h"

#include <QFileInfo>

namespace xi {

DiagnosticsModel::DiagnosticsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DiagnosticsModel::clear()
{
    beginResetModel();
    m_diagnostics.clear();
    endResetModel();
}

void DiagnosticsModel::append(const AieccDiagnostic& diagnostic)
{
    const int row = int(m_diagnostics.size());
    beginInsertRows({}, row, row);
    m_diagnostics << diagnostic;
    endInsertRows();
}

void DiagnosticsModel::setDiagnostics(const QList<AieccDiagnostic>& diagnostics)
{
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant DiagnosticsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const AieccDiagnostic& d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn: return AieccDiagnostic::kindName(d.kind);
        case FileColumn: return d.file.isEmpty() ? QStringLiteral("-") : QFileInfo(d.file).fileName();
        case LineColumn: return d.line > 0 ? QVariant(d.line) : QVariant(QStringLiteral("-"));
        case ColumnColumn: return d.column > 0 ? QVariant(d.column) : QVariant(QStringLiteral("-"));
        case MessageColumn:
            return d.kind == AieccDiagnostic::Kind::FailedCommand ? tr("failed step: %1").arg(d.command) : d.message;
        }
        return {};
    case Qt::ToolTipRole:
        return d.hasLocation() ? tr("%1\nDouble-click to open %2 at line %3").arg(d.text(), d.file).arg(d.line)
                               : tr("%1\n(log line %2)").arg(d.text()).arg(d.logLine);
    case Qt::DecorationRole: {
        if (index.column() != KindColumn)
            return {};
        const Verdict v = d.isError()                  ? Verdict::Invalid
            : d.kind == AieccDiagnostic::Kind::Warning ? Verdict::Warning
                                                       : Verdict::Scalar;
        return VerdictStyle::icon(v);
    }
    case FileRole: return d.file;
    case LineRole: return d.line;
    case ColumnRole: return d.column;
    case LogLineRole: return d.logLine;
    }
    return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    static const char* const names[] = { "Kind", "File", "Line", "Col", "Message" };
    return tr(names[section]);
}

} // namespace xi
