// SPDX-License-Identifier: GPL-3.0-or-later
#include "mlir/mlirdesign.h"
#include "mlir/mlirdesignchecker.h"

#include <QTest>

using namespace xi;

namespace {

QString sourcePath(const QString& relative)
{
    return QStringLiteral(XI_SOURCE_DIR "/") + relative;
}

MlirDesign readDesign(const QString& relative)
{
    QString error;
    const std::optional<MlirDesign> design = MlirDesign::read(sourcePath(relative), &error);
    if (!design)
        qFatal("%s", qPrintable(error));
    return *design;
}

QList<MlirDesignChecker::Finding> withCode(const QList<MlirDesignChecker::Finding>& findings, const QString& code)
{
    QList<MlirDesignChecker::Finding> out;
    for (const MlirDesignChecker::Finding& f : findings) {
        if (f.code == code)
            out << f;
    }
    return out;
}

} // namespace

class TestMlirDesign : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void attentionDesigns_data();
    void attentionDesigns();
    void seedOptionOneBuffersOnShim();
    void oldSyntax();
    void sixHostBuffers();
    void memrefBytes();
    void hugeAndNegativeSizesAreFindings();
    void manyTilesAndBuffers();
    void unreadableFile();
};

void TestMlirDesign::attentionDesigns_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("sequence");
    QTest::addColumn<qint64>("inBytes");
    QTest::addColumn<qint64>("outBytes");
    QTest::newRow("64x64") << QStringLiteral("kernels/attention/attention_64x64.mlir")
                           << QStringLiteral("attention_64x64") << qint64(12288) << qint64(4096);
    QTest::newRow("32x32") << QStringLiteral("kernels/attention/attention_32x32.mlir")
                           << QStringLiteral("attention_32x32") << qint64(3072) << qint64(1024);
}

void TestMlirDesign::attentionDesigns()
{
    QFETCH(QString, file);
    QFETCH(QString, sequence);
    QFETCH(qint64, inBytes);
    QFETCH(qint64, outBytes);
    const MlirDesign design = readDesign(file);
    QCOMPARE(design.device, QStringLiteral("npu1"));
    QCOMPARE(design.tiles.size(), 2);
    QCOMPARE(design.tiles[0].kind, MlirDesign::TileKind::Shim);
    QCOMPARE(design.tiles[1].kind, MlirDesign::TileKind::Compute);
    QCOMPARE(design.tiles[1].row, 2);
    QCOMPARE(design.objectFifos.size(), 2);
    QCOMPARE(design.objectFifos[0].name, QStringLiteral("in"));
    QCOMPARE(design.objectFifos[0].consumers, QStringList { QStringLiteral("core") });
    QCOMPARE(design.cores.size(), 1);
    QVERIFY(design.buffers.isEmpty());
    QVERIFY(design.runtimeSequence);
    QCOMPARE(design.runtimeSequence->name, sequence);
    QCOMPARE(design.runtimeSequence->syntax, QStringLiteral("aie.runtime_sequence"));
    QCOMPARE(design.runtimeSequence->arguments.size(), 2);
    QCOMPARE(design.runtimeSequence->arguments[0].bytes, inBytes);
    QCOMPARE(design.runtimeSequence->arguments[1].bytes, outBytes);

    const QList<MlirDesignChecker::Finding> findings = MlirDesignChecker::check(design);
    QCOMPARE(MlirDesignChecker::errorCount(findings), 0);
    const QList<MlirDesignChecker::Finding> map = withCode(findings, QStringLiteral("host-arguments"));
    QCOMPARE(map.size(), 1);
    QCOMPARE(map[0].line, design.runtimeSequence->line);
    QVERIFY2(map[0].message.contains(QLatin1String("%qkvHost")), qPrintable(map[0].message));
    QVERIFY(map[0].message.contains(QLatin1String("XRT argument 3 = bo0, group_id(3)")));
    QVERIFY(map[0].message.contains(QLatin1String("XRT argument 4 = bo1, group_id(4)")));
}

void TestMlirDesign::seedOptionOneBuffersOnShim()
{
    const MlirDesign design = readDesign(QStringLiteral("tests/data/mlir/seed_option1_shim_buffers.mlir"));
    QCOMPARE(design.buffers.size(), 3);
    QCOMPARE(design.buffers[0].symName, QStringLiteral("buf_in"));
    QCOMPARE(design.buffers[2].bytes, qint64(16384));
    QCOMPARE(design.runtimeSequence->syntax, QStringLiteral("aiex.runtime_sequence"));
    QVERIFY(design.runtimeSequence->name.isEmpty());

    const QList<MlirDesignChecker::Finding> findings = MlirDesignChecker::check(design);
    const QList<MlirDesignChecker::Finding> shim = withCode(findings, QStringLiteral("buffer-on-shim"));
    QCOMPARE(shim.size(), 3);
    QCOMPARE(shim[0].line, 9);
    QCOMPARE(shim[1].line, 10);
    QCOMPARE(shim[2].line, 11);
    QCOMPARE(shim[0].severity, Severity::Error);
    QVERIFY(shim[0].message.contains(QLatin1String("'aie.buffer' op in Column 0 and Row 0 is accessed from an "
                                                   "unreachable tile")));
    QCOMPARE(MlirDesignChecker::errorCount(findings), 3);
    const QList<MlirDesignChecker::Finding> note = withCode(findings, QStringLiteral("attributes-not-groups"));
    QCOMPARE(note.size(), 1);
    QCOMPARE(note[0].severity, Severity::Info);
    QCOMPARE(note[0].line, 9);
}

