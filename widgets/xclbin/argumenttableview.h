// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/groupid.h"

#include <QWidget>

class QComboBox;
class QItemSelectionModel;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace xi {

class ArgumentDetails;
class ArgumentTableModel;
class FindBar;

// The heart of the tool: every argument's group ID with its verdict, a slot selector and a details panel.
// Selection is shared through a selection model on the source model (the diagram uses the same one).
class ArgumentTableView : public QWidget {
    Q_OBJECT
public:
    ArgumentTableView(ArgumentTableModel* model, QItemSelectionModel* sharedSelection, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QComboBox* slotSelector() const { return m_slot; }
    ArgumentDetails* details() const { return m_details; }
    FindBar* findBar() const { return m_find; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }

    static QList<SlotMode> slotModes();
    void setSlotMode(SlotMode mode);
    void selectArgument(const QString& kernelName, int argumentIndex);

signals:
    void slotModeChanged(xi::SlotMode mode);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onSharedSelectionChanged();
    void onTableSelectionChanged();
    void updateDetails();
    void resizeColumns();

    ArgumentTableModel* m_model;
    QItemSelectionModel* m_shared;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QComboBox* m_slot;
    QLabel* m_slotHelp;
    QLabel* m_convention;
    FindBar* m_find;
    ArgumentDetails* m_details;
    bool m_syncing = false;
};

} // namespace xi
