// SPDX-License-Identifier: GPL-3.0-or-later
// The EMBEDDED_METADATA scanner: what it accepts and rejects agrees with Qt's XML reader, faults name their byte
// offset, and attribute values decode as an XML processor reports them.
#include "testsupport.h"
#include "xclbin/xmlscanner.h"

#include <QXmlStreamReader>
#include <QtTest>

using namespace xi;

namespace {

struct Event {
    QString name;
    QMap<QString, QString> attributes;
    int depth = 0;
    bool end = false;
    friend bool operator==(const Event&, const Event&) = default;
};

class Recorder : public XmlScanner::Handler {
public:
    void startElement(QByteArrayView name, const XmlScanner::Attributes& attributes, int depth) override
    {
        Event e { QString::fromUtf8(name), {}, depth, false };
        for (const XmlScanner::Attribute& a : attributes)
            e.attributes.insert(QString::fromUtf8(a.name), XmlScanner::decode(a.raw));
        events.append(e);
    }
    void endElement(int depth) override { events.append({ {}, {}, depth, true }); }
    QList<Event> events;
};

// The same events from QXmlStreamReader, or an empty list with *error set.
QList<Event> qtEvents(const QByteArray& xml, QString* error)
{
    QList<Event> events;
    QXmlStreamReader reader(xml);
    int depth = 0;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            Event e { reader.name().toString(), {}, ++depth, false };
            for (const QXmlStreamAttribute& a : reader.attributes())
                e.attributes.insert(a.name().toString(), a.value().toString());
            events.append(e);
        } else if (reader.isEndElement()) {
            events.append({ {}, {}, depth--, true });
        }
    }
    if (reader.hasError()) {
        *error = reader.errorString();
        return {};
    }
    return events;
}

} // namespace

class TestXmlScanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agreesWithQt_data();
    void agreesWithQt();
    void faultOffsets_data();
    void faultOffsets();
    void decodesValues();
    void lineAndColumn();
    void fixturesAgreeWithQt_data();
    void fixturesAgreeWithQt();
};

void TestXmlScanner::agreesWithQt_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<bool>("wellFormed");
    auto row = [](const char* name, const char* xml, bool ok) { QTest::newRow(name) << QByteArray(xml) << ok; };
    row("declaration and root", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<project name=\"p\"/>\n", true);
    row("nested, both quotes", "<a x='1' y=\"2\"><b><c z=\"&amp;&lt;&#65;&#x42;\"/></b>text</a>", true);
    row("comment, PI and CDATA", "<!-- c --><?pi data?><a><![CDATA[<not markup>]]></a><!-- after -->", true);
    row("doctype", "<!DOCTYPE a [<!ELEMENT a ANY>]><a/>", true);
    row("byte order mark", "\xEF\xBB\xBF<a/>", true);
    row("declaration with standalone", "<?xml version='1.0' standalone='yes'?><a/>", true);
    row("declaration without version", "<?xml encoding=\"utf-8\"?><a/>", false);
    row("declaration in the wrong order", "<?xml encoding=\"utf-8\" version=\"1.0\"?><a/>", false);
    row("declaration with garbage", "<?xml version=\"1.0\" encod]]>ing=\"utf-8\"?><a/>", false);
    row("UTF-8 text and value", "<a n=\"gr\xC3\xBC\xC3\x9F\">\xE2\x82\xAC</a>", true);
    row("namespaces", "<a xmlns=\"urn:x\" xmlns:p=\"urn:p\"><p:b p:id=\"1\"/></a>", true);
    row("white space in values", "<a v=\"x\ty\r\nz\"/>", true);
    row("empty", "", false);
    row("only white space", " \n ", false);
    row("mismatched end tag", "<a><b></c></a>", false);
    row("unclosed", "<a><b></b>", false);
    row("two roots", "<a/><b/>", false);
    row("text outside the root", "x<a/>", false);
    row("text after the root", "<a/>x", false);
    row("unquoted value", "<a x=1/>", false);
    row("duplicate attribute", "<a x=\"1\" x=\"2\"/>", false);
    row("'<' in a value", "<a x=\"<\"/>", false);
    row("unknown entity", "<a>&nbsp;</a>", false);
    row("bare ampersand", "<a>a & b</a>", false);
    row("NUL character reference", "<a>&#0;</a>", false);
    row("control character", "<a>\x01</a>", false);
    row("invalid UTF-8", "<a>\xFF</a>", false);
    row("truncated UTF-8", "<a>\xC3</a>", false);
    row("overlong UTF-8", "<a>\xE0\x80\xAF</a>", false);
    row("declaration not first", "<a/><?xml version=\"1.0\"?>", false);
    row("declaration in mixed case", "<?XmL version=\"1.0\"?><a/>", false);
    row("double dash in a comment", "<a><!-- a -- b --></a>", false);
    row("CDATA end in text", "<a>]]></a>", false);
    row("missing space between attributes", "<a x=\"1\"y=\"2\"/>", false);
    row("end tag without start", "</a>", false);
    row("unterminated comment", "<a><!-- x</a>", false);
    row("attribute without value", "<a x/>", false);
    row("bad name start", "<1a/>", false);
}

