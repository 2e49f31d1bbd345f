// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostprogram/hostprogramfix.h"

#include "binding/bindingcorrection.h"
#include "hostprogram/hostprogramreader.h"
#include "hostprogram/hostprogramtokenizer.h"
#include "util/safefilewriter.h"
#include "util/unifieddiff.h"

#include <QFile>

#include <algorithm>

namespace xi {

namespace {

bool sameSpan(const HostSpan& a, const HostSpan& b)
{
    return a.begin == b.begin && a.end == b.end;
}

// True when `plan` is what the reader makes of `text` now (the call and its spans in the same places).
bool sameCall(BindingPlan now, const BindingPlan& plan)
{
    now.kernelName = plan.kernelName; // may be given apart from the program
    if (now.toJson() != plan.toJson() || now.callText != plan.callText || !(now.call == plan.call)
        || !sameSpan(now.callSpan, plan.callSpan) || now.setArgSpans.size() != plan.setArgSpans.size())
        return false;
    for (qsizetype i = 0; i < now.setArgSpans.size(); ++i) {
        if (!sameSpan(now.setArgSpans.at(i), plan.setArgSpans.at(i)))
            return false;
    }
    return true;
}

// The plan is one of the program's calls (any of them: of several, the one the program is judged by is fixed).
bool planMatches(const BindingPlan& plan, const QString& text, HostLanguage language)
{
    const HostProgram program = HostProgramReader::parseProgram(text, language, plan.sourceFile);
    return std::any_of(program.calls.cbegin(), program.calls.cend(),
                       [&plan](const BindingPlan& now) { return sameCall(now, plan); });
}

const BoBinding* findBo(const BindingPlan& plan, const QString& name)
{
    for (const ArgBinding& a : plan.arguments) {
        if (a.isBuffer() && a.bo.name == name)
            return &a.bo;
    }
    for (const BoBinding& bo : plan.unpassedBuffers) {
        if (bo.name == name)
            return &bo;
    }
    return nullptr;
}

} // namespace

HostProgramFix HostProgramFix::prepare(const Xclbin& xclbin, const BindingPlan& plan, const BindingReport& report,
                                       const std::optional<BindingInstructions>& instructions)
{
    HostProgramFix fix;
    fix.m_path = plan.sourceFile;
    if (fix.m_path.isEmpty()) {
        fix.m_error = QStringLiteral("the plan was not read from a host program: nothing to fix");
        return fix;
    }
    QFile f(fix.m_path);
    if (!f.open(QIODevice::ReadOnly)) {
        fix.m_error = QStringLiteral("%1: cannot open host program: %2").arg(fix.m_path, f.errorString());
        return fix;
    }
    fix.m_bytes = f.readAll();
    fix.m_original = QString::fromUtf8(fix.m_bytes);
    fix.m_patched = fix.m_original;
    if (fix.m_original.toUtf8() != fix.m_bytes) {
        fix.m_error = QStringLiteral("%1: not UTF-8 text; it is left as it is").arg(fix.m_path);
        return fix;
    }
    fix.m_lineStarts << 0;
    for (qsizetype i = 0; i < fix.m_original.size(); ++i) {
        if (fix.m_original.at(i) == QLatin1Char('\n'))
            fix.m_lineStarts << i + 1;
    }
    fix.build(xclbin, plan, report, instructions);
    if (!fix.isValid())
        return fix;
    auto lineOf = [](const QString& change) {
        return change.startsWith(QLatin1String("line ")) ? change.section(QLatin1Char(' '), 1, 1).chopped(1).toInt()
                                                         : 0;
    };
    std::stable_sort(fix.m_changes.begin(), fix.m_changes.end(),
                     [&](const QString& a, const QString& b) { return lineOf(a) < lineOf(b); });
    std::sort(fix.m_edits.begin(), fix.m_edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
    for (qsizetype i = 1; i < fix.m_edits.size(); ++i) {
        if (fix.m_edits.at(i).end > fix.m_edits.at(i - 1).begin) {
            fix.m_error = QStringLiteral("%1: the corrections overlap; the file is left as it is").arg(fix.m_path);
            return fix;
        }
    }
    for (const Edit& e : std::as_const(fix.m_edits))
        fix.m_patched.replace(e.begin, e.end - e.begin, e.text);
    return fix;
}

void HostProgramFix::build(const Xclbin& xclbin, const BindingPlan& plan, const BindingReport& report,
                           const std::optional<BindingInstructions>& instructions)
{
    HostLanguage language;
    if (!hostLanguageFromPath(m_path, &language)) {
        m_error = QStringLiteral("%1: unknown host program language (expected .py or .cpp)").arg(m_path);
        return;
    }
    if (!planMatches(plan, m_original, language)) {
        m_error
            = QStringLiteral("%1 changed since it was read; it is left as it is (read and check it again)").arg(m_path);
        return;
    }
    if (!plan.callSpan.isValid() && plan.setArgSpans.isEmpty()) {
        m_error = QStringLiteral("%1: no kernel call found to fix").arg(m_path);
        return;
    }
    if (!report.hasErrors() && report.count(Severity::Warning) == 0)
        return; // nothing wrong: nothing to change
    const Kernel* kernel = xclbin.kernel(report.kernelName);
    if (!kernel) {
        m_error = QStringLiteral("%1: kernel %2 is not in the xclbin").arg(m_path, report.kernelName);
        return;
    }
    const BindingCorrection::Result c
        = BindingCorrection::correct(*kernel, report.convention, plan, language, instructions);
    m_eol = m_original.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    if (plan.callSpan.isValid())
        edit(plan.callSpan, c.callExpression(), QStringLiteral("the kernel call"));
    else if (!replaceSetArgs(plan, c, language))
        return;
    fixAllocations(plan, c, language);
    if (!c.newLines.isEmpty())
        insertBeforeCall(plan.callSpan.isValid() ? plan.callSpan.begin.line : plan.setArgSpans.first().begin.line,
                         c.newLines);
}

QString HostProgramFix::text(const HostSpan& span) const
{
    return m_original.mid(offset(span.begin), offset(span.end) - offset(span.begin));
}

// The consecutive run.set_arg(i, x) calls become one call per argument of the corrected call.
bool HostProgramFix::replaceSetArgs(const BindingPlan& plan, const BindingCorrection::Result& c, HostLanguage language)
{
    const HostSpan all { plan.setArgSpans.first().begin, plan.setArgSpans.last().end };
    QString between = text(all);
    for (const HostSpan& s : plan.setArgSpans)
        between.replace(text(s), QString());
    between.remove(QLatin1Char(';'));
    if (!between.trimmed().isEmpty()) {
        m_error = QStringLiteral("%1: the run.set_arg calls (from line %2) are not consecutive; fix them by hand")
                      .arg(m_path)
                      .arg(all.begin.line);
        return false;
    }
    const QString first = text(plan.setArgSpans.first());
    const QString run = first.left(first.indexOf(QLatin1String("set_arg"))); // "run." or "run->"
    QStringList calls;
    for (qsizetype i = 0; i < c.arguments.size(); ++i)
        calls << QStringLiteral("%1set_arg(%2, %3)").arg(run).arg(i).arg(c.arguments.at(i));
    const QString separator
        = (language == HostLanguage::Cpp ? QStringLiteral(";") : QString()) + m_eol + indentOfLine(all.begin.line);
    edit(all, calls.join(separator), QStringLiteral("the run.set_arg calls"));
    return true;
}

// A BO that moves to another index gets that index's group in its own allocation (the instruction BO also
// the cacheable flag); the rest of the allocation stays as written.
void HostProgramFix::fixAllocations(const BindingPlan& plan, const BindingCorrection::Result& c, HostLanguage language)
{
    for (const BindingCorrection::Reallocation& r : c.reallocations) {
        const BoBinding* bo = findBo(plan, r.bo);
        if (!bo || !bo->groupSpan.isValid()) {
            m_changes << QStringLiteral(
                             "not changed: the allocation of %1 (it needs %2.group_id(%3)); change it by hand")
                             .arg(r.bo, c.kernelVariable)
                             .arg(r.index);
            continue;
        }
        edit(bo->groupSpan, QStringLiteral("%1.group_id(%2)").arg(c.kernelVariable).arg(r.index),
             QStringLiteral("the group of %1").arg(r.bo));
        if (r.instructions && bo->flags != BoFlags::Cacheable && bo->flagsSpan.isValid()) {
            edit(bo->flagsSpan,
                 language == HostLanguage::Python ? boFlagsPython(BoFlags::Cacheable) : boFlagsCpp(BoFlags::Cacheable),
                 QStringLiteral("the flags of %1").arg(r.bo));
        }
    }
}

void HostProgramFix::insertBeforeCall(int line, const QStringList& lines)
{
    const qsizetype at = m_lineStarts.value(line - 1);
    const QString indent = indentOfLine(line);
    QString inserted;
    for (const QString& l : lines)
        inserted += indent + l + m_eol;
    m_edits << Edit { at, at, inserted };
    m_changes << QStringLiteral("line %1: added before the call: %2").arg(line).arg(lines.join(QStringLiteral(" | ")));
}

qsizetype HostProgramFix::offset(const HostLocation& at) const
{
    return m_lineStarts.value(at.line - 1) + at.column - 1;
}

QString HostProgramFix::indentOfLine(int line) const
{
    const qsizetype start = m_lineStarts.value(line - 1);
    qsizetype end = start;
    while (end < m_original.size()
           && (m_original.at(end) == QLatin1Char(' ') || m_original.at(end) == QLatin1Char('\t')))
        ++end;
    return m_original.mid(start, end - start);
}

void HostProgramFix::edit(const HostSpan& span, const QString& text, const QString& change)
{
    const qsizetype begin = offset(span.begin);
    const qsizetype end = offset(span.end);
    const QString old = m_original.mid(begin, end - begin);
    if (old == text)
        return;
    m_edits << Edit { begin, end, text };
    m_changes << QStringLiteral("line %1: %2: %3 -> %4")
                     .arg(span.begin.line)
                     .arg(change, old.simplified(), text.simplified());
}

QString HostProgramFix::diff() const
{
    return UnifiedDiff::text(m_original, m_patched, m_path, m_path + QStringLiteral(" (fixed)"));
}

bool HostProgramFix::apply(QString* error) const
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!isValid())
        return fail(m_error);
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: cannot open host program: %2").arg(m_path, f.errorString()));
    if (f.readAll() != m_bytes)
        return fail(
            QStringLiteral("%1 changed since it was read; it is left as it is (read and check it again)").arg(m_path));
    f.close();
    if (!changesFile())
        return true;
    return SafeFileWriter::write(m_path, m_patched.toUtf8(), error);
}

} // namespace xi
