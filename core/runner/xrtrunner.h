// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runner/runrequest.h"
#include "runner/runresult.h"

#include <QStringList>

namespace xi {

struct XrtRunnerOptions {
    QString cliPath; // empty = XrtRunner::defaultCliPath()
    // Added to the child's command line; tests use the hidden `--test-fault=...` option here.
    QStringList extraArguments;
    // The child gets request.timeoutMs for XRT's own wait; the parent kills it this much later.
    int killGraceMs = 2000;
};

// Runs a RunRequest in a child process (`xclbin-inspector-cli run-binding`), so that an XRT abort, a crash or
// a hung device costs one run and nothing else. Sets up the noop device and XRT's runtime log for the child
// (XrtRunEnvironment), and collects the child's result, XRT's messages and how the child ended.
class XrtRunner {
public:
    // xclbin-inspector-cli next to the running executable, else on PATH.
    static QString defaultCliPath();
    // Blocks until the child ends: for the command line and tests, never on a GUI thread (use XrtRunnerProcess).
    static RunResult runBlocking(const RunRequest& request, const XrtRunnerOptions& options = {});
};

} // namespace xi
