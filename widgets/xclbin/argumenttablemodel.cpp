// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/argumenttablemodel.h"

#include "util/textformat.h"
#include "widgets/common/verdictstyle.h"

#include <QFontDatabase>

#include <iterator>

namespace xi {

namespace {

QString bankText(const ArgumentGroup& arg)
{
    if (arg.bank == GroupId::NoMemory)
        return QObject::tr("none");
    return QString::number(arg.bank);
}

} // namespace

ArgumentTableModel::ArgumentTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ArgumentTableModel::setXclbin(XclbinPtr xclbin)
{
    beginResetModel();
    m_xclbin = std::move(xclbin);
    recompute();
    endResetModel();
}

void ArgumentTableModel::setSlotMode(SlotMode mode)
{
    m_mode = mode;
    const int oldRows = m_rows.size();
    recompute();
    if (oldRows != m_rows.size()) {
        // Cannot happen for the same file, but keep the model consistent if it does.
        beginResetModel();
        endResetModel();
        return;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(m_rows.size() - 1, ColumnCount - 1));
}

void ArgumentTableModel::setPalette(const QPalette& palette)
{
    m_palette = palette;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(m_rows.size() - 1, ColumnCount - 1), { Qt::BackgroundRole });
}

void ArgumentTableModel::setStream(const std::optional<StreamSummary>& stream)
{
    m_stream = stream;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, StreamColumn), index(m_rows.size() - 1, StreamColumn));
}

QString ArgumentTableModel::streamText(int row) const
{
    const KernelGroups* kernel = kernelOfRow(row);
    return kernel ? streamText(*kernel, *argumentOfRow(row)) : QString();
}

QString ArgumentTableModel::streamText(const KernelGroups& kernel, const ArgumentGroup& arg) const
{
    if (!m_stream || m_stream->kernelName != kernel.kernelName)
        return {};
    const StreamMove* move = m_stream->move(arg.index);
    return move ? move->text() : QString();
}

void ArgumentTableModel::recompute()
{
    m_kernels.clear();
    m_rows.clear();
    if (!m_xclbin)
        return;
    m_kernels = ArgumentGroups::computeAll(*m_xclbin, m_mode);
    for (int k = 0; k < m_kernels.size(); ++k) {
        for (int a = 0; a < m_kernels[k].arguments.size(); ++a)
            m_rows.append({ k, a });
    }
}

void ArgumentTableModel::setMarkedArguments(const QSet<QPair<QString, int>>& kernelAndIndex, const QString& note)
{
    m_marked = kernelAndIndex;
    m_markNote = note;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(m_rows.size() - 1, ColumnCount - 1), { Qt::FontRole, Qt::ToolTipRole });
}

void ArgumentTableModel::setChangeColouring(const QColor& marked)
{
    m_changeColour = marked;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(m_rows.size() - 1, ColumnCount - 1), { Qt::BackgroundRole });
}

bool ArgumentTableModel::isMarked(int row) const
{
    const KernelGroups* kernel = kernelOfRow(row);
    return kernel && m_marked.contains({ kernel->kernelName, argumentOfRow(row)->index });
}

const KernelGroups* ArgumentTableModel::kernelOfRow(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_kernels[m_rows[row].kernel];
}

const ArgumentGroup* ArgumentTableModel::argumentOfRow(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_kernels[m_rows[row].kernel].arguments[m_rows[row].argument];
}

int ArgumentTableModel::rowOf(const QString& kernelName, int argumentIndex) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (kernelOfRow(row)->kernelName == kernelName && argumentOfRow(row)->index == argumentIndex)
            return row;
    }
    return -1;
}

QList<int> ArgumentTableModel::rowsUsingBank(int bank) const
{
    QList<int> rows;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (argumentOfRow(row)->banks.contains(bank))
            rows.append(row);
    }
    return rows;
}

int ArgumentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArgumentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant ArgumentTableModel::display(const KernelGroups& kernel, const ArgumentGroup& arg, int column) const
{
    switch (column) {
    case KernelColumn: return kernel.kernelName;
    case IndexColumn: return arg.index;
    case NameColumn: return arg.argument.name;
    case QualifierColumn: return arg.argument.addressQualifierName();
    case TypeColumn: return arg.argument.type;
    case OffsetColumn: return hexUpper(arg.argument.offset);
    case SizeColumn: return QString::number(arg.argument.size);
    case BankColumn: return bankText(arg);
    case MemoryColumn: return arg.memoryTags.join(QStringLiteral(", "));
    case GroupHexColumn: return arg.groupId.hex();
    case GroupDecColumn: return arg.groupId.legacy ? QString::number(arg.groupId.signedValue()) : arg.groupId.decimal();
    case SlotColumn: return arg.groupId.legacy ? tr("n/a") : QString::number(arg.groupId.slot());
    case VerdictColumn: return VerdictStyle::label(arg.verdict);
    case ReasonColumn: return arg.reason;
    case StreamColumn: return streamText(kernel, arg);
    }
    return {};
}

QString ArgumentTableModel::toolTip(const KernelGroups& kernel, const ArgumentGroup& arg) const
{
    return QStringLiteral("<b>%1 %2 #%3</b>: %4<br>%5<br><i>%6</i>")
        .arg(VerdictStyle::label(arg.verdict), kernel.kernelName.toHtmlEscaped(), QString::number(arg.index),
             arg.argument.name.toHtmlEscaped(), arg.reason.toHtmlEscaped(), arg.groupId.describe().toHtmlEscaped());
}

QVariant ArgumentTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const KernelGroups& kernel = *kernelOfRow(index.row());
    const ArgumentGroup& arg = *argumentOfRow(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(kernel, arg, index.column());
    case Qt::ToolTipRole:
        if (isMarked(index.row()))
            return QString(toolTip(kernel, arg) + QStringLiteral("<br><b>") + m_markNote.toHtmlEscaped()
                           + QStringLiteral("</b>"));
        return toolTip(kernel, arg);
    case Qt::BackgroundRole:
        if (m_changeColour.isValid())
            return isMarked(index.row()) ? QVariant(m_changeColour) : QVariant();
        return VerdictStyle::background(arg.verdict, m_palette);
    case Qt::DecorationRole:
        if (index.column() == VerdictColumn)
            return VerdictStyle::icon(arg.verdict);
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case OffsetColumn:
        case SizeColumn:
        case BankColumn:
        case GroupHexColumn:
        case GroupDecColumn:
        case SlotColumn: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::FontRole: {
        const bool fixed = index.column() == GroupHexColumn || index.column() == OffsetColumn;
        if (!fixed && !isMarked(index.row()))
            return {};
        QFont font = fixed ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : QFont();
        font.setBold(isMarked(index.row()));
        return font;
    }
    case VerdictRole: return int(arg.verdict);
    case KernelNameRole: return kernel.kernelName;
    case ArgumentIndexRole: return arg.index;
    case BanksRole: return QVariant::fromValue(arg.banks);
    case SortRole:
        if (index.column() == IndexColumn || index.column() == SizeColumn)
            return qlonglong(index.column() == IndexColumn ? arg.index : qint64(arg.argument.size));
        if (index.column() == OffsetColumn)
            return qulonglong(arg.argument.offset);
        if (index.column() == GroupHexColumn || index.column() == GroupDecColumn)
            return arg.groupId.signedValue();
        return display(kernel, arg, index.column());
    }
    return {};
}

QVariant ArgumentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    static const char* const names[]
        = { "Kernel",  "#",    "Name", "Verdict",   "Reason", "Group ID", "Memory", "Instruction stream",
            "Decimal", "Slot", "Bank", "Qualifier", "Type",   "Offset",   "Size" };
    static const char* const tips[] = {
        "Kernel the argument belongs to",
        "XRT argument index (position in the call)",
        "Argument name from EMBEDDED_METADATA",
        "Verdict: valid, scalar, warning, invalid, or not judged where the file cannot say",
        "Why: the connection the verdict rests on, in one sentence",
        "xrt::kernel::group_id() in hex: slot in bits 16-23, bank in bits 0-15",
        "Tags of the connected memory banks",
        "What the instruction stream next to the file does with this buffer (blank: no stream, or untouched)",
        "The same group ID in decimal",
        "Hardware-context slot (bits 16-23)",
        "Memory index group_id() reports (largest connected bank)",
        "Address qualifier: scalar, global, constant, local, stream",
        "C type of the argument",
        "Register offset of the argument",
        "Size in bytes",
    };
    static_assert(std::size(names) == ColumnCount && std::size(tips) == ColumnCount);
    if (role == Qt::DisplayRole)
        return tr(names[section]);
    if (role == Qt::ToolTipRole)
        return tr(tips[section]);
    return {};
}

} // namespace xi
