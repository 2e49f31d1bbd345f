// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace xi;
using test::runCli;

namespace {

QString streamOf(const QString& fixture)
{
    const QDir dir = QFileInfo(test::xclbinFixturePath(fixture)).dir();
    const QStringList found
        = dir.entryList({ fixture + QStringLiteral(".insts.bin"), fixture + QStringLiteral(".seq") }, QDir::Files);
    return found.isEmpty() ? QString() : dir.filePath(found.first());
}

QStringList findingCodes(const QJsonObject& o)
{
    QStringList codes;
    for (const QJsonValue& f : o.value(QLatin1String("findings")).toArray())
        codes << f.toObject().value(QLatin1String("code")).toString();
    return codes;
}

} // namespace

// `instructions FILE [--xclbin X] [--ninstr N] [--ops] [--json]` over the real fixture streams.
class TestInstructionsCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    // Every fixture stream against its own xclbin: decoded, no finding, exit 0 (figures as in
    // shared/docs/npu-instructions-fixtures.txt).
    void fixtureAgainstItsXclbin_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<int>("outputArgument");
        QTest::addColumn<qint64>("outputBytes");
        QTest::newRow("iron-single-add") << QStringLiteral("iron-single-add") << QStringLiteral("txn-0.1")
                                         << QStringLiteral("binary") << 5 << qint64(8192);
        QTest::newRow("iron-gemm-256-1col") << QStringLiteral("iron-gemm-256-1col") << QStringLiteral("txn-0.1")
                                            << QStringLiteral("binary") << 5 << qint64(262144);
        QTest::newRow("iron-gemm-512-4col") << QStringLiteral("iron-gemm-512-4col") << QStringLiteral("txn-0.1")
                                            << QStringLiteral("binary") << 5 << qint64(1048576);
        QTest::newRow("xdna-emu-aie") << QStringLiteral("xdna-emu-aie") << QStringLiteral("txn-0.1")
                                      << QStringLiteral("binary") << 5 << qint64(64);
        QTest::newRow("riallto-color-detect-720p")
            << QStringLiteral("riallto-color-detect-720p") << QStringLiteral("legacy") << QStringLiteral("hex-text")
            << 3 << qint64(3686400);
    }
    void fixtureAgainstItsXclbin()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, format);
        QFETCH(QString, encoding);
        QFETCH(int, outputArgument);
        QFETCH(qint64, outputBytes);
        const test::CliRun run = runCli({ QStringLiteral("instructions"), streamOf(fixture), QStringLiteral("--xclbin"),
                                          test::xclbinFixturePath(fixture), QStringLiteral("--json") });
        QVERIFY2(run.exitCode == 0, QByteArray(run.describe() + run.out));
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QLatin1String("format")).toString(), format);
        QCOMPARE(o.value(QLatin1String("encoding")).toString(), encoding);
        QCOMPARE(findingCodes(o), QStringList());
        bool seen = false;
        for (const QJsonValue& v : o.value(QLatin1String("arguments")).toArray()) {
            const QJsonObject a = v.toObject();
            if (a.value(QLatin1String("xrt_argument")).toInt() != outputArgument)
                continue;
            seen = true;
            QCOMPARE(a.value(QLatin1String("direction")).toString(), QStringLiteral("from_npu"));
            QCOMPARE(qint64(a.value(QLatin1String("min_bytes")).toDouble()), outputBytes);
        }
        QVERIFY(seen);
    }

    void humanTextNamesArgumentsAndSyncs()
    {
        const test::CliRun run = runCli(
            { QStringLiteral("instructions"), streamOf(QStringLiteral("iron-single-add")), QStringLiteral("--ops") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.text().contains(QLatin1String("XRT arg 5 (arg_idx 2): S2MM (written by NPU)")), run.out);
        QVERIFY(run.text().contains(QLatin1String("syncs: col 0 S2MM0")));
        QVERIFY(run.text().contains(QLatin1String("DDR_PATCH")));
    }

    // An npu1 stream with an npu2 file, and ninstr in bytes: the findings say so; errors exit 1.
    void wrongPairingIsAnError()
    {
        const test::CliRun run
            = runCli({ QStringLiteral("instructions"), streamOf(QStringLiteral("iron-single-add")),
                       QStringLiteral("--xclbin"), test::xclbinFixturePath(QStringLiteral("npu2-gemm-256x256x256")),
                       QStringLiteral("--ninstr"), QStringLiteral("420"), QStringLiteral("--json") });
        QCOMPARE(run.exitCode, 1);
        const QStringList codes = findingCodes(run.json());
        QVERIFY2(codes.contains(QStringLiteral("device-mismatch")), qPrintable(codes.join(u' ')));
        QVERIFY(codes.contains(QStringLiteral("column-mismatch")));
        QVERIFY(codes.contains(QStringLiteral("ninstr-mismatch")));
    }

    void unreadableStreamExitsTwo()
    {
        const test::CliRun xclbin
            = runCli({ QStringLiteral("instructions"), test::xclbinFixturePath(QStringLiteral("iron-single-add")) });
        QCOMPARE(xclbin.exitCode, 2);
        QVERIFY2(xclbin.err.contains(QLatin1String("expected")), qPrintable(xclbin.err));
        const test::CliRun missing
            = runCli({ QStringLiteral("instructions"), QStringLiteral("/nonexistent/insts.bin") });
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QLatin1String("/nonexistent/insts.bin")));
    }

    void usage()
    {
        QCOMPARE(runCli({ QStringLiteral("instructions") }).exitCode, 64);
        QCOMPARE(runCli({ QStringLiteral("instructions"), QStringLiteral("a"), QStringLiteral("--kernel"),
                          QStringLiteral("K") })
                     .exitCode,
                 64);
        QCOMPARE(runCli({ QStringLiteral("instructions"), QStringLiteral("a"), QStringLiteral("--ninstr"),
                          QStringLiteral("many") })
                     .exitCode,
                 64);
    }

    // decode --log names the op behind a timeout's txn_op_idx when it has the stream.
    void decodeLogNamesTheTimedOutOp()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("xrt.log"));
        QVERIFY(test::writeFile(log, "ERROR: context health\n  txn_op_idx = 10\n"));
        const test::CliRun named
            = runCli({ QStringLiteral("decode"), QStringLiteral("--log"), log, QStringLiteral("--insts"),
                       streamOf(QStringLiteral("iron-single-add")), QStringLiteral("--json") });
        QCOMPARE(named.exitCode, 1);
        const QJsonArray ops = named.json().value(QLatin1String("txn_op_indices")).toArray();
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops.first().toObject().value(QLatin1String("line")).toInt(), 2);
        QVERIFY2(ops.first().toObject().value(QLatin1String("meaning")).toString().contains(QLatin1String("SYNC")),
                 named.out);
        const test::CliRun unnamed = runCli({ QStringLiteral("decode"), QStringLiteral("--log"), log });
        QVERIFY(unnamed.text().contains(QLatin1String("give the stream (--insts)")));
        QCOMPARE(runCli({ QStringLiteral("decode"), QStringLiteral("1"), QStringLiteral("--insts"), log }).exitCode,
                 64);
    }
};

QTEST_GUILESS_MAIN(TestInstructionsCommand)
#include "tst_instructionscommand.moc"
