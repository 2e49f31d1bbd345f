// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "xclbin/sectionkind.h"
#include "xclbin/xclbinreader.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace xi;
using test::runCli;

namespace {

const QStringList kMlirAieHex
    = test::strings({ "0x1FFFF", "0x10001", "0x1FFFF", "0x10000", "0x10000", "0x10000", "0x10000", "0x10000" });
const QStringList kMlirAieVerdicts
    = test::strings({ "scalar", "valid", "scalar", "valid", "valid", "valid", "valid", "valid" });

// Rows of the human table: index, then the group ID (hex), decimal, slot, bank and verdict columns.
QList<QStringList> humanRows(const QString& text, const QString& kernel)
{
    static const QRegularExpression row(QStringLiteral(
        "^  (\\d+)  .*  (0x[0-9A-F]+|-1)\\s+(-?\\d+)\\s+(\\d+|-)\\s+(0xFFFF|\\d+)\\s+(valid|scalar|warning|invalid) "
        " "));
    QList<QStringList> rows;
    bool inKernel = false;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Kernel ")))
            inKernel = line.startsWith(QStringLiteral("Kernel %1 ").arg(kernel));
        const QRegularExpressionMatch m = row.match(line);
        if (inKernel && m.hasMatch())
            rows << m.capturedTexts().mid(1);
    }
    return rows;
}

QString writeCopy(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    return test::writeFile(path, bytes) ? path : QString();
}

} // namespace

class TestGroupsCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyMlirAieFixture_data();
    void everyMlirAieFixture();
    void everyMlirAieFixtureJson_data() { everyMlirAieFixture_data(); }
    void everyMlirAieFixtureJson();
    void secondSlot();
    void xrt213();
    void kernelFilter();
    void invalidArgumentExitsOne();
    void malformedInputExitsTwo();
    void usageErrorsExit64();

private:
    QTemporaryDir m_dir;
    QString m_singleAdd;
};

void TestGroupsCommand::initTestCase()
{
    XI_REQUIRE_FIXTURES();
    QVERIFY(m_dir.isValid());
    m_singleAdd = test::xclbinFixturePath(QStringLiteral("iron-single-add"));
    QVERIFY(test::mlirAieFixtureNames().size() >= 8);
}

void TestGroupsCommand::everyMlirAieFixture_data()
{
    test::addFixtureRows(test::mlirAieFixtureNames());
}

void TestGroupsCommand::everyMlirAieFixture()
{
    QFETCH(QString, name);
    const test::CliRun run = runCli({ QStringLiteral("groups"), test::xclbinFixturePath(name) });
    QVERIFY2(run.exitCode == 0, run.describe());
    const QList<QStringList> rows = humanRows(run.text(), QStringLiteral("MLIR_AIE"));
    QCOMPARE(rows.size(), 8);
    QStringList hex;
    QStringList verdicts;
    for (const QStringList& r : rows) {
        hex << r[1];
        verdicts << r[5];
        QCOMPARE(r[3], QStringLiteral("1")); // slot
    }
    QCOMPARE(hex, kMlirAieHex);
    QCOMPARE(verdicts, kMlirAieVerdicts);
    QVERIFY(run.text().contains(QLatin1String("Kernel MLIR_AIE (convention: opcode)")));
}

