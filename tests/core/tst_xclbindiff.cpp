// SPDX-License-Identifier: GPL-3.0-or-later
#include "groups/xclbindiff.h"
#include "testsupport.h"
#include "xclbin/sectionkind.h"
#include "xclbin/xclbinreader.h"

#include <QFile>
#include <QTemporaryDir>

using namespace xi;

namespace {

QList<DiffRecord> recordsIn(const QList<DiffRecord>& records, DiffRecord::Area area)
{
    QList<DiffRecord> out;
    for (const DiffRecord& r : records) {
        if (r.area == area)
            out << r;
    }
    return out;
}

void patch(QByteArray& bytes, quint64 offset, qint32 value)
{
    for (int i = 0; i < 4; ++i)
        bytes[qsizetype(offset) + i] = char((value >> (8 * i)) & 0xFF);
}

} // namespace

class TestXclbinDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fileAgainstItselfIsIdentical_data();
    void fileAgainstItselfIsIdentical();
    void rebuildDiffersOnlyInItsStamp();
    void movedConnectionShowsInConnectionsAndGroupIds();
    void attentionAndMatmulBuildsDifferOnlyInThePartition();
    void differentKernelsAndSections();
    void namesAndJson();

private:
    QTemporaryDir m_dir;
};

void TestXclbinDiff::fileAgainstItselfIsIdentical_data()
{
    test::addFixtureRows(test::xclbinFixtureNames());
}

void TestXclbinDiff::fileAgainstItselfIsIdentical()
{
    XI_REQUIRE_FIXTURES();
    QFETCH(QString, name);
    const XclbinPtr a = XclbinReader::read(test::xclbinFixturePath(name));
    const XclbinPtr b = XclbinReader::read(test::xclbinFixturePath(name));
    QCOMPARE(XclbinDiff::compare(*a, *b), QList<DiffRecord>());
}

void TestXclbinDiff::rebuildDiffersOnlyInItsStamp()
{
    XI_REQUIRE_FIXTURES();
    const QString source = test::xclbinFixturePath(QStringLiteral("iron-single-add"));
    QByteArray bytes = test::readFile(source);
    bytes[304 + 112] = char(bytes[304 + 112] ^ 0xFF); // xclbin UUID, first byte
    bytes[304 + 8] = char(bytes[304 + 8] + 1); // timestamp
    const QString copy = m_dir.filePath(QStringLiteral("rebuilt.xclbin"));
    QFile f(copy);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
    f.close();

    const XclbinPtr a = XclbinReader::read(source);
    const XclbinPtr b = XclbinReader::read(copy);
    const QList<DiffRecord> records = XclbinDiff::compare(*a, *b);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[0].area, DiffRecord::Area::Header);
    QCOMPARE(records[0].field, QStringLiteral("xclbin UUID"));
    QCOMPARE(records[0].before, a->header.xclbinUuid.toString(QUuid::WithoutBraces));
    QCOMPARE(records[0].after, b->header.xclbinUuid.toString(QUuid::WithoutBraces));
    QCOMPARE(records[1].field, QStringLiteral("timestamp"));
    DiffOptions options;
    options.ignoreBuildStamp = true;
    QCOMPARE(XclbinDiff::compare(*a, *b, options), QList<DiffRecord>());
}

void TestXclbinDiff::movedConnectionShowsInConnectionsAndGroupIds()
{
    XI_REQUIRE_FIXTURES();
    const QString source = test::xclbinFixturePath(QStringLiteral("iron-single-add"));
    const XclbinPtr a = XclbinReader::read(source);
    QByteArray bytes = test::readFile(source);
    // Connect bo0 (argument 3) to SRAM instead of HOST, in both connectivity tables.
    for (quint32 kind : { quint32(CONNECTIVITY), quint32(ASK_GROUP_CONNECTIVITY) }) {
        const SectionHeader* s = a->section(kind);
        QVERIFY(s);
        const QList<Connection>& list = kind == CONNECTIVITY ? *a->connectivity : *a->groupConnectivity;
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list[i].argIndex == 3)
                patch(bytes, s->offset + 4 + 12 * quint64(i) + 8, 1);
        }
    }
    const QString copy = m_dir.filePath(QStringLiteral("moved.xclbin"));
    QFile f(copy);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
    f.close();
    const XclbinPtr b = XclbinReader::read(copy);

    const QList<DiffRecord> records = XclbinDiff::compare(*a, *b);
    const QList<DiffRecord> sections = recordsIn(records, DiffRecord::Area::Section);
    QCOMPARE(sections.size(), 2);
    QCOMPARE(sections[0].key, QStringLiteral("CONNECTIVITY"));
    QCOMPARE(sections[0].field, QStringLiteral("bytes"));
    // Count (4 bytes), then arg 3's entry is the second (12 bytes each), mem_data_index at +8: 0x18.
    QCOMPARE(sections[0].after, QStringLiteral("differs from section offset 0x18"));

    const QList<DiffRecord> connections = recordsIn(records, DiffRecord::Area::Connection);
    QCOMPARE(connections.size(), 4); // one removed and one added per table
    QCOMPARE(connections[0].key, QStringLiteral("CONNECTIVITY: MLIR_AIE:MLIRAIE arg 3 -> mem 0 (HOST)"));
    QCOMPARE(connections[0].change, DiffRecord::Change::Removed);
    QCOMPARE(connections[1].key, QStringLiteral("CONNECTIVITY: MLIR_AIE:MLIRAIE arg 3 -> mem 1 (SRAM)"));
    QCOMPARE(connections[1].change, DiffRecord::Change::Added);
    QCOMPARE(connections[3].before, QString());
    QCOMPARE(connections[3].after, QStringLiteral("x2")); // xclbinutil writes GROUP_CONNECTIVITY twice

    const QList<DiffRecord> groups = recordsIn(records, DiffRecord::Area::GroupId);
    QVERIFY(groups.size() >= 2);
    QCOMPARE(groups[0].key, QStringLiteral("MLIR_AIE arg 3 (bo0)"));
    QCOMPARE(groups[0].field, QStringLiteral("group ID"));
    QCOMPARE(groups[0].before, QStringLiteral("0x10000"));
    QCOMPARE(groups[0].after, QStringLiteral("0x10001"));
    QCOMPARE(groups[1].field, QStringLiteral("banks"));
    QCOMPARE(groups[1].after, QStringLiteral("SRAM"));
    QVERIFY(recordsIn(records, DiffRecord::Area::Memory).isEmpty());
    QVERIFY(recordsIn(records, DiffRecord::Area::Argument).isEmpty());
}

