// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/aieccflagset.h"
#include "workflow/toolchainsettings.h"

#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace xi {

// The program that starts aiecc and the arguments that come before aiecc's own ("-m", module).
struct AieccCommand {
    QString program;
    QStringList prefix;
    QString display() const; // "python3 -m aie.compiler.aiecc.main"
};

// One tool the recompile needs: found or not, where, which version, and how to get it when it is missing.
struct ToolStatus {
    QString tool; // "aiecc", "xclbinutil", "bootgen", "peano", "xrt"
    bool found = false;
    bool required = true; // aiecc cannot build an xclbin without it
    QString path;
    QString version;
    QString detail; // what was checked, or why it does not work
    QString howToGet; // empty when found
    QJsonObject toJson() const;
};

struct ToolchainStatus {
    QList<ToolStatus> tools;
    std::optional<AieccCommand> aiecc;
    QString aieccHelp; // what `aiecc --help` printed
    AieccFlagSet flagSet;
    QString mlirAieVersion; // what `aiecc --version` printed (first line), empty if unknown

    const ToolStatus* tool(const QString& name) const;
    bool canRecompile() const; // aiecc found and its flags understood
    QStringList missing() const; // one sentence per missing required tool, with how to get it
    QString summary() const; // one line
    QJsonObject toJson() const;
};

// Finds the toolchain a recompile needs. Runs the tools (`--help`, `--version`) with a short timeout: call it
// from the command line or a worker thread, never from the GUI thread.
class ToolchainDetection {
public:
    static ToolchainStatus detect(const ToolchainSettings& settings,
                                  const QProcessEnvironment& base = QProcessEnvironment::systemEnvironment(),
                                  int timeoutMs = 8000);
    // The aiecc command the settings name (Auto: aiecc.py, aiecc, then python3 -m aie.compiler.aiecc.main);
    // nullopt with *why when there is none.
    static std::optional<AieccCommand> resolveAiecc(const ToolchainSettings& settings, const QProcessEnvironment& env,
                                                    int timeoutMs, QString* why);
    // The executable `name` resolves to on env's PATH (or name itself when it is a path); empty if none.
    static QString findExecutable(const QString& name, const QProcessEnvironment& env);
    // Runs a program to its end; nullopt when it does not start or time out. Output is stdout and stderr merged.
    static std::optional<QString> runForOutput(const QString& program, const QStringList& args,
                                               const QProcessEnvironment& env, int timeoutMs, int* exitCode = nullptr);

    static QString aieccHowToGet();
};

} // namespace xi