void TestGroupsCommand::everyMlirAieFixtureJson()
{
    QFETCH(QString, name);
    const QString path = test::xclbinFixturePath(name);
    const test::CliRun run = runCli({ QStringLiteral("groups"), path, QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, run.describe());
    const QJsonObject o = run.json();
    QCOMPARE(o.value(QLatin1String("file")).toString(), path);
    QJsonObject kernel;
    for (const QJsonValue& k : o.value(QLatin1String("kernels")).toArray()) {
        if (k.toObject().value(QLatin1String("name")).toString() == QLatin1String("MLIR_AIE"))
            kernel = k.toObject();
    }
    QCOMPARE(kernel.value(QLatin1String("convention")).toString(), QStringLiteral("opcode"));
    const QJsonArray args = kernel.value(QLatin1String("arguments")).toArray();
    QCOMPARE(args.size(), 8);
    // The shape the issue fixes, field by field, for argument 0.
    const QJsonObject opcode = args[0].toObject();
    QCOMPARE(opcode.value(QLatin1String("index")).toInt(-1), 0);
    QCOMPARE(opcode.value(QLatin1String("name")).toString(), QStringLiteral("opcode"));
    QCOMPARE(opcode.value(QLatin1String("address_qualifier")).toString(), QStringLiteral("scalar"));
    QCOMPARE(opcode.value(QLatin1String("type")).toString(), QStringLiteral("uint64_t"));
    QCOMPARE(opcode.value(QLatin1String("offset")).toInt(-1), 0);
    QCOMPARE(opcode.value(QLatin1String("size")).toInt(), 8);
    QCOMPARE(opcode.value(QLatin1String("banks")).toArray(), QJsonArray());
    QCOMPARE(opcode.value(QLatin1String("memory_tags")).toArray(), QJsonArray());
    QCOMPARE(opcode.value(QLatin1String("group_id")).toInteger(), 131071);
    QCOMPARE(opcode.value(QLatin1String("slot")).toInt(), 1);
    QCOMPARE(opcode.value(QLatin1String("bank")).toInt(), 65535);
    QCOMPARE(opcode.value(QLatin1String("verdict")).toString(), QStringLiteral("scalar"));
    QVERIFY(!opcode.value(QLatin1String("reason")).toString().isEmpty());
    QStringList hex;
    QStringList verdicts;
    for (const QJsonValue& v : args) {
        hex << v.toObject().value(QLatin1String("group_id_hex")).toString();
        verdicts << v.toObject().value(QLatin1String("verdict")).toString();
    }
    QCOMPARE(hex, kMlirAieHex);
    QCOMPARE(verdicts, kMlirAieVerdicts);
    const QJsonObject bo0 = args[3].toObject();
    QCOMPARE(bo0.value(QLatin1String("group_id")).toInteger(), 65536);
    QCOMPARE(bo0.value(QLatin1String("banks")).toArray(), QJsonArray({ QJsonValue(0) }));
    QCOMPARE(bo0.value(QLatin1String("memory_tags")).toArray(), QJsonArray({ QStringLiteral("HOST") }));
    QCOMPARE(args[1].toObject().value(QLatin1String("memory_tags")).toArray(), QJsonArray({ QStringLiteral("SRAM") }));
}

void TestGroupsCommand::secondSlot()
{
    const test::CliRun run
        = runCli({ QStringLiteral("groups"), m_singleAdd, QStringLiteral("--slot"), QStringLiteral("2") });
    QVERIFY2(run.exitCode == 0, run.describe());
    QStringList hex;
    for (const QStringList& r : humanRows(run.text(), QStringLiteral("MLIR_AIE")))
        hex << r[1];
    QCOMPARE(hex.mid(0, 4), test::strings({ "0x2FFFF", "0x20001", "0x2FFFF", "0x20000" }));
    QVERIFY(run.text().contains(QLatin1String("slot 2")));
}

void TestGroupsCommand::xrt213()
{
    const test::CliRun run
        = runCli({ QStringLiteral("groups"), m_singleAdd, QStringLiteral("--xrt213"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, run.describe());
    const QJsonArray args = run.json()
                                .value(QLatin1String("kernels"))
                                .toArray()[0]
                                .toObject()
                                .value(QLatin1String("arguments"))
                                .toArray();
    QList<qint64> ids;
    for (const QJsonValue& v : args)
        ids << v.toObject().value(QLatin1String("group_id")).toInteger();
    QCOMPARE(ids, QList<qint64>({ -1, 1, -1, 0, 0, 0, 0, 0 }));
    QVERIFY(args[0].toObject().value(QLatin1String("slot")).isNull());
    QVERIFY(run.json().value(QLatin1String("xrt213")).toBool());
}

void TestGroupsCommand::kernelFilter()
{
    const QString riallto = test::xclbinFixturePath(QStringLiteral("riallto-color-detect-720p"));
    const test::CliRun run = runCli({ QStringLiteral("groups"), riallto, QStringLiteral("--kernel"),
                                      QStringLiteral("vadd"), QStringLiteral("--json") });
    QVERIFY2(run.exitCode == 0, run.describe());
    const QJsonArray kernels = run.json().value(QLatin1String("kernels")).toArray();
    QCOMPARE(kernels.size(), 1);
    QCOMPARE(kernels[0].toObject().value(QLatin1String("name")).toString(), QStringLiteral("vadd"));
    QCOMPARE(kernels[0].toObject().value(QLatin1String("convention")).toString(), QStringLiteral("other"));

    const test::CliRun missing
        = runCli({ QStringLiteral("groups"), riallto, QStringLiteral("--kernel"), QStringLiteral("MLIR_AIE") });
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QLatin1String("no kernel 'MLIR_AIE'")) && missing.err.contains(QLatin1String("vadd")),
             qPrintable(missing.err));
}

void TestGroupsCommand::invalidArgumentExitsOne()
{
    // Point bo0's connections at memory 7, which the file does not have: XRT cannot give it a bank.
    const XclbinPtr x = XclbinReader::read(m_singleAdd);
    QByteArray bytes = test::readFile(m_singleAdd);
    for (quint32 kind : { quint32(CONNECTIVITY), quint32(ASK_GROUP_CONNECTIVITY) }) {
        const SectionHeader* s = x->section(kind);
        const QList<Connection>& list = kind == CONNECTIVITY ? *x->connectivity : *x->groupConnectivity;
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list[i].argIndex == 3)
                bytes[qsizetype(s->offset) + 4 + 12 * i + 8] = 7;
        }
    }
    const QString broken = writeCopy(m_dir, QStringLiteral("bo0-to-mem7.xclbin"), bytes);
    const test::CliRun run = runCli({ QStringLiteral("groups"), broken });
    QCOMPARE(run.exitCode, 1);
    const QList<QStringList> rows = humanRows(run.text(), QStringLiteral("MLIR_AIE"));
    QCOMPARE(rows.size(), 8);
    QCOMPARE(rows[3][5], QStringLiteral("invalid"));
    QVERIFY(run.text().contains(QLatin1String("1 invalid")));
    const test::CliRun json = runCli({ QStringLiteral("groups"), broken, QStringLiteral("--json") });
    QCOMPARE(json.exitCode, 1);
    QVERIFY(json.json().value(QLatin1String("has_invalid")).toBool());
}

