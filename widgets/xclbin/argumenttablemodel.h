// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/argumentgroups.h"
#include "summary/streamsummary.h"
#include "xclbin/xclbin.h"

#include <QAbstractTableModel>
#include <QPalette>
#include <QSet>

namespace xi {

// Every argument of every kernel with the group ID XRT reports for it in the chosen slot mode.
class ArgumentTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // The verdict and its reason come first: at 1280 pixels they must not scroll out of sight.
    enum Column {
        KernelColumn,
        IndexColumn,
        NameColumn,
        VerdictColumn,
        ReasonColumn,
        GroupHexColumn,
        MemoryColumn,
        StreamColumn, // what the instruction stream next to the file does with the buffer
        GroupDecColumn,
        SlotColumn,
        BankColumn,
        QualifierColumn,
        TypeColumn,
        OffsetColumn,
        SizeColumn,
        ColumnCount
    };
    enum Role {
        VerdictRole = Qt::UserRole + 1, // int(Verdict)
        KernelNameRole,
        ArgumentIndexRole, // XRT argument index
        BanksRole, // QList<int> of connected memory indices
        SortRole,
    };

    explicit ArgumentTableModel(QObject* parent = nullptr);

    void setXclbin(XclbinPtr xclbin);
    XclbinPtr xclbin() const { return m_xclbin; }
    void setSlotMode(SlotMode mode);
    SlotMode slotMode() const { return m_mode; }
    // Colours follow this palette (set on palette change).
    void setPalette(const QPalette& palette);
    // The instruction stream next to the file (nullopt: none): the Stream column says what it moves per buffer.
    void setStream(const std::optional<StreamSummary>& stream);
    const std::optional<StreamSummary>& stream() const { return m_stream; }
    QString streamText(int row) const; // "NPU reads 8192 bytes", empty when the stream does not touch it

    // Rows shown in bold with a note in the tooltip (the compare view marks what changed).
    void setMarkedArguments(const QSet<QPair<QString, int>>& kernelAndIndex, const QString& note);
    bool isMarked(int row) const;
    // Rows are coloured by change instead of verdict: marked rows get `marked`, the others none (a comparison).
    void setChangeColouring(const QColor& marked);

    const QList<KernelGroups>& kernels() const { return m_kernels; }
    const KernelGroups* kernelOfRow(int row) const;
    const ArgumentGroup* argumentOfRow(int row) const;
    int rowOf(const QString& kernelName, int argumentIndex) const;
    QList<int> rowsUsingBank(int bank) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct RowRef {
        int kernel;
        int argument;
    };
    void recompute();
    QVariant display(const KernelGroups& kernel, const ArgumentGroup& arg, int column) const;
    QString toolTip(const KernelGroups& kernel, const ArgumentGroup& arg) const;
    QString streamText(const KernelGroups& kernel, const ArgumentGroup& arg) const;

    XclbinPtr m_xclbin;
    SlotMode m_mode;
    QPalette m_palette;
    QList<KernelGroups> m_kernels;
    QList<RowRef> m_rows;
    std::optional<StreamSummary> m_stream;
    QSet<QPair<QString, int>> m_marked;
    QString m_markNote;
    QColor m_changeColour; // valid: rows coloured by change, not verdict
};

} // namespace xi
