// SPDX-License-Identifier: GPL-3.0-or-later
#include "mlir/mlirdesign.h"
#include "mlir/mlirdesignchecker.h"
#include "testsupport.h"
#include "util/safefilewriter.h"
#include "workflow/designedits.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace xi;

namespace {

QString source(const char* relative)
{
    return QStringLiteral(XI_SOURCE_DIR "/") + QLatin1String(relative);
}

// A copy of a source file in `dir`.
QString copyOf(const QTemporaryDir& dir, const char* relative, const QString& name)
{
    const QString path = dir.filePath(name);
    return test::writeFile(path, test::readFile(source(relative))) ? path : QString();
}

int count(const QList<MlirDesignChecker::Finding>& findings, const char* code)
{
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [code](const MlirDesignChecker::Finding& f) { return f.code == QLatin1String(code); }));
}

} // namespace

class TestDesignEdits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void symNamesOn2025Design();
    void symNamesKeepExistingAndUnique();
    void symNamesNeedBuffers();
    void derive32x32EqualsOurVariant();
    void derive32x32NeedsA64x64Design();
    void guideShimPlacementBringsTheFinding();
    void correctedDesignMovesShimBuffers();
    void restoreConnectivityOfTheBrokenDemo();
    void writeToANewFileAndUndo();
    void writeInPlaceKeepsABackupAndUndo();
    void refusesWhatChangedMeanwhile();
};

void TestDesignEdits::symNamesOn2025Design()
{
    QTemporaryDir dir;
    const QString path = copyOf(dir, "tests/data/mlir/runtime_sequence_2025.mlir", QStringLiteral("design.mlir"));
    const FileEdit edit = DesignEdits::fromFile(path, &DesignEdits::addSymNames);
    QVERIFY2(edit.isValid(), qPrintable(edit.error()));
    QCOMPARE(edit.changes().size(), 2);
    QVERIFY(edit.editedText().contains(
        QLatin1String("%scores = aie.buffer(%core) {sym_name = \"scores\"} : memref<64x64xi32>")));
    // An existing attribute dictionary gets the name added in front.
    QVERIFY(edit.editedText().contains(
        QLatin1String("%weights = aie.buffer(%core) {sym_name = \"weights\", mem_bank = 1 : i32} : memref<64xi32>")));
    QCOMPARE(edit.suggestedPath(), dir.filePath(QStringLiteral("design_symnames.mlir")));
    // Everything else is kept byte for byte, and the design reads the same.
    QCOMPARE(edit.originalText().split(QLatin1Char('\n')).size(), edit.editedText().split(QLatin1Char('\n')).size());
    const MlirDesign after = MlirDesign::parse(edit.editedText());
    QCOMPARE(after.buffers.size(), 2);
    QCOMPARE(after.buffers[0].symName, QStringLiteral("scores"));
    QCOMPARE(*after.buffers[1].memBank, 1);
    const QString diff = edit.diff();
    QVERIFY(diff.contains(QLatin1String("-    %scores = aie.buffer(%core) : memref<64x64xi32>")));
    QVERIFY(
        diff.contains(QLatin1String("+    %scores = aie.buffer(%core) {sym_name = \"scores\"} : memref<64x64xi32>")));
}

void TestDesignEdits::symNamesKeepExistingAndUnique()
{
    const QString text = QStringLiteral("%t = aie.tile(0, 2)\n"
                                        "%a = aie.buffer(%t) {sym_name = \"b\"} : memref<4xi8>\n"
                                        "%b = aie.buffer(%t) : memref<4xi8>\n"
                                        "%0 = AIE.buffer(%t) {} : memref<4xi8>\n");
    const FileEdit edit = DesignEdits::addSymNames(QStringLiteral("/w/x.mlir"), text);
    QVERIFY(edit.isValid());
    QCOMPARE(edit.changes().size(), 2);
    QVERIFY(edit.editedText().contains(QLatin1String("%b = aie.buffer(%t) {sym_name = \"b_2\"} : memref<4xi8>")));
    QVERIFY(edit.editedText().contains(QLatin1String("%0 = AIE.buffer(%t) {sym_name = \"buf_0\"} : memref<4xi8>")));
    QVERIFY(edit.editedText().contains(QLatin1String("%a = aie.buffer(%t) {sym_name = \"b\"} : memref<4xi8>")));
}

