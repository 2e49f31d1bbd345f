// SPDX-License-Identifier: GPL-3.0-or-later
// EmbeddedMetadataParser on its own: kernels and arguments from hand-made documents, numbers in every form
// QString::toULongLong accepts, and a document with many distinct attribute values (found by a mutation run under
// AddressSanitizer: an attribute name kept by reference while the value's insert grew the table it pointed into).
#include "xclbin/embeddedmetadataparser.h"
#include "xclbin/xclbinerror.h"

#include <QtTest>

using namespace xi;

class TestEmbeddedMetadataParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kernelsArgumentsInstances();
    void numbersInEveryForm();
    void manyDistinctValues();
    void badNumberNamesItsOffset();
};

void TestEmbeddedMetadataParser::kernelsArgumentsInstances()
{
    const QByteArray xml = "<?xml version=\"1.0\"?><project><platform><device><core>"
                           "<kernel name=\"K\" language=\"c\" type=\"dpu\"><extended-data subtype=\"DPU\"/>"
                           "<arg name=\"a&amp;b\" addressQualifier=\"1\" id=\"3\" size=\"0x8\" offset=\"0x14\" "
                           "hostOffset=\"0x0\" hostSize=\"0x8\" type=\"void*\"/><instance name=\"I\"/>"
                           "<port><arg name=\"nested\"/></port></kernel></core></device></platform></project>";
    const QList<Kernel> kernels = EmbeddedMetadataParser::parse(xml + QByteArray(16, '\0'), 100, QStringLiteral("f"));
    QCOMPARE(kernels.size(), 1);
    const Kernel& k = kernels.first();
    QCOMPARE(k.name, QStringLiteral("K"));
    QCOMPARE(k.type, QStringLiteral("dpu"));
    QCOMPARE(k.extendedData.value(QStringLiteral("subtype")), QStringLiteral("DPU"));
    QCOMPARE(k.arguments.size(), 1); // the <arg> inside <port> is not a kernel argument
    QCOMPARE(k.arguments.first().name, QStringLiteral("a&b"));
    QCOMPARE(k.arguments.first().id, 3);
    QCOMPARE(k.arguments.first().offset, 0x14u);
    QCOMPARE(k.arguments.first().attributes.size(), 8);
    QCOMPARE(k.instances.size(), 1);
    QCOMPARE(k.instances.first().name, QStringLiteral("I"));
}

void TestEmbeddedMetadataParser::numbersInEveryForm()
{
    const QByteArray xml = "<k><kernel name=\"K\">"
                           "<arg name=\"a\" size=\"16\" offset=\" 0x1F \" hostOffset=\"010\" hostSize=\"\" id=\"+7\"/>"
                           "</kernel></k>";
    const KernelArgument a = EmbeddedMetadataParser::parse(xml, 0, QStringLiteral("f")).first().arguments.first();
    QCOMPARE(a.size, 16u);
    QCOMPARE(a.offset, 0x1Fu);
    QCOMPARE(a.hostOffset, 8u); // a leading 0 is octal, as QString::toULongLong(base 0) reads it
    QCOMPARE(a.hostSize, 0u);
    QCOMPARE(a.id, 7);
}

void TestEmbeddedMetadataParser::manyDistinctValues()
{
    QByteArray xml = "<project><kernel name=\"K\">";
    for (int i = 0; i < 3000; ++i)
        xml += "<arg name=\"n" + QByteArray::number(i) + "\" id=\"" + QByteArray::number(i) + "\" type=\"t"
            + QByteArray::number(i * 7) + "\" extra" + QByteArray::number(i % 50) + "=\"v" + QByteArray::number(i)
            + "\"/>";
    xml += "</kernel></project>";
    const QList<Kernel> kernels = EmbeddedMetadataParser::parse(xml, 0, QStringLiteral("f"));
    QCOMPARE(kernels.first().arguments.size(), 3000);
    for (int i = 0; i < 3000; ++i) {
        const KernelArgument& a = kernels.first().arguments.at(i);
        QCOMPARE(a.name, QStringLiteral("n%1").arg(i));
        QCOMPARE(a.id, i);
        QCOMPARE(a.type, QStringLiteral("t%1").arg(i * 7));
        QCOMPARE(a.attributes.value(QStringLiteral("extra%1").arg(i % 50)), QStringLiteral("v%1").arg(i));
    }
}

void TestEmbeddedMetadataParser::badNumberNamesItsOffset()
{
    const QByteArray xml = "<k>\n<kernel name=\"K\"><arg name=\"a\" id=\"x1\"/></kernel></k>";
    try {
        EmbeddedMetadataParser::parse(xml, 1000, QStringLiteral("f.xclbin"));
        QFAIL("a non-number id was accepted");
    } catch (const XclbinException& e) {
        QCOMPARE(e.error().kind, XclbinError::Kind::BadXml);
        QCOMPARE(e.error().offset, 1000 + xml.indexOf("x1"));
        QVERIFY2(e.error().expected.contains(QStringLiteral("line 2")), qPrintable(e.error().message()));
        QVERIFY(e.error().expected.contains(QStringLiteral("attribute id=\"x1\" is not a number")));
    }
}

QTEST_GUILESS_MAIN(TestEmbeddedMetadataParser)
#include "tst_embeddedmetadataparser.moc"
