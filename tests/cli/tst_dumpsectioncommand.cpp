// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "xclbin/sectionjson.h"
#include "xclbin/sectionkind.h"
#include "xclbin/xclbinreader.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace xi;
using test::runCli;

class TestDumpSectionCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jsonMatchesReference_data();
    void jsonMatchesReference();
    void rawSections();
    void pickByName();
    void outputNeverOverwritesWithoutForce();
    void errors();

private:
    QTemporaryDir m_dir;
    QString m_singleAdd;
};

void TestDumpSectionCommand::initTestCase()
{
    XI_REQUIRE_FIXTURES();
    m_singleAdd = test::xclbinFixturePath(QStringLiteral("iron-single-add"));
}

void TestDumpSectionCommand::jsonMatchesReference_data()
{
    test::addFixtureRows(test::xclbinFixtureNames());
}

void TestDumpSectionCommand::jsonMatchesReference()
{
    QFETCH(QString, name);
    const QString path = test::xclbinFixturePath(name);
    const XclbinPtr x = XclbinReader::read(path);
    for (const SectionHeader& s : x->sections) {
        const QString reference = test::xclbinReferenceDir(name) + QLatin1Char('/')
            + (s.kind == EMBEDDED_METADATA ? QStringLiteral("embedded_metadata.xml") : SectionJson::fileName(s.kind));
        if (!SectionJson::supports(s.kind) && s.kind != EMBEDDED_METADATA)
            continue;
        const test::CliRun run = runCli({ QStringLiteral("dump-section"), path, s.kindName() });
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(run.out == test::readFile(reference),
                 qPrintable(s.kindName() + QLatin1String(" differs from ") + reference));
    }
}

void TestDumpSectionCommand::rawSections()
{
    const XclbinPtr x = XclbinReader::read(m_singleAdd);
    const test::CliRun run
        = runCli({ QStringLiteral("dump-section"), m_singleAdd, QStringLiteral("6"), QStringLiteral("--raw") });
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(run.out, x->readSection(*x->section(MEM_TOPOLOGY)));
    QCOMPARE(run.out.size(), 88);
    const test::CliRun pdi
        = runCli({ QStringLiteral("dump-section"), test::xclbinFixturePath(QStringLiteral("riallto-color-detect-720p")),
                   QStringLiteral("PDI") });
    QVERIFY2(pdi.exitCode == 0, pdi.describe());
    QCOMPARE(pdi.out.size(), 12560);
}

void TestDumpSectionCommand::pickByName()
{
    test::CliRun run
        = runCli({ QStringLiteral("dump-section"), m_singleAdd, QStringLiteral("MEM_TOPOLOGY:main_mem_topolo") });
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(run.out,
             test::readFile(test::xclbinReferenceDir(QStringLiteral("iron-single-add"))
                            + QStringLiteral("/mem_topology.json")));
    run = runCli({ QStringLiteral("dump-section"), m_singleAdd, QStringLiteral("ASK_GROUP_TOPOLOGY"),
                   QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY(run.text().startsWith(QLatin1String("{\n    \"group_topology\": {")));
    run = runCli({ QStringLiteral("dump-section"), m_singleAdd, QStringLiteral("MEM_TOPOLOGY:other") });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("no section MEM_TOPOLOGY:other"))
                 && run.err.contains(QLatin1String("MEM_TOPOLOGY:main_mem_topolo")),
             qPrintable(run.err));
}

void TestDumpSectionCommand::outputNeverOverwritesWithoutForce()
{
    const QString out = m_dir.filePath(QStringLiteral("ip_layout.json"));
    test::CliRun run = runCli(
        { QStringLiteral("dump-section"), m_singleAdd, QStringLiteral("IP_LAYOUT"), QStringLiteral("--output"), out });
    QVERIFY2(run.exitCode == 0, run.describe());
    const QByteArray first = test::readFile(out);
    QCOMPARE(first,
             test::readFile(test::xclbinReferenceDir(QStringLiteral("iron-single-add"))
                            + QStringLiteral("/ip_layout.json")));
    QVERIFY(run.text().contains(QLatin1String("IP_LAYOUT as JSON")));

    run = runCli({ QStringLiteral("dump-section"), m_singleAdd, QStringLiteral("CONNECTIVITY"),
                   QStringLiteral("--output"), out });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--force")), qPrintable(run.err));
    QCOMPARE(test::readFile(out), first);
    QVERIFY(!QFileInfo::exists(out + QStringLiteral(".bak")));

    run = runCli({ QStringLiteral("dump-section"), m_singleAdd, QStringLiteral("CONNECTIVITY"),
                   QStringLiteral("--output"), out, QStringLiteral("--force") });
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(test::readFile(out + QStringLiteral(".bak")), first);
    QVERIFY(test::readFile(out).contains("\"connectivity\""));
}

void TestDumpSectionCommand::errors()
{
    const QList<QPair<QStringList, int>> cases = {
        { { QStringLiteral("dump-section"), m_singleAdd }, 64 },
        { { QStringLiteral("dump-section"), m_singleAdd, QStringLiteral("NOT_A_KIND") }, 64 },
        { { QStringLiteral("dump-section"), m_singleAdd, QStringLiteral("EMBEDDED_METADATA"),
            QStringLiteral("--json") },
          64 },
        { { QStringLiteral("dump-section"), m_singleAdd, QStringLiteral("IP_LAYOUT"), QStringLiteral("--json"),
            QStringLiteral("--raw") },
          64 },
        { { QStringLiteral("dump-section"), m_singleAdd, QStringLiteral("BUILD_METADATA") }, 2 },
        { { QStringLiteral("dump-section"), m_dir.filePath(QStringLiteral("none.xclbin")),
            QStringLiteral("IP_LAYOUT") },
          2 },
    };
    for (const auto& [args, code] : cases) {
        const test::CliRun run = runCli(args);
        QVERIFY2(run.exitCode == code,
                 qPrintable(args.join(QLatin1Char(' ')) + QLatin1String(": ") + QString::fromUtf8(run.describe())));
        QVERIFY(!run.err.isEmpty());
    }
    QFile corrupt(m_dir.filePath(QStringLiteral("corrupt.xclbin")));
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    QByteArray bytes = test::readFile(m_singleAdd);
    bytes[304] = char(bytes[304] + 1); // axlf length no longer matches the file
    corrupt.write(bytes);
    corrupt.close();
    const test::CliRun run
        = runCli({ QStringLiteral("dump-section"), corrupt.fileName(), QStringLiteral("IP_LAYOUT") });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("length")), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestDumpSectionCommand)
#include "tst_dumpsectioncommand.moc"
