// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "xclbin/aieccinputs.h"
#include "xclbin/sectionkind.h"
#include "xclbin/xclbinreader.h"
#include "xclbin/xclbinwriter.h"

#include <QFile>
#include <QTemporaryDir>

using namespace xi;

namespace {

struct Inputs {
    QString kernels;
    QString memTopology;
    QString aiePartition;
};

Inputs fixtureInputs(const QString& design)
{
    const QString dir = test::aieccInputDir(design);
    return { dir + QStringLiteral("/main_kernels.json"), dir + QStringLiteral("/main_mem_topology.json"),
             dir + QStringLiteral("/main_aie_partition.json") };
}

AieccDesign readInputs(const Inputs& in)
{
    return AieccInputs::read(in.kernels, in.memTopology, in.aiePartition);
}

// The inputs of a fixture design copied into `dir` (with its PDI), with one text replacement in one file.
Inputs editedInputs(const QTemporaryDir& dir, const QString& fileName = {}, const QByteArray& from = {},
                    const QByteArray& to = {})
{
    const QString source = test::aieccInputDir(QStringLiteral("whisper-attention-64x64"));
    for (const char* name : { "main_kernels.json", "main_mem_topology.json", "main_aie_partition.json", "main.pdi" }) {
        QByteArray bytes = test::readFile(source + QLatin1Char('/') + QLatin1String(name));
        if (fileName == QLatin1String(name)) {
            if (!bytes.contains(from))
                qFatal("test input %s does not contain the text to replace", name);
            bytes.replace(from, to);
        }
        const QString path = dir.filePath(QLatin1String(name));
        if (!test::writeFile(path, bytes))
            qFatal("cannot write test input %s", qPrintable(path));
    }
    return { dir.filePath(QStringLiteral("main_kernels.json")), dir.filePath(QStringLiteral("main_mem_topology.json")),
             dir.filePath(QStringLiteral("main_aie_partition.json")) };
}

AieccInputError errorOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const AieccInputException& e) {
        return e.error();
    }
    AieccInputError none;
    none.expected = QStringLiteral("no error was raised");
    return none;
}

XclbinPtr readBack(const QByteArray& bytes, const QString& name)
{
    const QString path = test::outputDir() + QLatin1Char('/') + name;
    QFile::remove(path);
    XclbinWriter::writeFile(bytes, path, false);
    return XclbinReader::read(path);
}

AieccDesign mlirAieDesign()
{
    AieccDesign design;
    design.memories = AieccDesign::mlirAieMemories();
    design.kernels = { AieccDesign::mlirAieKernel() };
    design.partition = AieccDesign::mlirAiePartition(QByteArrayLiteral("placeholder"), QUuid::createUuid());
    return design;
}

} // namespace

class TestXclbinWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    void equalsReference_data()
    {
        QTest::addColumn<QString>("design");
        const QStringList designs = test::aieccInputNames();
        QCOMPARE(designs.size(), 3);
        for (const QString& design : designs)
            QTest::newRow(qPrintable(design)) << design;
    }

    // Same inputs, same UUID and timestamp: xclbinutil's file byte for byte.
    void equalsReference()
    {
        QFETCH(QString, design);
        const QString referencePath = test::aieccReferenceXclbin(design);
        const XclbinPtr reference = XclbinReader::read(referencePath);
        XclbinWriter writer;
        writer.setUuid(reference->header.xclbinUuid);
        writer.setTimestamp(reference->header.timestamp);
        const QByteArray ours = writer.build(readInputs(fixtureInputs(design)));
        const QByteArray theirs = test::readFile(referencePath);
        QCOMPARE(ours.size(), theirs.size());
        for (qsizetype i = 0; i < ours.size(); ++i) {
            if (ours[i] != theirs[i])
                QFAIL(qPrintable(QStringLiteral("first difference at offset 0x%1").arg(QString::number(i, 16))));
        }
    }

    void sectionsEqualReference_data() { equalsReference_data(); }

    // Default UUID and timestamp: the section table and every section equal the reference; the header differs
    // only in UUID and timestamp.
    void sectionsEqualReference()
    {
        QFETCH(QString, design);
        const XclbinPtr reference = XclbinReader::read(test::aieccReferenceXclbin(design));
        const XclbinPtr ours
            = readBack(XclbinWriter().build(readInputs(fixtureInputs(design))), design + QStringLiteral(".xclbin"));
        QCOMPARE(ours->sections.size(), reference->sections.size());
        QStringList kinds;
        for (qsizetype i = 0; i < ours->sections.size(); ++i) {
            const SectionHeader& a = ours->sections[i];
            const SectionHeader& b = reference->sections[i];
            QCOMPARE(a.kind, b.kind);
            QCOMPARE(a.name, b.name);
            QCOMPARE(a.offset, b.offset);
            QCOMPARE(a.size, b.size);
            QCOMPARE(ours->readSection(a), reference->readSection(b));
            kinds << sectionKindDisplayName(a.kind);
        }
        QCOMPARE(kinds.join(QLatin1Char(',')),
                 QStringLiteral("MEM_TOPOLOGY,AIE_PARTITION,EMBEDDED_METADATA,IP_LAYOUT,CONNECTIVITY,GROUP_"
                                "CONNECTIVITY,GROUP_TOPOLOGY"));
        QCOMPARE(ours->sections[0].name, QStringLiteral("main_mem_topolo"));
        QCOMPARE(ours->sections[1].name, QStringLiteral("main_aie_partit"));
        QVERIFY(ours->header.xclbinUuid != reference->header.xclbinUuid);
        QCOMPARE(ours->header.version(), reference->header.version());
        QCOMPARE(ours->header.mode, reference->header.mode);
        QCOMPARE(ours->header.signatureLength, reference->header.signatureLength);
        QCOMPARE(ours->header.uniqueId, ours->header.timestamp);
        QCOMPARE(ours->header.length, ours->fileSize);
    }

    void rebuildsRealFiles_data()
    {
        const QStringList names = test::mlirAieFixtureNames();
        QVERIFY(names.size() >= 8);
        test::addFixtureRows(names);
    }

    // Every MLIR_AIE file in the fixtures (built by aiecc with several xclbinutil versions) made again from
    // what it contains: the same sections, byte for byte.
    void rebuildsRealFiles()
    {
        QFETCH(QString, name);
        const XclbinPtr original = XclbinReader::read(test::xclbinFixturePath(name));
        const XclbinPtr rebuilt = readBack(XclbinWriter().build(AieccDesign::fromXclbin(*original)),
                                           name + QStringLiteral("-rebuilt.xclbin"));
        QStringList originalKinds, rebuiltKinds;
        for (const SectionHeader& s : original->sections)
            originalKinds << sectionKindDisplayName(s.kind) + QLatin1Char(':') + s.name;
        for (const SectionHeader& s : rebuilt->sections)
            rebuiltKinds << sectionKindDisplayName(s.kind) + QLatin1Char(':') + s.name;
        QCOMPARE(rebuiltKinds, originalKinds);
        for (qsizetype i = 0; i < original->sections.size(); ++i) {
            const QByteArray a = rebuilt->readSection(rebuilt->sections[i]);
            const QByteArray b = original->readSection(original->sections[i]);
            if (a == b)
                continue;
            qsizetype at = 0;
            while (at < qMin(a.size(), b.size()) && a[at] == b[at])
                ++at;
            QFAIL(qPrintable(QStringLiteral("%1 differs at byte 0x%2 (sizes %3 and %4)")
                                 .arg(originalKinds[i], QString::number(at, 16))
                                 .arg(a.size())
                                 .arg(b.size())));
        }
    }

    void inMemoryDesignMatchesJsonInputs()
    {
        const AieccDesign fromJson = readInputs(fixtureInputs(QStringLiteral("whisper-attention-64x64")));
        AieccDesign inMemory = mlirAieDesign();
        inMemory.partition->pdis[0].image = fromJson.partition->pdis[0].image;
        inMemory.partition->pdis[0].uuid = fromJson.partition->pdis[0].uuid;
        XclbinWriter writer;
        writer.setUuid(QUuid::fromString(QStringLiteral("{12345678-1234-5678-9abc-def012345678}")));
        writer.setTimestamp(1700000000);
        QCOMPARE(writer.build(inMemory), writer.build(fromJson));
    }

    // A layout nobody ships: instr on HOST, a buffer with no connection, one on an unused memory, one out of range.
    void deliberatelyWrongLayout()
    {
        AieccDesign design = mlirAieDesign();
        MemoryEntry unused = design.memories[0];
        unused.tag = QStringLiteral("DDR");
        unused.used = false;
        unused.baseAddress = 0x8000000;
        design.memories.append(unused);
        design.markConnectedMemoriesUsed = false;
        auto& args = design.kernels[0].arguments;
        args[1].memoryConnection = QStringLiteral("HOST");
        args[4].memoryConnection.reset();
        args[5].memoryConnection = QStringLiteral("DDR");
        design.extraConnections = { { 7, 0, 9 } };
        const XclbinPtr x = readBack(XclbinWriter().build(design), QStringLiteral("wrong-layout.xclbin"));
        QVERIFY(x->connectivity);
        const QList<Connection> expected
            = { { 1, 0, 0 }, { 3, 0, 0 }, { 5, 0, 2 }, { 6, 0, 0 }, { 7, 0, 0 }, { 7, 0, 9 } };
        QCOMPARE(*x->connectivity, expected);
        QVERIFY(x->memTopology);
        QCOMPARE(x->memTopology->size(), 3);
        QVERIFY(!x->memTopology->at(2).used);
        QCOMPARE(x->memTopology->at(2).tag, QStringLiteral("DDR"));
        QVERIFY(x->groupConnectivity);
        QCOMPARE(x->groupConnectivity->mid(x->groupConnectivity->size() - expected.size()), expected);
        QCOMPARE(x->kernels.size(), 1);
        QCOMPARE(x->kernels[0].arguments.size(), 8);
    }

    void markUsedLikeXclbinutil()
    {
        AieccDesign design = mlirAieDesign();
        design.memories[1].used = false;
        const XclbinPtr x = readBack(XclbinWriter().build(design), QStringLiteral("mark-used.xclbin"));
        QVERIFY(x->memTopology->at(1).used);
    }

    void legacyConvention()
    {
        AieccDesign design = mlirAieDesign();
        auto& args = design.kernels[0].arguments;
        args.removeFirst(); // no opcode: instr, ninstr, bo0..bo4
        const XclbinPtr x = readBack(XclbinWriter().build(design), QStringLiteral("legacy.xclbin"));
        QCOMPARE(x->kernels[0].arguments.first().name, QStringLiteral("instr"));
        QCOMPARE(x->kernels[0].arguments.first().id, 0);
        QCOMPARE(x->connectivity->first(), (Connection { 0, 0, 1 }));
    }

    void contiguousBanksAreGrouped()
    {
        AieccDesign design = mlirAieDesign();
        MemoryEntry second = design.memories[0];
        second.tag = QStringLiteral("HOST2");
        second.baseAddress = design.memories[0].baseAddress + design.memories[0].sizeKiB * 1024;
        design.memories.append(second);
        design.kernels[0].arguments[3].memoryConnection = QStringLiteral("0,2");
        const XclbinPtr x = readBack(XclbinWriter().build(design), QStringLiteral("grouped.xclbin"));
        QVERIFY(x->groupTopology);
        QCOMPARE(x->groupTopology->size(), 4);
        QCOMPARE(x->groupTopology->at(3).tag, QStringLiteral("MBG[0,2]"));
        QCOMPARE(x->groupTopology->at(3).sizeKiB, quint64(0x20000));
        QVERIFY(x->groupConnectivity->contains(Connection { 3, 0, 3 }));
    }

    void missingFile()
    {
        const AieccInputError e
            = errorOf([] { AieccInputs::readKernels(QStringLiteral("/nonexistent/main_kernels.json")); });
        QCOMPARE(e.kind, AieccInputError::Kind::CannotOpen);
        QVERIFY2(e.message().startsWith(QLatin1String("/nonexistent/main_kernels.json:")), qPrintable(e.message()));
    }

    void badJsonHasLine()
    {
        QTemporaryDir dir;
        const Inputs in
            = editedInputs(dir, QStringLiteral("main_mem_topology.json"), "\"m_count\": \"2\",", "\"m_count\": \"2\"");
        const AieccInputError e = errorOf([&] { readInputs(in); });
        QCOMPARE(e.kind, AieccInputError::Kind::BadJson);
        QCOMPARE(e.line, 4);
        QVERIFY2(e.message().contains(QLatin1String("main_mem_topology.json: line 4, column")),
                 qPrintable(e.message()));
        QVERIFY2(e.message().contains(QLatin1String("expected ',' or '}'")), qPrintable(e.message()));
    }

    void missingKeyNamesJsonPath()
    {
        QTemporaryDir dir;
        const Inputs in = editedInputs(dir, QStringLiteral("main_kernels.json"),
                                       "\"name\": \"instr\",\n            \"memory-connection\": \"SRAM\",\n           "
                                       " \"address-qualifier\": \"GLOBAL\",",
                                       "\"name\": \"instr\",\n            \"memory-connection\": \"SRAM\",");
        const AieccInputError e = errorOf([&] { readInputs(in); });
        QCOMPARE(e.kind, AieccInputError::Kind::MissingKey);
        QCOMPARE(e.jsonPath, QStringLiteral("ps-kernels.kernels[0].arguments[1].address-qualifier"));
        QVERIFY2(e.message().contains(
                     QLatin1String("main_kernels.json: at ps-kernels.kernels[0].arguments[1].address-qualifier: "
                                   "expected a member \"address-qualifier\"")),
                 qPrintable(e.message()));
    }

    void missingTopLevelKey()
    {
        QTemporaryDir dir;
        const Inputs in
            = editedInputs(dir, QStringLiteral("main_aie_partition.json"), "\"aie_partition\"", "\"aie_partitions\"");
        const AieccInputError e = errorOf([&] { readInputs(in); });
        QCOMPARE(e.kind, AieccInputError::Kind::MissingKey);
        QCOMPARE(e.jsonPath, QStringLiteral("aie_partition"));
    }

    void unknownMemoryType()
    {
        QTemporaryDir dir;
        const Inputs in
            = editedInputs(dir, QStringLiteral("main_mem_topology.json"),
                           "\"m_type\": \"MEM_DRAM\",\n        \"m_used\": \"1\",\n        \"m_sizeKB\": \"0xc000\"",
                           "\"m_type\": \"MEM_SRAM\",\n        \"m_used\": \"1\",\n        \"m_sizeKB\": \"0xc000\"");
        const AieccInputError e = errorOf([&] { readInputs(in); });
        QCOMPARE(e.kind, AieccInputError::Kind::UnknownMemoryType);
        QCOMPARE(e.jsonPath, QStringLiteral("mem_topology.m_mem_data[1].m_type"));
        QVERIFY2(e.message().contains(QLatin1String("found \"MEM_SRAM\"")), qPrintable(e.message()));
    }

    void countMismatch()
    {
        QTemporaryDir dir;
        const Inputs in
            = editedInputs(dir, QStringLiteral("main_mem_topology.json"), "\"m_count\": \"2\"", "\"m_count\": \"3\"");
        const AieccInputError e = errorOf([&] { readInputs(in); });
        QCOMPARE(e.kind, AieccInputError::Kind::Inconsistent);
        QCOMPARE(e.jsonPath, QStringLiteral("mem_topology.m_count"));
    }

    void pdiMissing()
    {
        QTemporaryDir dir;
        const Inputs in = editedInputs(dir);
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("main.pdi"))));
        const AieccInputError e = errorOf([&] { readInputs(in); });
        QCOMPARE(e.kind, AieccInputError::Kind::PdiMissing);
        QCOMPARE(e.jsonPath, QStringLiteral("aie_partition.PDIs[0].file_name"));
        QVERIFY2(e.message().contains(dir.filePath(QStringLiteral("main.pdi"))), qPrintable(e.message()));
    }

    void relativePdiPath()
    {
        QTemporaryDir dir;
        const QByteArray absolute = "/home/ucadmin/UC-1/Unicorn-Amanuensis/whisperx/npu/npu_optimization/"
                                    "whisper_encoder_kernels/build_attention_64x64/attention_64x64.mlir.prj/main.pdi";
        const Inputs in = editedInputs(dir, QStringLiteral("main_aie_partition.json"), absolute, "main.pdi");
        const AieccDesign design = readInputs(in);
        QCOMPARE(design.partition->pdis[0].imagePath, dir.filePath(QStringLiteral("main.pdi")));
        QCOMPARE(design.partition->pdis[0].image.size(), 5952);
    }

    void unknownMemoryTag()
    {
        QTemporaryDir dir;
        const Inputs in = editedInputs(dir, QStringLiteral("main_kernels.json"), "\"memory-connection\": \"SRAM\"",
                                       "\"memory-connection\": \"DDR\"");
        const AieccDesign design = readInputs(in);
        const AieccInputError e = errorOf([&] { XclbinWriter().build(design); });
        QCOMPARE(e.kind, AieccInputError::Kind::UnknownMemoryTag);
        QCOMPARE(e.file, in.kernels);
        QCOMPARE(e.jsonPath, QStringLiteral("ps-kernels.kernels[0].arguments[1].memory-connection"));
        QVERIFY2(e.message().contains(QLatin1String("(HOST, SRAM), found \"DDR\"")), qPrintable(e.message()));
    }

    void badAddressQualifier()
    {
        QTemporaryDir dir;
        const Inputs in = editedInputs(dir, QStringLiteral("main_kernels.json"), "\"address-qualifier\": \"SCALAR\"",
                                       "\"address-qualifier\": \"SCALER\"");
        const AieccInputError e = errorOf([&] { readInputs(in); });
        QCOMPARE(e.kind, AieccInputError::Kind::BadValue);
        QCOMPARE(e.jsonPath, QStringLiteral("ps-kernels.kernels[0].arguments[0].address-qualifier"));
    }

    void kernelIdMissingFromPartition()
    {
        QTemporaryDir dir;
        const Inputs in = editedInputs(dir, QStringLiteral("main_aie_partition.json"), "\"0x901\"", "\"0x902\"");
        const AieccDesign design = readInputs(in);
        const AieccInputError e = errorOf([&] { XclbinWriter().build(design); });
        QCOMPARE(e.kind, AieccInputError::Kind::Inconsistent);
        QVERIFY2(e.message().contains(QLatin1String("dpu_kernel_id 0x901 of kernel MLIR_AIE")),
                 qPrintable(e.message()));
    }

    // Every input cut short at many places: a typed error (or a file), never a crash or another exception.
    void truncatedInputsFailCleanly()
    {
        QTemporaryDir dir;
        const Inputs in = editedInputs(dir);
        int errors = 0;
        for (const QString& path : { in.kernels, in.memTopology, in.aiePartition }) {
            const QByteArray whole = test::readFile(path);
            for (qsizetype cut = 0; cut < whole.size(); cut += 5) {
                QFile file(path);
                QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
                file.write(whole.left(cut));
                file.close();
                try {
                    XclbinWriter().build(readInputs(in));
                } catch (const AieccInputException& e) {
                    QVERIFY(!e.error().file.isEmpty());
                    ++errors;
                }
            }
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(whole);
        }
        QVERIFY(errors > 500);
    }

    void refusesToOverwriteAndKeepsBackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.xclbin"));
        XclbinWriter::writeFile("first", path, false);
        const AieccInputError e = errorOf([&] { XclbinWriter::writeFile("second", path, false); });
        QCOMPARE(e.kind, AieccInputError::Kind::CannotWrite);
        QCOMPARE(test::readFile(path), QByteArray("first"));
        XclbinWriter::writeFile("second", path, true);
        QCOMPARE(test::readFile(path), QByteArray("second"));
        QCOMPARE(test::readFile(path + QStringLiteral(".bak")), QByteArray("first"));
    }
};

QTEST_GUILESS_MAIN(TestXclbinWriter)
#include "tst_xclbinwriter.moc"
