// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchcommand.h"

#include "bench/benchparse.h"
#include "cliutil.h"

namespace xi::cli {

QList<BenchSubcommand> benchSubcommands()
{
    return {
        { QStringLiteral("parse"),
          QStringLiteral("parse time per .xclbin (reader + group IDs), median of repeats, beside XRT's"),
          QStringLiteral("FILE... [--json] [--xrt] | --generate-large OUT.xclbin SIZE_MB --from SOURCE.xclbin"),
          runParseBench },
        { QStringLiteral("attention"),
          QStringLiteral("float reference, float batch and int8 kernel model at 64x64 and Whisper-base (8 x 1500 x "
                         "64), numpy float32 and this CPU's measured FMA peak beside them"),
          QStringLiteral("[--json] [--repeat N] [--threads N] [--no-numpy] [--no-large-kernel] [--numpy-script F]"),
          runAttentionBench },
    };
}

namespace {

int generateLarge(const QStringList& args, CliContext& ctx)
{
    // --generate-large OUT SIZE_MB --from SOURCE
    bool ok = false;
    const quint64 sizeMb = args.size() == 5 ? args.at(2).toULongLong(&ok) : 0;
    if (!ok || args.at(3) != QLatin1String("--from")) {
        ctx.err << "bench parse: expected --generate-large OUT.xclbin SIZE_MB --from SOURCE.xclbin\n";
        return ExitUsage;
    }
    QString error;
    if (!ParseBench::generateLarge(args.at(4), args.at(1), sizeMb, &error)) {
        ctx.err << "bench parse: " << error << '\n';
        return ExitBadInput;
    }
    ctx.out << "wrote " << args.at(1) << " (" << sizeMb << " MiB of BITSTREAM + the sections of " << args.at(4)
            << ")\n";
    return ExitOk;
}

} // namespace

int runParseBench(const QStringList& args, CliContext& ctx)
{
    if (args.value(0) == QLatin1String("--generate-large"))
        return generateLarge(args, ctx);
    ParseBenchOptions options;
    bool json = false;
    QStringList files;
    for (const QString& a : args) {
        if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--xrt"))
            options.xrt = true;
        else if (a.startsWith(QLatin1String("--"))) {
            ctx.err << "bench parse: unknown option " << a << '\n';
            return ExitUsage;
        } else
            files << a;
    }
    if (files.isEmpty()) {
        ctx.err << "bench parse: no file given\n";
        return ExitUsage;
    }
    QList<ParseBenchEntry> entries;
    bool allRead = true;
    for (const QString& file : std::as_const(files)) {
        entries << ParseBench::measure(file, options);
        allRead = allRead && entries.last().error.isEmpty();
    }
    if (json)
        printJson(ctx, ParseBench::toJson(entries));
    else
        ctx.out << ParseBench::table(entries);
    return allRead ? ExitOk : ExitBadInput;
}

QString BenchCommand::summary() const
{
    return QStringLiteral("speed measurements: ") + [] {
        QStringList names;
        for (const BenchSubcommand& b : benchSubcommands())
            names << b.name;
        return names.join(QStringLiteral(", "));
    }();
}

QString BenchCommand::usage() const
{
    QString text = QStringLiteral("Usage: xclbin-inspector-cli bench BENCHMARK [OPTIONS]\n\nBenchmarks:\n");
    for (const BenchSubcommand& b : benchSubcommands())
        text += QStringLiteral("  bench %1 %2\n      %3\n").arg(b.name, b.usage, b.summary);
    return text;
}

int BenchCommand::run(const QStringList& args, CliContext& ctx)
{
    const QString which = args.value(0);
    for (const BenchSubcommand& b : benchSubcommands()) {
        if (b.name == which)
            return b.run(args.mid(1), ctx);
    }
    ctx.err << "bench: "
            << (which.isEmpty() ? QStringLiteral("no benchmark given")
                                : QStringLiteral("unknown benchmark '%1'").arg(which))
            << "\n\n"
            << usage();
    return ExitUsage;
}

} // namespace xi::cli
