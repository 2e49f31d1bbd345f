// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary/filesummarizer.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <QJsonArray>
#include <QtTest>

using namespace xi;

// The summary that heads every file: the verdict in one line, judged as what the file is, findings grouped.
class TestFileSummarizer : public QObject {
    Q_OBJECT

private:
    static FileSummary summarize(const QString& path)
    {
        const XclbinPtr x = XclbinReader::read(path);
        return FileSummarizer::summarize(*x);
    }
    static int problems(const FileSummary& s)
    {
        int n = 0;
        for (const SummaryPoint& p : s.points)
            n += p.severity != Severity::Info ? p.count : 0;
        return n;
    }

private Q_SLOTS:
    void brokenDemo()
    {
        const FileSummary s = summarize(test::demoXclbin(QStringLiteral("attention-64x64-broken")));
        QCOMPARE(s.kind, FileKind::Npu);
        QCOMPARE(s.level, Severity::Error);
        QVERIFY2(s.headline.startsWith(QLatin1String("2 buffer arguments have no memory: bo1, bo2. Design fix:")),
                 qPrintable(s.headline));
        QVERIFY(s.headline.endsWith(QLatin1String("And 1 more finding.")));
        QCOMPARE(s.headlineView, QStringLiteral("arguments"));
        QCOMPARE(s.headlineKernel, QStringLiteral("MLIR_AIE"));
        QCOMPARE(s.headlineArgument, 4);
        QCOMPARE(s.count(Verdict::Valid), 3);
        QCOMPARE(s.count(Verdict::Scalar), 2);
        QCOMPARE(s.count(Verdict::Warning), 1);
        QCOMPARE(s.count(Verdict::Invalid), 2);
        QCOMPARE(s.countsText(), QStringLiteral("3 valid, 2 scalar, 1 warning, 2 invalid"));
        QCOMPARE(s.kernels.size(), 1);
        QCOMPARE(s.kernels.first().python,
                 QStringLiteral("run = kernel(3, instr_bo, n_words, bo0, bo1, bo2, bo3, bo4)"));
        // Every finding links to the argument it is about.
        QCOMPARE(problems(s), 3);
        for (const SummaryPoint& p : s.points) {
            if (p.severity == Severity::Info)
                continue;
            QCOMPARE(p.view, QStringLiteral("arguments"));
            QVERIFY(p.argument >= 0);
            QVERIFY(p.link().startsWith(QLatin1String("xi:arguments/MLIR_AIE/")));
        }
    }

    void goodDemoWithItsStream()
    {
        const FileSummary s = summarize(test::demoXclbin());
        QCOMPARE(s.level, Severity::Info);
        QCOMPARE(s.headline,
                 QStringLiteral("Ready to call (6 valid buffers, 2 scalars): MLIR_AIE as kernel(3, instr_bo, "
                                "n_words, bo0, bo1, bo2, bo3, bo4)."));
        QVERIFY(s.stream);
        QVERIFY(s.stream->readable());
        QCOMPARE(s.stream->format, QStringLiteral("txn-0.1"));
        QVERIFY(s.stream->sentence().contains(QLatin1String("reads 12288 bytes of bo0 (argument 3)")));
        QVERIFY(s.stream->sentence().contains(QLatin1String("writes 4096 bytes to bo1 (argument 4)")));
        QVERIFY(s.points.isEmpty()); // a correct file gets no alarm
        QVERIFY(s.toText().startsWith(QLatin1String("Summary: Ready to call")));
    }

    // Correct old-convention kernels: valid arguments, one kernel-level note about the convention.
    void rialltoIsValidWithOneNote_data()
    {
        test::addFixtureRows(test::strings({ "riallto-color-detect-720p", "riallto-edge-detect-720p" }));
    }
    void rialltoIsValidWithOneNote()
    {
        XI_REQUIRE_FIXTURES();
        QFETCH(QString, name);
        const FileSummary s = summarize(test::xclbinFixturePath(name));
        QCOMPARE(s.level, Severity::Info);
        QCOMPARE(s.count(Verdict::Warning), 0);
        QCOMPARE(s.count(Verdict::Invalid), 0);
        QVERIFY2(s.headline.startsWith(QLatin1String("Ready to call")), qPrintable(s.headline));
        QVERIFY(s.headline.contains(QLatin1String("kernel(instr_bo, n_words, in_bo, tmp_bo, out_bo)")));
        QCOMPARE(s.points.size(), 1);
        QCOMPARE(s.points.first().view, QStringLiteral("binding"));
        QVERIFY(s.points.first().text.contains(QLatin1String("old convention")));
        QVERIFY(s.stream); // the .seq beside it
        QCOMPARE(s.stream->format, QStringLiteral("legacy"));
    }

