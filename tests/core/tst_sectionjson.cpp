// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "xclbin/sectionjson.h"
#include "xclbin/sectionkind.h"
#include "xclbin/xclbinreader.h"

#include <QFileInfo>

using namespace xi;

class TestSectionJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesReferenceDumps_data();
    void matchesReferenceDumps();
    void everyReferenceDumpHasASection_data() { matchesReferenceDumps_data(); }
    void everyReferenceDumpHasASection();
    void unsupportedKindIsAnError();
    void propertyTreeRoundTrip();
    void propertyTreeReportsWhereJsonIsBad();
    void buildMetadataKeepsOnlyItsMember();
};

static const quint32 kJsonKinds[] = { MEM_TOPOLOGY, ASK_GROUP_TOPOLOGY, CONNECTIVITY,  ASK_GROUP_CONNECTIVITY,
                                      IP_LAYOUT,    AIE_PARTITION,      BUILD_METADATA };

void TestSectionJson::matchesReferenceDumps_data()
{
    test::addFixtureRows(test::xclbinFixtureNames());
}

void TestSectionJson::matchesReferenceDumps()
{
    XI_REQUIRE_FIXTURES();
    QFETCH(QString, name);
    const XclbinPtr xclbin = XclbinReader::read(test::xclbinFixturePath(name));
    int compared = 0;
    for (quint32 kind : kJsonKinds) {
        const SectionHeader* section = xclbin->section(kind);
        if (!section)
            continue;
        const QString reference = test::xclbinReferenceDir(name) + QLatin1Char('/') + SectionJson::fileName(kind);
        QVERIFY2(QFileInfo::exists(reference), qPrintable(reference));
        const QByteArray expected = test::readFile(reference);
        const QByteArray actual = SectionJson::json(*xclbin, *section);
        if (actual != expected) {
            // Show the first differing line rather than two whole documents.
            const QList<QByteArray> a = actual.split('\n');
            const QList<QByteArray> e = expected.split('\n');
            for (qsizetype i = 0; i < std::min(a.size(), e.size()); ++i)
                QCOMPARE(QString::fromUtf8(a[i]), QString::fromUtf8(e[i]));
            QCOMPARE(a.size(), e.size());
        }
        ++compared;
    }
    QVERIFY(compared > 0 || !xclbin->hasSection(MEM_TOPOLOGY));
}

void TestSectionJson::everyReferenceDumpHasASection()
{
    XI_REQUIRE_FIXTURES();
    QFETCH(QString, name);
    const XclbinPtr xclbin = XclbinReader::read(test::xclbinFixturePath(name));
    for (quint32 kind : kJsonKinds) {
        const QString reference = test::xclbinReferenceDir(name) + QLatin1Char('/') + SectionJson::fileName(kind);
        QCOMPARE(xclbin->hasSection(kind), QFileInfo::exists(reference));
    }
}

void TestSectionJson::unsupportedKindIsAnError()
{
    XI_REQUIRE_FIXTURES();
    const XclbinPtr xclbin = XclbinReader::read(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
    const SectionHeader* metadata = xclbin->section(EMBEDDED_METADATA);
    QVERIFY(metadata);
    QVERIFY(!SectionJson::supports(EMBEDDED_METADATA));
    try {
        SectionJson::json(*xclbin, *metadata);
        QFAIL("EMBEDDED_METADATA has no JSON form, yet a dump was made");
    } catch (const XclbinException& e) {
        QVERIFY(e.error().message().contains(QLatin1String("EMBEDDED_METADATA")));
        QCOMPARE(e.error().offset, qint64(metadata->offset));
    }
    QVERIFY_THROWS_EXCEPTION(XclbinException, SectionJson::json(*xclbin, BUILD_METADATA));
}

void TestSectionJson::propertyTreeRoundTrip()
{
    const QByteArray text = "{\"b\":{\"z\":1,\"a\":[true,null,\"x/y\"]},\"a\":\"\\u00e9\\t\"}";
    const auto tree = PropertyTree::parse(text);
    QVERIFY(tree);
    QCOMPARE(tree->children().first().first, QStringLiteral("b")); // order kept, not sorted
    QCOMPARE(tree->toJson(),
             QByteArray("{\n    \"b\": {\n        \"z\": \"1\",\n        \"a\": [\n            \"true\",\n"
                        "            \"null\",\n            \"x\\/y\"\n        ]\n    },\n"
                        "    \"a\": \"\xc3\xa9\\t\"\n}\n"));
    const auto again = PropertyTree::parse(tree->toJson());
    QVERIFY(again);
    QCOMPARE(*again, *tree);
}

void TestSectionJson::propertyTreeReportsWhereJsonIsBad()
{
    QString error;
    QVERIFY(!PropertyTree::parse("{\n  \"a\": [1, 2,\n}", &error));
    QVERIFY2(error.startsWith(QLatin1String("line 3, column 1:")), qPrintable(error));
    QVERIFY(!PropertyTree::parse("{\"a\": \"unterminated", &error));
    QVERIFY2(error.contains(QLatin1String("closing")), qPrintable(error));
    QVERIFY(!PropertyTree::parse("{} x", &error));
    QVERIFY2(error.contains(QLatin1String("end of the document")), qPrintable(error));
    QVERIFY(!PropertyTree::parse(QByteArray(100000, '['), &error));
    QVERIFY2(error.contains(QLatin1String("nested")), qPrintable(error));
}

void TestSectionJson::buildMetadataKeepsOnlyItsMember()
{
    QString error;
    QByteArray section = "{\"schema_version\":{\"major\":\"1\"},\"build_metadata\":{\"k\":[]}}";
    section += '\0';
    section += "garbage after the NUL";
    const PropertyTree tree = SectionJson::buildMetadata(section, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(tree.toJson(), QByteArray("{\n    \"build_metadata\": {\n        \"k\": \"\"\n    }\n}\n"));
    SectionJson::buildMetadata("{\"other\":1}", &error);
    QVERIFY(error.contains(QLatin1String("build_metadata")));
}

QTEST_GUILESS_MAIN(TestSectionJson)
#include "tst_sectionjson.moc"