void TestMlirDesign::oldSyntax()
{
    const MlirDesign design = readDesign(QStringLiteral("tests/data/mlir/old_syntax.mlir"));
    QCOMPARE(design.device, QStringLiteral("ipu"));
    QCOMPARE(design.deviceLine, 5);
    QCOMPARE(design.tiles.size(), 3);
    QCOMPARE(design.tiles[1].kind, MlirDesign::TileKind::MemTile);
    QCOMPARE(design.objectFifos.size(), 1);
    QCOMPARE(design.objectFifos[0].name, QStringLiteral("of_in"));
    QCOMPARE(design.objectFifos[0].producer, QStringLiteral("t00"));
    QCOMPARE(design.cores.size(), 1);
    QCOMPARE(design.cores[0].line, 15);
    QCOMPARE(design.buffers.size(), 3);
    QCOMPARE(design.buffers[1].memBank, std::optional<int>(2));
    QVERIFY(design.runtimeSequence);
    QCOMPARE(design.runtimeSequence->syntax, QStringLiteral("func.func"));
    QCOMPARE(design.runtimeSequence->name, QStringLiteral("sequence"));
    QCOMPARE(design.runtimeSequence->line, 19);
    QCOMPARE(design.runtimeSequence->arguments.size(), 3);
    QCOMPARE(design.runtimeSequence->arguments[2].name, QStringLiteral("tmp"));
    QCOMPARE(design.runtimeSequence->arguments[2].bytes, qint64(128));

    const QList<MlirDesignChecker::Finding> findings = MlirDesignChecker::check(design);
    const QList<MlirDesignChecker::Finding> large = withCode(findings, QStringLiteral("buffer-too-large"));
    QCOMPARE(large.size(), 1); // 64 KiB + 8 KiB on the compute tile; 256 KiB on the mem tile fits
    QCOMPARE(large[0].line, 12);
    QVERIFY(large[0].message.contains(QLatin1String("73728 bytes")));
    QCOMPARE(MlirDesignChecker::errorCount(findings), 1);
}

void TestMlirDesign::sixHostBuffers()
{
    const MlirDesign design = readDesign(QStringLiteral("tests/data/mlir/six_host_buffers.mlir"));
    QCOMPARE(design.device, QStringLiteral("npu1_1col"));
    QCOMPARE(design.runtimeSequence->arguments.size(), 6);
    const QList<MlirDesignChecker::Finding> findings = MlirDesignChecker::check(design);
    const QList<MlirDesignChecker::Finding> many = withCode(findings, QStringLiteral("too-many-host-buffers"));
    QCOMPARE(many.size(), 1);
    QCOMPARE(many[0].line, 11);
    QCOMPARE(MlirDesignChecker::errorCount(findings), 1);
    const QString map = withCode(findings, QStringLiteral("host-arguments")).constFirst().message;
    QVERIFY(map.contains(QLatin1String("%a4 (memref<64xi8>) = XRT argument 7 = bo4, group_id(7)")));
    QVERIFY2(map.contains(QLatin1String("%a5 (memref<64xi8>) = no XRT argument")), qPrintable(map));
}

void TestMlirDesign::memrefBytes()
{
    QCOMPARE(MlirDesign::memrefBytes(QStringLiteral("memref<12288xi8>")), qint64(12288));
    QCOMPARE(MlirDesign::memrefBytes(QStringLiteral("memref<64x64xi32>")), qint64(16384));
    QCOMPARE(MlirDesign::memrefBytes(QStringLiteral("memref<8x8xbf16>")), qint64(128));
    QCOMPARE(MlirDesign::memrefBytes(QStringLiteral("memref<?xi8>")), qint64(-1));
    QCOMPARE(MlirDesign::memrefBytes(QStringLiteral("memref<4xi1>")), qint64(-1));
    // Overflow-checked: 2^62 x 4 x 4 bytes once wrapped to 0 (issue 13).
    MlirDesign::SizeProblem problem = MlirDesign::SizeProblem::None;
    QCOMPARE(MlirDesign::memrefBytes(QStringLiteral("memref<4611686018427387904x4xi32>"), &problem), qint64(-1));
    QCOMPARE(problem, MlirDesign::SizeProblem::TooLarge);
    QCOMPARE(MlirDesign::memrefBytes(QStringLiteral("memref<99999999999999999999xi8>"), &problem), qint64(-1));
    QCOMPARE(problem, MlirDesign::SizeProblem::TooLarge);
    QCOMPARE(MlirDesign::memrefBytes(QStringLiteral("memref<0x4611686018427387904x4xi32>"), &problem), qint64(0));
    QCOMPARE(problem, MlirDesign::SizeProblem::None);
    QCOMPARE(MlirDesign::memrefBytes(QStringLiteral("memref<-4x16xi32>"), &problem), qint64(-1));
    QCOMPARE(problem, MlirDesign::SizeProblem::NegativeDimension);
    QCOMPARE(MlirDesign::memrefBytes(QStringLiteral("memref<?x16xi32>"), &problem), qint64(-1));
    QCOMPARE(problem, MlirDesign::SizeProblem::NotStatic);
}

