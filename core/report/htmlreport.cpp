// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/htmlreport.h"

#include "attention/attentionrunfiles.h"
#include "groups/argumentgroups.h"
#include "util/buildconfig.h"
#include "util/pngwriter.h"
#include "util/textformat.h"

#include <QDateTime>

#include <cmath>

namespace xi {

namespace {

const char kStyle[] = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #1d1d1d; }
h1 { font-size: 1.6em; } h2 { border-bottom: 2px solid #ccc; padding-bottom: .2em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: .6em 0; }
th, td { border: 1px solid #c8c8c8; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; font-family: monospace; }
.valid { background: #d9f2d9; } .scalar { background: #e6e6e6; } .warning { background: #fff1c2; }
.invalid { background: #f8d0d0; } .passed { background: #d9f2d9; } .failed { background: #f8d0d0; }
.na { background: #eeeeee; } .changed { outline: 2px solid #d08000; }
.backend { display: inline-block; padding: .2em .6em; background: #264d8c; color: white; border-radius: .3em; }
.heatmaps { display: flex; flex-wrap: wrap; gap: 1em; }
figure { margin: 0; } figcaption { font-size: .9em; text-align: center; }
pre { background: #f6f6f6; padding: .6em; white-space: pre-wrap; }
.muted { color: #666; }
)";

QString cell(const QString& text, const QString& cls = {})
{
    return cls.isEmpty() ? QStringLiteral("<td>%1</td>").arg(HtmlReport::escape(text))
                         : QStringLiteral("<td class=\"%1\">%2</td>").arg(cls, HtmlReport::escape(text));
}

QString headerRow(const QStringList& names)
{
    QString row = QStringLiteral("<tr>");
    for (const QString& n : names)
        row += QStringLiteral("<th>") + HtmlReport::escape(n) + QStringLiteral("</th>");
    return row + QStringLiteral("</tr>\n");
}

QString keyValueTable(const QList<QPair<QString, QString>>& rows)
{
    QString html = QStringLiteral("<table>\n");
    for (const auto& [k, v] : rows)
        html += QStringLiteral("<tr><th>%1</th>%2</tr>\n").arg(HtmlReport::escape(k), cell(v));
    return html + QStringLiteral("</table>\n");
}

QString number(double v, int decimals = 4)
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
        + headerRow({ QStringLiteral("Check"), QStringLiteral("Result"), QStringLiteral("Detail") });
    for (const ChecklistItem& i : items) {
        html += QStringLiteral("<tr>") + cell(i.item) + cell(ChecklistItem::statusName(i.status), statusClass(i.status))
            + cell(i.detail) + QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

QList<QPair<QString, QString>> metricRows(const AttentionMetrics& m)
{
    return {
        { QStringLiteral("Non-zero"),
          QStringLiteral("%1 / %2 (%3 %)").arg(m.nonzero).arg(m.total).arg(100 * m.nonzeroFraction(), 0, 'f', 1) },
        { QStringLiteral("Range"), QStringLiteral("[%1, %2]").arg(m.min).arg(m.max) },
        { QStringLiteral("Mean / std"), QStringLiteral("%1 / %2").arg(number(m.mean, 3), number(m.std, 3)) },
        { QStringLiteral("All zero / constant"),
          QStringLiteral("%1 / %2").arg(m.allZero ? QStringLiteral("yes") : QStringLiteral("no"),
                                        m.constant ? QStringLiteral("yes") : QStringLiteral("no")) },
        { QStringLiteral("Pearson correlation"),
          m.hasReference ? number(m.correlation) : QStringLiteral("no reference") },
        { QStringLiteral("MAE / RMSE / max abs error"),
          m.hasReference
              ? QStringLiteral("%1 / %2 / %3").arg(number(m.mae, 3), number(m.rmse, 3), number(m.maxAbsError, 3))
              : QStringLiteral("no reference") },
    };
}

QString histogramSvg(const AttentionMetrics& m)
{
    if (m.histogram.isEmpty())
        return {};
    const qint64 peak = *std::max_element(m.histogram.cbegin(), m.histogram.cend());
    const int width = 320, height = 80;
    const double barWidth = double(width) / m.histogram.size();
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\">")
                      .arg(width)
                      .arg(height);
    for (int i = 0; i < m.histogram.size(); ++i) {
        const double h = peak > 0 ? double(m.histogram[i]) / double(peak) * (height - 2) : 0;
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"#264d8c\"/>")
                   .arg(i * barWidth, 0, 'f', 1)
                   .arg(height - h, 0, 'f', 1)
                   .arg(std::max(1.0, barWidth - 1), 0, 'f', 1)
                   .arg(h, 0, 'f', 1);
    }
    return svg + QStringLiteral("</svg>");
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

QString HtmlReport::xclbinSection(const Xclbin& x, const SlotMode& slot)
{
    QString html = QStringLiteral("<h2>xclbin</h2>\n");
    html += keyValueTable({
        { QStringLiteral("File"), x.filePath },
        { QStringLiteral("Size"), QStringLiteral("%1 bytes").arg(x.fileSize) },
        { QStringLiteral("xclbin UUID"), x.header.xclbinUuid.toString(QUuid::WithoutBraces) },
        { QStringLiteral("Tool version"), x.header.version() },
        { QStringLiteral("Platform"), x.header.platformVbnv },
        { QStringLiteral("Sections"), QString::number(x.sections.size()) },
        { QStringLiteral("Group IDs for"), slot.describe() },
    });
    html += QStringLiteral("<table>\n")
        + headerRow({ QStringLiteral("#"), QStringLiteral("Kind"), QStringLiteral("Name"), QStringLiteral("Offset"),
                      QStringLiteral("Size") });
    for (const SectionHeader& s : x.sections) {
        html += QStringLiteral("<tr>") + cell(QString::number(s.index)) + cell(s.kindName()) + cell(s.name)
            + cell(hexLower(s.offset)) + cell(QString::number(s.size)) + QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n<h3>Memories</h3>\n<table>\n")
        + headerRow({ QStringLiteral("Bank"), QStringLiteral("Tag"), QStringLiteral("Type"), QStringLiteral("Used") });
    for (const MemoryEntry& m : x.memories()) {
        html += QStringLiteral("<tr>") + cell(QString::number(m.index)) + cell(m.tag) + cell(m.typeName())
            + cell(m.used ? QStringLiteral("yes") : QStringLiteral("no")) + QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n");
    return html + argumentTable(x, slot);
}

QString HtmlReport::argumentTable(const Xclbin& x, const SlotMode& slot, const QList<int>& changedRows)
{
    QString html;
    for (const KernelGroups& k : ArgumentGroups::computeAll(x, slot)) {
        html += QStringLiteral("<h3>Kernel %1 <span class=\"muted\">(%2 convention: %3)</span></h3>\n")
                    .arg(escape(k.kernelName), escape(conventionName(k.convention)), escape(k.conventionReason));
        html += QStringLiteral("<table>\n")
            + headerRow({ QStringLiteral("Index"), QStringLiteral("Name"), QStringLiteral("Kind"),
                          QStringLiteral("Offset"), QStringLiteral("Size"), QStringLiteral("Memory"),
                          QStringLiteral("Group ID"), QStringLiteral("Verdict"), QStringLiteral("Why") });
        for (const ArgumentGroup& a : k.arguments) {
            const QString verdict = verdictName(a.verdict);
            const QString rowClass = changedRows.contains(a.index) ? QStringLiteral(" class=\"changed\"") : QString();
            html += QStringLiteral("<tr%1>").arg(rowClass) + cell(QString::number(a.index)) + cell(a.argument.name)
                + cell(a.argument.addressQualifierName()) + cell(hexLower(a.argument.offset))
                + cell(QString::number(a.argument.size)) + cell(a.memoryTags.join(QStringLiteral(", ")))
                + cell(a.groupId.hex() + QStringLiteral(" (") + a.groupId.decimal() + QStringLiteral(")"))
                + cell(verdict, verdict) + cell(a.reason) + QStringLiteral("</tr>\n");
        }
        html += QStringLiteral("</table>\n");
        for (const QString& note : k.notes)
            html += QStringLiteral("<p>") + escape(note) + QStringLiteral("</p>\n");
    }
    return html;
}

QString HtmlReport::bindingSection(const BindingReport& b)
{
    QString html = QStringLiteral("<h2>Binding findings</h2>\n<p>Kernel %1, plan <code>%2</code></p>\n")
                       .arg(escape(b.kernelName), escape(b.planQuick));
    html += QStringLiteral("<table>\n")
        + headerRow({ QStringLiteral("Severity"), QStringLiteral("Argument"), QStringLiteral("Code"),
                      QStringLiteral("Finding") });
    for (const BindingFinding& f : b.findings) {
        const QString sev = severityName(f.severity);
        const QString cls = f.severity == Severity::Error ? QStringLiteral("invalid")
            : f.severity == Severity::Warning             ? QStringLiteral("warning")
                                                          : QStringLiteral("scalar");
        html += QStringLiteral("<tr>") + cell(sev, cls)
            + cell(f.argument >= 0 ? QString::number(f.argument) : QStringLiteral("call")) + cell(f.code)
            + cell(f.message) + QStringLiteral("</tr>\n");
    }
    if (b.findings.isEmpty())
        html += QStringLiteral("<tr><td colspan=\"4\">no findings</td></tr>\n");
    html += QStringLiteral("</table>\n");
    const QStringList predicted = b.predictedTexts();
    if (!predicted.isEmpty())
        html += QStringLiteral("<h3>XRT warnings this call will print</h3>\n<pre>")
            + escape(predicted.join(QLatin1Char('\n'))) + QStringLiteral("</pre>\n");
    if (!b.correctedPython.isEmpty())
        html += QStringLiteral("<h3>Corrected call</h3>\n<pre>") + escape(b.correctedPython)
            + QStringLiteral("</pre>\n");
    return html;
}

QString HtmlReport::runSection(const AttentionRun& run, int number)
{
    QString html
        = QStringLiteral("<h2>Run %1: <span class=\"backend\">%2</span> %3</h2>\n")
              .arg(number)
              .arg(escape(run.backend), escape(run.state.isEmpty() ? QStringLiteral("did not run") : run.state));
    QList<QPair<QString, QString>> rows {
        { QStringLiteral("Backend"), run.backend + QStringLiteral(": ") + run.backendDescription },
        { QStringLiteral("State"), run.state },
        { QStringLiteral("xclbin"), run.xclbinPath },
        { QStringLiteral("Kernel"), run.kernelName },
        { QStringLiteral("Call"), run.call },
        { QStringLiteral("Instructions"), run.instructionFile },
        { QStringLiteral("Vectors"), run.vectors.description },
        { QStringLiteral("Timings"),
          QStringLiteral("write %1 ms, run %2 ms, read %3 ms")
              .arg(run.timings.writeMs, 0, 'f', 3)
              .arg(run.timings.runMs, 0, 'f', 3)
              .arg(run.timings.readMs, 0, 'f', 3) },
    };
    if (!run.error.isEmpty())
        rows.append({ QStringLiteral("Error"), run.error });
    html += keyValueTable(rows);
    html += QStringLiteral("<h3>Checklist</h3>\n") + checklistTable(run.checklist);
    if (run.hasOutput() || run.metrics.total > 0) {
        html += QStringLiteral("<h3>Output metrics</h3>\n") + keyValueTable(metricRows(run.metrics));
        html += QStringLiteral("<p>Histogram of the output [%1, %2]:<br>%3</p>\n")
                    .arg(run.metrics.min)
                    .arg(run.metrics.max)
                    .arg(histogramSvg(run.metrics));
    }
    const auto matrices = AttentionRunFiles::matrices(run);
    if (!matrices.isEmpty()) {
        html += QStringLiteral(
            "<h3>Heatmaps</h3>\n<p class=\"muted\">Row 0 at the top; blue negative, white 0, red positive, "
            "each scaled to its largest magnitude.</p>\n<div class=\"heatmaps\">\n");
        for (const auto& [name, m] : matrices) {
            const QByteArray png = PngWriter::heatmap(m, PngWriter::cellSizeFor(m, 192));
            html += QStringLiteral(
                        "<figure><img alt=\"%1\" src=\"%2\"><figcaption>%1 (%3 x %4, |max| %5)</figcaption></figure>\n")
                        .arg(escape(name), pngDataUri(png))
                        .arg(m.rows())
                        .arg(m.cols())
                        .arg(m.size() ? double(m.cwiseAbs().maxCoeff()) : 0.0, 0, 'g', 4);
        }
        html += QStringLiteral("</div>\n");
    }
    if (!run.xrtMessages.isEmpty())
        html += QStringLiteral("<h3>XRT messages</h3>\n<pre>") + escape(run.xrtMessages.join(QLatin1Char('\n')))
            + QStringLiteral("</pre>\n");
    if (!run.notes.isEmpty())
        html += QStringLiteral("<h3>Notes</h3>\n<pre>") + escape(run.notes.join(QLatin1Char('\n')))
            + QStringLiteral("</pre>\n");
    return html;
}

QString HtmlReport::comparisonSection(const HtmlReportInput::Comparison& c, const SlotMode& slot)
{
    QString html = QStringLiteral("<h2>Before / after</h2>\n<p>Before: %1<br>After: %2</p>\n")
                       .arg(escape(c.beforeLabel), escape(c.afterLabel));
    if (c.beforeRun && c.afterRun) {
        const AttentionRun& a = *c.beforeRun;
        const AttentionRun& b = *c.afterRun;
        html += QStringLiteral("<table>\n")
            + headerRow({ QStringLiteral("Measure"), QStringLiteral("Before"), QStringLiteral("After") });
        auto row = [&](const QString& name, const QString& before, const QString& after) {
            const QString cls = before != after ? QStringLiteral(" class=\"changed\"") : QString();
            html += QStringLiteral("<tr%1>").arg(cls) + cell(name) + cell(before) + cell(after)
                + QStringLiteral("</tr>\n");
        };
        row(QStringLiteral("Backend"), a.backend, b.backend);
        row(QStringLiteral("State"), a.state, b.state);
        row(QStringLiteral("Call"), a.call, b.call);
        const auto ra = metricRows(a.metrics);
        const auto rb = metricRows(b.metrics);
        for (int i = 0; i < ra.size(); ++i)
            row(ra[i].first, ra[i].second, rb[i].second);
        row(QStringLiteral("XRT messages"), QString::number(a.xrtMessages.size()),
            QString::number(b.xrtMessages.size()));
        for (int i = 0; i < std::min(a.checklist.size(), b.checklist.size()); ++i)
            row(a.checklist[i].item, ChecklistItem::statusName(a.checklist[i].status),
                ChecklistItem::statusName(b.checklist[i].status));
        html += QStringLiteral("</table>\n");
    }
    if (c.beforeXclbin && c.afterXclbin) {
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
        html += QStringLiteral("<h3>Arguments before</h3>\n") + argumentTable(*c.beforeXclbin, slot);
        html += QStringLiteral("<h3>Arguments after (changed rows outlined)</h3>\n")
            + argumentTable(*c.afterXclbin, slot, changed);
    }
    return html;
}

QString HtmlReport::generate(const HtmlReportInput& in)
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
                                  "charset=\"utf-8\">\n<title>%1</title>\n<style>%2</style>\n</head><body>\n")
                       .arg(escape(in.title), QLatin1String(kStyle));
    html += QStringLiteral("<h1>%1</h1>\n<p class=\"muted\">Generated %2 by xclbin-inspector %3 (XRT %4).</p>\n")
                .arg(escape(in.title), QDateTime::currentDateTime().toString(Qt::ISODate), QLatin1String(XI_VERSION),
                     QLatin1String(XI_XRT_VERSION));
    if (in.xclbin)
        html += xclbinSection(*in.xclbin, in.slot);
    if (in.binding)
        html += bindingSection(*in.binding);
    for (int i = 0; i < in.runs.size(); ++i)
        html += runSection(in.runs[i], i + 1);
    if (in.comparison)
        html += comparisonSection(*in.comparison, in.slot);
    return html + QStringLiteral("</body></html>\n");
}

} // namespace xi
