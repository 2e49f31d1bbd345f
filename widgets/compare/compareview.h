// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbin.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace xi {

class ArgumentTableModel;
class DiffModel;
class FindBar;
class LoadJob;

// Two xclbins side by side (before A / after B): every difference highlighted, and both argument tables.
class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);

    void setFiles(XclbinPtr before, XclbinPtr after);
    // Loads both off the GUI thread, then compares; ready() or failed() follows.
    void loadFiles(const QString& before, const QString& after);
    QString title() const;
    bool isLoading() const;
    XclbinPtr before() const { return m_a; }
    XclbinPtr after() const { return m_b; }

    void refresh();

    DiffModel* diffModel() const { return m_diff; }
    QTableView* diffTable() const { return m_diffTable; }
    QTableView* beforeTable() const { return m_beforeTable; }
    QTableView* afterTable() const { return m_afterTable; }
    ArgumentTableModel* beforeArguments() const { return m_before; }
    ArgumentTableModel* afterArguments() const { return m_after; }
    QCheckBox* ignoreBuildStamp() const { return m_ignoreStamp; }
    FindBar* findBar() const { return m_find; }

signals:
    void ready();
    void failed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onOneLoaded();
    void markChangedArguments();
    QTableView* makeArgumentTable(ArgumentTableModel* model, const QString& toolTip);

    XclbinPtr m_a;
    XclbinPtr m_b;
    QString m_pathA;
    QString m_pathB;
    DiffModel* m_diff;
    QSortFilterProxyModel* m_proxy;
    ArgumentTableModel* m_before;
    ArgumentTableModel* m_after;
    QLabel* m_summary;
    QCheckBox* m_ignoreStamp;
    FindBar* m_find;
    QTableView* m_diffTable;
    QTableView* m_beforeTable = nullptr;
    QTableView* m_afterTable = nullptr;
    LoadJob* m_jobA;
    LoadJob* m_jobB;
};

} // namespace xi
