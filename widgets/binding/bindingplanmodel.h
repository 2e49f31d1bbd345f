// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindingchecker.h"
#include "binding/bindingplan.h"
#include "groups/argumentgroups.h"

#include <QAbstractTableModel>
#include <QPalette>

#include <optional>

namespace xi {

// A binding plan as an editable table, one row per XRT argument index, next to what the kernel declares there
// (name, role, XRT's group ID) and the checker's verdict for that argument.
class BindingPlanModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IndexColumn,
        ArgumentColumn,
        GroupColumn,
        KindColumn,
        ValueColumn,
        FlagsColumn,
        BoGroupColumn,
        VerdictColumn,
        FindingColumn,
        ColumnCount
    };
    enum Role {
        ChoicesRole = Qt::UserRole + 1, // QStringList: the values an editor may offer (a combo box)
        VerdictRole, // int(Verdict)
        ArgumentIndexRole,
        LineRole, // host program line of this argument (0 = none)
    };

    explicit BindingPlanModel(QObject* parent = nullptr);

    // The kernel the plan calls (nullopt = unknown: rows follow the plan only).
    void setKernel(const std::optional<Kernel>& kernel, const std::optional<KernelGroups>& groups);
    void setPlan(const BindingPlan& plan);
    const BindingPlan& plan() const { return m_plan; }
    void setReport(const BindingReport& report);
    void setPalette(const QPalette& palette);

    Verdict verdict(int row) const;
    QList<const BindingFinding*> findings(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    static QString kindLabel(const ArgBinding& arg); // "nothing", "scalar", "BO", "instruction BO"

signals:
    // The user edited a cell; the plan is already updated.
    void planEdited(const xi::BindingPlan& plan);

private:
    ArgBinding argumentAt(int row) const;
    const KernelArgument* declared(int row) const;
    QVariant display(int row, int column, bool edit) const;
    QString toolTip(int row, int column) const;
    bool editable(int row, int column) const;
    bool applyEdit(ArgBinding& arg, int column, const QString& text) const;

    std::optional<Kernel> m_kernel;
    std::optional<KernelGroups> m_groups;
    BindingPlan m_plan;
    BindingReport m_report;
    QPalette m_palette;
};

} // namespace xi
