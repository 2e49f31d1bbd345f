// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/bindingchecker.h"
#include "hostprogram/hostprogramreader.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <QJsonArray>

#include <set>

using namespace xi;

namespace {

QString instsPath(const QString& fixture, const QString& suffix = QStringLiteral(".insts.bin"))
{
    return test::fixturesDir() + QStringLiteral("/xclbin/") + fixture + QLatin1Char('/') + fixture + suffix;
}

XclbinPtr fixture(const QString& name)
{
    return XclbinReader::read(test::xclbinFixturePath(name));
}

QStringList codes(const BindingReport& r, Severity s)
{
    std::set<QString> set;
    for (const BindingFinding& f : r.findings) {
        if (f.severity == s)
            set.insert(f.code);
    }
    return QStringList(set.begin(), set.end());
}

QString describe(const BindingReport& r)
{
    QStringList lines;
    for (const BindingFinding& f : r.findings)
        lines << QStringLiteral("%1 %2 %3: %4").arg(severityName(f.severity)).arg(f.argument).arg(f.code, f.message);
    return lines.join(QLatin1Char('\n'));
}

BindingReport checkQuick(const Xclbin& x, const QString& quick, BindingCheckOptions options = {})
{
    const auto plan = BindingPlan::parseQuick(quick);
    if (!plan)
        qFatal("bad quick plan in test");
    return BindingChecker::check(x, *plan, options);
}

QString warning(int index, qint64 bank, qint64 connected, const char* kernel = "MLIR_AIE")
{
    return QStringLiteral("Kernel %1 has no compute units with connectivity required for global argument at index %2. "
                          "The argument is allocated in bank %3, the compute unit is connected to bank %4. Allocating "
                          "local copy of argument buffer in connected bank.")
        .arg(QLatin1String(kernel))
        .arg(index)
        .arg(bank)
        .arg(connected);
}

QStringList texts(const QList<PredictedXrtWarning>& list, bool exceptions = false)
{
    QStringList out;
    for (const PredictedXrtWarning& w : list) {
        if (w.exception == exceptions)
            out << w.text;
    }
    return out;
}

} // namespace

