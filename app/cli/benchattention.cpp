// SPDX-License-Identifier: GPL-3.0-or-later
// `bench attention`: the command-line glue of AttentionBench.
#include "bench/attentionbench.h"
#include "benchcommand.h"
#include "cliutil.h"

namespace xi::cli {

int runAttentionBench(const QStringList& args, CliContext& ctx)
{
    AttentionBenchOptions options;
    options.numpy = true;
    bool json = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--no-numpy")) {
            options.numpy = false;
        } else if (a == QLatin1String("--no-large-kernel")) {
            options.kernelModelLarge = false;
        } else if ((a == QLatin1String("--repeat") || a == QLatin1String("--threads")) && i + 1 < args.size()) {
            const QString& value = args.at(++i);
            bool ok = true;
            const int n = value.toInt(&ok);
            if (!ok || n < (a == QLatin1String("--repeat") ? 0 : 1)) {
                ctx.err << "bench attention: " << a << " wants a positive count, got '" << value << "'\n";
                return ExitUsage;
            }
            (a == QLatin1String("--repeat") ? options.repeats : options.threads) = n;
        } else if (a == QLatin1String("--numpy-script") && i + 1 < args.size()) {
            options.numpyScript = args.at(++i);
        } else {
            ctx.err << "bench attention: unknown option " << a << '\n';
            return ExitUsage;
        }
    }
    QString error;
    const QList<AttentionBenchEntry> entries = AttentionBench::run(options, &error);
    if (json)
        printJson(ctx, AttentionBench::toJson(entries));
    else
        ctx.out << AttentionBench::table(entries);
    if (!error.isEmpty())
        ctx.err << "bench attention: numpy side skipped: " << error << '\n';
    return ExitOk;
}

} // namespace xi::cli
