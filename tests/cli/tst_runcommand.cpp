// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "util/npyfile.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace xi;
using namespace xi::test;

namespace {

QJsonObject checklistItem(const QJsonObject& o, const QString& id)
{
    for (const QJsonValue& v : o.value(QLatin1String("checklist")).toArray()) {
        if (v.toObject().value(QLatin1String("id")).toString() == id)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestRunCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }
    void emulatedJson();
    void misboundCallFailsWithXrtWarning();
    void xrtWithoutDevice();
    void outWritesNpyPngAndJson();
    void cpuWithoutFileAndCustomShape();
    void usageErrors();
};

void TestRunCommand::emulatedJson()
{
    const CliRun r
        = runCli({ QStringLiteral("run"), demoXclbin(), QStringLiteral("--backend"), QStringLiteral("emulated"),
                   QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("backend")).toString(), QStringLiteral("emulated"));
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("COMPLETED"));
    const QJsonObject m = o.value(QLatin1String("metrics")).toObject();
    for (const char* key : { "nonzero", "total", "min", "max", "correlation", "mae" })
        QVERIFY2(m.contains(QLatin1String(key)), key);
    QCOMPARE(m.value(QLatin1String("total")).toInt(), 4096);
    QVERIFY(m.value(QLatin1String("correlation")).toDouble() >= 0.99);
    QVERIFY(o.value(QLatin1String("xrt_messages")).isArray());
    const QJsonArray checklist = o.value(QLatin1String("checklist")).toArray();
    QCOMPARE(checklist.size(), 6);
    for (const QJsonValue& v : checklist) {
        QVERIFY(v.toObject().contains(QLatin1String("item")));
        QVERIFY(v.toObject().value(QLatin1String("passed")).toBool());
    }
}

void TestRunCommand::misboundCallFailsWithXrtWarning()
{
    const CliRun r
        = runCli({ QStringLiteral("run"), demoXclbin(), QStringLiteral("--backend"), QStringLiteral("emulated"),
                   QStringLiteral("--call"), QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.text().startsWith(QLatin1String("Backend: emulated")));
    QVERIFY(r.text().contains(QLatin1String("global argument at index 0")));
    QVERIFY(r.text().contains(QLatin1String("0/4096 non-zero")));
    QVERIFY(r.text().contains(QLatin1String("[FAIL] No XRT bank warnings")));
}

void TestRunCommand::xrtWithoutDevice()
{
    const CliRun r = runCli({ QStringLiteral("run"), demoXclbin(), QStringLiteral("--backend"), QStringLiteral("xrt"),
                              QStringLiteral("--json") });
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("backend")).toString(), QStringLiteral("xrt"));
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("NO_DEVICE"));
    QVERIFY(!o.value(QLatin1String("error")).toString().isEmpty());
    QVERIFY(!checklistItem(o, QStringLiteral("state_completed")).value(QLatin1String("passed")).toBool());
}

void TestRunCommand::outWritesNpyPngAndJson()
{
    QTemporaryDir dir;
    const CliRun r = runCli({ QStringLiteral("run"), demoXclbin(), QStringLiteral("--backend"),
                              QStringLiteral("emulated"), QStringLiteral("--out"), dir.path() });
    QVERIFY2(r.exitCode == 0, r.describe());
    for (const char* name : { "run.json", "q.npy", "k.npy", "v.npy", "output.npy", "reference.npy", "weights.npy",
                              "difference.npy", "output.png", "reference.png", "difference.png", "weights.png" })
        QVERIFY2(QFile::exists(dir.filePath(QLatin1String(name))), name);
    const NpyArray out = NpyFile::read(dir.filePath(QStringLiteral("output.npy")));
    QCOMPARE(out.dtype, NpyArray::DType::Int8);
    QCOMPARE(out.shape, (QList<qint64> { 64, 64 }));
    QVERIFY(readFile(dir.filePath(QStringLiteral("output.png"))).startsWith("\x89PNG\r\n\x1a\n"));
    // A second run into the same folder keeps the first files as .bak.
    const CliRun again = runCli({ QStringLiteral("run"), QStringLiteral("--backend"), QStringLiteral("cpu"),
                                  QStringLiteral("--out"), dir.path() });
    QVERIFY2(again.exitCode == 0, again.describe());
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("run.json.bak"))));
}

void TestRunCommand::cpuWithoutFileAndCustomShape()
{
    const CliRun r
        = runCli({ QStringLiteral("run"), QStringLiteral("--backend"), QStringLiteral("cpu"), QStringLiteral("--seq"),
                   QStringLiteral("100"), QStringLiteral("--dim"), QStringLiteral("48"), QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("backend")).toString(), QStringLiteral("cpu"));
    QCOMPARE(o.value(QLatin1String("metrics")).toObject().value(QLatin1String("total")).toInt(), 4800);
}

void TestRunCommand::usageErrors()
{
    QCOMPARE(runCli({ QStringLiteral("run"), QStringLiteral("--backend"), QStringLiteral("gpu") }).exitCode, 64);
    QCOMPARE(runCli({ QStringLiteral("run"), QStringLiteral("--backend"), QStringLiteral("emulated") }).exitCode, 64);
    QCOMPARE(runCli({ QStringLiteral("run"), demoXclbin(), QStringLiteral("--size"), QStringLiteral("48") }).exitCode,
             64);
    const CliRun missing = runCli({ QStringLiteral("run"), QStringLiteral("/nonexistent.xclbin") });
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains(QLatin1String("/nonexistent.xclbin")));
}

QTEST_GUILESS_MAIN(TestRunCommand)
#include "tst_runcommand.moc"
