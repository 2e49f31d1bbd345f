// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/aieccdiagnostic.h"

#include <QTest>

using namespace xi;

namespace {

// What aiecc.py 2025 prints with --verbose when the design has a buffer on a shim tile used by a core, and the
// aie-opt step fails (MLIR diagnostics come from aie-opt's stderr, then aiecc's own line).
const char* const FailedLog
    = R"(Running: builtin.module(lower-affine,aie-canonicalize-device,aie.device(aie-assign-lock-ids,aie-register-objectFifos,aie-objectFifo-stateful-transform,aie-assign-bd-ids,aie-assign-buffer-addresses{alloc-scheme=basic-sequential}),convert-scf-to-cf)
aie-opt --pass-pipeline=builtin.module(aie.device(aie-localize-locks,aie-normalize-address-spaces)) /w/attention_64x64.mlir.prj/input_with_addresses.mlir -o /w/attention_64x64.mlir.prj/main_core_0_2.opt.mlir
/w/attention_64x64.mlir:18:12: error: 'aie.buffer' op in Column 0 and Row 0 is accessed from an unreachable tile
    %buf = aie.buffer(%shim) : memref<64xi8>
           ^
/w/attention_64x64.mlir:18:12: note: see current operation: %buf = aie.buffer(%shim) : memref<64xi8>
attention_64x64.mlir:40:7: warning: no DMA wait for this transfer
Error encountered while running: aie-opt --pass-pipeline=builtin.module(aie.device(aie-localize-locks)) /w/attention_64x64.mlir.prj/input_with_addresses.mlir -o /w/attention_64x64.mlir.prj/main_core_0_2.opt.mlir
)";

const char* const TracebackLog = R"(Traceback (most recent call last):
  File "/opt/mlir_aie/bin/aiecc.py", line 8, in <module>
    sys.exit(main())
  File "/opt/mlir_aie/python/aie/compiler/aiecc/main.py", line 1712, in main
    module = Module.parse(mlir_module_str)
aie._mlir_libs._site_initialize.<locals>.MLIRError: Unable to parse module assembly:
error: "-":12:5: custom op 'aie.bogus' is unknown
)";

} // namespace

class TestAieccDiagnostic : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mlirDiagnosticsAndFailedStep();
    void streamedLineByLine();
    void pythonException();
    void plainErrors();
    void progressFromVerboseTrace();
    void texts();
};

void TestAieccDiagnostic::mlirDiagnosticsAndFailedStep()
{
    const QList<AieccDiagnostic> d = AieccLogParser::parse(QString::fromUtf8(FailedLog));
    QCOMPARE(d.size(), 4);
    QCOMPARE(d[0].kind, AieccDiagnostic::Kind::Error);
    QCOMPARE(d[0].file, QStringLiteral("/w/attention_64x64.mlir"));
    QCOMPARE(d[0].line, 18);
    QCOMPARE(d[0].column, 12);
    QCOMPARE(d[0].message,
             QStringLiteral("'aie.buffer' op in Column 0 and Row 0 is accessed from an unreachable tile"));
    QCOMPARE(d[0].logLine, 3);
    QVERIFY(d[0].isError() && d[0].hasLocation());
    QCOMPARE(d[1].kind, AieccDiagnostic::Kind::Note);
    QVERIFY(!d[1].isError());
    QCOMPARE(d[2].kind, AieccDiagnostic::Kind::Warning);
    QCOMPARE(d[2].file, QStringLiteral("attention_64x64.mlir")); // relative: the working folder resolves it
    QCOMPARE(d[2].line, 40);
    QCOMPARE(d[3].kind, AieccDiagnostic::Kind::FailedCommand);
    QVERIFY(d[3].command.startsWith(QLatin1String("aie-opt --pass-pipeline=")));
    QVERIFY(d[3].isError() && !d[3].hasLocation());
}

void TestAieccDiagnostic::streamedLineByLine()
{
    AieccLogParser parser;
    int found = 0;
    for (const QString& line : QString::fromUtf8(FailedLog).split(QLatin1Char('\n'))) {
        const QList<AieccDiagnostic> now = parser.feed(line + QLatin1Char('\n'));
        QVERIFY(now.size() <= 1);
        found += int(now.size());
    }
    QCOMPARE(found, 4);
    QCOMPARE(parser.diagnostics().size(), 4);
}

void TestAieccDiagnostic::pythonException()
{
    const QList<AieccDiagnostic> d = AieccLogParser::parse(QString::fromUtf8(TracebackLog));
    // The traceback's frames are not diagnostics; its exception line is; the MLIR error without a location
    // after it is a plain error.
    QCOMPARE(d.size(), 2);
    QCOMPARE(d[0].kind, AieccDiagnostic::Kind::Exception);
    QVERIFY(d[0].message.startsWith(QLatin1String("aie._mlir_libs._site_initialize.<locals>.MLIRError")));
    QCOMPARE(d[1].kind, AieccDiagnostic::Kind::Error);
    QVERIFY(d[1].message.contains(QLatin1String("custom op 'aie.bogus' is unknown")));
}

void TestAieccDiagnostic::plainErrors()
{
    const QList<AieccDiagnostic> d
        = AieccLogParser::parse(QStringLiteral("ERROR: Section 'AIE_PARTITION' JSON file could not be read\n"
                                               "Error: aiebu-asm not found, generation of ELF file failed.\n"
                                               "Done in 0.020 sec: bootgen -arch versal\n"));
    QCOMPARE(d.size(), 2);
    QVERIFY(d[0].message.startsWith(QLatin1String("Section 'AIE_PARTITION'")));
    QVERIFY(d[1].message.startsWith(QLatin1String("aiebu-asm not found")));
}

void TestAieccDiagnostic::progressFromVerboseTrace()
{
    AieccLogParser parser;
    for (const QString& line : QString::fromUtf8(FailedLog).split(QLatin1Char('\n')))
        parser.feed(line);
    QCOMPARE(parser.progress().started, 2); // the pass pipeline and the aie-opt command
    QCOMPARE(parser.progress().finished, 0);
    QVERIFY(parser.progress().current.startsWith(QLatin1String("aie-opt ")));
    parser.feed(QStringLiteral("Done in 0.118 sec: aie-opt --pass-pipeline=..."));
    parser.feed(QStringLiteral("/opt/peano/bin/clang -O2 --target=aie2-none-unknown-elf core.o -o core.elf"));
    QCOMPARE(parser.progress().finished, 1);
    QCOMPARE(parser.progress().started, 3);
    QVERIFY(parser.progress().current.startsWith(QLatin1String("/opt/peano/bin/clang")));
}

void TestAieccDiagnostic::texts()
{
    const QList<AieccDiagnostic> d = AieccLogParser::parse(QString::fromUtf8(FailedLog));
    QCOMPARE(d[0].text(),
             QStringLiteral("/w/attention_64x64.mlir:18:12: error: 'aie.buffer' op in Column 0 and Row 0 is "
                            "accessed from an unreachable tile"));
    QVERIFY(d[3].text().startsWith(QLatin1String("failed step: aie-opt")));
    const QJsonObject json = d[0].toJson();
    QCOMPARE(json.value(QLatin1String("kind")).toString(), QStringLiteral("error"));
    QCOMPARE(json.value(QLatin1String("log_line")).toInt(), 3);
}

QTEST_GUILESS_MAIN(TestAieccDiagnostic)
#include "tst_aieccdiagnostic.moc"