void TestDesignEdits::symNamesNeedBuffers()
{
    // Our attention design moves its data through object FIFOs: option 1 has nothing to name, and says so.
    const FileEdit edit
        = DesignEdits::fromFile(source("kernels/attention/attention_64x64.mlir"), &DesignEdits::addSymNames);
    QVERIFY(!edit.isValid());
    QVERIFY2(edit.error().contains(QLatin1String("declares no aie.buffer")), qPrintable(edit.error()));
    const FileEdit named
        = DesignEdits::fromFile(source("tests/data/mlir/seed_option1_shim_buffers.mlir"), &DesignEdits::addSymNames);
    QVERIFY(!named.isValid());
    QVERIFY(named.error().contains(QLatin1String("already has a sym_name")));
    QVERIFY(!DesignEdits::fromFile(source("tests/data/mlir/nope.mlir"), &DesignEdits::addSymNames).isValid());
}

void TestDesignEdits::derive32x32EqualsOurVariant()
{
    const FileEdit edit
        = DesignEdits::fromFile(source("kernels/attention/attention_64x64.mlir"), &DesignEdits::derive32x32);
    QVERIFY2(edit.isValid(), qPrintable(edit.error()));
    // The derivation reproduces kernels/attention/attention_32x32.mlir byte for byte.
    QCOMPARE(edit.editedText(), QString::fromUtf8(test::readFile(source("kernels/attention/attention_32x32.mlir"))));
    QCOMPARE(edit.suggestedPath(), source("kernels/attention/attention_32x32.mlir"));
    const MlirDesign derived = MlirDesign::parse(edit.editedText());
    QCOMPARE(derived.runtimeSequence->name, QStringLiteral("attention_32x32"));
    QCOMPARE(derived.runtimeSequence->arguments[0].bytes, 3072);
    QCOMPARE(derived.runtimeSequence->arguments[1].bytes, 1024);
    QVERIFY(edit.diff().contains(QLatin1String("+// 32x32 int8 attention on one npu1 compute tile")));
}

void TestDesignEdits::derive32x32NeedsA64x64Design()
{
    const FileEdit edit = DesignEdits::fromFile(source("tests/data/mlir/old_syntax.mlir"), &DesignEdits::derive32x32);
    QVERIFY(!edit.isValid());
    QVERIFY2(edit.error().contains(QLatin1String("expected a 64x64 design"))
                 && edit.error().contains(QLatin1String("found")),
             qPrintable(edit.error()));
}

void TestDesignEdits::guideShimPlacementBringsTheFinding()
{
    const FileEdit edit
        = DesignEdits::fromFile(source("tests/data/mlir/runtime_sequence_2025.mlir"), &DesignEdits::moveBuffersToShim);
    QVERIFY2(edit.isValid(), qPrintable(edit.error()));
    QCOMPARE(edit.changes().size(), 2);
    QVERIFY(edit.editedText().contains(QLatin1String("%scores = aie.buffer(%shim) : memref<64x64xi32>")));
    // What the guide's step 2 produces cannot work: the checker says why.
    const QList<MlirDesignChecker::Finding> findings = MlirDesignChecker::check(MlirDesign::parse(edit.editedText()));
    QCOMPARE(count(findings, "buffer-on-shim"), 2);
}

void TestDesignEdits::correctedDesignMovesShimBuffers()
{
    const FileEdit edit = DesignEdits::fromFile(source("tests/data/mlir/seed_option1_shim_buffers.mlir"),
                                                &DesignEdits::moveShimBuffersToCompute);
    QVERIFY2(edit.isValid(), qPrintable(edit.error()));
    QCOMPARE(edit.changes().size(), 3);
    QVERIFY(edit.editedText().contains(
        QLatin1String("%buf_in = aie.buffer(%tile_0_2) {sym_name = \"buf_in\"} : memref<12288xi8>")));
    const QList<MlirDesignChecker::Finding> findings = MlirDesignChecker::check(MlirDesign::parse(edit.editedText()));
    QCOMPARE(count(findings, "buffer-on-shim"), 0);
    QVERIFY(edit.suggestedPath().endsWith(QLatin1String("seed_option1_shim_buffers_fixed.mlir")));
    QVERIFY(
        !DesignEdits::fromFile(source("kernels/attention/attention_64x64.mlir"), &DesignEdits::moveShimBuffersToCompute)
             .isValid());
}

