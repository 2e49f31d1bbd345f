// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/binding/bindingplanmodel.h"

#include "binding/correctedcall.h"
#include "widgets/common/verdictstyle.h"

namespace xi {

namespace {

const QString Nothing = QStringLiteral("nothing");
const QString ScalarKind = QStringLiteral("scalar");
const QString BoKind = QStringLiteral("BO");
const QString InstrKind = QStringLiteral("instruction BO");

bool parseInteger(const QString& text, qint64* out)
{
    bool ok = false;
    const QString t = text.trimmed();
    const qint64 v = t.startsWith(u'-') ? -t.mid(1).toLongLong(&ok, 0) : t.toLongLong(&ok, 0);
    if (ok)
        *out = v;
    return ok;
}

} // namespace

BindingPlanModel::BindingPlanModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void BindingPlanModel::setKernel(const std::optional<Kernel>& kernel, const std::optional<KernelGroups>& groups)
{
    beginResetModel();
    m_kernel = kernel;
    m_groups = groups;
    endResetModel();
}

void BindingPlanModel::setPlan(const BindingPlan& plan)
{
    beginResetModel();
    m_plan = plan;
    endResetModel();
}

void BindingPlanModel::setReport(const BindingReport& report)
{
    m_report = report;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void BindingPlanModel::setPalette(const QPalette& palette)
{
    m_palette = palette;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), { Qt::BackgroundRole });
}

QString BindingPlanModel::kindLabel(const ArgBinding& arg)
{
    switch (arg.kind) {
    case ArgBinding::Kind::None: return Nothing;
    case ArgBinding::Kind::Scalar: return ScalarKind;
    case ArgBinding::Kind::Buffer: return arg.bo.instructions ? InstrKind : BoKind;
    }
    return {};
}

ArgBinding BindingPlanModel::argumentAt(int row) const
{
    if (const ArgBinding* a = m_plan.argument(row))
        return *a;
    ArgBinding none;
    none.index = row;
    return none;
}

const KernelArgument* BindingPlanModel::declared(int row) const
{
    if (!m_kernel)
        return nullptr;
    for (const KernelArgument& a : m_kernel->arguments) {
        if (a.id == row)
            return &a;
    }
    return nullptr;
}

QList<const BindingFinding*> BindingPlanModel::findings(int row) const
{
    QList<const BindingFinding*> out;
    for (const BindingFinding& f : m_report.findings) {
        if (f.argument == row)
            out.append(&f);
    }
    return out;
}

Verdict BindingPlanModel::verdict(int row) const
{
    const QList<const BindingFinding*> fs = findings(row);
    if (!fs.isEmpty()) {
        Severity worst = Severity::Info;
        for (const BindingFinding* f : fs)
            worst = qMin(worst, f->severity); // Error < Warning < Info
        return VerdictStyle::forSeverity(worst);
    }
    return argumentAt(row).isBuffer() ? Verdict::Valid : Verdict::Scalar;
}

int BindingPlanModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    int declaredCount = 0;
    if (m_kernel) {
        for (const KernelArgument& a : m_kernel->arguments)
            declaredCount = qMax(declaredCount, a.id + 1);
    }
    return qMax(declaredCount, int(m_plan.arguments.size()));
}

int BindingPlanModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BindingPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IndexColumn: return tr("Index");
    case ArgumentColumn: return tr("Kernel argument");
    case GroupColumn: return tr("XRT group ID");
    case KindColumn: return tr("Host passes");
    case ValueColumn: return tr("Value / size");
    case FlagsColumn: return tr("BO flags");
    case BoGroupColumn: return tr("BO allocated in");
    case VerdictColumn: return tr("Verdict");
    case FindingColumn: return tr("Finding");
    }
    return {};
}

Qt::ItemFlags BindingPlanModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && editable(index.row(), index.column()))
        f |= Qt::ItemIsEditable;
    return f;
}

bool BindingPlanModel::editable(int row, int column) const
{
    const ArgBinding arg = argumentAt(row);
    switch (column) {
    case KindColumn: return true;
    case ValueColumn: return !arg.isNone();
    case FlagsColumn:
    case BoGroupColumn: return arg.isBuffer();
    default: return false;
    }
}

QVariant BindingPlanModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(row, column, false);
    case Qt::EditRole: return display(row, column, true);
    case Qt::ToolTipRole: return toolTip(row, column);
    case Qt::BackgroundRole: return VerdictStyle::background(verdict(row), m_palette);
    case Qt::DecorationRole: return column == VerdictColumn ? QVariant(VerdictStyle::icon(verdict(row))) : QVariant();
    case ChoicesRole:
        if (column == KindColumn)
            return QStringList { Nothing, ScalarKind, BoKind, InstrKind };
        if (column == FlagsColumn) {
            QStringList names;
            for (BoFlags f : { BoFlags::Normal, BoFlags::Cacheable, BoFlags::HostOnly, BoFlags::DeviceOnly })
                names.append(boFlagsName(f));
            return names;
        }
        return {};
    case VerdictRole: return int(verdict(row));
    case ArgumentIndexRole: return row;
    case LineRole: return argumentAt(row).location.line;
    default: return {};
    }
}

