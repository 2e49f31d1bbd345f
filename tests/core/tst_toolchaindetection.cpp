// SPDX-License-Identifier: GPL-3.0-or-later
#include "standin/standinsupport.h"
#include "workflow/recompilerequest.h"
#include "workflow/toolchaindetection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace xi;

namespace {

// An executable shell script in `dir`.
QString script(const QString& dir, const QString& name, const QByteArray& body)
{
    const QString path = QDir(dir).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n" + body + '\n');
    file.close();
    file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeUser);
    return path;
}

// Only the fake folder on PATH (and /bin for the scripts' own sh).
QProcessEnvironment fakeEnvironment(const QString& bin)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), bin);
    env.insert(QStringLiteral("HOME"), QDir::tempPath());
    return env;
}

} // namespace

class TestToolchainDetection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::prepareStandin(); }
    void everythingOnAFakePath();
    void nothingInstalledSaysHowToGetIt();
    void brokenXclbinutilIsNotFound();
    void programMode();
    void pythonModuleMode();
    void settingsEnvironmentAndJson();
    void requestNeedsAnAiecc();
};

void TestToolchainDetection::everythingOnAFakePath()
{
    QTemporaryDir dir;
    const QString bin = dir.filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(bin));
    QVERIFY(QFile::link(test::standinAiecc(), QDir(bin).filePath(QStringLiteral("aiecc.py"))));
    QVERIFY(!script(bin, QStringLiteral("xclbinutil"), "echo 'XRT Build Version: 2.20.0'").isEmpty());
    QVERIFY(!script(bin, QStringLiteral("bootgen"), "echo bootgen").isEmpty());
    const QString peano = dir.filePath(QStringLiteral("peano"));
    QVERIFY(QDir().mkpath(peano + QStringLiteral("/bin")));
    QVERIFY(!script(peano + QStringLiteral("/bin"), QStringLiteral("clang"), "exit 0").isEmpty());

    ToolchainSettings settings; // Auto: aiecc.py is found on PATH
    settings.peanoInstallDir = peano;
    const ToolchainStatus status = ToolchainDetection::detect(settings, fakeEnvironment(bin));
    QVERIFY2(status.canRecompile(), qPrintable(status.summary()));
    QCOMPARE(status.aiecc->program, QDir(bin).filePath(QStringLiteral("aiecc.py")));
    QVERIFY(status.aiecc->prefix.isEmpty());
    QCOMPARE(status.flagSet.generation(), AieccFlagSet::Generation::NpuInsts);
    QVERIFY(status.mlirAieVersion.contains(QLatin1String("mlir-aie 0.0.0+standin")));
    for (const char* tool : { "aiecc", "xclbinutil", "bootgen", "peano", "xrt" }) {
        const ToolStatus* t = status.tool(QLatin1String(tool));
        QVERIFY2(t && t->found, tool);
        QVERIFY2(t->howToGet.isEmpty() || QLatin1String(tool) == QLatin1String("xrt"), tool);
    }
    QCOMPARE(status.tool(QStringLiteral("xclbinutil"))->version, QStringLiteral("XRT Build Version: 2.20.0"));
    QVERIFY(status.missing().isEmpty());
}

void TestToolchainDetection::nothingInstalledSaysHowToGetIt()
{
    QTemporaryDir dir;
    const ToolchainStatus status = ToolchainDetection::detect(ToolchainSettings(), fakeEnvironment(dir.path()));
    QVERIFY(!status.canRecompile());
    QVERIFY(!status.aiecc);
    const ToolStatus* aiecc = status.tool(QStringLiteral("aiecc"));
    QVERIFY(!aiecc->found);
    QVERIFY2(aiecc->detail.contains(QLatin1String("neither aiecc.py nor aiecc is on PATH")), qPrintable(aiecc->detail));
    QVERIFY(aiecc->howToGet.contains(QLatin1String("pip install mlir_aie")));
    QVERIFY(status.tool(QStringLiteral("bootgen"))->howToGet.contains(QLatin1String("mlir-aie wheel")));
    QVERIFY(status.tool(QStringLiteral("peano"))->howToGet.contains(QLatin1String("PEANO_INSTALL_DIR")));
    QVERIFY(status.tool(QStringLiteral("xclbinutil"))->howToGet.contains(QLatin1String("Repackage")));
    QCOMPARE(status.missing().size(), 4); // aiecc, xclbinutil, bootgen, peano; XRT is not needed to build
    QVERIFY(status.summary().startsWith(QLatin1String("Cannot recompile")));
}

void TestToolchainDetection::brokenXclbinutilIsNotFound()
{
    // Debian's xclbinutil is a wrapper whose binary is missing: it exists on PATH but does not run.
    QTemporaryDir dir;
    QVERIFY(!script(dir.path(), QStringLiteral("xclbinutil"),
                    "echo 'ERROR: Could not find the binary /usr/bin/unwrapped/xclbinutil' >&2; exit 1")
                 .isEmpty());
    const ToolchainStatus status = ToolchainDetection::detect(ToolchainSettings(), fakeEnvironment(dir.path()));
    const ToolStatus* x = status.tool(QStringLiteral("xclbinutil"));
    QVERIFY(!x->found);
    QCOMPARE(x->path, dir.filePath(QStringLiteral("xclbinutil")));
    QVERIFY2(x->detail.contains(QLatin1String("does not run")) && x->detail.contains(QLatin1String("Could not find")),
             qPrintable(x->detail));
}

