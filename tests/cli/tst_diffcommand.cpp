// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace xi;
using test::runCli;

class TestDiffCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void identicalExitsZero();
    void rebuildOfTheSameInputs();
    void attentionAgainstMatmul();
    void differentFilesJson();
    void errors();

private:
    QString m_singleAdd;
    QString m_attention;
    QString m_matmul;
    QTemporaryDir m_dir;
};

void TestDiffCommand::initTestCase()
{
    XI_REQUIRE_FIXTURES();
    m_singleAdd = test::xclbinFixturePath(QStringLiteral("iron-single-add"));
    m_attention = test::attentionXclbin();
    m_matmul = test::aieccReferenceXclbin(QStringLiteral("whisper-matmul-16x16"));
}

void TestDiffCommand::identicalExitsZero()
{
    const test::CliRun run = runCli({ QStringLiteral("diff"), m_singleAdd, m_singleAdd });
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY(run.text().startsWith(QLatin1String("No differences")));
    const test::CliRun json = runCli({ QStringLiteral("diff"), m_singleAdd, m_singleAdd, QStringLiteral("--json") });
    QCOMPARE(json.exitCode, 0);
    QVERIFY(json.json().value(QLatin1String("identical")).toBool());
    QCOMPARE(json.json().value(QLatin1String("differences")).toArray().size(), 0);
}

void TestDiffCommand::rebuildOfTheSameInputs()
{
    QByteArray bytes = test::readFile(m_singleAdd);
    bytes[304 + 112] = char(bytes[304 + 112] ^ 0x5A); // a new xclbin UUID, as every rebuild gets
    const QString copy = m_dir.filePath(QStringLiteral("rebuilt.xclbin"));
    QFile f(copy);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
    f.close();
    test::CliRun run = runCli({ QStringLiteral("diff"), m_singleAdd, copy });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.text().contains(QLatin1String("header  changed  header  xclbin UUID")), qPrintable(run.text()));
    QVERIFY(run.text().contains(QLatin1String("1 difference(s): 1 header")));
    run = runCli({ QStringLiteral("diff"), m_singleAdd, copy, QStringLiteral("--ignore-build-stamp") });
    QVERIFY2(run.exitCode == 0, run.describe());
}

void TestDiffCommand::attentionAgainstMatmul()
{
    // The seed's "broken" attention build and the working matmul build: same memories, connectivity,
    // arguments and group IDs; only the AIE partition differs.
    const test::CliRun run = runCli({ QStringLiteral("diff"), m_attention, m_matmul,
                                      QStringLiteral("--ignore-build-stamp"), QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 1);
    const QJsonObject o = run.json();
    QCOMPARE(o.value(QLatin1String("counts")).toObject(), QJsonObject({ { QStringLiteral("section"), 1 } }));
    const QJsonObject d = o.value(QLatin1String("differences")).toArray()[0].toObject();
    QCOMPARE(d.value(QLatin1String("key")).toString(), QStringLiteral("AIE_PARTITION:main_aie_partit"));
    QCOMPARE(d.value(QLatin1String("field")).toString(), QStringLiteral("size"));
    QCOMPARE(d.value(QLatin1String("change")).toString(), QStringLiteral("changed"));
}

void TestDiffCommand::differentFilesJson()
{
    const test::CliRun run = runCli({ QStringLiteral("diff"), m_singleAdd,
                                      test::xclbinFixturePath(QStringLiteral("riallto-color-detect-720p")),
                                      QStringLiteral("--json"), QStringLiteral("--no-bytes") });
    QCOMPARE(run.exitCode, 1);
    bool kernelRemoved = false;
    for (const QJsonValue& v : run.json().value(QLatin1String("differences")).toArray()) {
        const QJsonObject r = v.toObject();
        for (const char* key : { "area", "key", "field", "before", "after", "change" })
            QVERIFY2(r.contains(QLatin1String(key)), key);
        kernelRemoved |= r.value(QLatin1String("area")).toString() == QLatin1String("kernel")
            && r.value(QLatin1String("key")).toString() == QLatin1String("MLIR_AIE")
            && r.value(QLatin1String("change")).toString() == QLatin1String("removed");
    }
    QVERIFY(kernelRemoved);
}

void TestDiffCommand::errors()
{
    test::CliRun run = runCli({ QStringLiteral("diff"), m_singleAdd });
    QCOMPARE(run.exitCode, 64);
    run = runCli({ QStringLiteral("diff"), m_singleAdd, m_singleAdd, QStringLiteral("--slot"), QStringLiteral("x") });
    QCOMPARE(run.exitCode, 64);
    QFile truncated(m_dir.filePath(QStringLiteral("truncated.xclbin")));
    QVERIFY(truncated.open(QIODevice::WriteOnly));
    truncated.write(test::readFile(m_singleAdd).left(500));
    truncated.close();
    run = runCli({ QStringLiteral("diff"), m_singleAdd, truncated.fileName() });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(truncated.fileName()), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestDiffCommand)
#include "tst_diffcommand.moc"
