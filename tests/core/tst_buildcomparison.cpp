// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "workflow/buildcomparison.h"
#include "workflow/instructionstreamcompare.h"
#include "xclbin/aieccdesign.h"
#include "xclbin/xclbinwriter.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QtEndian>

using namespace xi;

namespace {

QByteArray words(const QList<quint32>& list)
{
    QByteArray bytes(list.size() * 4, '\0');
    for (qsizetype i = 0; i < list.size(); ++i)
        qToLittleEndian(list[i], bytes.data() + 4 * i);
    return bytes;
}

// A TXN v0.1 header followed by `ops` WRITE ops (24 bytes each).
QByteArray txn(int ops)
{
    QList<quint32> w { 0x06030100u, 0x00000104u, quint32(ops), quint32(16 + 24 * ops) };
    for (int i = 0; i < ops; ++i)
        w << 0u << 0u << 0x1D214u << 0u << quint32(i) << 24u;
    return words(w);
}

QString writeXclbin(const QTemporaryDir& dir, const QString& name, bool bo1WithoutConnection)
{
    AieccDesign design;
    design.memories = AieccDesign::mlirAieMemories();
    design.kernels << AieccDesign::mlirAieKernel();
    if (bo1WithoutConnection)
        design.kernels[0].arguments[4].memoryConnection.reset();
    design.partition = AieccDesign::mlirAiePartition(QByteArray("test PDI"),
                                                     QUuid(QStringLiteral("{78128393-be0d-40d3-9478-964dff840e79}")));
    const QString path = dir.filePath(name);
    XclbinWriter().write(design, path, true);
    return path;
}

const InstructionStreamRow* row(const QList<InstructionStreamRow>& rows, const char* aspect)
{
    for (const InstructionStreamRow& r : rows) {
        if (r.aspect == QLatin1String(aspect))
            return &r;
    }
    return nullptr;
}

} // namespace

class TestBuildComparison : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void instructionStreams();
    void hexTextAgainstBinary();
    void unreadableStream();
    void sameBuildTwice();
    void groupIdChange();
    void unreadableXclbin();
};

void TestBuildComparison::instructionStreams()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("a.insts.bin")), txn(3)));
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("b.insts.bin")), txn(5)));
    const QList<InstructionStreamRow> rows = compareInstructionStreams(dir.filePath(QStringLiteral("a.insts.bin")),
                                                                       dir.filePath(QStringLiteral("b.insts.bin")));
    QCOMPARE(row(rows, "words")->before, QStringLiteral("22"));
    QCOMPARE(row(rows, "words")->after, QStringLiteral("34"));
    QVERIFY(row(rows, "words")->changed);
    QCOMPARE(row(rows, "bytes")->after, QStringLiteral("136"));
    QCOMPARE(row(rows, "TXN header")->before, QStringLiteral("0x6030100"));
    QVERIFY(!row(rows, "TXN header")->changed);
    QCOMPARE(row(rows, "TXN ops")->before, QStringLiteral("3"));
    QCOMPARE(row(rows, "TXN ops")->after, QStringLiteral("5"));
    QCOMPARE(row(rows, "TXN size")->after, QStringLiteral("136"));
    // Per-argument sizes are the instruction decoder's: the row says they are not decoded here.
    QCOMPARE(row(rows, "per-argument sizes")->before, QStringLiteral("not decoded here"));
}

void TestBuildComparison::hexTextAgainstBinary()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("a.bin")), txn(2)));
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("b.txt")), "00000011\n01000405\n01000100\n"));
    const QList<InstructionStreamRow> rows
        = compareInstructionStreams(dir.filePath(QStringLiteral("a.bin")), dir.filePath(QStringLiteral("b.txt")));
    QCOMPARE(row(rows, "format")->before, QStringLiteral("binary"));
    QCOMPARE(row(rows, "format")->after, QStringLiteral("hex text"));
    QCOMPARE(row(rows, "words")->after, QStringLiteral("3"));
    QCOMPARE(row(rows, "TXN ops")->after, QStringLiteral("(not a TXN stream)"));
}

void TestBuildComparison::unreadableStream()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("a.bin")), txn(1)));
    const QList<InstructionStreamRow> rows
        = compareInstructionStreams(dir.filePath(QStringLiteral("a.bin")), dir.filePath(QStringLiteral("missing.bin")));
    const InstructionStreamRow* readable = row(rows, "readable");
    QVERIFY(readable);
    QCOMPARE(readable->before, QStringLiteral("yes"));
    QVERIFY2(readable->after.contains(QLatin1String("missing.bin")), qPrintable(readable->after));
    QVERIFY(!row(rows, "words"));
    QCOMPARE(compareInstructionStreams({}, dir.filePath(QStringLiteral("a.bin"))).first().before,
             QStringLiteral("(none)"));
}

void TestBuildComparison::sameBuildTwice()
{
    QTemporaryDir dir;
    const QString a = writeXclbin(dir, QStringLiteral("a.xclbin"), false);
    const QString b = writeXclbin(dir, QStringLiteral("b.xclbin"), false);
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("a.bin")), txn(2)));
    const BuildComparison c
        = BuildComparison::compare(a, dir.filePath(QStringLiteral("a.bin")), b, dir.filePath(QStringLiteral("a.bin")));
    QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
    // Two builds of the same inputs differ only in the UUID and timestamp, which the comparison leaves out.
    QVERIFY(c.xclbin.isEmpty());
    QVERIFY(c.sameGroupIds());
    QCOMPARE(c.argumentChanges(), 0);
    QVERIFY(c.summary().contains(QLatin1String("0 difference(s) in the xclbin")));
    QCOMPARE(c.toJson().value(QLatin1String("same_group_ids")).toBool(), true);
}

void TestBuildComparison::groupIdChange()
{
    QTemporaryDir dir;
    const BuildComparison c = BuildComparison::compare(writeXclbin(dir, QStringLiteral("good.xclbin"), false), {},
                                                       writeXclbin(dir, QStringLiteral("broken.xclbin"), true), {});
    QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
    QVERIFY(!c.sameGroupIds());
    QVERIFY(c.argumentChanges() > 0);
    bool bo1 = false;
    for (const DiffRecord& r : c.xclbin)
        bo1 = bo1 || (r.area == DiffRecord::Area::GroupId && r.key.contains(QLatin1String("bo1")));
    QVERIFY(bo1);
    QVERIFY(c.summary().contains(QLatin1String("group IDs changed")));
}

void TestBuildComparison::unreadableXclbin()
{
    QTemporaryDir dir;
    const BuildComparison c = BuildComparison::compare(dir.filePath(QStringLiteral("nope.xclbin")), {},
                                                       writeXclbin(dir, QStringLiteral("b.xclbin"), false), {});
    QVERIFY(!c.error.isEmpty());
    QVERIFY(c.error.contains(QLatin1String("nope.xclbin")));
    QVERIFY(!c.sameGroupIds());
    QVERIFY(c.summary().startsWith(QLatin1String("Not compared")));
}

QTEST_GUILESS_MAIN(TestBuildComparison)
#include "tst_buildcomparison.moc"
