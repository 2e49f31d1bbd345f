// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionrun.h"
#include "binding/bindingchecker.h"
#include "groups/groupid.h"
#include "xclbin/xclbin.h"

#include <QList>
#include <QString>

#include <optional>

namespace xi {

class ReportPaths;

struct HtmlReportInput {
    QString title = QStringLiteral("xclbin-inspector report");
    XclbinPtr xclbin; // may be null
    SlotMode slot;
    std::optional<BindingReport> binding;
    QList<AttentionRun> runs;
    // Where the report will be written: paths in it are shown relative to its folder (file names when empty).
    QString outputPath;

    // Before/after: two runs, or two xclbins (argument tables compared row by row), or both.
    struct Comparison {
        QString beforeLabel;
        QString afterLabel;
        std::optional<AttentionRun> beforeRun;
        std::optional<AttentionRun> afterRun;
        XclbinPtr beforeXclbin;
        XclbinPtr afterXclbin;
    };
    std::optional<Comparison> comparison;
};

// A self-contained HTML report (inline CSS, pictures as data: URIs, no script) a stakeholder reads in one page: it
// opens with the verdict, then before and after in one sentence each, the two output heatmaps side by side with
// their activity counts and checklists, and only then the details (the file's summary and arguments, the binding
// findings, each run's metrics, histogram and heatmaps, XRT's messages). Everything from a file is HTML-escaped;
// paths are relative to the report. The GUI prints the same HTML to PDF.
class HtmlReport {
public:
    static QString generate(const HtmlReportInput& input);
    static QString escape(const QString& text);
    static QString pngDataUri(const QByteArray& png);
    // The line the report opens with.
    static QString verdict(const HtmlReportInput& input);

private:
    static QString headline(const HtmlReportInput& in, const ReportPaths& paths);
    static QString beforeAfter(const AttentionRun& before, const QString& beforeLabel, const AttentionRun& after,
                               const QString& afterLabel);
    static QString singleRun(const AttentionRun& run, int number);
    static QString fileSection(const Xclbin& x, const SlotMode& slot, const ReportPaths& paths);
    static QString argumentTable(const Xclbin& x, const SlotMode& slot, const QList<int>& changedRows = {});
    static QString bindingSection(const BindingReport& b);
    static QString runSection(const AttentionRun& run, const QString& label, const ReportPaths& paths,
                              const AttentionRun* previous = nullptr);
    static QString xclbinComparison(const HtmlReportInput::Comparison& c, const SlotMode& slot,
                                    const ReportPaths& paths);
};

} // namespace xi
