// SPDX-License-Identifier: GPL-3.0-or-later
// The parse benchmark's mechanics (not its speed: figures come from `bench parse`).
#include "bench/benchparse.h"
#include "groups/argumentgroups.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <experimental/xrt_xclbin.h>

using namespace xi;

class TestBenchParse : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    void generatedLargeFileKeepsTheFixturesContent()
    {
        QTemporaryDir dir;
        const QString source = test::xclbinFixturePath(QStringLiteral("iron-single-add"));
        const QString large = dir.filePath(QStringLiteral("large.xclbin"));
        QString error;
        QVERIFY2(ParseBench::generateLarge(source, large, 8, &error), qPrintable(error));

        const XclbinPtr original = XclbinReader::read(source);
        const XclbinPtr x = XclbinReader::read(large);
        QCOMPARE(x->fileSize, x->header.length);
        QCOMPARE(x->sections.size(), original->sections.size() + 1);
        QCOMPARE(x->sections.first().kind, 0u); // BITSTREAM
        QCOMPARE(x->sections.first().size, quint64(8) << 20);
        for (qsizetype i = 0; i < original->sections.size(); ++i) {
            QCOMPARE(x->sections.at(i + 1).kindName(), original->sections.at(i).kindName());
            QCOMPARE(x->readSection(x->sections.at(i + 1)), original->readSection(original->sections.at(i)));
        }
        const auto groups = ArgumentGroups::computeAll(*x);
        const auto originalGroups = ArgumentGroups::computeAll(*original);
        QCOMPARE(groups.size(), originalGroups.size());
        for (qsizetype k = 0; k < groups.size(); ++k) {
            for (qsizetype a = 0; a < groups.at(k).arguments.size(); ++a)
                QCOMPARE(groups.at(k).arguments.at(a).groupId.raw, originalGroups.at(k).arguments.at(a).groupId.raw);
        }
        // XRT's own parser accepts it too.
        const xrt::xclbin xrtView(large.toStdString());
        QCOMPARE(xrtView.get_kernels().size(), size_t(1));
        QCOMPARE(QString::fromStdString(xrtView.get_kernels().front().get_name()), QStringLiteral("MLIR_AIE"));

        QVERIFY(!ParseBench::generateLarge(source, large, 1, &error));
        QVERIFY2(error.contains(QLatin1String("exists")), qPrintable(error));
    }

    void measureReportsBothParsers()
    {
        ParseBenchOptions options;
        options.xrt = true;
        options.minRepeats = 3;
        options.budgetMs = 0;
        const ParseBenchEntry e = ParseBench::measure(test::xclbinFixturePath(QStringLiteral("ryzenai-1x4")), options);
        QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
        QCOMPARE(e.repeats, 3);
        QVERIFY(e.us > 0);
        QVERIFY(e.xrtUs && *e.xrtUs > 0);
        QVERIFY(e.xrtFullUs && *e.xrtFullUs > 0);
        const QJsonObject o = e.toJson();
        for (const char* key : { "file", "us", "xrt_us", "xrt_full_us", "bytes", "repeats" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
    }

    void measureNamesTheReadersError()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.xclbin"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not an xclbin at all");
        f.close();
        const ParseBenchEntry e = ParseBench::measure(bad);
        QVERIFY(!e.error.isEmpty());
        QVERIFY(e.us < 0);
        QVERIFY(ParseBench::table({ e }).contains(e.error));
    }
};

QTEST_GUILESS_MAIN(TestBenchParse)
#include "tst_benchparse.moc"
