// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/issues/issuesmodel.h"

#include "summary/filekind.h"
#include "summary/filesummarizer.h"
#include "widgets/common/verdictstyle.h"

#include <QFileInfo>

#include <QPalette>

namespace xi {

namespace {

Verdict styleOf(Severity s)
{
    switch (s) {
    case Severity::Error: return Verdict::Invalid;
    case Severity::Warning: return Verdict::Warning;
    case Severity::Info: break;
    }
    return Verdict::Scalar;
}

// Reader warnings and kernel notes have no mapped fix: say so rather than guess one.
FixAdvice unclassified()
{
    return { FixKind::Unknown,
             QStringLiteral("resolve"),
             {},
             QStringLiteral("No fix is mapped for this kind of finding: read the message.") };
}

} // namespace

IssuesModel::IssuesModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

QList<Issue> IssuesModel::collect(const Xclbin& xclbin, const QList<KernelGroups>& kernels)
{
    QList<Issue> issues;
    QList<QStringList> places; // per issue, every place it was found
    // A finding that reads the same in several places is listed once, with the places and a count.
    auto add = [&issues, &places](const Issue& issue) {
        for (qsizetype i = 0; i < issues.size(); ++i) {
            const Issue& known = issues.at(i);
            if (known.severity == issue.severity && known.area == issue.area && known.message == issue.message) {
                places[i] << issue.location;
                return;
            }
        }
        issues << issue;
        places << QStringList { issue.location };
    };
    for (const QString& warning : xclbin.warnings)
        add({ Severity::Warning,
              QStringLiteral("file"),
              {},
              -1,
              QFileInfo(xclbin.filePath).fileName(),
              warning,
              unclassified() });
    const FileKind::Kind kind = FileKind::classify(xclbin);
    if (kind == FileKind::SoftwareEmulation || kind == FileKind::NoKernels) {
        add({ Severity::Info,
              QStringLiteral("file"),
              {},
              -1,
              QFileInfo(xclbin.filePath).fileName(),
              FileKind::describe(xclbin, kind),
              FixAdvice {} });
    }
    for (const KernelGroups& kernel : kernels) {
        for (const QString& note : kernel.notes)
            add({ Severity::Warning, QStringLiteral("kernel"), kernel.kernelName, -1, kernel.kernelName,
                  QString(note).replace(kernel.kernelName, QObject::tr("the kernel")), unclassified() });
        add({ Severity::Info, QStringLiteral("kernel"), kernel.kernelName, -1, kernel.kernelName,
              QObject::tr("%1 convention: %2").arg(conventionName(kernel.convention), kernel.conventionReason),
              FixAdvice {} });
        for (const ArgumentGroup& arg : kernel.arguments) {
            if (arg.verdict == Verdict::Valid || arg.verdict == Verdict::Scalar || arg.verdict == Verdict::Unknown)
                continue;
            add({ arg.verdict == Verdict::Invalid ? Severity::Error : Severity::Warning, QStringLiteral("argument"),
                  kernel.kernelName, arg.index,
                  QStringLiteral("%1 #%2 %3").arg(kernel.kernelName, QString::number(arg.index), arg.argument.name),
                  QStringLiteral("%1 (group ID %2)").arg(arg.reason, arg.groupId.hex()),
                  FindingFix::forArgument(arg, kernel.convention) });
        }
    }
    for (qsizetype i = 0; i < issues.size(); ++i) {
        issues[i].count = int(places.at(i).size());
        issues[i].location = FileSummarizer::nameList(places.at(i), 3);
    }
    std::stable_sort(issues.begin(), issues.end(),
                     [](const Issue& a, const Issue& b) { return int(a.severity) < int(b.severity); });
    return issues;
}

int IssuesModel::total(Severity severity) const
{
    int n = 0;
    for (const Issue& i : m_issues)
        n += i.severity == severity ? i.count : 0;
    return n;
}

void IssuesModel::setIssues(const QList<Issue>& issues)
{
    beginResetModel();
    m_issues = issues;
    endResetModel();
}

int IssuesModel::count(Severity severity) const
{
    return int(std::count_if(m_issues.cbegin(), m_issues.cend(),
                             [severity](const Issue& i) { return i.severity == severity; }));
}

int IssuesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

int IssuesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant IssuesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Issue& issue = m_issues[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return severityName(issue.severity);
        case AreaColumn: return issue.area;
        case LocationColumn: return issue.location;
        case FixColumn: return issue.fix.kind == FixKind::None ? QStringLiteral("-") : issue.fix.kindLabel();
        case MessageColumn:
            return issue.count > 1 ? tr("%1 (%2\u00d7)").arg(issue.message).arg(issue.count) : issue.message;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == FixColumn && !issue.fix.reason.isEmpty())
            return issue.fix.actionLabel.isEmpty() ? issue.fix.reason
                                                   : tr("%1: %2").arg(issue.fix.actionLabel, issue.fix.reason);
        return issue.argumentIndex >= 0 ? tr("%1\nDouble-click to show the argument").arg(issue.message)
                                        : issue.message;
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? VerdictStyle::icon(styleOf(issue.severity)) : QVariant();
    case SeverityRole: return int(issue.severity);
    case KernelNameRole: return issue.kernelName;
    case ArgumentIndexRole: return issue.argumentIndex;
    }
    return {};
}

QVariant IssuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    static const char* const names[] = { "Severity", "Area", "Where", "Fix", "Finding" };
    if (role == Qt::DisplayRole)
        return tr(names[section]);
    return {};
}

} // namespace xi
