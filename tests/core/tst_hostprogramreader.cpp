// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostprogram/hostprogramreader.h"
#include "testsupport.h"

#include <QDir>

using namespace xi;

namespace {

// 1-based line of the first line of the file containing `needle`.
int lineOf(const QString& path, const QString& needle)
{
    const QStringList lines = QString::fromUtf8(test::readFile(path)).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(needle))
            return i + 1;
    }
    return -1;
}

QStringList reasons(const BindingPlan& plan)
{
    QStringList out;
    for (const UnresolvedItem& u : plan.unresolved)
        out << QStringLiteral("%1|%2|%3").arg(u.location.line).arg(u.text, u.reason);
    return out;
}

} // namespace

class TestHostProgramReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Our own host programs (tests/data/host): the plan each one passes, where its call is, nothing unresolved.
    void ourHostPrograms_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("quick");
        QTest::addColumn<QString>("callNeedle");

        const QString insts = QStringLiteral("instr:1[file=build/insts.bin]");
        const QString in = QStringLiteral("bo:3[size=12288]");
        const QString out = QStringLiteral("bo:4[out,size=4096]");
        for (const char* ext : { "py", "cpp" }) {
            const QString e = QLatin1String(ext);
            auto row = [&](const char* name, const QString& quick, const QString& needle) {
                QTest::newRow(qPrintable(QLatin1String(name) + QLatin1Char('.') + e))
                    << QLatin1String(name) + QLatin1Char('.') + e << quick << needle;
            };
            const bool py = e == QLatin1String("py");
            const QString call = py ? QStringLiteral("run = kernel(") : QStringLiteral("auto run = kernel(");
            row("correct", QStringLiteral("3, %1, ninstr, %2, %3").arg(insts, in, out), call);
            row("bug_two_buffers", QStringLiteral("%1, %2").arg(in, out), call);
            row("bug_opcode_last", QStringLiteral("%1, %2, %3, 3").arg(insts, in, out), call);
            row("bug_seed_guide_call", QStringLiteral("%1, nbytes, 0, %2, %3").arg(insts, in, out), call);
            row("bug_scalar_group", QStringLiteral("3, %1, ninstr, bo:0[size=12288], bo:2[out,size=4096]").arg(insts),
                call);
            row("bug_missing_instr", QStringLiteral("3, -, ninstr, %1, %2").arg(in, out),
                QStringLiteral("run.set_arg(0, 3)"));
            row("bug_ninstr_bytes", QStringLiteral("3, %1, nbytes, %2, %3").arg(insts, in, out), call);
            row("bug_opcode2", QStringLiteral("2, %1, ninstr, %2, %3").arg(insts, in, out), call);
            row("bug_too_many_buffers",
                QStringLiteral("3, %1, ninstr, %2, %3, bo:5[size=4096], bo:6[size=4096], bo:7[size=4096], "
                               "bo:7[size=4096]")
                    .arg(insts, in, out),
                call);
            row("bug_legacy_mix", QStringLiteral("%1, ninstr, %2, bo:5[size=4096], %3").arg(insts, in, out), call);
        }
        QTest::newRow("correct_riallto.py") << QStringLiteral("correct_riallto.py")
                                            << QStringLiteral("instr:0[file=color_detect_720p.seq], ninstr, "
                                                              "bo:2[size=3686400], bo:3[size=3686400], "
                                                              "bo:4[out,size=3686400]")
                                            << QStringLiteral("run = kernel(");
        // Hex text instructions through list comprehensions; the kernel's name comes from a variable.
        QTest::newRow("old_mlir_aie_test.py")
            << QStringLiteral("old_mlir_aie_test.py")
            << QStringLiteral("instr:0, ninstr, bo:2[size=262144], bo:3[size=262144], "
                              "bo:4[out,size=262144]")
            << QStringLiteral("h = kernel(");
        QTest::newRow("riallto_opcode_call.py") << QStringLiteral("riallto_opcode_call.py")
                                                << QStringLiteral("3, instr:1[file=color_detect_720p.seq], ninstr, "
                                                                  "bo:3[size=3686400], bo:4[size=3686400], "
                                                                  "bo:5[out,size=3686400]")
                                                << QStringLiteral("run = kernel(");
    }

    void ourHostPrograms()
    {
        QFETCH(QString, file);
        QFETCH(QString, quick);
        QFETCH(QString, callNeedle);
        QString error;
        const auto plan = HostProgramReader::read(test::hostProgramPath(file), &error);
        QVERIFY2(plan, qPrintable(error));
        QCOMPARE(plan->toQuick(), quick);
        QVERIFY2(plan->unresolved.isEmpty(), qPrintable(reasons(*plan).join(QLatin1Char('\n'))));
        QCOMPARE(plan->sourceFile, test::hostProgramPath(file));
        QCOMPARE(plan->call.file, test::hostProgramPath(file));
        QCOMPARE(plan->call.line, lineOf(test::hostProgramPath(file), callNeedle));
        const QString kernel = file.startsWith(QLatin1String("old_")) ? QString()
            : file.contains(QLatin1String("riallto"))                 ? QStringLiteral("color_detect_v1_720p")
                                                                      : QStringLiteral("MLIR_AIE");
        QCOMPARE(plan->kernelName, kernel);
        for (const ArgBinding& a : plan->arguments) {
            if (a.isNone())
                continue;
            QVERIFY(a.location.isValid());
            if (a.isBuffer()) {
                QVERIFY(!a.bo.name.isEmpty());
                int allocation = lineOf(test::hostProgramPath(file), a.bo.name + QStringLiteral(" = "));
                if (allocation < 0)
                    allocation = lineOf(test::hostProgramPath(file),
                                        QStringLiteral("xrt::bo ") + a.bo.name + QLatin1Char('('));
                QCOMPARE(a.bo.allocation.line, allocation);
            }
        }
    }

    void seedGuideCallDetails()
    {
        const auto plan = HostProgramReader::read(test::hostProgramPath(QStringLiteral("bug_seed_guide_call.py")));
        QVERIFY(plan);
        QCOMPARE(plan->callText, QStringLiteral("kernel(instr_bo, len(insts), 0, input_bo, output_bo)"));
        QCOMPARE(plan->instructionFile, QStringLiteral("build/insts.bin"));
        const ArgBinding& count = plan->arguments.at(1);
        QCOMPARE(count.text, QStringLiteral("len(insts)"));
        QVERIFY(count.instructionBytes); // f.read() gives bytes, not 32-bit words
        QVERIFY(!count.scalarValue);
        QCOMPARE(plan->arguments.at(0).bo.name, QStringLiteral("instr_bo"));
        QCOMPARE(plan->arguments.at(0).bo.sizeText, QStringLiteral("len(insts)"));
        QCOMPARE(plan->arguments.at(0).location.column, 14);
        QCOMPARE(plan->arguments.at(4).bo.name, QStringLiteral("output_bo"));
        QVERIFY(plan->arguments.at(4).bo.readBack);
        QVERIFY(!plan->arguments.at(3).bo.readBack);
    }

    void pythonKeywordsAndVariables()
    {
        const QString src = QStringLiteral("import pyxrt as xrt\n"
                                           "k = xrt.kernel(ctx, \"MLIR_AIE\")\n"
                                           "gid = k.group_id(3)\n"
                                           "SIZE = 0x1000\n"
                                           "insts = open(\"my_insts.bin\", \"rb\").read()\n"
                                           "a = xrt.bo(dev, size=SIZE * 2, flags=xrt.bo.flags.device_only, group=gid)\n"
                                           "i = xrt.bo(dev, len(insts), xrt.bo.flags.cacheable, k.group_id(1))\n"
                                           "i.write(insts, 0)\n"
                                           "n = len(insts) // 4\n"
                                           "run = k(3, i, n, a)\n");
        const BindingPlan plan = HostProgramReader::parse(src, HostLanguage::Python, QStringLiteral("inline.py"));
        QVERIFY2(plan.unresolved.isEmpty(), qPrintable(reasons(plan).join(QLatin1Char('\n'))));
        QCOMPARE(plan.toQuick(),
                 QStringLiteral("3, instr:1[file=my_insts.bin], ninstr, bo:3[size=8192,flags=device_only]"));
        QCOMPARE(plan.call.line, 10);
        QCOMPARE(plan.arguments.at(3).bo.allocation.line, 6);
        QCOMPARE(plan.arguments.at(2).text, QStringLiteral("n"));
        QCOMPARE(plan.instructionFile, QStringLiteral("my_insts.bin"));
    }

    void cppForms()
    {
        const QString src
            = QStringLiteral("int main() {\n"
                             "  auto instr_v = test_utils::load_instr_sequence(\"insts.txt\");\n"
                             "  xrt::kernel kernel(context, \"MLIR_AIE\");\n"
                             "  auto gid = kernel.group_id(3);\n"
                             "  const size_t N = 1 << 10;\n"
                             "  xrt::bo bo_instr{device, instr_v.size() * sizeof(uint32_t), xrt::bo::flags::cacheable, "
                             "kernel.group_id(1)};\n"
                             "  auto bo_a = xrt::bo(device, N * sizeof(int32_t), XCL_BO_FLAGS_NONE, gid);\n"
                             "  xrt::bo bo_b(device, N, kernel.group_id(4)); // flags default to normal\n"
                             "  bo_instr.write(instr_v.data());\n"
                             "  xrt::run run(kernel);\n"
                             "  run.set_arg(0, 3);\n"
                             "  run.set_arg(1, bo_instr);\n"
                             "  run.set_arg(2, static_cast<uint32_t>(instr_v.size()));\n"
                             "  run.set_arg(3, bo_a);\n"
                             "  run.set_arg(4, bo_b);\n"
                             "  run.start();\n"
                             "  if (run.wait() != ERT_CMD_STATE_COMPLETED) { return 1; }\n"
                             "  bo_b.sync(XCL_BO_SYNC_BO_FROM_DEVICE);\n"
                             "}\n");
        const BindingPlan plan = HostProgramReader::parse(src, HostLanguage::Cpp, QStringLiteral("inline.cpp"));
        QVERIFY2(plan.unresolved.isEmpty(), qPrintable(reasons(plan).join(QLatin1Char('\n'))));
        QCOMPARE(
            plan.toQuick(),
            QStringLiteral(
                "3, instr:1[file=insts.txt], ninstr, bo:3[size=4096,flags=normal], bo:4[out,size=1024,flags=normal]"));
        QCOMPARE(plan.call.line, 11);
        QCOMPARE(plan.arguments.at(4).location.line, 15);
        QCOMPARE(plan.arguments.at(1).bo.allocation.line, 6);
        QCOMPARE(plan.kernelName, QStringLiteral("MLIR_AIE"));
    }

    // What the reader cannot know it reports, with its line, and never guesses; every call is read.
    void unresolvedIsReportedNotGuessed()
    {
        const QString src = QStringLiteral("kernel = xrt.kernel(ctx, name)\n"
                                           "buf = make_buffer(dev)\n"
                                           "flags = pick_flags()\n"
                                           "other = xrt.bo(dev, 4096, flags, group_of(3))\n"
                                           "run = kernel(3, buf, some_count, other)\n"
                                           "run2 = kernel(3, buf, 1, other)\n");
        const HostProgram program = HostProgramReader::parseProgram(src, HostLanguage::Python, QStringLiteral("u.py"));
        QCOMPARE(program.calls.size(), 2);
        const BindingPlan& plan = program.calls.first();
        const QStringList r = reasons(plan);
        QVERIFY2(r.size() == 3, qPrintable(r.join(QLatin1Char('\n'))));
        QVERIFY(r.at(0).startsWith(QLatin1String("5|buf|could not tell whether the argument at index 1 is a BO")));
        QVERIFY(r.at(1).startsWith(QLatin1String("5|some_count|could not tell")));
        QVERIFY2(r.at(2).startsWith(QLatin1String("5|other|the memory group of the BO 'other' (allocated at line 4) "
                                                  "could not be resolved: 'group_of(3)'")),
                 qPrintable(r.at(2)));
        QCOMPARE(plan.unresolved.at(0).argument, 1);
        QVERIFY(plan.arguments.at(1).unresolved);
        QVERIFY(plan.arguments.at(3).isBuffer());
        QVERIFY(!plan.arguments.at(3).bo.hasGroup());
        QVERIFY(plan.arguments.at(3).bo.flagsUnknown); // never guessed as host_only
        QVERIFY(plan.kernelName.isEmpty()); // the kernel's name is a variable
        QCOMPARE(program.calls.at(1).call.line, 6); // the second call is read too, not dropped
        QCOMPARE(program.calls.at(1).arguments.at(2).scalarValue, std::optional<qint64>(1));
    }

    // A function whose kernel and buffers are parameters, never called in the file: its call is found, and what it
    // passes is unknown (unresolved), never judged.
    void callWithParametersIsUnresolved()
    {
        const BindingPlan plan = HostProgramReader::parse(
            QStringLiteral("def run_kernel(kernel, a, b):\n    return kernel(3, a, b)\n"), HostLanguage::Python);
        QCOMPARE(plan.call.line, 2);
        QCOMPARE(plan.unresolved.size(), 2);
        QVERIFY2(plan.unresolved.first().reason.contains(QLatin1String("the parameter 'a' of run_kernel()")),
                 qPrintable(plan.unresolved.first().reason));
    }

    void noCallFound()
    {
        const BindingPlan plan = HostProgramReader::parse(
            QStringLiteral("import pyxrt as xrt\nk = xrt.kernel(ctx, \"MLIR_AIE\")\nprint(k)\n"), HostLanguage::Python);
        QCOMPARE(plan.arguments.size(), 0);
        QCOMPARE(plan.unresolved.size(), 1);
        QVERIFY(plan.unresolved.first().reason.startsWith(QLatin1String("no kernel call found")));
        QCOMPARE(plan.unresolved.first().location.line, 2); // where the kernel that is never called is made
    }

    void unreadableFiles()
    {
        QString error;
        QVERIFY(!HostProgramReader::read(test::hostProgramPath(QStringLiteral("missing.py")), &error));
        QVERIFY2(error.contains(QLatin1String("missing.py")) && error.contains(QLatin1String("cannot open")),
                 qPrintable(error));
        QVERIFY(!HostProgramReader::read(QStringLiteral("host.rb"), &error));
        QVERIFY2(error.contains(QLatin1String("expected .py or .cpp")), qPrintable(error));
    }

    // Bad input never crashes: every host program cut at many places, and binary files read as source.
    void truncatedAndBinaryInput()
    {
        const QStringList files
            = QDir(test::hostProgramPath(QString())).entryList({ QStringLiteral("*.py"), QStringLiteral("*.cpp") });
        QVERIFY(!files.isEmpty());
        int parsed = 0;
        for (const QString& name : files) {
            HostLanguage lang;
            QVERIFY(hostLanguageFromPath(name, &lang));
            const QString src = QString::fromUtf8(test::readFile(test::hostProgramPath(name)));
            for (qsizetype cut = 0; cut < src.size(); cut += 23) {
                const BindingPlan plan = HostProgramReader::parse(src.left(cut), lang, name);
                QVERIFY(plan.arguments.size() < 64);
                ++parsed;
            }
        }
        for (const QString& fixture : { QStringLiteral("iron-single-add"), QStringLiteral("pynq-default") }) {
            const QString bytes = QString::fromLatin1(test::readFile(test::xclbinFixturePath(fixture)));
            QVERIFY(!bytes.isEmpty());
            for (HostLanguage lang : { HostLanguage::Python, HostLanguage::Cpp }) {
                const BindingPlan plan = HostProgramReader::parse(bytes, lang, fixture);
                QVERIFY(!plan.unresolved.isEmpty()); // at least "no kernel call found"
            }
        }
        QVERIFY(parsed > 1000);
    }

    void tokenizerErrorsBecomeUnresolved()
    {
        const BindingPlan plan = HostProgramReader::parse(
            QStringLiteral("k = xrt.kernel(c, \"MLIR_AIE\")\nrun = k(3)\nx = 'never closed\n"), HostLanguage::Python,
            QStringLiteral("e.py"));
        QCOMPARE(plan.toQuick(), QStringLiteral("3"));
        QCOMPARE(plan.unresolved.size(), 1);
        QCOMPARE(plan.unresolved.first().reason, QStringLiteral("unterminated string"));
        QCOMPARE(plan.unresolved.first().location.line, 3);
    }
};

QTEST_GUILESS_MAIN(TestHostProgramReader)
#include "tst_hostprogramreader.moc"
