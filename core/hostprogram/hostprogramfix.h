// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindingchecker.h"
#include "binding/bindingcorrection.h"
#include "binding/bindingplan.h"
#include "xclbin/xclbin.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace xi {

// The binding checker's correction applied to the host program itself: the kernel call expression (or the
// run.set_arg calls) replaced in place with the corrected one, keeping everything around it, the group (and
// for the instruction BO the flags) of BOs allocated for the wrong index rewritten in their allocation, and
// any line the correction adds (an instruction count, a missing instruction BO) inserted before the call.
// Written only through SafeFileWriter (the original kept as FILE.bak), and only if the file is unchanged.
class HostProgramFix {
public:
    // `plan` is HostProgramReader's plan of plan.sourceFile and `report` the checker's report for it.
    static HostProgramFix prepare(const Xclbin& xclbin, const BindingPlan& plan, const BindingReport& report,
                                  const std::optional<BindingInstructions>& instructions = std::nullopt);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; } // why nothing can be fixed, naming the file
    QString path() const { return m_path; }
    bool changesFile() const { return isValid() && m_patched != m_original; }
    QString originalText() const { return m_original; }
    QString patchedText() const { return m_patched; }
    QStringList changes() const { return m_changes; } // one sentence per edit, with its line
    QString diff() const; // unified diff, empty when nothing changes
    // Writes the patched text, keeping the original as path().bak; refuses when the file is no longer the
    // one prepare() read.
    bool apply(QString* error = nullptr) const;

private:
    struct Edit {
        qsizetype begin = 0;
        qsizetype end = 0;
        QString text;
    };
    void build(const Xclbin& xclbin, const BindingPlan& plan, const BindingReport& report,
               const std::optional<BindingInstructions>& instructions);
    bool replaceSetArgs(const BindingPlan& plan, const BindingCorrection::Result& c, HostLanguage language);
    void fixAllocations(const BindingPlan& plan, const BindingCorrection::Result& c, HostLanguage language);
    void insertBeforeCall(int line, const QStringList& lines);
    qsizetype offset(const HostLocation& at) const;
    QString text(const HostSpan& span) const;
    QString indentOfLine(int line) const;
    void edit(const HostSpan& span, const QString& text, const QString& change);

    QString m_path;
    QString m_error;
    QByteArray m_bytes; // the file as read
    QString m_original;
    QString m_patched;
    QString m_eol; // the file's line end, for the lines the fix adds
    QList<qsizetype> m_lineStarts;
    QList<Edit> m_edits;
    QStringList m_changes;
};

} // namespace xi