void TestMlirDesign::hugeAndNegativeSizesAreFindings()
{
    const MlirDesign design
        = MlirDesign::parse(QStringLiteral("aie.device(npu1_1col) {\n"
                                           "  %tile_0_2 = aie.tile(0, 2)\n"
                                           "  %huge = aie.buffer(%tile_0_2) : memref<4611686018427387904x4xi32>\n"
                                           "  %neg = aie.buffer(%tile_0_2) : memref<-4x16xi32>\n"
                                           "  %tile_0_3 = aie.tile(0, 3)\n"
                                           "  %a = aie.buffer(%tile_0_3) : memref<2305843009213693951xi32>\n"
                                           "  %b = aie.buffer(%tile_0_3) : memref<2305843009213693951xi32>\n"
                                           "}\n"));
    const QList<MlirDesignChecker::Finding> findings = MlirDesignChecker::check(design);
    const QList<MlirDesignChecker::Finding> tooLarge = withCode(findings, QStringLiteral("buffer-too-large"));
    QCOMPARE(tooLarge.size(), 2);
    QCOMPARE(tooLarge[0].line, 3);
    QCOMPARE(tooLarge[0].message,
             QStringLiteral("buffer %huge has the type memref<4611686018427387904x4xi32>, larger than 2^63 bytes: far "
                            "more than any tile's data memory"));
    // Two 2^63 - 4 byte buffers: the sum saturates and is reported once, at the first buffer past the limit.
    QCOMPARE(tooLarge[1].line, 6);
    QVERIFY2(tooLarge[1].message.contains(QLatin1String("reach 9223372036854775804 bytes with %a")),
             qPrintable(tooLarge[1].message));
    const QList<MlirDesignChecker::Finding> negative = withCode(findings, QStringLiteral("buffer-negative-dimension"));
    QCOMPARE(negative.size(), 1);
    QCOMPARE(negative[0].line, 4);
    QVERIFY(negative[0].message.contains(QLatin1String("memref<-4x16xi32>, with a negative dimension")));
    QCOMPARE(MlirDesignChecker::errorCount(findings), 3);
    QCOMPARE(design.buffers[0].sizeText(), QStringLiteral("too large (over 2^63 bytes)"));
    QCOMPARE(design.buffers[1].sizeText(), QStringLiteral("invalid (a negative dimension)"));
    QCOMPARE(design.buffers[2].sizeText(), QStringLiteral("9223372036854775804 bytes"));
}

// 4,000 tiles and 80,000 buffers (320k lines once took 58 s, a linear tile search per buffer): every buffer is found
// on its own tile, and exactly the tiles that overflow are reported.
void TestMlirDesign::manyTilesAndBuffers()
{
    constexpr int tiles = 4000;
    constexpr int perTile = 20;
    QString text = QStringLiteral("aie.device(npu1) {\n");
    for (int t = 0; t < tiles; ++t)
        text += QStringLiteral("  %t%1 = aie.tile(%1, 2)\n").arg(t);
    for (int t = 0; t < tiles; ++t) {
        // Every tenth tile gets 20 x 4 KiB = 80 KiB, more than a compute tile's 64 KiB; the others 20 x 1 KiB.
        const int bytes = t % 10 == 0 ? 4096 : 1024;
        for (int b = 0; b < perTile; ++b)
            text += QStringLiteral("  %b%1_%2 = aie.buffer(%t%1) : memref<%3xi8>\n").arg(t).arg(b).arg(bytes);
    }
    text += QStringLiteral("}\n");
    const MlirDesign design = MlirDesign::parse(text);
    QCOMPARE(design.tiles.size(), qsizetype(tiles));
    QCOMPARE(design.buffers.size(), qsizetype(tiles * perTile));
    QCOMPARE(design.tile(QStringLiteral("t3999"))->column, 3999);
    QVERIFY(!design.tile(QStringLiteral("t4000")));
    const QList<MlirDesignChecker::Finding> tooLarge
        = withCode(MlirDesignChecker::check(design), QStringLiteral("buffer-too-large"));
    QCOMPARE(tooLarge.size(), tiles / 10);
    QVERIFY2(tooLarge.first().message.startsWith(QLatin1String("buffers on compute tile (0, 2) reach 69632 bytes")),
             qPrintable(tooLarge.first().message));
}

void TestMlirDesign::unreadableFile()
{
    QString error;
    const QString path = sourcePath(QStringLiteral("tests/data/mlir/does_not_exist.mlir"));
    QVERIFY(!MlirDesign::read(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestMlirDesign)
#include "tst_mlirdesign.moc"