QVariant BindingPlanModel::display(int row, int column, bool edit) const
{
    const ArgBinding arg = argumentAt(row);
    const KernelArgument* decl = declared(row);
    switch (column) {
    case IndexColumn: return row;
    case ArgumentColumn:
        if (!decl)
            return m_kernel ? tr("(the kernel has no argument %1)").arg(row) : QString();
        return decl->type.isEmpty() ? decl->name : decl->name + QStringLiteral(" : ") + decl->type;
    case GroupColumn: {
        const ArgumentGroup* g = m_groups ? m_groups->argument(row) : nullptr;
        return g ? g->groupId.hex() : QString();
    }
    case KindColumn: return kindLabel(arg);
    case ValueColumn:
        if (arg.isScalar()) {
            if (arg.instructionWords)
                return QStringLiteral("ninstr");
            return arg.scalarValue ? QString::number(*arg.scalarValue) : arg.text;
        }
        if (arg.isBuffer())
            return arg.bo.size ? QString::number(arg.bo.size) : arg.bo.sizeText;
        return QString();
    case FlagsColumn: return arg.isBuffer() ? boFlagsName(arg.bo.flags) : QString();
    case BoGroupColumn:
        if (!arg.isBuffer())
            return QString();
        if (arg.bo.groupArgument >= 0)
            return edit ? QString::number(arg.bo.groupArgument)
                        : QStringLiteral("group_id(%1)").arg(arg.bo.groupArgument);
        if (arg.bo.rawGroup)
            return edit ? QStringLiteral("@%1").arg(*arg.bo.rawGroup) : tr("raw group %1").arg(*arg.bo.rawGroup);
        return edit ? QString() : tr("(not given)");
    case VerdictColumn:
        // The neutral colour also marks an argument the host leaves out: say so rather than "Scalar".
        return arg.kind == ArgBinding::Kind::None && findings(row).isEmpty() ? tr("Not passed")
                                                                             : VerdictStyle::label(verdict(row));
    case FindingColumn: {
        QStringList messages;
        for (const BindingFinding* f : findings(row))
            messages.append(f->message);
        return messages.join(u' ');
    }
    }
    return {};
}

QString BindingPlanModel::toolTip(int row, int column) const
{
    if (column == ArgumentColumn && m_kernel && m_groups)
        return CorrectedCall::role(*m_kernel, m_groups->convention, row);
    if (column == BoGroupColumn)
        return tr(
            "Type an argument index N for a BO allocated with kernel.group_id(N), or @G for a raw group number G");
    if (column == ValueColumn)
        return tr(
            "A scalar value (decimal or 0x hex, or ninstr for the instruction word count), or a BO's size in bytes");
    QStringList lines;
    for (const BindingFinding* f : findings(row)) {
        QString line = severityName(f->severity) + QStringLiteral(" [") + f->code + QStringLiteral("]: ") + f->message;
        if (f->location.isValid())
            line += QStringLiteral(" (") + f->location.describe() + u')';
        lines.append(line);
    }
    if (lines.isEmpty() && argumentAt(row).location.isValid())
        lines.append(tr("Passed at %1").arg(argumentAt(row).location.describe()));
    return lines.join(u'\n');
}

bool BindingPlanModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !editable(index.row(), index.column()))
        return false;
    ArgBinding arg = argumentAt(index.row());
    if (!applyEdit(arg, index.column(), value.toString()))
        return false;
    m_plan.setArgument(arg);
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit planEdited(m_plan);
    return true;
}

bool BindingPlanModel::applyEdit(ArgBinding& arg, int column, const QString& text) const
{
    const QString t = text.trimmed();
    qint64 n = 0;
    switch (column) {
    case KindColumn:
        if (t == Nothing) {
            arg.kind = ArgBinding::Kind::None;
        } else if (t == ScalarKind) {
            arg.kind = ArgBinding::Kind::Scalar;
            if (!arg.scalarValue && !arg.instructionWords)
                arg.scalarValue = 0;
        } else if (t == BoKind || t == InstrKind) {
            const bool wasBuffer = arg.isBuffer();
            arg.kind = ArgBinding::Kind::Buffer;
            arg.bo.instructions = t == InstrKind;
            if (!wasBuffer) {
                arg.bo.name
                    = (arg.bo.instructions ? QStringLiteral("instr_bo") : QStringLiteral("bo_%1").arg(arg.index));
                arg.bo.groupArgument = arg.index;
                arg.bo.flags = arg.bo.instructions ? BoFlags::Cacheable : BoFlags::HostOnly;
            }
        } else {
            return false;
        }
        arg.text.clear();
        return true;
    case ValueColumn:
        if (arg.isScalar()) {
            if (t == QLatin1String("ninstr")) {
                arg.instructionWords = true;
                arg.scalarValue.reset();
            } else if (parseInteger(t, &n)) {
                arg.instructionWords = false;
                arg.scalarValue = n;
            } else {
                return false;
            }
            arg.text = t;
            return true;
        }
        if (!parseInteger(t, &n) || n < 0)
            return false;
        arg.bo.size = quint64(n);
        arg.bo.sizeText = t;
        return true;
    case FlagsColumn: return parseBoFlags(t, &arg.bo.flags);
    case BoGroupColumn: {
        QString g = t;
        if (g.startsWith(QLatin1String("group_id(")) && g.endsWith(u')'))
            g = g.mid(9, g.size() - 10);
        if (g.startsWith(u'@')) {
            if (!parseInteger(g.mid(1), &n))
                return false;
            arg.bo.groupArgument = -1;
            arg.bo.rawGroup = n;
            return true;
        }
        if (!parseInteger(g, &n) || n < 0)
            return false;
        arg.bo.groupArgument = int(n);
        arg.bo.rawGroup.reset();
        return true;
    }
    }
    return false;
}

} // namespace xi
