// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcommand.h"

#include "attention/attentionbackend.h"
#include "attention/attentionrunfiles.h"
#include "cliutil.h"
#include "xclbin/xclbinreader.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace xi::cli {

namespace {

void addOptions(QCommandLineParser& p)
{
    p.addOptions({
        { QStringLiteral("backend"), QStringLiteral("cpu, xrt-noop, emulated or xrt (default emulated)."),
          QStringLiteral("name"), QStringLiteral("emulated") },
        { QStringLiteral("seed"), QStringLiteral("Seed of the random vectors (default 1)."), QStringLiteral("n"),
          QStringLiteral("1") },
        { QStringLiteral("size"), QStringLiteral("Sequence length = head dimension: 16, 32 or 64 (default 64)."),
          QStringLiteral("n"), QStringLiteral("64") },
        { QStringLiteral("seq"), QStringLiteral("Sequence length (cpu backend; overrides --size)."),
          QStringLiteral("n") },
        { QStringLiteral("dim"), QStringLiteral("Head dimension (cpu backend; overrides --size)."),
          QStringLiteral("n") },
        { QStringLiteral("pattern"), QStringLiteral("random (randint(-64, 64)), constant or identity."),
          QStringLiteral("name"), QStringLiteral("random") },
        { QStringLiteral("insts"), QStringLiteral("Instruction file (default: found next to FILE)."),
          QStringLiteral("file") },
        { QStringLiteral("call"), QStringLiteral("The binding in quick form (default: the correct call)."),
          QStringLiteral("quick") },
        { QStringLiteral("kernel"), QStringLiteral("Kernel name (default: the first)."), QStringLiteral("name") },
        { QStringLiteral("threshold"), QStringLiteral("Correlation the checklist wants (default 0.99)."),
          QStringLiteral("r"), QStringLiteral("0.99") },
        { QStringLiteral("timeout"), QStringLiteral("Milliseconds before the runner is stopped (default 60000)."),
          QStringLiteral("ms"), QStringLiteral("60000") },
        { QStringLiteral("json"), QStringLiteral("Print the result as JSON.") },
        { QStringLiteral("out"), QStringLiteral("Write run.json, .npy files and PNG heatmaps into this folder."),
          QStringLiteral("dir") },
    });
}

bool intOption(const QCommandLineParser& p, const char* name, int low, int high, int* out, QString* error)
{
    bool ok = false;
    const int v = p.value(QLatin1String(name)).toInt(&ok);
    if (!ok || v < low || v > high) {
        *error = QStringLiteral("--%1 wants an integer from %2 to %3, got '%4'")
                     .arg(QLatin1String(name))
                     .arg(low)
                     .arg(high)
                     .arg(p.value(QLatin1String(name)));
        return false;
    }
    *out = v;
    return true;
}

std::optional<AttentionRunOptions> readOptions(const QCommandLineParser& p, QString* error)
{
    AttentionRunOptions o;
    const auto backend = AttentionBackend::parse(p.value(QStringLiteral("backend")));
    if (!backend) {
        *error = QStringLiteral("--backend wants cpu, xrt-noop, emulated or xrt, got '%1'")
                     .arg(p.value(QStringLiteral("backend")));
        return std::nullopt;
    }
    o.backend = *backend;
    int size = 64, seq = 0, dim = 0, seed = 1, timeout = 0;
    if (!intOption(p, "size", 1, 128, &size, error) || !intOption(p, "seed", 0, INT_MAX, &seed, error)
        || !intOption(p, "timeout", 1, 3600000, &timeout, error))
        return std::nullopt;
    seq = dim = size;
    if (p.isSet(QStringLiteral("seq")) && !intOption(p, "seq", 1, 4096, &seq, error))
        return std::nullopt;
    if (p.isSet(QStringLiteral("dim")) && !intOption(p, "dim", 1, 128, &dim, error))
        return std::nullopt;
    if (o.backend != AttentionBackendKind::Cpu && (seq != dim || (seq != 16 && seq != 32 && seq != 64))) {
        *error = QStringLiteral("the %1 backend runs the 16x16, 32x32 and 64x64 kernels; use --backend cpu for %2 x %3")
                     .arg(AttentionBackend::name(o.backend))
                     .arg(seq)
                     .arg(dim);
        return std::nullopt;
    }
    const auto pattern = TestVectors::parsePattern(p.value(QStringLiteral("pattern")));
    if (!pattern) {
        *error = QStringLiteral("--pattern wants random, constant or identity, got '%1'")
                     .arg(p.value(QStringLiteral("pattern")));
        return std::nullopt;
    }
    o.vectors = TestVectors::make(*pattern, seq, dim, quint32(seed));
    bool ok = false;
    o.correlationThreshold = p.value(QStringLiteral("threshold")).toDouble(&ok);
    if (!ok || o.correlationThreshold < -1 || o.correlationThreshold > 1) {
        *error = QStringLiteral("--threshold wants a number from -1 to 1");
        return std::nullopt;
    }
    o.timeoutMs = timeout;
    o.call = p.value(QStringLiteral("call"));
    o.instructionFile = p.value(QStringLiteral("insts"));
    o.kernelName = p.value(QStringLiteral("kernel"));
    return o;
}

void printHuman(QTextStream& out, const AttentionRun& r)
{
    out << "Backend: " << r.backend << " (" << r.backendDescription << ")\n";
    if (!r.xclbinPath.isEmpty())
        out << "xclbin:  " << r.xclbinPath
            << (r.kernelName.isEmpty() ? QString() : QStringLiteral(", kernel ") + r.kernelName) << "\n";
    out << "Call:    " << r.call << "\n";
    if (r.backend != QLatin1String("cpu")) {
        out << "Instructions: "
            << (r.instructionFile.isEmpty() ? QStringLiteral("none found next to the xclbin") : r.instructionFile)
            << "\n";
    }
    out << "Vectors: " << r.vectors.description << "\n";
    out << "State:   " << (r.state.isEmpty() ? QStringLiteral("did not run") : r.state)
        << QStringLiteral("   (write %1 ms, run %2 ms, read %3 ms)\n")
               .arg(r.timings.writeMs, 0, 'f', 3)
               .arg(r.timings.runMs, 0, 'f', 3)
               .arg(r.timings.readMs, 0, 'f', 3);
    if (!r.error.isEmpty())
        out << "Error:   " << r.error << "\n";
    if (r.hasOutput()) {
        const AttentionMetrics& m = r.metrics;
        out << QStringLiteral("Output:  %1/%2 non-zero (%3 %), range [%4, %5], mean %6, std %7\n")
                   .arg(m.nonzero)
                   .arg(m.total)
                   .arg(100 * m.nonzeroFraction(), 0, 'f', 1)
                   .arg(m.min)
                   .arg(m.max)
                   .arg(m.mean, 0, 'f', 3)
                   .arg(m.std, 0, 'f', 3);
        out << QStringLiteral(
                   "Accuracy vs float softmax(QK^T/sqrt(d))V: correlation %1, MAE %2, RMSE %3, max abs error %4\n")
                   .arg(m.correlationDefined() ? QString::number(m.correlation, 'f', 4) : QStringLiteral("undefined"))
                   .arg(m.mae, 0, 'f', 3)
                   .arg(m.rmse, 0, 'f', 3)
                   .arg(m.maxAbsError, 0, 'f', 3);
    } else if (!r.scope.outputJudged) {
        out << "Output:  not judged: " << r.scope.outputNotJudged << "\n";
    } else {
        out << "Output:  none read back\n";
    }
    if (!r.scope.design.isEmpty())
        out << "Design:  " << r.scope.design << "\n";
    for (const QString& e : r.scope.exercised)
        out << "Exercised:     " << e << "\n";
    for (const QString& e : r.scope.notExercised)
        out << "Not exercised: " << e << "\n";
    out << "XRT messages: "
        << (r.xrtMessages.isEmpty() ? QStringLiteral("none") : QString::number(r.xrtMessages.size())) << "\n";
    for (const QString& m : r.xrtMessages)
        out << "  " << m << "\n";
    for (const QString& n : r.notes)
        out << "Note: " << n << "\n";
    out << "Checklist:\n";
    for (const ChecklistItem& i : r.checklist) {
        const QString tag = i.status == ChecklistItem::Status::Passed ? QStringLiteral("[PASS]")
            : i.status == ChecklistItem::Status::Failed               ? QStringLiteral("[FAIL]")
                                                                      : QStringLiteral("[n/a] ");
        out << "  " << tag << " " << i.item << ": " << i.detail << "\n";
    }
    out << "Verdict: " << r.verdict() << "\n";
}

} // namespace

