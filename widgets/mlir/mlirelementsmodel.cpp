// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/mlir/mlirelementsmodel.h"

#include "mlir/mlirdesignchecker.h"

namespace xi {

namespace {

QString ssa(const QString& name)
{
    return QLatin1Char('%') + name;
}

} // namespace

MlirElementsModel::MlirElementsModel(Kind kind, QObject* parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{
}

void MlirElementsModel::setDesign(const MlirDesign& design)
{
    beginResetModel();
    m_design = design;
    endResetModel();
}

void MlirElementsModel::setKernel(const std::optional<KernelGroups>& kernel)
{
    beginResetModel();
    m_kernel = kernel;
    endResetModel();
}

QStringList MlirElementsModel::headers() const
{
    switch (m_kind) {
    case Kind::Tiles: return { tr("Tile"), tr("Column"), tr("Row"), tr("Kind"), tr("Line") };
    case Kind::Buffers:
        return { tr("Buffer"), tr("sym_name"), tr("Tile"), tr("Type"), tr("Bytes"), tr("mem_bank"), tr("Line") };
    case Kind::ObjectFifos: return { tr("Object FIFO"), tr("Producer"), tr("Consumers"), tr("Line") };
    case Kind::Cores: return { tr("Core on tile"), tr("Line") };
    case Kind::HostArguments:
        return { tr("#"),  tr("Host buffer"), tr("Type"),          tr("Bytes"),   tr("XRT argument"),
                 tr("bo"), tr("Bindable"),    tr("In the xclbin"), tr("Group ID") };
    }
    return {};
}

int MlirElementsModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    switch (m_kind) {
    case Kind::Tiles: return int(m_design.tiles.size());
    case Kind::Buffers: return int(m_design.buffers.size());
    case Kind::ObjectFifos: return int(m_design.objectFifos.size());
    case Kind::Cores: return int(m_design.cores.size());
    case Kind::HostArguments: return m_design.runtimeSequence ? int(m_design.runtimeSequence->arguments.size()) : 0;
    }
    return 0;
}

int MlirElementsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

int MlirElementsModel::lineOfRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    switch (m_kind) {
    case Kind::Tiles: return m_design.tiles.at(row).line;
    case Kind::Buffers: return m_design.buffers.at(row).line;
    case Kind::ObjectFifos: return m_design.objectFifos.at(row).line;
    case Kind::Cores: return m_design.cores.at(row).line;
    case Kind::HostArguments: return m_design.runtimeSequence->line;
    }
    return 0;
}

QVariant MlirElementsModel::cell(int row, int column) const
{
    switch (m_kind) {
    case Kind::Tiles: {
        const MlirDesign::Tile& t = m_design.tiles.at(row);
        const QVariantList cells { ssa(t.name), t.column, t.row, MlirDesign::tileKindName(t.kind), t.line };
        return cells.value(column);
    }
    case Kind::Buffers: {
        const MlirDesign::Buffer& b = m_design.buffers.at(row);
        const QVariantList cells { ssa(b.name),
                                   b.symName.isEmpty() ? QStringLiteral("-") : b.symName,
                                   ssa(b.tile),
                                   b.type,
                                   b.bytes < 0 ? QVariant(b.sizeText()) : QVariant(b.bytes),
                                   b.memBank ? QVariant(*b.memBank) : QVariant(QStringLiteral("-")),
                                   b.line };
        return cells.value(column);
    }
    case Kind::ObjectFifos: {
        const MlirDesign::ObjectFifo& f = m_design.objectFifos.at(row);
        QStringList consumers;
        for (const QString& c : f.consumers)
            consumers << ssa(c);
        const QVariantList cells { QString(QLatin1Char('@') + f.name), ssa(f.producer),
                                   consumers.join(QStringLiteral(", ")), f.line };
        return cells.value(column);
    }
    case Kind::Cores: {
        const MlirDesign::Core& c = m_design.cores.at(row);
        const QVariantList cells { ssa(c.tile), c.line };
        return cells.value(column);
    }
    case Kind::HostArguments: return hostArgumentCell(row, column);
    }
    return {};
}

QVariant MlirElementsModel::hostArgumentCell(int row, int column) const
{
    const MlirDesign::HostArgument& a = m_design.runtimeSequence->arguments.at(row);
    const int xrt = MlirDesignChecker::FirstHostArgument + row;
    const bool bindable = row < MlirDesignChecker::MaxHostBuffers;
    const ArgumentGroup* declared = m_kernel ? m_kernel->argument(xrt) : nullptr;
    switch (column) {
    case 0: return row;
    case 1: return ssa(a.name);
    case 2: return a.type;
    case 3: return a.bytes < 0 ? QVariant(QStringLiteral("dynamic")) : QVariant(a.bytes);
    case 4: return bindable ? QVariant(xrt) : QVariant(QStringLiteral("none"));
    case 5: return bindable ? QStringLiteral("bo%1").arg(row) : QStringLiteral("-");
    case 6: return bindable ? tr("yes") : tr("no: only bo0..bo4 exist");
    case 7:
        if (!m_kernel)
            return tr("(no xclbin)");
        return declared
            ? QStringLiteral("%1 (%2)").arg(declared->argument.name, declared->argument.addressQualifierName())
            : tr("no argument %1").arg(xrt);
    case 8: return declared ? declared->groupId.hex() : QStringLiteral("-");
    }
    return {};
}

QString MlirElementsModel::toolTip(int row) const
{
    if (m_kind != Kind::HostArguments)
        return tr("Double-click to show line %1 of the design").arg(lineOfRow(row));
    const int xrt = MlirDesignChecker::FirstHostArgument + row;
    if (row >= MlirDesignChecker::MaxHostBuffers)
        return tr("Runtime-sequence argument %1 has no XRT argument: only bo0..bo4 (XRT arguments 3..7) exist")
            .arg(row);
    return tr("Runtime-sequence argument %1 is XRT argument %2 = bo%1: allocate its BO with kernel.group_id(%2) and "
              "pass it at index %2 of kernel(3, instr_bo, n_words, bo0, ...)")
        .arg(row)
        .arg(xrt);
}

QVariant MlirElementsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    switch (role) {
    case Qt::DisplayRole: return cell(index.row(), index.column());
    case Qt::ToolTipRole: return toolTip(index.row());
    case LineRole: return lineOfRow(index.row());
    case Qt::TextAlignmentRole: {
        const QVariant v = cell(index.row(), index.column());
        return v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong
            ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
            : QVariant();
    }
    }
    return {};
}

QVariant MlirElementsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return headers().value(section);
}

} // namespace xi
