// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentiondesign.h"
#include "instructions/npustreamwriter.h"
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

// A TXN v0.1 header followed by `ops` WRITE ops (24 bytes each).
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

// Two builds of our attention design, 64x64 and 32x32: the decoded streams differ in what the NPU moves.
void TestBuildComparison::instructionStreams()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("a.insts.bin")), AttentionDesign::instructionStream(64)));
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("b.insts.bin")), AttentionDesign::instructionStream(32)));
    const QList<InstructionStreamRow> rows = compareInstructionStreams(dir.filePath(QStringLiteral("a.insts.bin")),
                                                                       dir.filePath(QStringLiteral("b.insts.bin")));
    QCOMPARE(row(rows, "format")->before, QStringLiteral("txn-0.1"));
    QVERIFY(!row(rows, "words")->changed); // the same ops, other sizes
    QCOMPARE(row(rows, "bytes")->after, QStringLiteral("300"));
    QCOMPARE(row(rows, "device generation")->before, QStringLiteral("3"));
    QCOMPARE(row(rows, "XRT argument 3")->before, QStringLiteral("NPU reads 12288 B"));
    QCOMPARE(row(rows, "XRT argument 3")->after, QStringLiteral("NPU reads 3072 B"));
    QVERIFY(row(rows, "XRT argument 3")->changed);
    QCOMPARE(row(rows, "XRT argument 4")->before, QStringLiteral("NPU writes 4096 B"));
    QCOMPARE(row(rows, "syncs")->after, QStringLiteral("1"));
}

void TestBuildComparison::hexTextAgainstBinary()
{
    QTemporaryDir dir;
    const QByteArray binary = AttentionDesign::instructionStream(64);
    QList<quint32> words;
    for (qsizetype i = 0; i + 4 <= binary.size(); i += 4)
        words << qFromLittleEndian<quint32>(binary.constData() + i);
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("a.bin")), binary));
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("b.txt")), NpuStreamWriter::toHexText(words)));
    const QList<InstructionStreamRow> rows
        = compareInstructionStreams(dir.filePath(QStringLiteral("a.bin")), dir.filePath(QStringLiteral("b.txt")));
    QCOMPARE(row(rows, "encoding")->before, QStringLiteral("binary"));
    QCOMPARE(row(rows, "encoding")->after, QStringLiteral("hex-text"));
    QVERIFY(!row(rows, "words")->changed);
    QVERIFY(!row(rows, "XRT argument 3")->changed);
}

void TestBuildComparison::unreadableStream()
{
    QTemporaryDir dir;
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("a.bin")), AttentionDesign::instructionStream(16)));
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
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("a.bin")), AttentionDesign::instructionStream(16)));
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
