// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/toolchaindetection.h"

#include "util/buildconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>

namespace xi {

namespace {

QString firstLine(const QString& text)
{
    const QStringList lines = text.trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.first().trimmed();
}

ToolStatus detectAiecc(const ToolchainSettings& settings, const QProcessEnvironment& env, int timeoutMs,
                       ToolchainStatus& status)
{
    ToolStatus t;
    t.tool = QStringLiteral("aiecc");
    QString why;
    status.aiecc = ToolchainDetection::resolveAiecc(settings, env, timeoutMs, &why);
    if (!status.aiecc) {
        t.detail = why;
        t.howToGet = ToolchainDetection::aieccHowToGet();
        return t;
    }
    t.path = status.aiecc->display();
    int code = -1;
    const std::optional<QString> help = ToolchainDetection::runForOutput(
        status.aiecc->program, status.aiecc->prefix + QStringList { QStringLiteral("--help") }, env, timeoutMs, &code);
    status.aieccHelp = help.value_or(QString());
    status.flagSet = AieccFlagSet::fromHelp(status.aieccHelp);
    const std::optional<QString> version = ToolchainDetection::runForOutput(
        status.aiecc->program, status.aiecc->prefix + QStringList { QStringLiteral("--version") }, env, timeoutMs);
    status.mlirAieVersion = version ? firstLine(*version) : QString();
    t.version = status.mlirAieVersion;
    if (!help) {
        t.detail = QStringLiteral("%1 --help did not finish within %2 ms").arg(t.path).arg(timeoutMs);
        t.howToGet = ToolchainDetection::aieccHowToGet();
        return t;
    }
    if (!status.flagSet.isKnown()) {
        t.detail = QStringLiteral("%1 runs, but %2").arg(t.path, status.flagSet.description());
        t.howToGet = QStringLiteral("Check that %1 is mlir-aie's aiecc (its --help must list --aie-generate-npu-insts "
                                    "or --get-npu-insts).")
                         .arg(t.path);
        return t;
    }
    t.found = true;
    t.detail = status.flagSet.description();
    return t;
}

// xclbinutil must run, not only exist: Debian's is a wrapper whose binary is missing (docs/domain.md section 4).
ToolStatus detectXclbinutil(const QProcessEnvironment& env, int timeoutMs)
{
    ToolStatus t;
    t.tool = QStringLiteral("xclbinutil");
    t.path = ToolchainDetection::findExecutable(QStringLiteral("xclbinutil"), env);
    const QString how = QStringLiteral(
        "xclbinutil comes with XRT >= 2.15 (build XRT from amd/xdna-driver, then add /opt/xilinx/xrt/bin to PATH). "
        "Without it the Repackage button rebuilds the xclbin from the project folder's JSON inputs with our writer.");
    if (t.path.isEmpty()) {
        t.detail = QStringLiteral("not on PATH");
        t.howToGet = how;
        return t;
    }
    int code = -1;
    const std::optional<QString> out
        = ToolchainDetection::runForOutput(t.path, { QStringLiteral("--version") }, env, timeoutMs, &code);
    if (!out || code != 0) {
        t.detail = QStringLiteral("%1 does not run (%2)")
                       .arg(t.path, out ? firstLine(*out) : QStringLiteral("no answer to --version"));
        t.howToGet = how;
        return t;
    }
    t.found = true;
    t.version = firstLine(*out);
    return t;
}

ToolStatus detectBootgen(const QProcessEnvironment& env)
{
    ToolStatus t;
    t.tool = QStringLiteral("bootgen");
    t.path = ToolchainDetection::findExecutable(QStringLiteral("bootgen"), env);
    t.found = !t.path.isEmpty();
    t.detail = t.found ? QStringLiteral("on PATH") : QStringLiteral("not on PATH");
    if (!t.found)
        t.howToGet = QStringLiteral("bootgen ships in the mlir-aie wheel's bin folder (pip install mlir_aie from the "
                                    "mlir-aie releases): add that folder to PATH.");
    return t;
}

ToolStatus detectPeano(const QProcessEnvironment& env)
{
    ToolStatus t;
    t.tool = QStringLiteral("peano");
    const QString dir = env.value(QStringLiteral("PEANO_INSTALL_DIR"));
    const QString how
        = QStringLiteral("Peano (llvm-aie) compiles the core code: pip install llvm-aie from the llvm-aie "
                         "releases, then set PEANO_INSTALL_DIR to its install folder.");
    if (dir.isEmpty()) {
        t.detail = QStringLiteral("PEANO_INSTALL_DIR is not set");
        t.howToGet = how;
        return t;
    }
    t.path = QDir(dir).filePath(QStringLiteral("bin/clang"));
    t.found = QFileInfo(t.path).isExecutable();
    t.detail = t.found ? QStringLiteral("PEANO_INSTALL_DIR=%1").arg(dir)
                       : QStringLiteral("PEANO_INSTALL_DIR=%1 has no bin/clang").arg(dir);
    if (!t.found)
        t.howToGet = how;
    return t;
}

ToolStatus detectXrt(const QProcessEnvironment& env)
{
    ToolStatus t;
    t.tool = QStringLiteral("xrt");
    t.required = false; // aiecc builds without it; running on the NPU needs it
    const QString dir = env.value(QStringLiteral("XILINX_XRT"));
    t.path = dir;
    t.version = QStringLiteral(XI_XRT_VERSION);
    const bool npuCapable = XRT_HAS_HW_CONTEXT != 0;
    t.found = true;
    t.detail
        = QStringLiteral("this build uses XRT %1 headers%2; XILINX_XRT=%3")
              .arg(t.version, npuCapable ? QString() : QStringLiteral(" (no hw_context: XRT 2.13 cannot drive an NPU)"),
                   dir.isEmpty() ? QStringLiteral("(not set)") : dir);
    if (!npuCapable) {
        t.howToGet
            = QStringLiteral("To run on the NPU: XRT >= 2.15 with the amdxdna driver plugin (build amd/xdna-driver "
                             "with its XRT submodule).");
    }
    return t;
}

} // namespace

QString AieccCommand::display() const
{
    return (QStringList { program } + prefix).join(QLatin1Char(' '));
}

QJsonObject ToolStatus::toJson() const
{
    return { { QStringLiteral("tool"), tool },          { QStringLiteral("found"), found },
             { QStringLiteral("required"), required },  { QStringLiteral("path"), path },
             { QStringLiteral("version"), version },    { QStringLiteral("detail"), detail },
             { QStringLiteral("how_to_get"), howToGet } };
}

const ToolStatus* ToolchainStatus::tool(const QString& name) const
{
    for (const ToolStatus& t : tools) {
        if (t.tool == name)
            return &t;
    }
    return nullptr;
}

bool ToolchainStatus::canRecompile() const
{
    return aiecc.has_value() && flagSet.isKnown();
}

QStringList ToolchainStatus::missing() const
{
    QStringList out;
    for (const ToolStatus& t : tools) {
        if (!t.found && t.required)
            out << QStringLiteral("%1: %2. %3").arg(t.tool, t.detail, t.howToGet);
    }
    return out;
}

QString ToolchainStatus::summary() const
{
    if (!canRecompile())
        return QStringLiteral("Cannot recompile: %1")
            .arg(tool(QStringLiteral("aiecc")) ? tool(QStringLiteral("aiecc"))->detail : QStringLiteral("no aiecc"));
    const int missingCount = int(missing().size());
    return QStringLiteral("aiecc: %1 (%2)%3")
        .arg(aiecc->display(), flagSet.description(),
             missingCount ? QStringLiteral("; %1 required tool(s) missing").arg(missingCount) : QString());
}

QJsonObject ToolchainStatus::toJson() const
{
    QJsonArray list;
    for (const ToolStatus& t : tools)
        list.append(t.toJson());
    return { { QStringLiteral("aiecc"), aiecc ? aiecc->display() : QString() },
             { QStringLiteral("flag_set"), AieccFlagSet::generationName(flagSet.generation()) },
             { QStringLiteral("mlir_aie_version"), mlirAieVersion },
             { QStringLiteral("can_recompile"), canRecompile() },
             { QStringLiteral("missing"), QJsonArray::fromStringList(missing()) },
             { QStringLiteral("tools"), list } };
}

ToolchainStatus ToolchainDetection::detect(const ToolchainSettings& settings, const QProcessEnvironment& base,
                                           int timeoutMs)
{
    const QProcessEnvironment env = settings.processEnvironment(base);
    ToolchainStatus status;
    status.tools << detectAiecc(settings, env, timeoutMs, status) << detectXclbinutil(env, timeoutMs)
                 << detectBootgen(env) << detectPeano(env) << detectXrt(env);
    return status;
}

std::optional<AieccCommand> ToolchainDetection::resolveAiecc(const ToolchainSettings& settings,
                                                             const QProcessEnvironment& env, int timeoutMs,
                                                             QString* why)
{
    auto fail = [why](const QString& text) -> std::optional<AieccCommand> {
        if (why)
            *why = text;
        return std::nullopt;
    };
    auto module = [&](const QString& python, const QString& name) -> std::optional<AieccCommand> {
        const QString interpreter = findExecutable(python, env);
        if (interpreter.isEmpty())
            return fail(QStringLiteral("%1 is not on PATH").arg(python));
        int code = -1;
        const std::optional<QString> out = runForOutput(
            interpreter,
            { QStringLiteral("-c"),
              QStringLiteral("import importlib.util,sys; sys.exit(0 if importlib.util.find_spec('%1') else 3)")
                  .arg(name) },
            env, timeoutMs, &code);
        if (!out || code != 0)
            return fail(QStringLiteral("%1 cannot import %2").arg(interpreter, name));
        return AieccCommand { interpreter, { QStringLiteral("-m"), name } };
    };
    switch (settings.mode) {
    case ToolchainSettings::AieccMode::Program: {
        if (settings.program.trimmed().isEmpty())
            return fail(QStringLiteral("no aiecc program is set"));
        const QString path = findExecutable(settings.program.trimmed(), env);
        if (path.isEmpty())
            return fail(QStringLiteral("%1 is not an executable file or a program on PATH").arg(settings.program));
        return AieccCommand { path, {} };
    }
    case ToolchainSettings::AieccMode::PythonModule: return module(settings.python, settings.module);
    case ToolchainSettings::AieccMode::Auto: break;
    }
    for (const QString& name : { QStringLiteral("aiecc.py"), QStringLiteral("aiecc") }) {
        const QString path = findExecutable(name, env);
        if (!path.isEmpty())
            return AieccCommand { path, {} };
    }
    if (std::optional<AieccCommand> found = module(settings.python, settings.module))
        return found;
    return fail(QStringLiteral("neither aiecc.py nor aiecc is on PATH, and %1 cannot import %2")
                    .arg(settings.python, settings.module));
}

QString ToolchainDetection::findExecutable(const QString& name, const QProcessEnvironment& env)
{
    if (name.contains(QLatin1Char('/'))) {
        const QFileInfo info(name);
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    const QStringList path = env.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    return QStandardPaths::findExecutable(name, path);
}

std::optional<QString> ToolchainDetection::runForOutput(const QString& program, const QStringList& args,
                                                        const QProcessEnvironment& env, int timeoutMs, int* exitCode)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForStarted(timeoutMs))
        return std::nullopt;
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return std::nullopt;
    }
    if (exitCode)
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAll());
}

QString ToolchainDetection::aieccHowToGet()
{
    return QStringLiteral("Install mlir-aie: pip install mlir_aie -f https://github.com/Xilinx/mlir-aie/releases "
                          "(its bin folder has aiecc.py), or set the aiecc command to `python3 -m "
                          "aie.compiler.aiecc.main` with the wheel on PYTHONPATH. It also needs Peano "
                          "(PEANO_INSTALL_DIR), xclbinutil and bootgen on PATH, and XRT >= 2.15 to run on the NPU.");
}

} // namespace xi
