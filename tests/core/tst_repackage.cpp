// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "util/safefilewriter.h"
#include "workflow/fixworkflows.h"
#include "workflow/repackage.h"
#include "xclbin/xclbinreader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace xi;

class TestRepackage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void equalsTheReferenceSectionBySection_data();
    void equalsTheReferenceSectionBySection();
    void findsTheInputsByName();
    void missingInputsNameTheFile();
    void malformedInputNamesFileAndPlace();
    void replacingKeepsABackup();
    void copyOfTheInputs();
};

void TestRepackage::equalsTheReferenceSectionBySection_data()
{
    if (!test::fixturesPresent())
        return;
    test::addFixtureRows(test::aieccInputNames());
}

void TestRepackage::equalsTheReferenceSectionBySection()
{
    XI_REQUIRE_FIXTURES();
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString output = dir.filePath(QStringLiteral("repackaged.xclbin"));
    // aiecc's project folder as it was: its JSON inputs and PDI, read in place.
    const RepackageResult result = Repackage::run(test::aieccInputDir(name), output, false);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.bytes, QFileInfo(output).size());
    QVERIFY(result.sentence().contains(QLatin1String("nothing was compiled")));
    const XclbinPtr ours = XclbinReader::read(output);
    const XclbinPtr reference = XclbinReader::read(test::aieccReferenceXclbin(name));
    QCOMPARE(ours->sections.size(), reference->sections.size());
    for (qsizetype i = 0; i < ours->sections.size(); ++i) {
        const SectionHeader& a = ours->sections[i];
        const SectionHeader& b = reference->sections[i];
        QCOMPARE(a.kind, b.kind);
        QCOMPARE(a.name, b.name);
        QVERIFY2(ours->readSection(a) == reference->readSection(b), qPrintable(a.kindName()));
    }
}

void TestRepackage::findsTheInputsByName()
{
    QString error;
    const auto inputs = RepackageInputs::find(QStringLiteral(XI_SOURCE_DIR "/kernels/attention/aiecc"), &error);
    QVERIFY2(inputs, qPrintable(error));
    QVERIFY(inputs->kernels.endsWith(QLatin1String("/main_kernels.json")));
    QVERIFY(inputs->memTopology.endsWith(QLatin1String("/main_mem_topology.json")));
    QVERIFY(inputs->aiePartition.endsWith(QLatin1String("/main_aie_partition.json")));
}

void TestRepackage::missingInputsNameTheFile()
{
    QTemporaryDir dir;
    QVERIFY(QFile::copy(QStringLiteral(XI_SOURCE_DIR "/kernels/attention/aiecc/main_kernels.json"),
                        dir.filePath(QStringLiteral("main_kernels.json"))));
    const RepackageResult result = Repackage::run(dir.path(), dir.filePath(QStringLiteral("x.xclbin")), false);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("found no main_mem_topology.json, main_aie_partition.json")),
             qPrintable(result.error));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.xclbin"))));
    const RepackageResult none
        = Repackage::run(dir.filePath(QStringLiteral("nowhere")), dir.filePath(QStringLiteral("y.xclbin")), false);
    QVERIFY(none.error.contains(QLatin1String("no such folder")));
    // Our own design's inputs carry no PDI: repackaging them says which file is missing, it never invents one.
    const RepackageResult noPdi = Repackage::run(QStringLiteral(XI_SOURCE_DIR "/kernels/attention/aiecc"),
                                                 dir.filePath(QStringLiteral("z.xclbin")), false);
    QVERIFY(!noPdi.ok);
    QVERIFY2(noPdi.error.contains(QLatin1String("main.pdi")), qPrintable(noPdi.error));
}

void TestRepackage::malformedInputNamesFileAndPlace()
{
    XI_REQUIRE_FIXTURES();
    QTemporaryDir dir;
    QString error;
    QVERIFY2(FixWorkflows::copyProjectInputs(test::aieccInputDir(QStringLiteral("whisper-attention-64x64")), dir.path(),
                                             &error),
             qPrintable(error));
    QVERIFY(test::writeFile(dir.filePath(QStringLiteral("main_kernels.json")), "{ \"ps-kernels\": [ }"));
    const RepackageResult result = Repackage::run(dir.path(), dir.filePath(QStringLiteral("x.xclbin")), false);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("main_kernels.json")), qPrintable(result.error));
}

void TestRepackage::replacingKeepsABackup()
{
    XI_REQUIRE_FIXTURES();
    QTemporaryDir dir;
    const QString output = dir.filePath(QStringLiteral("design.xclbin"));
    QVERIFY(test::writeFile(output, "the user's earlier build"));
    const QString folder = test::aieccInputDir(QStringLiteral("whisper-attention-64x64"));
    const RepackageResult refused = Repackage::run(folder, output, false);
    QVERIFY(!refused.ok);
    QCOMPARE(test::readFile(output), QByteArray("the user's earlier build"));
    const RepackageResult result = Repackage::run(folder, output, true);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.backup, SafeFileWriter::backupPath(output));
    QCOMPARE(test::readFile(result.backup), QByteArray("the user's earlier build"));
    QVERIFY(XclbinReader::load(output).ok());
}

void TestRepackage::copyOfTheInputs()
{
    XI_REQUIRE_FIXTURES();
    QTemporaryDir dir;
    const QString target = FixWorkflows::correctedFolderFor(dir.filePath(QStringLiteral("design.mlir.prj")));
    QCOMPARE(target, dir.filePath(QStringLiteral("design.mlir.prj-corrected")));
    QString error;
    QVERIFY(
        FixWorkflows::copyProjectInputs(test::aieccInputDir(QStringLiteral("whisper-mel-fixed-v3")), target, &error));
    QCOMPARE(QDir(target).entryList(QDir::Files),
             test::strings({ "main.pdi", "main_aie_partition.json", "main_kernels.json", "main_mem_topology.json" }));
}

QTEST_GUILESS_MAIN(TestRepackage)
#include "tst_repackage.moc"