void TestXclbinDiff::attentionAndMatmulBuildsDifferOnlyInThePartition()
{
    XI_REQUIRE_FIXTURES();
    // docs/domain.md section 6: the "broken" attention build has the same kernels and memories as the working
    // matmul build; only the AIE partition (its PDI) and the build stamp differ.
    const XclbinPtr attention = XclbinReader::read(test::attentionXclbin());
    const XclbinPtr matmul = XclbinReader::read(test::aieccReferenceXclbin(QStringLiteral("whisper-matmul-16x16")));
    DiffOptions options;
    options.ignoreBuildStamp = true;
    const QList<DiffRecord> records = XclbinDiff::compare(*attention, *matmul, options);
    QVERIFY(!records.isEmpty());
    for (const DiffRecord& r : records) {
        const QString what = diffAreaName(r.area) + QLatin1Char(' ') + r.key + QLatin1Char(' ') + r.field;
        QVERIFY2(r.area == DiffRecord::Area::Section || r.area == DiffRecord::Area::Header, qPrintable(what));
        QVERIFY2(r.key.startsWith(QLatin1String("AIE_PARTITION")) || r.field == QLatin1String("length"),
                 qPrintable(what));
    }
    QVERIFY(recordsIn(records, DiffRecord::Area::GroupId).isEmpty());
}

void TestXclbinDiff::differentKernelsAndSections()
{
    XI_REQUIRE_FIXTURES();
    const XclbinPtr mlir = XclbinReader::read(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
    const XclbinPtr riallto = XclbinReader::read(test::xclbinFixturePath(QStringLiteral("riallto-color-detect-720p")));
    const QList<DiffRecord> records = XclbinDiff::compare(*mlir, *riallto);
    bool removedMlirAie = false;
    bool addedVadd = false;
    bool addedPdi = false;
    for (const DiffRecord& r : records) {
        removedMlirAie |= r.area == DiffRecord::Area::Kernel && r.key == QLatin1String("MLIR_AIE")
            && r.change == DiffRecord::Change::Removed;
        addedVadd |= r.area == DiffRecord::Area::Kernel && r.key == QLatin1String("vadd")
            && r.change == DiffRecord::Change::Added;
        addedPdi |= r.area == DiffRecord::Area::Section && r.key == QLatin1String("PDI:BOOT")
            && r.change == DiffRecord::Change::Added;
    }
    QVERIFY(removedMlirAie);
    QVERIFY(addedVadd);
    QVERIFY(addedPdi);
}

void TestXclbinDiff::namesAndJson()
{
    const DiffRecord r { DiffRecord::Area::GroupId, QStringLiteral("K arg 1 (a)"), QStringLiteral("group ID"),
                         QStringLiteral("0x10000"), QStringLiteral("0x10001"),     DiffRecord::Change::Changed };
    const QJsonObject o = r.toJson();
    QCOMPARE(o.value(QLatin1String("area")).toString(), QStringLiteral("group-id"));
    QCOMPARE(o.value(QLatin1String("change")).toString(), QStringLiteral("changed"));
    QCOMPARE(o.value(QLatin1String("before")).toString(), QStringLiteral("0x10000"));
    QCOMPARE(diffChangeName(DiffRecord::Change::Added), QStringLiteral("added"));
}

QTEST_GUILESS_MAIN(TestXclbinDiff)
#include "tst_xclbindiff.moc"