QString RunCommand::summary() const
{
    return QStringLiteral("Run attention test vectors on a backend (cpu, xrt-noop, emulated, xrt)");
}

QString RunCommand::usage() const
{
    QCommandLineParser p;
    addOptions(p);
    return QStringLiteral("Usage: xclbin-inspector-cli run FILE [--backend cpu|xrt-noop|emulated|xrt] [--seed N] "
                          "[--size 64] [--insts F] [--call \"...\"] [--json] [--out DIR]\n\n"
                          "Runs int8 attention test vectors (Q, K, V packed into bo0 = argument 3, output from bo1 = "
                          "argument 4) through the chosen backend, compares the output with the float reference "
                          "softmax(QK^T/sqrt(d))V and evaluates the success checklist. FILE may be omitted with "
                          "--backend cpu. The backend is named in every output.\n"
                          "Default call: ")
        + AttentionBackend::defaultCall()
        + QStringLiteral("\nExit codes: 0 every checklist item passed, 1 one failed, "
                         "2 unreadable input, 64 usage.\n\n")
        + p.helpText().section(QLatin1Char('\n'), 2);
}

int RunCommand::run(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser p;
    addOptions(p);
    if (!parseOptions(p, *this, args, ctx, 0, 1))
        return ExitUsage;
    QString error;
    auto options = readOptions(p, &error);
    if (!options)
        return usageError(*this, ctx, error);
    if (!p.positionalArguments().isEmpty()) {
        options->xclbinPath = QFileInfo(p.positionalArguments().first()).absoluteFilePath();
        if (!loadXclbin(options->xclbinPath, ctx))
            return ExitBadInput;
    } else if (options->backend != AttentionBackendKind::Cpu) {
        return usageError(
            *this, ctx,
            QStringLiteral("the %1 backend needs an xclbin FILE").arg(AttentionBackend::name(options->backend)));
    }
    const AttentionRun result = AttentionBackend::run(*options);
    if (p.isSet(QStringLiteral("out"))) {
        QStringList written;
        if (!AttentionRunFiles::write(result, p.value(QStringLiteral("out")), &written, &error)) {
            ctx.err << "run: " << error << "\n";
            return ExitBadInput;
        }
        if (!p.isSet(QStringLiteral("json")))
            ctx.out << "Wrote " << written.size() << " files to " << p.value(QStringLiteral("out")) << "\n";
    }
    if (p.isSet(QStringLiteral("json")))
        printJson(ctx, result.toJson());
    else
        printHuman(ctx.out, result);
    return result.succeeded() ? ExitOk : ExitCheckFailed;
}

} // namespace xi::cli
