// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionrun.h"
#include "attention/runscope.h"
#include "binding/bindingplan.h"
#include "binding/instructionfilelocator.h"
#include "runner/runrequest.h"
#include "runner/runresult.h"
#include "util/canceltoken.h"

#include <QString>

#include <optional>

namespace xi {

// Where an attention run happens.
enum class AttentionBackendKind {
    Cpu, // references only: our host-built int8 kernel is the output
    XrtNoop, // XRT's noop device: real argument checks, no kernel (the output stays zero)
    Emulated, // the noop device, then our host-built kernel writes the output BO if XRT let the BOs through
    Xrt, // a real device through XRT
};

struct AttentionRunOptions {
    QString xclbinPath; // may be empty for the cpu backend
    AttentionBackendKind backend = AttentionBackendKind::Cpu;
    TestVectors vectors = TestVectors::random(64, 64, 1);
    QString call; // quick form (BindingPlan::parseQuick); empty = AttentionBackend::defaultCall()
    QString instructionFile; // empty = InstructionFileLocator decides (next to the xclbin for a typed call)
    QString kernelName; // empty = the xclbin's first kernel
    double correlationThreshold = SuccessChecklist::DefaultThreshold;
    int timeoutMs = RunRequest::DefaultTimeoutMs;
    QString cliPath; // the runner child; empty = XrtRunner::defaultCliPath()
};

// Runs test vectors on one backend and turns whatever happened into an AttentionRun.
class AttentionBackend {
public:
    static QString name(AttentionBackendKind kind); // "cpu", "xrt-noop", "emulated", "xrt"
    static std::optional<AttentionBackendKind> parse(const QString& name);
    static QString describe(AttentionBackendKind kind); // one sentence: what computes the output
    // The call every mlir-aie host makes: kernel(3, instr_bo, n_words, bo0, bo1) with sizes for seq x dim.
    static QString defaultCall(int seq = 64, int dim = 64);
    // The plan with the test vectors wired in as the decoded instruction stream moves them: when the stream is our
    // attention design (AttentionDesign::recognise), Q, K, V go into the argument it reads (3) and the argument it
    // writes (4) is read back; otherwise nothing is fed or read, and the emulated backend runs no kernel.
    static std::optional<RunRequest> makeRequest(const AttentionRunOptions& options, QString* error);
    // The argument makeRequest reads back as the output, or -1.
    static int outputArgument(const BindingPlan& plan);
    // What a run with these options exercises and what it does not (RunScope), from the decoded stream.
    static RunScope scopeFor(const AttentionRunOptions& options, const BindingPlan& plan,
                             const InstructionFileChoice& instructions);

    // Blocks: for the CLI, tests and worker threads. A cancelled token stops the work between steps (the kernel
    // model, each reference, the metrics) and the run says CANCELLED.
    static AttentionRun run(const AttentionRunOptions& options, const CancelToken& token = {});
    static AttentionRun fromRunResult(const RunResult& result, const AttentionRunOptions& options,
                                      const RunRequest& request, const CancelToken& token = {});
    // What a run cancelled before it produced anything says.
    static AttentionRun cancelled(const AttentionRunOptions& options);

private:
    static AttentionRun prepare(const AttentionRunOptions& options);
    static void finish(AttentionRun& run, const AttentionRunOptions& options, const CancelToken& token);
};

} // namespace xi