class TestBindingChecker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    // Every bug class of docs/domain.md section 6, as our own Python and C++ host programs, against a real MLIR_AIE
    // fixture with its instruction stream (and the Riallto fixture for the old convention).
    void bugClasses_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<QStringList>("warnings");
        const QString add = QStringLiteral("iron-single-add");
        for (const char* ext : { ".py", ".cpp" }) {
            auto row = [&](const char* name, QStringList errors, QStringList warnings = {}) {
                errors.sort();
                const QString file = QLatin1String(name) + QLatin1String(ext);
                QTest::newRow(qPrintable(file)) << file << add << errors << warnings;
            };
            row("correct", {});
            row("bug_two_buffers",
                test::strings({ "bo-at-scalar", "bank-not-connected", "missing-argument", "missing-instr" }));
            row("bug_opcode_last",
                test::strings({ "bo-at-scalar", "bank-not-connected", "scalar-at-buffer", "missing-instr" }));
            row("bug_seed_guide_call",
                test::strings({ "legacy-convention-mix", "bo-at-scalar", "scalar-at-buffer", "missing-instr",
                                "ninstr-mismatch" }));
            // a data BO from a scalar's group is an error where XRT rejects it (here: no bank connects 0xFFFF)
            row("bug_scalar_group", test::strings({ "bank-out-of-range", "bo-from-scalar-group" }));
            row("bug_missing_instr", test::strings({ "missing-instr" }));
            // bytes for a TXN stream: its header carries its own size, current firmware runs it (a warning)
            row("bug_ninstr_bytes", {}, test::strings({ "ninstr-mismatch" }));
            row("bug_opcode2", test::strings({ "opcode-not-3" }));
            row("bug_too_many_buffers", test::strings({ "too-many-buffers", "too-many-arguments" }));
            row("bug_legacy_mix",
                test::strings({ "legacy-convention-mix", "bo-at-scalar", "scalar-at-buffer", "missing-instr" }));
        }
        const QString riallto = QStringLiteral("riallto-color-detect-720p");
        QTest::newRow("correct_riallto.py")
            << QStringLiteral("correct_riallto.py") << riallto << QStringList() << QStringList();
        QStringList oldMix
            = test::strings({ "legacy-convention-mix", "bo-at-scalar", "scalar-at-buffer", "missing-instr" });
        oldMix.sort();
        QTest::newRow("old_mlir_aie_test.py on Riallto")
            << QStringLiteral("old_mlir_aie_test.py") << riallto << QStringList() << QStringList();
        // from a scalar's group: an error where passed at a buffer index (XRT rejects it), a warning at a scalar one
        QTest::newRow("old_mlir_aie_test.py on IRON") << QStringLiteral("old_mlir_aie_test.py") << add << oldMix
                                                      << QStringList { QStringLiteral("bo-from-scalar-group") };
        QStringList mix = test::strings(
            { "legacy-convention-mix", "scalar-at-buffer", "missing-instr", "bo-at-scalar", "too-many-arguments" });
        mix.sort();
        QTest::newRow("riallto_opcode_call.py") << QStringLiteral("riallto_opcode_call.py") << riallto << mix
                                                << QStringList { QStringLiteral("bo-from-scalar-group") };
    }

    void bugClasses()
    {
        QFETCH(QString, file);
        QFETCH(QString, fixture);
        QFETCH(QStringList, errors);
        QFETCH(QStringList, warnings);
        const XclbinPtr x = ::fixture(fixture);
        QString error;
        const auto plan = HostProgramReader::read(test::hostProgramPath(file), &error);
        QVERIFY2(plan, qPrintable(error));
        BindingCheckOptions options;
        const bool riallto = fixture.startsWith(QLatin1String("riallto"));
        options.instructions = BindingInstructions::load(
            instsPath(fixture, riallto ? QStringLiteral(".seq") : QStringLiteral(".insts.bin")), &error);
        QVERIFY2(options.instructions, qPrintable(error));
        const BindingReport r = BindingChecker::check(*x, *plan, options);
        if (!plan->kernelName.isEmpty())
            QCOMPARE(r.kernelName, plan->kernelName);
        else // the host takes the name from a variable; the checker says which kernel it chose
            QCOMPARE(codes(r, Severity::Info),
                     riallto ? QStringList { QStringLiteral("kernel-chosen") } : QStringList());
        QCOMPARE(r.convention, riallto ? Convention::Legacy : Convention::Opcode);
        QVERIFY2(codes(r, Severity::Error) == errors, qPrintable(describe(r)));
        QVERIFY2(codes(r, Severity::Warning) == warnings, qPrintable(describe(r)));
        QCOMPARE(r.hasErrors(), !errors.isEmpty());
        if (errors.isEmpty() && warnings.isEmpty()) {
            QVERIFY(r.predictedWarnings.isEmpty()); // a correct program makes XRT print nothing
            QCOMPARE(r.count(Severity::Warning), 0);
        }
        // Findings point at the file and a real line of it.
        for (const BindingFinding& f : r.findings) {
            QCOMPARE(f.location.file, test::hostProgramPath(file));
            QVERIFY2(f.location.line > 0, qPrintable(f.code));
        }
        // The corrected call, put in place of the host's call in the same program, checks clean.
        const bool python = file.endsWith(QLatin1String(".py"));
        QStringList lines = QString::fromUtf8(test::readFile(test::hostProgramPath(file))).split(QLatin1Char('\n'));
        const QString callLine = lines.at(plan->call.line - 1);
        const QString indent = callLine.left(callLine.size() - callLine.trimmed().size());
        QStringList fix = (python ? r.correctedPython : r.correctedCpp).split(QLatin1Char('\n'));
        for (QString& line : fix)
            line.prepend(indent);
        lines.replace(plan->call.line - 1, fix.join(QLatin1Char('\n')));
        const BindingPlan fixed
            = HostProgramReader::parse(lines.join(QLatin1Char('\n')), python ? HostLanguage::Python : HostLanguage::Cpp,
                                       test::hostProgramPath(file));
        const BindingReport again = BindingChecker::check(*x, fixed, options);
        QVERIFY2(!again.hasErrors(), qPrintable(fix.join(QLatin1Char('\n')) + QLatin1Char('\n') + describe(again)));
        QVERIFY(again.predictedWarnings.isEmpty());
    }

    // The seed guide's own call against the seed project's real mel kernel and an IRON kernel: the warning
    // docs/domain.md section 6 quotes, in every XRT flavour.
    void seedGuideCallPredictions_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("whisper-mel-fixed-v3") << QStringLiteral("whisper-mel-fixed-v3");
        QTest::newRow("iron-single-add") << QStringLiteral("iron-single-add");
    }

    void seedGuideCallPredictions()
    {
        QFETCH(QString, fixture);
        const XclbinPtr x = ::fixture(fixture);
        const QString guide = QStringLiteral("instr:1, nbytes, 0, bo:3, bo:4");
        BindingReport r = checkQuick(*x, guide);
        QCOMPARE(texts(r.predictedWarnings), QStringList { warning(0, 1, 131071) });
        QCOMPARE(texts(r.predictedWarningsSlotAware), QStringList { warning(0, 1, 131071) });
        QCOMPARE(texts(r.predictedWarningsXrt213), QStringList { warning(0, 1, -1) });
        r = checkQuick(*x, guide, BindingCheckOptions { SlotMode { 2, false }, std::nullopt });
        QCOMPARE(texts(r.predictedWarnings), QStringList { warning(0, 1, 0x2FFFF) }); // "group 2" = second context
        r = checkQuick(*x, guide, BindingCheckOptions { SlotMode::xrt213(), std::nullopt });
        QCOMPARE(r.predictedTexts(), QStringList { warning(0, 1, -1) });
        QCOMPARE(r.correctedPython,
                 QStringLiteral("run = kernel(3, instr_bo, n_words, bo_arg3, bo_arg4)")
                     .prepend(QStringLiteral("n_words = len(insts) // 4  # 32-bit instruction words\n")));
    }

    void wrongPositionsPredictEveryClone()
    {
        const XclbinPtr x = fixture(QStringLiteral("iron-single-add"));
        const BindingReport r = checkQuick(*x, QStringLiteral("instr:1, bo:3, bo:4, 3"));
        QCOMPARE(texts(r.predictedWarningsSlotAware),
                 QStringList({ warning(0, 1, 131071), warning(1, 0, 65537), warning(2, 0, 131071) }));
        QCOMPARE(texts(r.predictedWarningsXrt213),
                 QStringList({ warning(0, 1, -1), warning(1, 0, 1), warning(2, 0, -1) }));
    }

    // XRT 2.13 has no slot and no bank for a group of -1: it throws from its memory table as the BO is passed.
    void scalarGroupInXrt213Throws()
    {
        const XclbinPtr x = fixture(QStringLiteral("iron-single-add"));
        const BindingReport r = checkQuick(*x, QStringLiteral("3, instr:1, ninstr, bo:0, bo:2"));
        QCOMPARE(texts(r.predictedWarningsXrt213), QStringList());
        QCOMPARE(texts(r.predictedWarningsXrt213, true),
                 QStringList {
                     QStringLiteral("vector::_M_range_check: __n (which is 16777215) >= this->size() (which is 2)") });
        QCOMPARE(r.predictedWarningsXrt213.first().argument, 3);
        // A raw slot-aware group typed into an XRT 2.13 program.
        const BindingReport raw = checkQuick(*x, QStringLiteral("3, instr:1, ninstr, bo@65536, bo:4"),
                                             BindingCheckOptions { SlotMode::xrt213(), std::nullopt });
        QCOMPARE(texts(raw.predictedWarnings, true), QStringList { BindingChecker::xrt213RangeErrorText(65536, 2) });
        QVERIFY(codes(raw, Severity::Error).contains(QStringLiteral("bank-out-of-range")));
    }

    void rawGroupOfAnotherSlot()
    {
        const XclbinPtr x = fixture(QStringLiteral("iron-single-add"));
        const BindingReport r = checkQuick(*x, QStringLiteral("3, instr@0x20001, ninstr, bo@0x20000, bo@65536"));
        QCOMPARE(codes(r, Severity::Warning), QStringList { QStringLiteral("slot-mismatch") });
        QCOMPARE(r.count(Severity::Warning), 2);
        QVERIFY2(!r.hasErrors(), qPrintable(describe(r))); // XRT's check compares banks only
        QVERIFY(r.predictedWarnings.isEmpty());
    }

    void instructionCount_data()
    {
        QTest::addColumn<QString>("count");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("severity");
        QTest::newRow("words") << QStringLiteral("105") << QString() << -1;
        QTest::newRow("symbolic words") << QStringLiteral("ninstr") << QString() << -1;
        // the byte count of a TXN stream: the header carries the size, so it runs (a warning, the ABI says words)
        QTest::newRow("bytes") << QStringLiteral("420") << QStringLiteral("ninstr-mismatch") << int(Severity::Warning);
        QTest::newRow("wrong") << QStringLiteral("118") << QStringLiteral("ninstr-mismatch") << int(Severity::Error);
        QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("ninstr-mismatch") << int(Severity::Error);
    }

    void instructionCount()
    {
        QFETCH(QString, count);
        QFETCH(QString, code);
        QFETCH(int, severity);
        const XclbinPtr x = fixture(QStringLiteral("iron-single-add"));
        BindingCheckOptions options;
        options.instructions = BindingInstructions::load(instsPath(QStringLiteral("iron-single-add")));
        QVERIFY(options.instructions);
        const BindingReport r = checkQuick(*x, QStringLiteral("3, instr:1, %1, bo:3, bo:4").arg(count), options);
        if (code.isEmpty()) {
            QVERIFY2(r.findings.isEmpty(), qPrintable(describe(r)));
            return;
        }
        QCOMPARE(r.findings.size(), 1);
        QCOMPARE(r.findings.first().code, code);
        QCOMPARE(int(r.findings.first().severity), severity);
        QCOMPARE(r.findings.first().argument, 2);
        QVERIFY2(r.findings.first().message.contains(QLatin1String("105")), qPrintable(r.findings.first().message));
    }

    void withoutInstructionFileCountIsNoted()
    {
        const XclbinPtr x = fixture(QStringLiteral("whisper-mel-fixed-v3"));
        const BindingReport r = checkQuick(*x, QStringLiteral("3, instr:1, 118, bo:3, bo:4"));
        QVERIFY2(!r.hasErrors(), qPrintable(describe(r)));
        QCOMPARE(codes(r, Severity::Info), QStringList { QStringLiteral("ninstr-mismatch") });
        QCOMPARE(r.correctedPython,
                 QStringLiteral("run = kernel(3, instr_bo, n_words, bo_arg3, bo_arg4)")
                     .prepend(QStringLiteral("n_words = len(insts) // 4  # 32-bit instruction words\n")));
    }

    void instructionFiles()
    {
        QString error;
        const auto bin = BindingInstructions::load(instsPath(QStringLiteral("iron-single-add")), &error);
        QVERIFY2(bin, qPrintable(error));
        QCOMPARE(bin->format, BindingInstructions::Format::Binary);
        QCOMPARE(bin->wordCount(), 105);
        QCOMPARE(bin->byteCount(), quint64(420));
        QVERIFY(bin->isMlirAieStream());
        const auto seq = BindingInstructions::load(
            instsPath(QStringLiteral("riallto-color-detect-720p"), QStringLiteral(".seq")), &error);
        QVERIFY2(seq, qPrintable(error));
        QCOMPARE(seq->format, BindingInstructions::Format::HexText);
        QCOMPARE(seq->wordCount(), 57);
        QCOMPARE(seq->words.first(), 0x11u);
        QCOMPARE(seq->words.at(1), 0x01000405u);
        QVERIFY(!seq->isMlirAieStream());
        QVERIFY(!BindingInstructions::parse(QByteArray("\x01\x02\x03", 3), QStringLiteral("x.bin"), &error));
        QVERIFY2(error.startsWith(QLatin1String("x.bin: 3 bytes is not a whole number")), qPrintable(error));
        QVERIFY(!BindingInstructions::parse("00000011\n123456789\n", QStringLiteral("y.txt"), &error));
        QVERIFY2(error.contains(QLatin1String("y.txt: line 2: expected one 32-bit hex word")), qPrintable(error));
        QVERIFY(!BindingInstructions::load(QStringLiteral("/nonexistent/insts.bin"), &error));
        QVERIFY2(error.contains(QLatin1String("/nonexistent/insts.bin: cannot open")), qPrintable(error));
    }

    void unknownKernel()
    {
        const XclbinPtr x = fixture(QStringLiteral("iron-single-add"));
        auto plan = BindingPlan::parseQuick(QStringLiteral("3"));
        plan->kernelName = QStringLiteral("vadd");
        const BindingReport r = BindingChecker::check(*x, *plan);
        QCOMPARE(r.findings.size(), 1);
        QCOMPARE(r.findings.first().code, QStringLiteral("no-kernel"));
        QVERIFY(r.findings.first().message.contains(QLatin1String("kernels: MLIR_AIE")));
    }

    void jsonShape()
    {
        const XclbinPtr x = fixture(QStringLiteral("iron-single-add"));
        const QJsonObject o = checkQuick(*x, QStringLiteral("instr:1, nbytes, 0, bo:3, bo:4")).toJson();
        QCOMPARE(o.value(QLatin1String("kernel")).toString(), QStringLiteral("MLIR_AIE"));
        const QJsonArray findings = o.value(QLatin1String("findings")).toArray();
        QVERIFY(!findings.isEmpty());
        const QJsonObject first = findings.first().toObject();
        QCOMPARE(first.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(first.value(QLatin1String("argument")).toInt(), 0);
        QVERIFY(first.contains(QLatin1String("code")) && first.contains(QLatin1String("message"))
                && first.contains(QLatin1String("line")));
        QCOMPARE(o.value(QLatin1String("predicted_xrt_warnings")).toArray().size(), 1);
        QCOMPARE(o.value(QLatin1String("predicted_xrt_warnings")).toArray().first().toString(), warning(0, 1, 131071));
        const QJsonObject call = o.value(QLatin1String("corrected_call")).toObject();
        QVERIFY(call.value(QLatin1String("python")).toString().contains(QLatin1String("run = kernel(3, instr_bo")));
        QVERIFY(call.value(QLatin1String("cpp")).toString().contains(QLatin1String("auto run = kernel(3, instr_bo")));
    }
};

QTEST_GUILESS_MAIN(TestBindingChecker)
#include "tst_bindingchecker.moc"
