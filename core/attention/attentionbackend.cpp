// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionbackend.h"

#include "attention/attentiondesign.h"
#include "attention/attentionemulatedkernel.h"
#include "attention/attentionreference.h"
#include "binding/bindingchecker.h"
#include "binding/bindinginstructions.h"
#include "binding/instructionfilelocator.h"
#include "groups/argumentgroups.h"
#include "instructions/npustreamreader.h"
#include "runner/xrtrunner.h"
#include "util/buildconfig.h"
#include "xclbin/xclbinreader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QtEndian>

namespace xi {

namespace {

double toMs(qint64 us)
{
    return us < 0 ? 0 : double(us) / 1000.0;
}

std::optional<Kernel> kernelOf(const QString& xclbinPath, const QString& kernelName)
{
    if (xclbinPath.isEmpty())
        return std::nullopt;
    const XclbinLoadResult loaded = XclbinReader::load(xclbinPath);
    if (!loaded.ok())
        return std::nullopt;
    const Kernel* kernel
        = kernelName.isEmpty() ? BindingChecker::defaultKernel(*loaded.xclbin) : loaded.xclbin->kernel(kernelName);
    return kernel ? std::optional<Kernel>(*kernel) : std::nullopt;
}

std::optional<KernelGroups> kernelGroups(const QString& xclbinPath, const QString& kernelName)
{
    if (xclbinPath.isEmpty())
        return std::nullopt;
    const XclbinLoadResult loaded = XclbinReader::load(xclbinPath);
    if (!loaded.ok() || loaded.xclbin->kernels.isEmpty())
        return std::nullopt;
    const Kernel* kernel = kernelName.isEmpty() ? &loaded.xclbin->kernels.first() : loaded.xclbin->kernel(kernelName);
    if (!kernel)
        return std::nullopt;
    return ArgumentGroups::compute(*loaded.xclbin, *kernel);
}

RunBackend runBackend(AttentionBackendKind kind)
{
    switch (kind) {
    case AttentionBackendKind::Xrt: return RunBackend::Xrt;
    case AttentionBackendKind::Emulated: return RunBackend::Emulated;
    default: break;
    }
    return RunBackend::XrtNoop;
}

QString stateFor(const RunResult& r)
{
    if (r.runState != 0)
        return r.runStateName();
    if (r.failedStage == QLatin1String("device"))
        return QStringLiteral("NO_DEVICE");
    if (r.timedOut)
        return QStringLiteral("TIMEOUT");
    if (r.cancelled)
        return QStringLiteral("CANCELLED");
    return QStringLiteral("NOT_STARTED");
}

// The instruction file, format sniffed (binary u32 words or hex text), becomes the instruction BO's bytes
// and the instruction word count.
bool wireInstructions(BindingPlan& plan, RunRequest& request, QString* error)
{
    QString loadError;
    const auto instructions = BindingInstructions::load(plan.instructionFile, &loadError);
    if (!instructions) {
        if (error)
            *error = loadError;
        return false;
    }
    QByteArray bytes;
    bytes.reserve(qsizetype(instructions->byteCount()));
    for (quint32 word : instructions->words) {
        const quint32 le = qToLittleEndian(word);
        bytes.append(reinterpret_cast<const char*>(&le), 4);
    }
    for (ArgBinding& arg : plan.arguments) {
        if (arg.isBuffer() && arg.bo.instructions) {
            request.inputData.insert(arg.index, bytes);
            if (arg.bo.size == 0)
                arg.bo.size = quint64(bytes.size());
        }
        if (arg.isScalar() && arg.instructionWords && !arg.scalarValue)
            arg.scalarValue = instructions->wordCount();
        if (arg.isScalar() && arg.instructionBytes && !arg.scalarValue)
            arg.scalarValue = qint64(instructions->byteCount());
    }
    return true;
}

} // namespace

QString AttentionBackend::name(AttentionBackendKind kind)
{
    switch (kind) {
    case AttentionBackendKind::XrtNoop: return QStringLiteral("xrt-noop");
    case AttentionBackendKind::Emulated: return QStringLiteral("emulated");
    case AttentionBackendKind::Xrt: return QStringLiteral("xrt");
    case AttentionBackendKind::Cpu: break;
    }
    return QStringLiteral("cpu");
}

std::optional<AttentionBackendKind> AttentionBackend::parse(const QString& text)
{
    for (auto kind : { AttentionBackendKind::Cpu, AttentionBackendKind::XrtNoop, AttentionBackendKind::Emulated,
                       AttentionBackendKind::Xrt }) {
        if (text.compare(name(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

QString AttentionBackend::describe(AttentionBackendKind kind)
{
    switch (kind) {
    case AttentionBackendKind::XrtNoop:
        return QStringLiteral("XRT's noop device: XRT checks the arguments for real, no kernel runs, the output "
                              "stays as allocated (zero)");
    case AttentionBackendKind::Emulated:
        return QStringLiteral("XRT's noop device, then our host-built int8 kernel writes the output buffer only "
                              "if XRT's check let the buffers through (as on the NPU)");
    case AttentionBackendKind::Xrt: return QStringLiteral("a real device through XRT");
    case AttentionBackendKind::Cpu: break;
    }
    return QStringLiteral("CPU only: our host-built int8 kernel is the output, no XRT involved");
}

QString AttentionBackend::defaultCall(int seq, int dim)
{
    return QStringLiteral("3, instr:1, ninstr, bo:3[size=%1,name=qkv_bo], bo:4[out,size=%2,name=out_bo]")
        .arg(3 * seq * dim)
        .arg(seq * dim);
}

int AttentionBackend::outputArgument(const BindingPlan& plan)
{
    for (const ArgBinding& arg : plan.arguments) {
        if (arg.isBuffer() && arg.bo.readBack)
            return arg.index;
    }
    return -1;
}

RunScope AttentionBackend::scopeFor(const AttentionRunOptions& options, const BindingPlan& plan,
                                    const InstructionFileChoice& instructions)
{
    RunScope scope;
    const int size = options.vectors.seq();
    if (options.backend == AttentionBackendKind::Cpu) {
        scope.exercised << QStringLiteral("our int8 attention kernel (kernels/attention, built for the host) on the "
                                          "CPU, and the float reference");
        scope.notExercised << QStringLiteral("XRT, the xclbin, its instruction stream and the NPU");
        return scope;
    }
    scope.usesInstructions = true;
    scope.instructionNote = instructions.describe();
    std::optional<NpuStream> stream;
    if (instructions.found()) {
        NpuStreamError error;
        stream = NpuStreamReader::load(instructions.path, &error);
        if (!stream)
            scope.instructionNote = error.message();
        else
            scope.instructionFile = instructions.path;
    }
    if (stream) {
        scope.instructionFormat = npuFormatName(stream->format);
        scope.instructionWords = int(stream->words.size());
        const AttentionDesign::Recognition design = AttentionDesign::recognise(*stream);
        scope.design = design.why;
        if (design.ours() && design.size != size)
            scope.design += QStringLiteral("; the test vectors are %1x%1, the design %2x%2").arg(size).arg(design.size);
    } else {
        scope.design = QStringLiteral("no instruction stream, so what the NPU would read and write is unknown");
    }
    const bool ours = stream && AttentionDesign::recognise(*stream).size == size && options.vectors.dim() == size;

    if (const auto kernel = kernelOf(options.xclbinPath, options.kernelName)) {
        for (const KernelArgument& a : kernel->arguments) {
            if (a.name != QLatin1String("ninstr"))
                continue;
            scope.hasNinstrArgument = true;
            for (const ArgBinding& b : plan.arguments) {
                if (b.index == a.id && b.isScalar())
                    scope.ninstr = b.scalarValue;
            }
        }
    }

    switch (options.backend) {
    case AttentionBackendKind::XrtNoop:
        scope.exercised << QStringLiteral("XRT %1's argument check on its noop device (the warnings it prints are "
                                          "real)")
                               .arg(QStringLiteral(XI_XRT_VERSION));
        scope.notExercised << QStringLiteral("any kernel: the noop device runs nothing, so the output stays as "
                                             "allocated");
        scope.outputJudged = false;
        scope.outputNotJudged = QStringLiteral("binding check only: no kernel runs on XRT's noop device");
        break;
    case AttentionBackendKind::Emulated:
        scope.exercised
            << QStringLiteral("XRT %1's argument check on its noop device").arg(QStringLiteral(XI_XRT_VERSION));
        if (ours) {
            scope.exercised << QStringLiteral("our int8 attention kernel built for the host, standing in for the "
                                              "NPU on the buffers XRT let through (%1)")
                                   .arg(scope.design);
            scope.notExercised << QStringLiteral("the NPU, the xclbin's PDI and the stream's DMA: no device ran the "
                                                 "design");
        } else {
            scope.outputJudged = false;
            scope.outputNotJudged = QStringLiteral("only XRT's binding check was emulated: our attention kernel "
                                                   "stands in only for our attention design, and %1")
                                        .arg(scope.design);
            scope.notExercised << QStringLiteral("any kernel: this xclbin and stream are not our attention design");
        }
        break;
    case AttentionBackendKind::Xrt:
        scope.exercised << QStringLiteral("a real device through XRT: the xclbin, the instruction stream and the "
                                          "kernel");
        if (!ours) {
            scope.outputJudged = false;
            scope.outputNotJudged = QStringLiteral("the test vectors are attention inputs, and %1").arg(scope.design);
        }
        break;
    case AttentionBackendKind::Cpu: break;
    }
    return scope;
}

std::optional<RunRequest> AttentionBackend::makeRequest(const AttentionRunOptions& options, QString* error)
{
    const TestVectors& t = options.vectors;
    const QString call = options.call.isEmpty() ? defaultCall(t.seq(), t.dim()) : options.call;
    QString parseError;
    auto plan = BindingPlan::parseQuick(call, &parseError);
    if (!plan) {
        if (error)
            *error = QStringLiteral("--call \"%1\": %2").arg(call, parseError);
        return std::nullopt;
    }
    RunRequest request;
    request.xclbinPath = options.xclbinPath;
    request.kernelName = options.kernelName;
    request.backend = runBackend(options.backend);
    request.timeoutMs = options.timeoutMs;
    const InstructionFileChoice instructions
        = InstructionFileLocator::locate(options.instructionFile, *plan, options.xclbinPath);
    plan->instructionFile = instructions.path;
    if (!instructions.tried.isEmpty()) {
        if (error)
            *error = QStringLiteral("The run did not start. %1").arg(instructions.describe());
        return std::nullopt;
    }
    if (instructions.found() && !wireInstructions(*plan, request, error)) {
        if (error)
            *error
                = QStringLiteral("The run did not start: the instruction stream could not be read (%1).").arg(*error);
        return std::nullopt;
    }
    const RunScope scope = scopeFor(options, *plan, instructions);
    // Inputs and outputs as the decoded stream moves them: Q, K, V into the argument it reads, the output from the
    // argument it writes. Without a stream nothing is fed or read: that would be a guess.
    const bool ours = scope.outputJudged && !scope.instructionFile.isEmpty();
    // A BO whose size the call leaves open gets what the stream touches in it.
    if (!scope.instructionFile.isEmpty()) {
        if (const auto stream = NpuStreamReader::load(scope.instructionFile)) {
            for (ArgBinding& arg : plan->arguments) {
                for (const NpuArgument& a : stream->arguments) {
                    if (a.xrtArgument == arg.index && arg.isBuffer() && arg.bo.size == 0)
                        arg.bo.size = a.minBytes;
                }
            }
        }
    }
    if (ours && options.backend == AttentionBackendKind::Emulated)
        request.emulatedKernel = AttentionEmulatedKernel::nameFor(t.seq());
    for (ArgBinding& arg : plan->arguments) {
        if (!arg.isBuffer() || arg.bo.instructions || !ours)
            continue;
        if (arg.index == AttentionDesign::InputArgument) {
            request.inputData.insert(arg.index, t.packed());
            if (arg.bo.size == 0)
                arg.bo.size = 3 * quint64(t.seq()) * quint64(t.dim());
        } else if (arg.index == AttentionDesign::OutputArgument) {
            arg.bo.readBack = true;
            if (arg.bo.size == 0)
                arg.bo.size = quint64(t.seq()) * quint64(t.dim());
        }
    }
    request.plan = *plan;
    return request;
}

AttentionRun AttentionBackend::prepare(const AttentionRunOptions& options)
{
    AttentionRun run;
    run.backend = name(options.backend);
    run.backendDescription = describe(options.backend);
    run.xclbinPath = options.xclbinPath;
    run.kernelName = options.kernelName;
    run.vectors = options.vectors;
    run.started = QDateTime::currentDateTime();
    return run;
}

void AttentionBackend::finish(AttentionRun& run, const AttentionRunOptions& options, const CancelToken& token)
{
    if (!run.computeReferences(token)) {
        run = cancelled(options);
        return;
    }
    run.evaluateChecklist(kernelGroups(options.xclbinPath, options.kernelName), options.correlationThreshold);
}

AttentionRun AttentionBackend::cancelled(const AttentionRunOptions& options)
{
    AttentionRun run = prepare(options);
    run.state = QStringLiteral("CANCELLED");
    run.error = QStringLiteral("cancelled");
    return run;
}

AttentionRun AttentionBackend::run(const AttentionRunOptions& options, const CancelToken& token)
{
    if (options.backend == AttentionBackendKind::Cpu) {
        AttentionRun run = prepare(options);
        run.scope = scopeFor(options, {}, {});
        QElapsedTimer timer;
        timer.start();
        run.output = AttentionReference::kernelModel(options.vectors);
        if (token.isCancelled())
            return cancelled(options);
        run.timings.runMs = double(timer.nsecsElapsed()) / 1e6;
        run.timings.totalMs = run.timings.runMs;
        run.state = QStringLiteral("COMPLETED");
        run.call = QStringLiteral("attention_int8(q, k, v, out, %1, %2)")
                       .arg(options.vectors.seq())
                       .arg(options.vectors.dim());
        finish(run, options, token);
        return run;
    }
    QString error;
    const auto request = makeRequest(options, &error);
    if (!request) {
        AttentionRun run = prepare(options);
        run.error = error;
        run.scope = scopeFor(options, {}, {});
        finish(run, options, token);
        return run;
    }
    XrtRunnerOptions runnerOptions;
    runnerOptions.cliPath = options.cliPath;
    return fromRunResult(XrtRunner::runBlocking(*request, runnerOptions), options, *request, token);
}

AttentionRun AttentionBackend::fromRunResult(const RunResult& result, const AttentionRunOptions& options,
                                             const RunRequest& request, const CancelToken& token)
{
    AttentionRun run = prepare(options);
    run.kernelName = result.kernelName.isEmpty() ? options.kernelName : result.kernelName;
    run.instructionFile = request.plan.instructionFile;
    run.call = request.plan.toQuick();
    run.scope
        = scopeFor(options, request.plan,
                   InstructionFileLocator::locate(request.plan.instructionFile, request.plan, options.xclbinPath));
    run.state = stateFor(result);
    run.error = result.error;
    run.errorDetail = result.errorDetail;
    // A child that died without a result already has the outcome as its error (RunChannel::finish): said once.
    if (!result.processOutcome.isEmpty() && result.processOutcome != result.error)
        run.error += (run.error.isEmpty() ? QString() : QStringLiteral("; ")) + result.processOutcome;
    for (const XrtMessage& m : result.messages)
        run.xrtMessages << (m.level.isEmpty() ? m.text : m.level + QStringLiteral(": ") + m.text);
    run.timings.writeMs = toMs(result.timings.writeUs);
    run.timings.runMs = toMs(result.timings.runUs);
    run.timings.readMs = toMs(result.timings.readUs);
    run.timings.totalMs = toMs(result.timings.loadUs) + run.timings.writeMs + run.timings.runMs + run.timings.readMs;
    const TestVectors& t = options.vectors;
    // An output that says nothing about the design (noop device, not our design) is not shown as one.
    const RunOutput* out = run.scope.outputJudged ? result.output(outputArgument(request.plan)) : nullptr;
    if (out) {
        if (out->bytes.size() >= qsizetype(t.seq()) * t.dim())
            run.output = Eigen::Map<const MatrixI8>(reinterpret_cast<const std::int8_t*>(out->bytes.constData()),
                                                    t.seq(), t.dim());
    }
    run.notes = result.notes;
    if (result.emulation && !result.emulation->message.isEmpty())
        run.notes << QStringLiteral("emulation: ") + result.emulation->message;
    finish(run, options, token);
    return run;
}

} // namespace xi
