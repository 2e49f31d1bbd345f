// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/htmlreport.h"

#include "attention/attentionrunfiles.h"
#include "groups/argumentgroups.h"
#include "report/reportimages.h"
#include "report/reportpaths.h"
#include "report/reportverdict.h"
#include "summary/filesummarizer.h"
#include "util/buildconfig.h"

#include <QDateTime>
#include <QFileInfo>

#include <cmath>

namespace xi {

namespace {

// Widths in percent so that tables fit the page, in a browser and in the PDF alike.
const char kStyle[] = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 1.5em; color: #1d1d1d; font-size: 10pt; }
h1 { font-size: 1.5em; margin: .2em 0; } h1.pass { color: #1e6b32; } h1.fail { color: #b01c1c; }
h2 { font-size: 1.2em; border-bottom: 2px solid #ccc; padding-bottom: .1em; margin-top: 1.2em; }
h3 { font-size: 1.05em; margin: .8em 0 .3em 0; }
table { border-collapse: collapse; margin: .4em 0; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #c8c8c8; padding: .2em .4em; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: #f0f0f0; }
table.pair, table.pair > tbody > tr > td { border: none; }
table.pair > tbody > tr > td { width: 50%; padding: 0 .6em 0 0; }
.valid, .passed { background: #d9f2d9; } .scalar, .na { background: #eeeeee; } .warning { background: #fff1c2; }
.invalid, .failed { background: #f8d0d0; } .unknown { background: #dce8f6; } .changed { background: #e4dcf6; }
.allzero { color: #b01c1c; font-weight: bold; }
.meta { color: #666; margin-top: 0; }
code, pre { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
pre { background: #f6f6f6; padding: .4em; white-space: pre-wrap; overflow-wrap: anywhere; }
figure { margin: 0; display: inline-block; vertical-align: top; margin-right: .8em; }
figcaption { font-size: .85em; }
)";

constexpr int PairHeatmapPixels = 240;
constexpr int DetailHeatmapPixels = 120;
constexpr int HistogramWidth = 300;
constexpr int HistogramHeight = 60;

QString cell(const QString& text, const QString& cls = {})
{
    return cls.isEmpty() ? QStringLiteral("<td>%1</td>").arg(HtmlReport::escape(text))
                         : QStringLiteral("<td class=\"%1\">%2</td>").arg(cls, HtmlReport::escape(text));
}

// Header cells with their widths in percent.
QString headerRow(const QList<QPair<QString, int>>& columns)
{
    QString row = QStringLiteral("<tr>");
    for (const auto& [name, width] : columns)
        row += QStringLiteral("<th width=\"%1%\">%2</th>").arg(width).arg(HtmlReport::escape(name));
    return row + QStringLiteral("</tr>\n");
}

QString keyValueTable(const QList<QPair<QString, QString>>& rows)
{
    QString html = QStringLiteral("<table>\n");
    for (const auto& [k, v] : rows) {
        if (!v.isEmpty())
            html += QStringLiteral("<tr><th width=\"24%\">%1</th>%2</tr>\n").arg(HtmlReport::escape(k), cell(v));
    }
    return html + QStringLiteral("</table>\n");
}

QString number(double v, int decimals = 3)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("undefined");
}

QString statusClass(ChecklistItem::Status s)
{
    return s == ChecklistItem::Status::Passed ? QStringLiteral("passed")
        : s == ChecklistItem::Status::Failed  ? QStringLiteral("failed")
                                              : QStringLiteral("na");
}

QString checklistTable(const QList<ChecklistItem>& items)
{
    QString html = QStringLiteral("<table>\n")
        + headerRow({ { QStringLiteral("Result"), 18 }, { QStringLiteral("Check"), 82 } });
    for (const ChecklistItem& i : items) {
        html += QStringLiteral("<tr>") + cell(ChecklistItem::statusName(i.status), statusClass(i.status))
            + QStringLiteral("<td>%1<br><small>%2</small></td>")
                  .arg(HtmlReport::escape(i.item), HtmlReport::escape(i.detail))
            + QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

// The output heatmap with its activity count: the picture a stakeholder looks at first.
QString outputFigure(const AttentionRun& run, int pixels)
{
    if (!run.hasOutput()) {
        const QString why = run.scope.outputJudged
            ? QStringLiteral("No output read back (%1).")
                  .arg(run.state.isEmpty() ? QStringLiteral("did not run") : run.state)
            : QStringLiteral("Output not judged: %1.").arg(run.scope.outputNotJudged);
        return QStringLiteral("<p><i>%1</i></p>").arg(HtmlReport::escape(why));
    }
    const AttentionMetrics& m = run.metrics;
    QString caption = QStringLiteral("Output %1 x %2: <b>%3/%4 non-zero</b> (%5%)")
                          .arg(run.output->rows())
                          .arg(run.output->cols())
                          .arg(m.nonzero)
                          .arg(m.total)
                          .arg(100 * m.nonzeroFraction(), 0, 'f', 1);
    if (m.allZero)
        caption += QStringLiteral("<br><span class=\"allzero\">ALL ZERO: the kernel's output never arrived</span>");
    else if (m.constant)
        caption += QStringLiteral("<br><span class=\"allzero\">CONSTANT %1: the run failed</span>").arg(m.min);
    else
        caption += QStringLiteral(", range [%1, %2]").arg(m.min).arg(m.max);
    const MatrixF output = run.outputFloat();
    return QStringLiteral("<p><img alt=\"output\" src=\"%1\"><br>%2</p>")
        .arg(HtmlReport::pngDataUri(ReportImages::heatmap(output, pixels)), caption);
}

QString verdictClass(bool good)
{
    return good ? QStringLiteral("pass") : QStringLiteral("fail");
}

} // namespace

QString HtmlReport::escape(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&#39;"));
}

QString HtmlReport::pngDataUri(const QByteArray& png)
{
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

QString HtmlReport::verdict(const HtmlReportInput& in)
{
    if (in.comparison && in.comparison->beforeRun && in.comparison->afterRun)
        return ReportVerdict::comparison(*in.comparison->beforeRun, *in.comparison->afterRun);
    if (!in.runs.isEmpty()) {
        const AttentionRun& last = in.runs.last();
        return QStringLiteral("%1: %2").arg(last.succeeded() ? QStringLiteral("Run passed")
                                                             : QStringLiteral("Run failed"),
                                            ReportVerdict::outcome(last));
    }
    if (in.xclbin)
        return FileSummarizer::summarize(*in.xclbin, in.slot).headline;
    if (in.comparison && in.comparison->beforeXclbin && in.comparison->afterXclbin)
        return FileSummarizer::summarize(*in.comparison->afterXclbin, in.slot).headline;
    return QStringLiteral("Nothing to report: no file and no run.");
}

QString HtmlReport::headline(const HtmlReportInput& in, const ReportPaths& paths)
{
    bool good = true;
    if (in.comparison && in.comparison->beforeRun && in.comparison->afterRun)
        good = in.comparison->afterRun->succeeded();
    else if (!in.runs.isEmpty())
        good = in.runs.last().succeeded();
    else if (in.xclbin)
        good = FileSummarizer::summarize(*in.xclbin, in.slot).level == Severity::Info;
    QString file;
    if (in.xclbin)
        file = paths.display(in.xclbin->filePath);
    else if (!in.runs.isEmpty())
        file = paths.display(in.runs.last().xclbinPath);
    const QString meta
        = QStringLiteral("%1%2 &middot; xclbin-inspector %3 (XRT %4) &middot; %5")
              .arg(escape(in.title), file.isEmpty() ? QString() : QStringLiteral(" &middot; ") + escape(file),
                   QLatin1String(XI_VERSION), QLatin1String(XI_XRT_VERSION),
                   QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    return QStringLiteral("<h1 class=\"%1\">%2</h1>\n<p class=\"meta\">%3</p>\n")
        .arg(verdictClass(good), escape(verdict(in)), meta);
}

QString HtmlReport::beforeAfter(const AttentionRun& before, const QString& beforeLabel, const AttentionRun& after,
                                const QString& afterLabel)
{
    QString html = QStringLiteral("<p><b>Before</b> (%1): %2<br><b>After</b> (%3): %4</p>\n")
                       .arg(escape(beforeLabel), escape(ReportVerdict::sentence(before)), escape(afterLabel),
                            escape(ReportVerdict::sentence(after)));
    html += QStringLiteral("<table class=\"pair\"><tr><td><h3>Before</h3>%1%2</td><td><h3>After</h3>%3%4</td></tr>"
                           "</table>\n")
                .arg(outputFigure(before, PairHeatmapPixels), checklistTable(before.checklist),
                     outputFigure(after, PairHeatmapPixels), checklistTable(after.checklist));
    return html;
}

QString HtmlReport::singleRun(const AttentionRun& run, int number)
{
    return QStringLiteral("<p><b>Run %1</b>: %2</p>\n<table class=\"pair\"><tr><td>%3</td><td>%4</td></tr></table>\n")
        .arg(number)
        .arg(escape(ReportVerdict::sentence(run)), outputFigure(run, PairHeatmapPixels), checklistTable(run.checklist));
}

QString HtmlReport::fileSection(const Xclbin& x, const SlotMode& slot, const ReportPaths& paths)
{
    const FileSummary s = FileSummarizer::summarize(x, slot);
    QString html = QStringLiteral("<h3>The file: %1</h3>\n<p><b>%2</b><br>%3</p>\n")
                       .arg(escape(paths.display(x.filePath)), escape(s.headline), escape(s.kindText));
    QList<QPair<QString, QString>> rows;
    for (const KernelCall& k : s.kernels)
        rows.append({ k.names.join(QStringLiteral(", ")), k.conventionText + QStringLiteral(": ") + k.python });
    if (s.stream)
        rows.append({ QStringLiteral("Instruction stream"), paths.scrub(s.stream->sentence()) });
    rows.append({ QStringLiteral("Verdicts"), s.argumentCount ? s.countsText() : QStringLiteral("no arguments") });
    rows.append({ QStringLiteral("Group IDs for"), slot.describe() });
    rows.append({ QStringLiteral("xclbin UUID"), x.header.xclbinUuid.toString(QUuid::WithoutBraces) });
    rows.append({ QStringLiteral("Size, sections"),
                  QStringLiteral("%1 bytes, %2 sections").arg(x.fileSize).arg(x.sections.size()) });
    return html + keyValueTable(rows) + argumentTable(x, slot);
}

QString HtmlReport::argumentTable(const Xclbin& x, const SlotMode& slot, const QList<int>& changedRows)
{
    QString html;
    for (const KernelGroups& k : ArgumentGroups::computeAll(x, slot)) {
        html += QStringLiteral("<p><b>Kernel %1</b> (%2 convention)</p>\n")
                    .arg(escape(k.kernelName), escape(conventionName(k.convention)));
        html += QStringLiteral("<table>\n")
            + headerRow({ { QStringLiteral("#"), 5 },
                          { QStringLiteral("Name"), 13 },
                          { QStringLiteral("Verdict"), 11 },
                          { QStringLiteral("Group ID"), 15 },
                          { QStringLiteral("Memory"), 10 },
                          { QStringLiteral("Reason"), 46 } });
        for (const ArgumentGroup& a : k.arguments) {
            const QString verdict = verdictName(a.verdict);
            const QString rowClass = changedRows.contains(a.index) ? QStringLiteral(" class=\"changed\"") : QString();
            html += QStringLiteral("<tr%1>").arg(rowClass) + cell(QString::number(a.index)) + cell(a.argument.name)
                + cell(verdict, verdict)
                + cell(a.groupId.hex() + QStringLiteral(" (") + a.groupId.decimal() + QStringLiteral(")"))
                + cell(a.memoryTags.join(QStringLiteral(", "))) + cell(a.reason) + QStringLiteral("</tr>\n");
        }
        html += QStringLiteral("</table>\n");
        for (const QString& note : k.notes)
            html += QStringLiteral("<p>") + escape(note) + QStringLiteral("</p>\n");
    }
    return html;
}

QString HtmlReport::bindingSection(const BindingReport& b)
{
    QString html = QStringLiteral("<h3>Binding: kernel %1, call <code>%2</code>: %3</h3>\n")
                       .arg(escape(b.kernelName), escape(b.planQuick), bindingStatusName(b.status));
    html += QStringLiteral("<table>\n")
        + headerRow({ { QStringLiteral("Severity"), 12 },
                      { QStringLiteral("Argument"), 12 },
                      { QStringLiteral("Finding"), 76 } });
    for (const BindingFinding& f : b.findings) {
        const QString cls = f.severity == Severity::Error ? QStringLiteral("invalid")
            : f.severity == Severity::Warning             ? QStringLiteral("warning")
                                                          : QStringLiteral("scalar");
        html += QStringLiteral("<tr>") + cell(severityName(f.severity), cls)
            + cell(f.argument >= 0 ? QString::number(f.argument) : QStringLiteral("call")) + cell(f.message)
            + QStringLiteral("</tr>\n");
    }
    // An unresolved call: what could not be followed, never "no findings".
    for (const UnresolvedItem& u : b.unresolved) {
        html += QStringLiteral("<tr>") + cell(QStringLiteral("unresolved"), QStringLiteral("warning"))
            + cell(u.location.line > 0 ? QStringLiteral("line %1").arg(u.location.line) : QStringLiteral("call"))
            + cell(u.text.isEmpty() ? u.reason : QStringLiteral("'%1': %2").arg(u.text, u.reason))
            + QStringLiteral("</tr>\n");
    }
    if (b.findings.isEmpty() && b.unresolved.isEmpty())
        html += QStringLiteral("<tr><td colspan=\"3\">no findings</td></tr>\n");
    html += QStringLiteral("</table>\n");
    const QStringList predicted = b.predictedTexts();
    if (!predicted.isEmpty())
        html += QStringLiteral("<p>XRT will print:</p>\n<pre>") + escape(predicted.join(QLatin1Char('\n')))
            + QStringLiteral("</pre>\n");
    if (!b.correctedPython.isEmpty())
        html
            += QStringLiteral("<p>Corrected call:</p>\n<pre>") + escape(b.correctedPython) + QStringLiteral("</pre>\n");
    return html;
}

QString HtmlReport::runSection(const AttentionRun& run, const QString& label, const ReportPaths& paths,
                               const AttentionRun* previous)
{
    QString html = QStringLiteral("<h3>%1: %2 backend</h3>\n").arg(escape(label), escape(run.backend));
    const AttentionMetrics& m = run.metrics;
    QList<QPair<QString, QString>> rows {
        { QStringLiteral("Result"), ReportVerdict::outcome(run) },
        { QStringLiteral("Exercised"), run.scope.exercised.join(QStringLiteral("; ")) },
        { QStringLiteral("Not exercised"), run.scope.notExercised.join(QStringLiteral("; ")) },
    };
    // A second run of the same kind: what it exercised was said once already.
    if (previous && previous->scope.exercised == run.scope.exercised
        && previous->scope.notExercised == run.scope.notExercised) {
        rows[1].second = QStringLiteral("as in the run before");
        rows[2].second.clear();
    }
    rows += {
        { QStringLiteral("Call"), run.call },
        { QStringLiteral("Instructions"), paths.display(run.instructionFile) },
        { QStringLiteral("Vectors"), run.vectors.description },
        { QStringLiteral("Error"), run.error },
        { QStringLiteral("Details, in XRT's words"), run.errorDetail },
    };
    if (run.hasOutput()) {
        rows.append({ QStringLiteral("Output"),
                      QStringLiteral("range [%1, %2], mean %3, std %4")
                          .arg(m.min)
                          .arg(m.max)
                          .arg(number(m.mean), number(m.std)) });
        if (m.hasReference) {
            rows.append({ QStringLiteral("Against the float reference"),
                          QStringLiteral("correlation %1, MAE %2, RMSE %3, max abs error %4")
                              .arg(number(m.correlation, 4), number(m.mae), number(m.rmse), number(m.maxAbsError)) });
        }
    }
    rows.append({ QStringLiteral("Timings"),
                  QStringLiteral("write %1 ms, run %2 ms, read %3 ms")
                      .arg(run.timings.writeMs, 0, 'f', 3)
                      .arg(run.timings.runMs, 0, 'f', 3)
                      .arg(run.timings.readMs, 0, 'f', 3) });
    for (auto& row : rows)
        row.second = paths.scrub(row.second);
    html += keyValueTable(rows);
    QString figures;
    if (run.hasOutput() && !m.histogram.isEmpty()) {
        figures += QStringLiteral("<figure><img alt=\"histogram\" src=\"%1\"><figcaption>Histogram of the output, "
                                  "[%2, %3]</figcaption></figure>\n")
                       .arg(pngDataUri(ReportImages::histogram(m, HistogramWidth, HistogramHeight)))
                       .arg(m.min)
                       .arg(m.max);
    }
    for (const auto& [name, matrix] : AttentionRunFiles::matrices(run)) {
        if (name != QLatin1String("reference") && name != QLatin1String("difference"))
            continue;
        figures += QStringLiteral("<figure><img alt=\"%1\" src=\"%2\"><figcaption>%1</figcaption></figure>\n")
                       .arg(escape(name), pngDataUri(ReportImages::heatmap(matrix, DetailHeatmapPixels)));
    }
    if (!figures.isEmpty())
        html += QStringLiteral("<div>%1</div>\n").arg(figures);
    if (!run.xrtMessages.isEmpty())
        html += QStringLiteral("<p>XRT's messages:</p>\n<pre>")
            + escape(paths.scrub(run.xrtMessages.join(QLatin1Char('\n')))) + QStringLiteral("</pre>\n");
    if (!run.notes.isEmpty())
        html += QStringLiteral("<p>Notes:</p>\n<pre>") + escape(paths.scrub(run.notes.join(QLatin1Char('\n'))))
            + QStringLiteral("</pre>\n");
    return html;
}

QString HtmlReport::xclbinComparison(const HtmlReportInput::Comparison& c, const SlotMode& slot,
                                     const ReportPaths& paths)
{
    QList<int> changed;
    const QList<KernelGroups> ga = ArgumentGroups::computeAll(*c.beforeXclbin, slot);
    const QList<KernelGroups> gb = ArgumentGroups::computeAll(*c.afterXclbin, slot);
    for (const KernelGroups& kb : gb) {
        const auto ka = std::find_if(ga.cbegin(), ga.cend(),
                                     [&](const KernelGroups& k) { return k.kernelName == kb.kernelName; });
        for (const ArgumentGroup& arg : kb.arguments) {
            const ArgumentGroup* before = ka == ga.cend() ? nullptr : ka->argument(arg.index);
            if (!before || before->groupId.raw != arg.groupId.raw || before->verdict != arg.verdict
                || before->argument.name != arg.argument.name)
                changed << arg.index;
        }
    }
    QString html
        = QStringLiteral("<h3>Files before and after</h3>\n<p><b>Before</b> %1: %2<br><b>After</b> %3: %4</p>\n")
              .arg(escape(paths.display(c.beforeXclbin->filePath)),
                   escape(FileSummarizer::summarize(*c.beforeXclbin, slot).headline),
                   escape(paths.display(c.afterXclbin->filePath)),
                   escape(FileSummarizer::summarize(*c.afterXclbin, slot).headline));
    html += QStringLiteral("<p>Arguments after (changed rows shaded):</p>\n")
        + argumentTable(*c.afterXclbin, slot, changed);
    return html;
}

QString HtmlReport::generate(const HtmlReportInput& in)
{
    ReportPaths paths(in.outputPath);
    if (in.xclbin)
        paths.add(in.xclbin->filePath);
    for (const AttentionRun& run : in.runs) {
        paths.add(run.xclbinPath);
        paths.add(run.instructionFile);
    }
    if (in.comparison) {
        for (const auto& run : { in.comparison->beforeRun, in.comparison->afterRun }) {
            if (run) {
                paths.add(run->xclbinPath);
                paths.add(run->instructionFile);
            }
        }
        for (const XclbinPtr& x : { in.comparison->beforeXclbin, in.comparison->afterXclbin }) {
            if (x)
                paths.add(x->filePath);
        }
    }

    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
                                  "charset=\"utf-8\">\n<title>%1</title>\n<style>%2</style>\n</head><body>\n")
                       .arg(escape(in.title), QLatin1String(kStyle));
    html += headline(in, paths);
    const bool runPair = in.comparison && in.comparison->beforeRun && in.comparison->afterRun;
    if (runPair) {
        html += beforeAfter(*in.comparison->beforeRun, in.comparison->beforeLabel, *in.comparison->afterRun,
                            in.comparison->afterLabel);
    } else if (!in.runs.isEmpty()) {
        html += singleRun(in.runs.last(), int(in.runs.size()));
    }
    html += QStringLiteral("<h2>Details</h2>\n");
    if (in.xclbin)
        html += fileSection(*in.xclbin, in.slot, paths);
    if (in.comparison && in.comparison->beforeXclbin && in.comparison->afterXclbin)
        html += xclbinComparison(*in.comparison, in.slot, paths);
    if (in.binding)
        html += bindingSection(*in.binding);
    if (runPair) {
        html += runSection(*in.comparison->beforeRun, QStringLiteral("Before: ") + in.comparison->beforeLabel, paths);
        html += runSection(*in.comparison->afterRun, QStringLiteral("After: ") + in.comparison->afterLabel, paths,
                           &*in.comparison->beforeRun);
    } else {
        for (int i = 0; i < in.runs.size(); ++i)
            html += runSection(in.runs[i], QStringLiteral("Run %1").arg(i + 1), paths,
                               i > 0 ? &in.runs[i - 1] : nullptr);
    }
    return paths.scrubHtml(html) + QStringLiteral("</body></html>\n");
}

} // namespace xi