void TestDesignEdits::restoreConnectivityOfTheBrokenDemo()
{
    const FileEdit edit = DesignEdits::fromFile(source("resources/demo/attention-64x64-broken/main_kernels.json"),
                                                &DesignEdits::restoreConnectivity);
    QVERIFY2(edit.isValid(), qPrintable(edit.error()));
    // instr on HOST -> SRAM, bo1 without a connection -> HOST, bo2 on DDR -> HOST.
    QCOMPARE(edit.changes().size(), 3);
    const QJsonDocument json = QJsonDocument::fromJson(edit.editedText().toUtf8());
    QVERIFY(json.isObject());
    const QJsonArray args
        = json.object()[QLatin1String("ps-kernels")][QLatin1String("kernels")][0][QLatin1String("arguments")].toArray();
    QStringList tags;
    for (const QJsonValue& a : args)
        tags << a.toObject().value(QLatin1String("memory-connection")).toString();
    QCOMPARE(tags, test::strings({ "", "SRAM", "", "HOST", "HOST", "HOST", "HOST", "HOST" }));
    // The good file needs nothing.
    QVERIFY(
        !DesignEdits::fromFile(source("kernels/attention/aiecc/main_kernels.json"), &DesignEdits::restoreConnectivity)
             .isValid());
}

void TestDesignEdits::writeToANewFileAndUndo()
{
    QTemporaryDir dir;
    const QString path = copyOf(dir, "tests/data/mlir/runtime_sequence_2025.mlir", QStringLiteral("design.mlir"));
    const QByteArray original = test::readFile(path);
    FileEdit edit = DesignEdits::fromFile(path, &DesignEdits::addSymNames);
    QString error;
    QVERIFY2(edit.write(edit.suggestedPath(), &error), qPrintable(error));
    QVERIFY(edit.isWritten());
    QVERIFY(edit.backupPath().isEmpty()); // nothing was replaced
    QCOMPARE(test::readFile(edit.suggestedPath()), edit.editedText().toUtf8());
    QCOMPARE(test::readFile(path), original); // the user's file is untouched
    QVERIFY2(edit.undo(&error), qPrintable(error));
    QVERIFY(!QFile::exists(edit.suggestedPath()));
    QVERIFY(!edit.isWritten());
    QVERIFY(!edit.undo(&error)); // nothing left to undo
}

void TestDesignEdits::writeInPlaceKeepsABackupAndUndo()
{
    QTemporaryDir dir;
    const QString path = copyOf(dir, "tests/data/mlir/runtime_sequence_2025.mlir", QStringLiteral("design.mlir"));
    const QByteArray original = test::readFile(path);
    FileEdit edit = DesignEdits::fromFile(path, &DesignEdits::addSymNames);
    QString error;
    QVERIFY2(edit.write(path, &error), qPrintable(error));
    QCOMPARE(edit.backupPath(), SafeFileWriter::backupPath(path));
    QCOMPARE(test::readFile(edit.backupPath()), original);
    QCOMPARE(test::readFile(path), edit.editedText().toUtf8());
    QVERIFY2(edit.undo(&error), qPrintable(error));
    QCOMPARE(test::readFile(path), original);
    // The edited version is not lost either: it is now the backup.
    QCOMPARE(test::readFile(SafeFileWriter::backupPath(path)), edit.editedText().toUtf8());
}

void TestDesignEdits::refusesWhatChangedMeanwhile()
{
    QTemporaryDir dir;
    const QString path = copyOf(dir, "tests/data/mlir/runtime_sequence_2025.mlir", QStringLiteral("design.mlir"));
    FileEdit edit = DesignEdits::fromFile(path, &DesignEdits::addSymNames);
    QVERIFY(test::writeFile(path, test::readFile(path) + "// edited by someone else\n"));
    QString error;
    QVERIFY(!edit.write(path, &error));
    QVERIFY2(error.contains(QLatin1String("changed since it was read")), qPrintable(error));
    // Written to a new file, then changed there: undo refuses to remove it.
    QVERIFY(edit.write(edit.suggestedPath(), &error));
    QVERIFY(test::writeFile(edit.suggestedPath(), "// mine now\n"));
    QVERIFY(!edit.undo(&error));
    QVERIFY(error.contains(QLatin1String("changed since it was written")));
    QVERIFY(QFile::exists(edit.suggestedPath()));
}

QTEST_GUILESS_MAIN(TestDesignEdits)
#include "tst_designedits.moc"
