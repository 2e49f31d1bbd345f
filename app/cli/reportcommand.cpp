// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcommand.h"

#include "cliutil.h"
#include "report/htmlreport.h"
#include "util/safefilewriter.h"
#include "xclbin/xclbinreader.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace xi::cli {

namespace {

void addOptions(QCommandLineParser& p)
{
    addSlotOptions(p);
    p.addOptions({
        { QStringLiteral("xclbin"), QStringLiteral("The xclbin to summarize."), QStringLiteral("file") },
        { QStringLiteral("run-json"),
          QStringLiteral("A run saved by `run --out DIR` (DIR/run.json or DIR); repeatable."), QStringLiteral("file") },
        { QStringLiteral("before"), QStringLiteral("Before: a run (run.json or its folder) or an xclbin."),
          QStringLiteral("file") },
        { QStringLiteral("after"), QStringLiteral("After: a run (run.json or its folder) or an xclbin."),
          QStringLiteral("file") },
        { QStringLiteral("call"), QStringLiteral("A binding in quick form to check against --xclbin."),
          QStringLiteral("quick") },
        { QStringLiteral("title"), QStringLiteral("Report title."), QStringLiteral("text") },
        { { QStringLiteral("o"), QStringLiteral("output") },
          QStringLiteral("The HTML file to write (an existing one is kept as .bak)."),
          QStringLiteral("file") },
    });
}

QString runJsonPath(const QString& path)
{
    return QFileInfo(path).isDir() ? path + QStringLiteral("/run.json") : path;
}

std::optional<AttentionRun> loadRun(const QString& given, CliContext& ctx)
{
    const QString path = runJsonPath(given);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ctx.err << "report: cannot open " << path << ": " << f.errorString() << "\n";
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    QString error;
    std::optional<AttentionRun> run;
    if (parseError.error != QJsonParseError::NoError)
        error = QStringLiteral("at offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
    else
        run = AttentionRun::fromJson(doc.object(), &error);
    if (!run)
        ctx.err << "report: " << path << ": " << error << "\n";
    return run;
}

bool isXclbin(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(8).startsWith("xclbin2");
}

// Fills one side of the comparison; false when the file cannot be read.
bool loadSide(const QString& path, std::optional<AttentionRun>* run, XclbinPtr* xclbin, CliContext& ctx)
{
    if (isXclbin(path)) {
        *xclbin = loadXclbin(path, ctx);
        return *xclbin != nullptr;
    }
    *run = loadRun(path, ctx);
    return run->has_value();
}

} // namespace

QString ReportCommand::summary() const
{
    return QStringLiteral("Write a self-contained HTML report (xclbin, arguments, binding, runs, before/after)");
}

QString ReportCommand::usage() const
{
    QCommandLineParser p;
    addOptions(p);
    return QStringLiteral("Usage: xclbin-inspector-cli report [--xclbin F] [--run-json F ...] [--before A --after B] "
                          "[--call \"...\"] --output report.html\n\n"
                          "One HTML file with inline CSS and heatmaps as data: URIs: the xclbin summary and argument "
                          "table with verdicts, binding findings, each run's metrics, heatmaps and checklist (the "
                          "backend named), and a before/after comparison of two runs or two xclbins.\n\n")
        + p.helpText().section(QLatin1Char('\n'), 2);
}

int ReportCommand::run(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser p;
    addOptions(p);
    if (!parseOptions(p, *this, args, ctx, 0, 0))
        return ExitUsage;
    if (!p.isSet(QStringLiteral("output")))
        return usageError(*this, ctx, QStringLiteral("--output report.html is required"));
    if (p.isSet(QStringLiteral("before")) != p.isSet(QStringLiteral("after")))
        return usageError(*this, ctx, QStringLiteral("--before and --after go together"));
    QString error;
    const auto slot = slotMode(p, &error);
    if (!slot)
        return usageError(*this, ctx, error);
    HtmlReportInput in;
    in.slot = *slot;
    if (p.isSet(QStringLiteral("title")))
        in.title = p.value(QStringLiteral("title"));
    if (p.isSet(QStringLiteral("xclbin"))) {
        in.xclbin = loadXclbin(p.value(QStringLiteral("xclbin")), ctx);
        if (!in.xclbin)
            return ExitBadInput;
    }
    if (p.isSet(QStringLiteral("call"))) {
        if (!in.xclbin)
            return usageError(*this, ctx, QStringLiteral("--call needs --xclbin"));
        const auto plan = BindingPlan::parseQuick(p.value(QStringLiteral("call")), &error);
        if (!plan)
            return usageError(*this, ctx, QStringLiteral("--call: ") + error);
        BindingCheckOptions options;
        options.slot = *slot;
        in.binding = BindingChecker::check(*in.xclbin, *plan, options);
    }
    for (const QString& path : p.values(QStringLiteral("run-json"))) {
        const auto run = loadRun(path, ctx);
        if (!run)
            return ExitBadInput;
        in.runs << *run;
    }
    if (p.isSet(QStringLiteral("before"))) {
        HtmlReportInput::Comparison c;
        c.beforeLabel = p.value(QStringLiteral("before"));
        c.afterLabel = p.value(QStringLiteral("after"));
        if (!loadSide(c.beforeLabel, &c.beforeRun, &c.beforeXclbin, ctx)
            || !loadSide(c.afterLabel, &c.afterRun, &c.afterXclbin, ctx))
            return ExitBadInput;
        // Named as they lie relative to the report: no absolute path of this machine in it.
        const QDir reportDir = QFileInfo(p.value(QStringLiteral("output"))).absoluteDir();
        c.beforeLabel = reportDir.relativeFilePath(QFileInfo(c.beforeLabel).absoluteFilePath());
        c.afterLabel = reportDir.relativeFilePath(QFileInfo(c.afterLabel).absoluteFilePath());
        in.comparison = c;
    }
    const QString output = p.value(QStringLiteral("output"));
    in.outputPath = output;
    if (!SafeFileWriter::write(output, HtmlReport::generate(in).toUtf8(), &error)) {
        ctx.err << "report: " << error << "\n";
        return ExitBadInput;
    }
    ctx.out << "Wrote " << output << "\n";
    return ExitOk;
}

} // namespace xi::cli