void TestToolchainDetection::programMode()
{
    QTemporaryDir dir;
    ToolchainSettings settings = test::standinSettings();
    QString why;
    const auto command = ToolchainDetection::resolveAiecc(settings, fakeEnvironment(dir.path()), 5000, &why);
    QVERIFY2(command, qPrintable(why));
    QCOMPARE(command->program, test::standinAiecc());
    settings.program = QStringLiteral("not-there-aiecc");
    QVERIFY(!ToolchainDetection::resolveAiecc(settings, fakeEnvironment(dir.path()), 5000, &why));
    QVERIFY(why.contains(QLatin1String("not-there-aiecc")));
    settings.program.clear();
    QVERIFY(!ToolchainDetection::resolveAiecc(settings, fakeEnvironment(dir.path()), 5000, &why));
    QVERIFY(why.contains(QLatin1String("no aiecc program")));
}

void TestToolchainDetection::pythonModuleMode()
{
    QTemporaryDir dir;
    ToolchainSettings settings;
    settings.mode = ToolchainSettings::AieccMode::PythonModule;
    settings.python = QStringLiteral("/usr/bin/python3");
    settings.module = QStringLiteral("aiecc_standin");
    settings.environment << QStringLiteral("PYTHONPATH=") + QFileInfo(test::standinAiecc()).absolutePath()
                         << QStringLiteral("PYTHONDONTWRITEBYTECODE=1"); // nothing written into the source tree
    const ToolchainStatus status = ToolchainDetection::detect(settings, fakeEnvironment(dir.path()));
    QVERIFY2(status.canRecompile(), qPrintable(status.summary()));
    QCOMPARE(status.aiecc->program, QStringLiteral("/usr/bin/python3"));
    QCOMPARE(status.aiecc->prefix, test::strings({ "-m", "aiecc_standin" }));
    QCOMPARE(status.aiecc->display(), QStringLiteral("/usr/bin/python3 -m aiecc_standin"));
    // Without the module on PYTHONPATH the import fails, and detection says so.
    settings.environment.clear();
    const ToolchainStatus missing = ToolchainDetection::detect(settings, fakeEnvironment(dir.path()));
    QVERIFY(!missing.canRecompile());
    QVERIFY(missing.tool(QStringLiteral("aiecc"))->detail.contains(QLatin1String("cannot import aiecc_standin")));
}

void TestToolchainDetection::settingsEnvironmentAndJson()
{
    ToolchainSettings settings;
    settings.extraPath = test::strings({ "/opt/xilinx/xrt/bin", " /opt/mlir_aie/bin " });
    settings.peanoInstallDir = QStringLiteral("/opt/peano");
    settings.xilinxXrt = QStringLiteral("/opt/xilinx/xrt");
    settings.environment = test::strings({ "PYTHONPATH=/opt/mlir_aie/python", "BAD LINE" });
    QProcessEnvironment base;
    base.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin"));
    const QProcessEnvironment env = settings.processEnvironment(base);
    QCOMPARE(env.value(QStringLiteral("PATH")), QStringLiteral("/opt/xilinx/xrt/bin:/opt/mlir_aie/bin:/usr/bin"));
    QCOMPARE(env.value(QStringLiteral("PEANO_INSTALL_DIR")), QStringLiteral("/opt/peano"));
    QCOMPARE(env.value(QStringLiteral("XILINX_XRT")), QStringLiteral("/opt/xilinx/xrt"));
    QCOMPARE(env.value(QStringLiteral("PYTHONPATH")), QStringLiteral("/opt/mlir_aie/python"));
    QCOMPARE(ToolchainSettings::fromJson(settings.toJson()), settings);
    QCOMPARE(settings.workingDirectoryFor(QStringLiteral("/w/d.mlir")), QStringLiteral("/w"));
}

void TestToolchainDetection::requestNeedsAnAiecc()
{
    QTemporaryDir dir;
    const QString design = test::designCopy(dir, QStringLiteral("attention_64x64.mlir"));
    const ToolchainStatus none = ToolchainDetection::detect(ToolchainSettings(), fakeEnvironment(dir.path()));
    QString error;
    QVERIFY(!RecompileRequest::prepare(design, ToolchainSettings(), none, &error));
    QVERIFY(error.contains(QLatin1String("aiecc not found")));
    const ToolchainSettings settings = test::standinSettings();
    const ToolchainStatus status = ToolchainDetection::detect(settings);
    const std::optional<RecompileRequest> request = RecompileRequest::prepare(design, settings, status, &error);
    QVERIFY2(request, qPrintable(error));
    QCOMPARE(request->workingDirectory, dir.path());
    QCOMPARE(request->xclbinName, QStringLiteral("attention_64x64.xclbin"));
    QCOMPARE(request->instructionsName, QStringLiteral("attention_64x64.insts.bin"));
    QCOMPARE(request->arguments().last(), design);
    QVERIFY(request->commandLine().startsWith(test::standinAiecc() + QStringLiteral(" --alloc-scheme")));
    QVERIFY(!RecompileRequest::prepare(dir.filePath(QStringLiteral("missing.mlir")), settings, status, &error));
    QVERIFY(error.contains(QLatin1String("no such design file")));
}

QTEST_GUILESS_MAIN(TestToolchainDetection)
#include "tst_toolchaindetection.moc"