void TestXmlScanner::agreesWithQt()
{
    QFETCH(QByteArray, xml);
    QFETCH(bool, wellFormed);
    Recorder recorder;
    XmlScanner::Error error;
    const bool ours = XmlScanner::scan(xml, recorder, &error);
    QString qtError;
    const QList<Event> qt = qtEvents(xml, &qtError);
    QCOMPARE(qtError.isEmpty(), wellFormed); // the row's claim holds for Qt's reader too
    QVERIFY2(ours == wellFormed, qPrintable(error.what));
    if (wellFormed)
        QCOMPARE(recorder.events, qt);
    else
        QVERIFY(error.what.startsWith(QLatin1String("expected ")));
}

void TestXmlScanner::faultOffsets_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("what");
    QTest::newRow("mismatched end tag") << QByteArray("<a><b></c></a>") << qsizetype(6)
                                        << QStringLiteral("expected </b>, found </c>");
    QTest::newRow("unclosed root") << QByteArray("<a>") << qsizetype(3)
                                   << QStringLiteral("expected </a> before the end of the document, found the end");
    QTest::newRow("invalid byte") << QByteArray("<a>ok\xFF</a>") << qsizetype(5)
                                  << QStringLiteral("expected UTF-8 text, found byte 0xff");
    QTest::newRow("duplicate attribute") << QByteArray("<a x=\"1\" x=\"2\"/>") << qsizetype(9)
                                         << QStringLiteral("expected each attribute once in <a>, found x twice");
}

void TestXmlScanner::faultOffsets()
{
    QFETCH(QByteArray, xml);
    QFETCH(qsizetype, offset);
    QFETCH(QString, what);
    Recorder recorder;
    XmlScanner::Error error;
    QVERIFY(!XmlScanner::scan(xml, recorder, &error));
    QCOMPARE(error.offset, offset);
    QCOMPARE(error.what, what);
}

void TestXmlScanner::decodesValues()
{
    QCOMPARE(XmlScanner::decode("plain"), QStringLiteral("plain"));
    QCOMPARE(XmlScanner::decode("a&amp;b&lt;&gt;&quot;&apos;"), QStringLiteral("a&b<>\"'"));
    QCOMPARE(XmlScanner::decode("&#65;&#x263A;"), QString(QStringLiteral("A") + QChar(0x263A)));
    QCOMPARE(XmlScanner::decode("x\ty\r\nz\rw"), QStringLiteral("x y z w"));
    QCOMPARE(XmlScanner::decode("&#10;"), QStringLiteral("\n")); // a reference keeps its character
}

void TestXmlScanner::lineAndColumn()
{
    qsizetype line = 0;
    qsizetype column = 0;
    XmlScanner::lineAndColumn("ab\ncd\nef", 4, &line, &column);
    QCOMPARE(line, 2);
    QCOMPARE(column, 2);
    XmlScanner::lineAndColumn("ab", 0, &line, &column);
    QCOMPARE(line, 1);
    QCOMPARE(column, 1);
}

void TestXmlScanner::fixturesAgreeWithQt_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : test::xclbinFixtureNames()) {
        if (QFileInfo::exists(test::xclbinReferenceDir(name) + QStringLiteral("/embedded_metadata.xml")))
            QTest::newRow(qPrintable(name)) << name;
    }
}

// Every real EMBEDDED_METADATA document gives the same elements and attributes as Qt's reader.
void TestXmlScanner::fixturesAgreeWithQt()
{
    XI_REQUIRE_FIXTURES();
    QFETCH(QString, name);
    const QByteArray xml = test::readFile(test::xclbinReferenceDir(name) + QStringLiteral("/embedded_metadata.xml"));
    Recorder recorder;
    XmlScanner::Error error;
    QVERIFY2(XmlScanner::scan(xml, recorder, &error), qPrintable(error.what));
    QString qtError;
    const QList<Event> qt = qtEvents(xml, &qtError);
    QVERIFY2(qtError.isEmpty(), qPrintable(qtError));
    QCOMPARE(recorder.events.size(), qt.size());
    QVERIFY(recorder.events == qt);
}

QTEST_GUILESS_MAIN(TestXmlScanner)
#include "tst_xmlscanner.moc"