void TestGroupsCommand::malformedInputExitsTwo()
{
    const QByteArray bytes = test::readFile(m_singleAdd);
    const QString truncated = writeCopy(m_dir, QStringLiteral("truncated.xclbin"), bytes.left(1000));
    test::CliRun run = runCli({ QStringLiteral("groups"), truncated });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(truncated) && run.err.contains(QLatin1String("offset")), qPrintable(run.err));
    // One sentence: what was expected, what was found, what it means; never "::".
    QVERIFY2(run.err.contains(QLatin1String(": expected the header length to equal the file size (1000 bytes), found "
                                            "9689: the copy was cut short")),
             qPrintable(run.err));
    QVERIFY(!run.err.contains(QLatin1String("::")));
    QVERIFY(run.out.isEmpty());

    QByteArray badMagic = bytes;
    badMagic[0] = 'X';
    run = runCli({ QStringLiteral("groups"), writeCopy(m_dir, QStringLiteral("magic.xclbin"), badMagic),
                   QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("expected the magic \"xclbin2\\0\", found")), qPrintable(run.err));

    const QString missing = m_dir.filePath(QStringLiteral("does-not-exist.xclbin"));
    run = runCli({ QStringLiteral("groups"), missing });
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, QStringLiteral("error: cannot open %1: no such file or directory\n").arg(missing));
}

void TestGroupsCommand::usageErrorsExit64()
{
    const QList<QStringList> cases = {
        { QStringLiteral("groups") },
        { QStringLiteral("groups"), m_singleAdd, m_singleAdd },
        { QStringLiteral("groups"), m_singleAdd, QStringLiteral("--bogus") },
        { QStringLiteral("groups"), m_singleAdd, QStringLiteral("--slot"), QStringLiteral("two") },
        { QStringLiteral("groups"), m_singleAdd, QStringLiteral("--slot"), QStringLiteral("256") },
        { QStringLiteral("groups"), m_singleAdd, QStringLiteral("--slot"), QStringLiteral("2"),
          QStringLiteral("--xrt213") },
    };
    for (const QStringList& args : cases) {
        const test::CliRun run = runCli(args);
        QVERIFY2(run.exitCode == 64,
                 qPrintable(args.join(QLatin1Char(' ')) + QLatin1String(": ") + QString::fromUtf8(run.describe())));
        QVERIFY(run.err.contains(QLatin1String("Usage: xclbin-inspector-cli groups")));
    }
    const test::CliRun help = runCli({ QStringLiteral("groups"), QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.text().contains(QLatin1String("--xrt213")));
}

QTEST_GUILESS_MAIN(TestGroupsCommand)
#include "tst_groupscommand.moc"
