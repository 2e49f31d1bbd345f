// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbindingcommand.h"

#include "attention/emulatedkernels.h"
#include "runner/runchannel.h"
#include "runner/xrtexecutor.h"
#include "runner/xrtrunner.h"

#include <QFile>
#include <QThread>

#include <csignal>
#include <cstdlib>

namespace xi::cli {

namespace {

struct Options {
    QString requestPath; // "-" = stdin
    QString xclbin;
    QString call;
    QString kernel;
    QString backend = QStringLiteral("xrt-noop");
    QString instructions;
    QString emulatedKernel;
    int timeoutMs = RunRequest::DefaultTimeoutMs;
    QString testFault; // hang, segv, abort: test-only, documented in docs/cli.md
};

bool parseOptions(const QStringList& args, Options* o, QString* error)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        auto value = [&](QString* out) {
            if (i + 1 >= args.size()) {
                *error = QStringLiteral("%1 needs a value").arg(a);
                return false;
            }
            *out = args.at(++i);
            return true;
        };
        QString number;
        if (a.startsWith(QLatin1String("--test-fault="))) {
            o->testFault = a.mid(13);
        } else if (a == QLatin1String("--xclbin")) {
            if (!value(&o->xclbin))
                return false;
        } else if (a == QLatin1String("--call")) {
            if (!value(&o->call))
                return false;
        } else if (a == QLatin1String("--kernel")) {
            if (!value(&o->kernel))
                return false;
        } else if (a == QLatin1String("--backend")) {
            if (!value(&o->backend))
                return false;
        } else if (a == QLatin1String("--instructions")) {
            if (!value(&o->instructions))
                return false;
        } else if (a == QLatin1String("--emulated-kernel")) {
            if (!value(&o->emulatedKernel))
                return false;
        } else if (a == QLatin1String("--timeout-ms")) {
            bool ok = false;
            if (!value(&number) || (o->timeoutMs = number.toInt(&ok), !ok)) {
                *error = QStringLiteral("--timeout-ms needs a number of milliseconds");
                return false;
            }
        } else if (a.startsWith(QLatin1String("--"))) {
            *error = QStringLiteral("unknown option %1").arg(a);
            return false;
        } else if (o->requestPath.isEmpty()) {
            o->requestPath = a;
        } else {
            *error = QStringLiteral("one request file only (got %1 and %2)").arg(o->requestPath, a);
            return false;
        }
    }
    if (o->requestPath.isEmpty() == o->call.isEmpty() || o->call.isEmpty() != o->xclbin.isEmpty()) {
        *error = QStringLiteral("give either a request file (or - for stdin) or --xclbin FILE --call PLAN");
        return false;
    }
    return true;
}

std::optional<RunRequest> requestFromCall(const Options& o, QString* error)
{
    QString planError;
    auto plan = BindingPlan::parseQuick(o.call, &planError);
    if (!plan) {
        *error = QStringLiteral("--call: %1").arg(planError);
        return std::nullopt;
    }
    RunRequest r;
    r.xclbinPath = o.xclbin;
    r.kernelName = o.kernel;
    if (!parseRunBackend(o.backend, &r.backend)) {
        *error = QStringLiteral("--backend: unknown backend '%1' (expected xrt-noop, xrt or emulated)").arg(o.backend);
        return std::nullopt;
    }
    r.plan = *plan;
    if (!o.instructions.isEmpty())
        r.plan.instructionFile = o.instructions;
    r.emulatedKernel = o.emulatedKernel;
    r.timeoutMs = o.timeoutMs;
    return r;
}

std::optional<RunRequest> requestFromFile(const QString& path, QString* error)
{
    const bool fromStdin = path == QLatin1String("-");
    QFile file(fromStdin ? QString() : path);
    const bool ok = fromStdin ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!ok) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QString parseError;
    auto request = RunRequest::fromJsonBytes(file.readAll(), &parseError);
    if (!request)
        *error = QStringLiteral("%1: %2").arg(fromStdin ? QStringLiteral("stdin") : path, parseError);
    return request;
}

// True when this process already has the XRT environment a run needs.
bool isRunnerChild(const RunRequest& request)
{
    if (!qEnvironmentVariableIsEmpty("XI_XRT_LOG"))
        return true;
    return request.backend != RunBackend::Xrt && qEnvironmentVariable("XCL_EMULATION_MODE") == QLatin1String("noop")
        && !qEnvironmentVariableIsEmpty("XILINX_XRT");
}

void applyTestFault(const QString& fault, QTextStream& out)
{
    if (fault.isEmpty())
        return;
    out << RunChannel::progressLine(QStringLiteral("test-fault"), fault);
    out.flush();
    if (fault == QLatin1String("hang")) {
        for (;;)
            QThread::sleep(1);
    }
    if (fault == QLatin1String("segv"))
        std::raise(SIGSEGV);
    if (fault == QLatin1String("abort"))
        std::abort();
}

} // namespace

QString RunBindingCommand::summary() const
{
    return QStringLiteral("run a binding plan through XRT (noop device or real) in a child process, JSON out");
}

QString RunBindingCommand::usage() const
{
    return QStringLiteral(
        "Usage: xclbin-inspector-cli run-binding REQUEST.json|-\n"
        "       xclbin-inspector-cli run-binding --xclbin FILE --call PLAN [--backend xrt-noop|xrt|emulated]\n"
        "                            [--kernel NAME] [--instructions FILE] [--emulated-kernel NAME] [--timeout-ms "
        "N]\n\n"
        "Runs a binding plan through XRT and prints JSON lines: progress events, then\n"
        "{\"event\":\"result\",\"result\":{...}} with the XRT version, the device, XRT's own messages, the run state,\n"
        "timings and output buffers. PLAN is the quick form of `check --call` (\"3, instr:1, ninstr, bo:3, "
        "bo:4[out]\").\n"
        "Backends: xrt-noop (Debian XRT's no-hardware device: XRT's real argument checks, no kernel runs),\n"
        "xrt (the device XRT finds), emulated (noop device, then a host-compiled kernel on the buffers).\n"
        "Without the runner environment it starts itself as the child with that environment set up.\n"
        "Exit codes: 0 the run completed, 1 it did not (the result says why), 2 unreadable request, 64 usage.\n");
}

int RunBindingCommand::run(const QStringList& args, CliContext& ctx)
{
    Options o;
    QString error;
    if (!parseOptions(args, &o, &error)) {
        ctx.err << "run-binding: " << error << "\n\n" << usage();
        return ExitUsage;
    }
    auto request = o.call.isEmpty() ? requestFromFile(o.requestPath, &error) : requestFromCall(o, &error);
    if (!request) {
        ctx.err << "run-binding: " << error << '\n';
        return ExitBadInput;
    }
    RunResult result;
    if (isRunnerChild(*request)) {
        applyTestFault(o.testFault, ctx.out);
        result
            = XrtExecutor::execute(*request, findEmulatedKernel, [&ctx](const QString& stage, const QString& message) {
                  ctx.out << RunChannel::progressLine(stage, message);
                  ctx.out.flush();
              });
    } else {
        XrtRunnerOptions options;
        if (!o.testFault.isEmpty())
            options.extraArguments << QStringLiteral("--test-fault=") + o.testFault;
        result = XrtRunner::runBlocking(*request, options);
    }
    ctx.out << RunChannel::resultLine(result);
    return result.completed ? ExitOk : ExitCheckFailed;
}

} // namespace xi::cli