    // A Ryzen AI overlay: no warning repeated 24 times; kernels with one argument list are one entry.
    void ryzenAiOverlayIsGrouped()
    {
        XI_REQUIRE_FIXTURES();
        const FileSummary s = summarize(test::xclbinFixturePath(QStringLiteral("ryzenai-1x4-1mb")));
        QCOMPARE(s.count(Verdict::Warning), 0);
        QCOMPARE(problems(s), 0);
        QCOMPARE(s.kernels.size(), 4); // XDP_KERNEL, DPU_PDI_0..10, PP_KERNEL_0..2, vadd
        QCOMPARE(s.kernels.at(1).names.size(), 11);
        QCOMPARE(s.kernels.at(2).names.size(), 3);
        QVERIFY(!s.kernels.last().npu);
        for (const SummaryPoint& p : s.points)
            QVERIFY2(p.count > 1, qPrintable(p.text)); // grouped, each with its count
        QVERIFY(!s.stream);
        QVERIFY(s.streamNote.contains(QLatin1String("not known")));
    }

    void softwareEmulationIsNotJudged()
    {
        XI_REQUIRE_FIXTURES();
        const FileSummary s = summarize(test::xclbinFixturePath(QStringLiteral("alveo-u200-vadd-sw-emu")));
        QCOMPARE(s.kind, FileKind::SoftwareEmulation);
        QCOMPARE(s.level, Severity::Info);
        QCOMPARE(s.count(Verdict::Invalid), 0);
        QCOMPARE(s.count(Verdict::Unknown), 3);
        QVERIFY(s.headline.startsWith(QLatin1String("A software-emulation file")));
        QVERIFY(s.countsText().endsWith(QLatin1String("3 not judged")));
    }

    void noKernelsSaySo_data() { test::addFixtureRows(test::strings({ "pynq-default", "xrt-unittest-valid" })); }
    void noKernelsSaySo()
    {
        XI_REQUIRE_FIXTURES();
        QFETCH(QString, name);
        const FileSummary s = summarize(test::xclbinFixturePath(name));
        QCOMPARE(s.kind, FileKind::NoKernels);
        QCOMPARE(s.level, Severity::Info);
        QCOMPARE(s.headline, QStringLiteral("No kernels: this file has nothing to bind or run."));
        QVERIFY(s.kindText.contains(QLatin1String("no kernels")));
        QCOMPARE(s.argumentCount, 0);
    }

    void plMemoryMapIsCalledWhatItIs()
    {
        XI_REQUIRE_FIXTURES();
        const FileSummary s = summarize(test::xclbinFixturePath(QStringLiteral("pynq-default")));
        QVERIFY2(s.kindText.startsWith(QLatin1String("An FPGA (PL) xclbin")), qPrintable(s.kindText));
        QVERIFY(s.kindText.contains(QLatin1String("PSDDR")));
        QVERIFY(s.kindText.contains(QLatin1String("not an NPU file")));
    }

    // Every fixture: a summary with a headline, never an alarm without a finding behind it.
    void everyFixture_data() { test::addFixtureRows(test::xclbinFixtureNames()); }
    void everyFixture()
    {
        XI_REQUIRE_FIXTURES();
        QFETCH(QString, name);
        const FileSummary s = summarize(test::xclbinFixturePath(name));
        QVERIFY(!s.headline.isEmpty());
        QVERIFY(!s.headline.contains(QLatin1String("::")));
        QCOMPARE(s.level == Severity::Info, problems(s) == 0);
        const QJsonObject json = s.toJson();
        for (const char* key : { "file", "kind", "kind_text", "level", "headline", "headline_view", "kernels",
                                 "instructions", "counts", "points" })
            QVERIFY2(json.contains(QLatin1String(key)), key);
    }

    void nameList()
    {
        QCOMPARE(FileSummarizer::nameList(test::strings({ "a", "b" })), QStringLiteral("a, b"));
        QCOMPARE(FileSummarizer::nameList(test::strings({ "a", "b", "c", "d", "e", "f" }), 3),
                 QStringLiteral("a, b, c and 3 more"));
    }

    void links()
    {
        SummaryPoint p;
        p.view = QStringLiteral("arguments");
        p.kernel = QStringLiteral("DPU/0");
        p.argument = 3;
        QString view, kernel;
        int argument = -1;
        QVERIFY(SummaryPoint::parseLink(p.link(), &view, &kernel, &argument));
        QCOMPARE(view, p.view);
        QCOMPARE(kernel, p.kernel);
        QCOMPARE(argument, 3);
        QVERIFY(SummaryPoint::parseLink(QStringLiteral("xi:instructions"), &view, &kernel, &argument));
        QCOMPARE(view, QStringLiteral("instructions"));
        QCOMPARE(argument, -1);
        QVERIFY(!SummaryPoint::parseLink(QStringLiteral("https://example.com"), &view, &kernel, &argument));
    }
};

QTEST_GUILESS_MAIN(TestFileSummarizer)
#include "tst_filesummarizer.moc"
