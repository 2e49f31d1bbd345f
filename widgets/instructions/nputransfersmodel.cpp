// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/instructions/nputransfersmodel.h"

namespace xi {

NpuTransfersModel::NpuTransfersModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void NpuTransfersModel::setStream(std::shared_ptr<const NpuStream> stream)
{
    beginResetModel();
    m_stream = std::move(stream);
    endResetModel();
}

int NpuTransfersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_stream ? 0 : int(m_stream->transfers.size());
}

int NpuTransfersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NpuTransfersModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_stream || index.row() >= m_stream->transfers.size())
        return {};
    const NpuTransfer& t = m_stream->transfers.at(index.row());
    if (role == Qt::ToolTipRole)
        return m_stream->transferText(t);
    if (role == Qt::TextAlignmentRole && index.column() != DirectionColumn && index.column() != PatternColumn
        && index.column() != WaitColumn && index.column() != ChannelColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case OpColumn: return t.opIndex;
    case ColumnColumn: return t.column;
    case ChannelColumn: return t.channelName();
    case DirectionColumn: return t.toNpu() ? tr("host -> NPU") : tr("NPU -> host");
    case BdColumn:
        return t.chainStep > 0 ? QStringLiteral("%1 (chain %2)").arg(t.bd).arg(t.chainStep) : QString::number(t.bd);
    case ArgumentColumn: return t.patched ? QString::number(t.xrtArgument) : tr("no patch");
    case OffsetColumn: return QStringLiteral("0x%1").arg(t.offset, 0, 16);
    case BytesColumn: return qulonglong(t.bytes);
    case RangeColumn: return QStringLiteral("[%1, %2)").arg(t.extent.first).arg(t.extent.end);
    case PatternColumn: {
        std::array<NpuDim, 3> dims;
        const int n = t.dims(dims);
        QStringList parts;
        for (int i = 0; i < n; ++i)
            parts << QStringLiteral("%1@%2").arg(dims.at(i).size).arg(dims.at(i).strideWords);
        QString text = parts.join(QStringLiteral(" x "));
        if (t.runs > 1)
            text += tr(", %1 runs").arg(t.runs);
        return text;
    }
    case WaitColumn:
        if (t.toNpu())
            return t.token ? tr("token") : QString();
        return t.waitedBySync >= 0 ? tr("sync at op %1").arg(m_stream->syncs.at(t.waitedBySync).opIndex)
                                   : tr("never waited on");
    default: break;
    }
    return {};
}

QVariant NpuTransfersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* const names[]
        = { "Op",       "Column", "Channel", "Direction",     "BD",
            "XRT arg",  "Offset", "Bytes",   "Bytes touched", "Pattern (count@stride words)",
            "Waited by" };
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace xi
