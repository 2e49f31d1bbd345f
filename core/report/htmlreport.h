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

struct HtmlReportInput {
    QString title = QStringLiteral("xclbin-inspector report");
    XclbinPtr xclbin; // may be null
    SlotMode slot;
    std::optional<BindingReport> binding;
    QList<AttentionRun> runs;

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

// A self-contained HTML report (inline CSS, heatmaps as data: URIs, no script) over the xclbin summary,
// the argument table with verdicts, binding findings, runs with metrics, heatmaps and checklist, and a
// before/after comparison. Everything that comes from a file is HTML-escaped. The GUI prints the same
// HTML to PDF.
class HtmlReport {
public:
    static QString generate(const HtmlReportInput& input);
    static QString escape(const QString& text);
    static QString pngDataUri(const QByteArray& png);

private:
    static QString xclbinSection(const Xclbin& x, const SlotMode& slot);
    static QString argumentTable(const Xclbin& x, const SlotMode& slot, const QList<int>& changedRows = {});
    static QString bindingSection(const BindingReport& b);
    static QString runSection(const AttentionRun& run, int number);
    static QString comparisonSection(const HtmlReportInput::Comparison& c, const SlotMode& slot);
};

} // namespace xi
