// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QTableView;

namespace xi {

class FindBar;
class IssuesModel;
class IssuesFilterModel;

// Every finding with its severity, filterable by severity and text; double-click jumps to the argument.
class IssuesView : public QWidget {
    Q_OBJECT
public:
    explicit IssuesView(IssuesModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QComboBox* severityFilter() const { return m_severity; }
    FindBar* findBar() const { return m_find; }
    void activateRow(int proxyRow);

signals:
    void argumentActivated(const QString& kernelName, int argumentIndex);

private:
    IssuesModel* m_model;
    IssuesFilterModel* m_proxy;
    QComboBox* m_severity;
    FindBar* m_find;
    QTableView* m_table;
};

} // namespace xi
