// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindingchecker.h"
#include "groups/argumentgroups.h"
#include "workflow/findingfix.h"

#include <QAbstractTableModel>

namespace xi {

// One finding about the open file.
struct Issue {
    Severity severity = Severity::Info;
    QString area; // "argument", "kernel", "file"
    QString kernelName;
    int argumentIndex = -1;
    QString location; // "MLIR_AIE #3 bo0"; for a repeated finding every place ("... and 21 more")
    QString message;
    FixAdvice fix; // the kind of fix it needs (FindingFix): a host change, or a design change and a rebuild
    int count = 1; // places with this same finding
};

// Every finding of the checks on an xclbin: argument verdicts, kernel notes and reader warnings. A finding repeated
// in several places is one row that names them and counts them.
class IssuesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, AreaColumn, LocationColumn, FixColumn, MessageColumn, ColumnCount };
    enum Role { SeverityRole = Qt::UserRole + 1, KernelNameRole, ArgumentIndexRole };

    explicit IssuesModel(QObject* parent = nullptr);

    static QList<Issue> collect(const Xclbin& xclbin, const QList<KernelGroups>& kernels);
    void setIssues(const QList<Issue>& issues);
    const QList<Issue>& issues() const { return m_issues; }
    int count(Severity severity) const; // rows
    int total(Severity severity) const; // findings, repeated ones counted each time

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Issue> m_issues;
};

} // namespace xi
