// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/argumentgroups.h"
#include "mlir/mlirdesign.h"

#include <QAbstractTableModel>

#include <optional>

namespace xi {

// One kind of element of an mlir-aie design as a table (tiles, buffers, object FIFOs, cores, or the runtime
// sequence's host buffers mapped to XRT arguments), each row with its source line.
class MlirElementsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Kind { Tiles, Buffers, ObjectFifos, Cores, HostArguments };
    enum Role { LineRole = Qt::UserRole + 1 };

    explicit MlirElementsModel(Kind kind, QObject* parent = nullptr);

    Kind kind() const { return m_kind; }
    void setDesign(const MlirDesign& design);
    // The kernel the host buffers are checked against (its argument names and group IDs); nullopt = none.
    void setKernel(const std::optional<KernelGroups>& kernel);
    int lineOfRow(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList headers() const;
    QVariant cell(int row, int column) const;
    QVariant hostArgumentCell(int row, int column) const;
    QString toolTip(int row) const;

    Kind m_kind;
    MlirDesign m_design;
    std::optional<KernelGroups> m_kernel;
};

} // namespace xi
