// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostprogram/hostprogramtokenizer.h"
#include "testsupport.h"

#include <QDir>

using namespace xi;
using Kind = HostToken::Kind;

namespace {

QList<HostToken> significant(const QString& source, HostLanguage lang)
{
    QList<HostToken> out;
    for (const HostToken& t : HostProgramTokenizer::tokenize(source, lang)) {
        if (t.kind != Kind::End)
            out << t;
    }
    return out;
}

QStringList texts(const QList<HostToken>& tokens)
{
    QStringList out;
    for (const HostToken& t : tokens)
        out << (t.kind == Kind::Newline ? QStringLiteral("<nl>") : t.text);
    return out;
}

QString hostDataDir()
{
    return QStringLiteral(XI_SOURCE_DIR) + QStringLiteral("/tests/data/host");
}

} // namespace

class TestHostProgramTokenizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pythonCallWithKeywordsAndComments()
    {
        const QString src = QStringLiteral("bo = xrt.bo(dev, size=0x1000, flags=xrt.bo.flags.host_only,  # input\n"
                                           "            group=kernel.group_id(3))\n"
                                           "n = len(insts) // 4\n");
        const auto tokens = significant(src, HostLanguage::Python);
        QCOMPARE(texts(tokens), test::strings({ "bo",  "=",       "xrt",   ".",      "bo",     "(",     "dev",
                                                ",",   "size",    "=",     "0x1000", ",",      "flags", "=",
                                                "xrt", ".",       "bo",    ".",      "flags",  ".",     "host_only",
                                                ",",   "# input", "group", "=",      "kernel", ".",     "group_id",
                                                "(",   "3",       ")",     ")",      "<nl>",   "n",     "=",
                                                "len", "(",       "insts", ")",      "//",     "4",     "<nl>" }));
        // No newline token inside the brackets; the continuation keeps its own line number.
        QCOMPARE(tokens.at(23).text, QStringLiteral("group"));
        QCOMPARE(tokens.at(23).line, 2);
        QCOMPARE(tokens.at(23).column, 13);
        QCOMPARE(tokens.at(22).kind, Kind::Comment);
        QCOMPARE(tokens.at(23).depth, 1);
        qint64 v = 0;
        QVERIFY(tokens.at(10).integerValue(&v));
        QCOMPARE(v, 0x1000);
        QCOMPARE(tokens.at(33).line, 3);
    }

    void pythonStrings()
    {
        const QString src
            = QStringLiteral("a = 'x\\'y'\nb = r\"C:\\dir\"\nc = \"\"\"one\ntwo\"\"\"\nd = b'\\x00'\ne = 1\n");
        const auto tokens = significant(src, HostLanguage::Python);
        QCOMPARE(tokens.at(2).kind, Kind::String);
        QCOMPARE(tokens.at(2).stringValue(), QStringLiteral("x'y"));
        QCOMPARE(tokens.at(6).stringValue(), QStringLiteral("C:\\dir"));
        QCOMPARE(tokens.at(10).stringValue(), QStringLiteral("one\ntwo"));
        QCOMPARE(tokens.at(14).text, QStringLiteral("b'\\x00'"));
        // Line counting goes on after the triple-quoted string.
        QCOMPARE(tokens.at(16).text, QStringLiteral("e"));
        QCOMPARE(tokens.at(16).line, 6);
    }

    void numbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("language");
        QTest::addColumn<bool>("isInteger");
        QTest::addColumn<qint64>("value");
        QTest::newRow("hex") << QStringLiteral("0x1FFFF") << int(HostLanguage::Python) << true << qint64(131071);
        QTest::newRow("python separators")
            << QStringLiteral("64_000") << int(HostLanguage::Python) << true << qint64(64000);
        QTest::newRow("binary") << QStringLiteral("0b101") << int(HostLanguage::Python) << true << qint64(5);
        QTest::newRow("c++ suffix") << QStringLiteral("4096UL") << int(HostLanguage::Cpp) << true << qint64(4096);
        QTest::newRow("c++ separator") << QStringLiteral("1'000") << int(HostLanguage::Cpp) << true << qint64(1000);
        QTest::newRow("c++ octal") << QStringLiteral("010") << int(HostLanguage::Cpp) << true << qint64(8);
        QTest::newRow("float") << QStringLiteral("1.5e-3") << int(HostLanguage::Python) << false << qint64(0);
    }

    void numbers()
    {
        QFETCH(QString, text);
        QFETCH(int, language);
        QFETCH(bool, isInteger);
        QFETCH(qint64, value);
        const auto tokens = significant(text, HostLanguage(language));
        QCOMPARE(tokens.first().kind, Kind::Number);
        QCOMPARE(tokens.first().text, text);
        qint64 v = 0;
        QCOMPARE(tokens.first().integerValue(&v), isInteger);
        if (isInteger)
            QCOMPARE(v, value);
    }

    void cppSubset()
    {
        const QString src = QStringLiteral(
            "#include <xrt/xrt_bo.h>\n"
            "/* block\n comment */ auto bo = xrt::bo(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3)); // in\n"
            "char c = 'a'; auto s = R\"(raw \"text\")\";\n"
            "int8_t *p = bo.map<int8_t *>();\n");
        const auto tokens = significant(src, HostLanguage::Cpp);
        QCOMPARE(tokens.at(0).kind, Kind::Preprocessor);
        QCOMPARE(tokens.at(1).kind, Kind::Comment);
        QCOMPARE(tokens.at(2).text, QStringLiteral("auto"));
        QCOMPARE(tokens.at(2).line, 3);
        QCOMPARE(tokens.at(6).text, QStringLiteral("::"));
        int comment = -1;
        for (int i = 0; i < tokens.size(); ++i)
            comment = tokens.at(i).text == QLatin1String("// in") ? i : comment;
        QVERIFY(comment > 0);
        QCOMPARE(tokens.at(comment).kind, Kind::Comment);
        QCOMPARE(tokens.at(comment + 4).kind, Kind::String); // 'a'
        QCOMPARE(tokens.at(comment + 9).stringValue(), QStringLiteral("raw \"text\""));
        for (const HostToken& t : tokens)
            QVERIFY(t.kind != Kind::Newline); // C++ has no statement newlines
        QCOMPARE(tokens.last().text, QStringLiteral(";"));
        QCOMPARE(tokens.last().line, 5);
    }

    void errorsAreTokensNotCrashes()
    {
        const auto py = significant(QStringLiteral("x = 'open\ny = 2\n"), HostLanguage::Python);
        QCOMPARE(py.at(2).kind, Kind::Error);
        QCOMPARE(py.at(2).text, QStringLiteral("unterminated string"));
        QCOMPARE(py.at(2).line, 1);
        QVERIFY(texts(py).contains(QStringLiteral("y"))); // reading went on
        const auto cpp = significant(QStringLiteral("int x; /* never closed"), HostLanguage::Cpp);
        QCOMPARE(cpp.last().kind, Kind::Error);
        QCOMPARE(cpp.last().text, QStringLiteral("unterminated /* comment"));
        QCOMPARE(significant(QString(), HostLanguage::Python).size(), 0);
    }

    void languageFromPath()
    {
        HostLanguage l;
        QVERIFY(hostLanguageFromPath(QStringLiteral("/a/test.py"), &l));
        QCOMPARE(l, HostLanguage::Python);
        QVERIFY(hostLanguageFromPath(QStringLiteral("test.CPP"), &l));
        QCOMPARE(l, HostLanguage::Cpp);
        QVERIFY(!hostLanguageFromPath(QStringLiteral("test.rs"), &l));
    }

    // Every host program of the test suite tokenizes without an error token, with balanced brackets.
    void ourHostProgramsTokenizeCleanly()
    {
        const QStringList files = QDir(hostDataDir()).entryList({ QStringLiteral("*.py"), QStringLiteral("*.cpp") });
        QVERIFY(files.size() >= 20);
        for (const QString& name : files) {
            HostLanguage lang;
            QVERIFY(hostLanguageFromPath(name, &lang));
            const QString src = QString::fromUtf8(test::readFile(hostDataDir() + QLatin1Char('/') + name));
            const auto tokens = HostProgramTokenizer::tokenize(src, lang);
            QCOMPARE(tokens.last().kind, Kind::End);
            QCOMPARE(tokens.last().depth, 0);
            for (const HostToken& t : tokens)
                QVERIFY2(t.kind != Kind::Error, qPrintable(name + QLatin1Char(':') + QString::number(t.line)));
        }
    }
};

QTEST_GUILESS_MAIN(TestHostProgramTokenizer)
#include "tst_hostprogramtokenizer.moc"
