// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "groups/argumentgroups.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace xi;

namespace {

// Every call here runs the build-xclbin subcommand.
test::CliRun runBuildXclbin(const QStringList& args)
{
    return test::runCli(QStringList { QStringLiteral("build-xclbin") } + args);
}

QString fixture(const QString& file)
{
    return test::aieccInputDir(QStringLiteral("whisper-attention-64x64")) + QLatin1Char('/') + file;
}

QStringList inputArgs(const QString& memTopology = fixture(QStringLiteral("main_mem_topology.json")))
{
    return { QStringLiteral("--mem-topology"),  memTopology,
             QStringLiteral("--kernels"),       fixture(QStringLiteral("main_kernels.json")),
             QStringLiteral("--aie-partition"), fixture(QStringLiteral("main_aie_partition.json")) };
}

} // namespace

class TestBuildXclbinCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    void buildsTheReferenceFile()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("attention.xclbin"));
        const XclbinPtr reference = XclbinReader::read(fixture(QStringLiteral("reference.xclbin")));
        const test::CliRun run = runBuildXclbin(
            inputArgs() << QStringLiteral("--output") << output << QStringLiteral("--uuid")
                        << reference->header.xclbinUuid.toString(QUuid::WithoutBraces) << QStringLiteral("--timestamp")
                        << QString::number(reference->header.timestamp));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.text().contains(output));
        QCOMPARE(test::readFile(output), test::readFile(fixture(QStringLiteral("reference.xclbin"))));
    }

    void timestampFromIsoDate()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("dated.xclbin"));
        const test::CliRun run
            = runBuildXclbin(inputArgs() << QStringLiteral("--output") << output << QStringLiteral("--timestamp")
                                         << QStringLiteral("2026-01-31T12:00:00Z"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(XclbinReader::read(output)->header.timestamp, quint64(1769860800));
    }

    void refusesToOverwriteWithoutForce()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("out.xclbin"));
        QFile existing(output);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("a user's file");
        existing.close();
        test::CliRun run = runBuildXclbin(inputArgs() << QStringLiteral("--output") << output);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("--force")), qPrintable(run.err));
        QCOMPARE(test::readFile(output), QByteArray("a user's file"));

        run = runBuildXclbin(inputArgs() << QStringLiteral("--output") << output << QStringLiteral("--force"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(test::readFile(output + QStringLiteral(".bak")), QByteArray("a user's file"));
        QCOMPARE(XclbinReader::read(output)->sections.size(), 7);
    }

    // Issue 13: a write that fails half-way (here the file-size limit, as a full disk does) once left 0 bytes and
    // printed "Wrote ..." with exit 0. Now the good file stays whole, no backup is made and the reason is said.
    void failedWriteKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("out.xclbin"));
        test::CliRun run = runBuildXclbin(inputArgs() << QStringLiteral("--output") << output);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QByteArray good = test::readFile(output);
        QVERIFY(good.size() > 4096);
        {
            test::FileSizeLimit limit(4096);
            QVERIFY(limit.ok());
            run = runBuildXclbin(inputArgs() << QStringLiteral("--output") << output << QStringLiteral("--force"));
        }
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("File too large; the existing file was left unchanged")),
                 qPrintable(run.err));
        QVERIFY(!run.text().contains(QLatin1String("Wrote")));
        QCOMPARE(test::readFile(output), good);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("out.xclbin") });
    }

    void missingInputIsBadInput()
    {
        QTemporaryDir dir;
        const test::CliRun run
            = runBuildXclbin(inputArgs(QStringLiteral("/nonexistent/main_mem_topology.json"))
                             << QStringLiteral("--output") << dir.filePath(QStringLiteral("x.xclbin")));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("/nonexistent/main_mem_topology.json:")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("[cannot-open]")), qPrintable(run.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.xclbin"))));
    }

    void malformedJsonNamesTheLine()
    {
        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("main_mem_topology.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(test::readFile(fixture(QStringLiteral("main_mem_topology.json")))
                       .replace("\"m_count\": \"2\",", "\"m_count\": \"2\""));
        file.close();
        const test::CliRun run = runBuildXclbin(inputArgs(broken) << QStringLiteral("--output")
                                                                  << dir.filePath(QStringLiteral("x.xclbin")));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(broken + QStringLiteral(": line 4, column 5: expected")), qPrintable(run.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no output") << inputArgs() << QStringLiteral("missing --output");
        QTest::newRow("unknown option") << (inputArgs() << QStringLiteral("--output") << QStringLiteral("x")
                                                        << QStringLiteral("--colour"))
                                        << QStringLiteral("colour");
        QTest::newRow("bad uuid") << (inputArgs() << QStringLiteral("--output") << QStringLiteral("x")
                                                  << QStringLiteral("--uuid") << QStringLiteral("nope"))
                                  << QStringLiteral("--uuid expects");
        QTest::newRow("bad timestamp") << (inputArgs() << QStringLiteral("--output") << QStringLiteral("x")
                                                       << QStringLiteral("--timestamp") << QStringLiteral("yesterday"))
                                       << QStringLiteral("--timestamp expects");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const test::CliRun run = runBuildXclbin(args);
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("Usage: xclbin-inspector-cli build-xclbin")));
    }

    void demoInputs_data()
    {
        QTest::addColumn<QString>("kernelsDir");
        QTest::addColumn<QStringList>("extraArgs");
        QTest::addColumn<QString>("verdicts");
        QTest::newRow("good") << QStringLiteral("kernels/attention/aiecc") << QStringList()
                              << QStringLiteral("scalar,valid,scalar,valid,valid,valid,valid,valid");
        QTest::newRow("broken") << QStringLiteral("resources/demo/attention-64x64-broken")
                                << QStringList { QStringLiteral("--keep-unused-memories") }
                                << QStringLiteral("scalar,warning,scalar,valid,invalid,invalid,valid,valid");
    }

    // The demo's inputs (built the same way at build time): the broken one shows every verdict.
    void demoInputs()
    {
        QFETCH(QString, kernelsDir);
        QFETCH(QStringList, extraArgs);
        QFETCH(QString, verdicts);
        QTemporaryDir dir;
        const QString source = QStringLiteral(XI_SOURCE_DIR) + QLatin1Char('/');
        const QString partition = dir.filePath(QStringLiteral("main_aie_partition.json"));
        QVERIFY(QFile::copy(source + QStringLiteral("kernels/attention/aiecc/main_aie_partition.json"), partition));
        QFile pdi(dir.filePath(QStringLiteral("main.pdi")));
        QVERIFY(pdi.open(QIODevice::WriteOnly));
        pdi.write("XI-PLACEHOLDER-PDI: test\n");
        pdi.close();
        const QString output = dir.filePath(QStringLiteral("demo.xclbin"));
        const test::CliRun run = runBuildXclbin(
            QStringList { QStringLiteral("--mem-topology"),
                          source + kernelsDir + QStringLiteral("/main_mem_topology.json"), QStringLiteral("--kernels"),
                          source + kernelsDir + QStringLiteral("/main_kernels.json"), QStringLiteral("--aie-partition"),
                          partition, QStringLiteral("--output"), output }
            + extraArgs);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const XclbinPtr xclbin = XclbinReader::read(output);
        const KernelGroups groups = ArgumentGroups::compute(*xclbin, xclbin->kernels.first());
        QStringList names;
        for (const ArgumentGroup& row : groups.arguments)
            names << verdictName(row.verdict);
        QCOMPARE(names.join(QLatin1Char(',')), verdicts);
    }

    void help()
    {
        const test::CliRun run = runBuildXclbin({ QStringLiteral("--help") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.text().contains(QLatin1String("--keep-unused-memories")));
    }
};

QTEST_GUILESS_MAIN(TestBuildXclbinCommand)
#include "tst_buildxclbincommand.moc"
