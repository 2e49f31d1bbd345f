// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructionscommand.h"

#include "binding/bindingchecker.h"
#include "binding/streamcontext.h"
#include "cliutil.h"
#include "instructions/npustreamchecker.h"
#include "instructions/npustreamreader.h"

namespace xi::cli {

QString InstructionsCommand::name() const
{
    return QStringLiteral("instructions");
}

QString InstructionsCommand::summary() const
{
    return QStringLiteral("decode an NPU instruction stream: what the NPU reads and writes per argument");
}

QString InstructionsCommand::usage() const
{
    return QStringLiteral(
        "Usage: xclbin-inspector-cli instructions FILE [--xclbin X [--kernel NAME]] [--ninstr N] [--ops] [--json]\n\n"
        "Decodes the instruction stream a host passes as XRT argument 1 (insts.bin, *.seq; TXN v0.1, TXN v1.0 or a\n"
        "legacy IPU sequence, binary little-endian words or hex text, told apart by content): every shim DMA\n"
        "transfer with its XRT argument, direction and bytes; per argument the bytes moved and the smallest buffer\n"
        "that holds what the NPU touches; the syncs and the outputs they wait for. ELF containers and control-packet\n"
        "streams are recognised and named, not decoded.\n\n"
        "  --xclbin X   check the stream against X: patched arguments that are scalars or missing, the header's\n"
        "               device generation and column count against the AIE partition\n"
        "  --kernel N   the kernel of X (default: the first NPU kernel)\n"
        "  --ninstr N   the instruction count the host passes, checked against the word count\n"
        "  --ops        list every op\n"
        "  --json       JSON: format, encoding, device_generation, columns, words, transfers, arguments, syncs,\n"
        "               findings (and ops with --ops)\n\n"
        "Exit: 0 no error finding, 1 an error finding, 2 unreadable or malformed stream or xclbin, 64 usage.\n");
}

int InstructionsCommand::run(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser p;
    p.addOption({ QStringLiteral("xclbin"), QString(), QStringLiteral("file") });
    p.addOption({ QStringLiteral("kernel"), QString(), QStringLiteral("name") });
    p.addOption({ QStringLiteral("ninstr"), QString(), QStringLiteral("count") });
    p.addOption({ QStringLiteral("ops"), QString() });
    p.addOption({ QStringLiteral("json"), QString() });
    if (!parseOptions(p, *this, args, ctx, 1, 1))
        return ExitUsage;
    if (p.isSet(QStringLiteral("kernel")) && !p.isSet(QStringLiteral("xclbin")))
        return usageError(*this, ctx, QStringLiteral("--kernel goes with --xclbin"));

    NpuStreamContext context;
    if (p.isSet(QStringLiteral("xclbin"))) {
        const XclbinPtr xclbin = loadXclbin(p.value(QStringLiteral("xclbin")), ctx);
        if (!xclbin)
            return ExitBadInput;
        const Kernel* kernel = p.isSet(QStringLiteral("kernel")) ? xclbin->kernel(p.value(QStringLiteral("kernel")))
                                                                 : BindingChecker::defaultKernel(*xclbin);
        if (!kernel) {
            ctx.err << "error: " << xclbin->filePath << ": "
                    << (p.isSet(QStringLiteral("kernel"))
                            ? QStringLiteral("no kernel named '%1'").arg(p.value(QStringLiteral("kernel")))
                            : QStringLiteral("the file has no kernel"))
                    << '\n';
            return ExitBadInput;
        }
        context = StreamContext::forKernel(*xclbin, *kernel);
    }
    if (p.isSet(QStringLiteral("ninstr"))) {
        bool ok = false;
        const qint64 n = p.value(QStringLiteral("ninstr")).toLongLong(&ok, 0);
        if (!ok) {
            return usageError(
                *this, ctx,
                QStringLiteral("--ninstr: expected a number, found '%1'").arg(p.value(QStringLiteral("ninstr"))));
        }
        context.ninstr = n;
    }

    NpuStreamError error;
    const auto stream = NpuStreamReader::load(p.positionalArguments().first(), &error);
    if (!stream) {
        ctx.err << "error: " << error.message() << '\n';
        return ExitBadInput;
    }
    const QList<NpuFinding> findings = NpuStreamChecker::check(*stream, context);
    const bool ops = p.isSet(QStringLiteral("ops"));
    if (p.isSet(QStringLiteral("json")))
        printJson(ctx, stream->toJson(ops, findings));
    else
        ctx.out << stream->toText(ops, findings);
    for (const NpuFinding& f : findings) {
        if (f.severity == Severity::Error)
            return ExitCheckFailed;
    }
    return ExitOk;
}

} // namespace xi::cli
