// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/aieccflagset.h"

#include <QTest>

using namespace xi;

namespace {

// Excerpts of what each aiecc generation prints for --help (argparse for aiecc.py, LLVM cl for the C++ aiecc).
const char* const Help2023 = R"(usage: aiecc [-h] [--version] [--sysroot sysroot] [--tmpdir tmpdir] [--verbose]
             [--xbridge] [--no-xbridge] [--xchesscc] [--no-xchesscc] [--compile] [--no-compile]
             [--aie-generate-ipu] [--ipu-insts-name IPU_INSTS_NAME] [--aie-generate-xclbin]
             [--xclbin-name XCLBIN_NAME] [file] ...
  --aie-generate-ipu    Generate ipu instruction stream
  --ipu-insts-name IPU_INSTS_NAME
                        Output instructions filename for IPU target
  --aie-generate-xclbin
                        Generate xclbin
)";

const char* const Help2024
    = R"(usage: aiecc [-h] [--version] [--tmpdir tmpdir] [--verbose] [--no-xchesscc] [--no-xbridge]
             [--no-compile-host] [--aie-generate-npu] [--npu-insts-name INSTS_NAME] [--aie-generate-xclbin]
  --aie-generate-npu    Generate npu instruction stream
  --npu-insts-name INSTS_NAME
                        Output instructions filename for NPU target
)";

const char* const Help2025
    = R"(usage: aiecc [-h] [--version] [--tmpdir tmpdir] [--verbose] [--no-xchesscc] [--no-xbridge]
             [--no-compile-host] [--alloc-scheme ALLOC_SCHEME] [--aie-generate-npu-insts]
             [--npu-insts-name INSTS_NAME] [--aie-generate-xclbin] [--xclbin-name XCLBIN_NAME]
  --alloc-scheme ALLOC_SCHEME
                        Allocation scheme for AIE buffers: basic-sequential or bank-aware.
  --aie-generate-npu-insts
                        Generate npu instruction stream from default runtime sequence
  --npu-insts-name INSTS_NAME
                        Output instructions filename for NPU target. `{0}` is replaced with device name, `{1}` with
                        the selected runtime sequence.
)";

const char* const Help2026 = R"(OVERVIEW: MLIR-AIE compiler driver

USAGE: aiecc [options] <input.mlir>

OPTIONS:
  --get-npu-insts          - Produce the NPU instruction stream of every runtime sequence
  --get-xclbin             - Produce the xclbin
  --npu-insts-name=<name>  - Output name of the instruction streams
  --xclbin-name=<name>     - Output name of the xclbin
  -v, --verbose            - Enable verbose output
)";

} // namespace

class TestAieccFlagSet : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void generations_data();
    void generations();
    void npuDoesNotMatchNpuInsts();
    void extraFlagsOnlyWhenOffered();
    void argumentsEndWithTheDesign();
    void unknownHelp();
};

void TestAieccFlagSet::generations_data()
{
    QTest::addColumn<QString>("help");
    QTest::addColumn<int>("generation");
    QTest::addColumn<QString>("xclbinFlag");
    QTest::addColumn<QString>("instsFlag");
    QTest::addColumn<QString>("instsName");
    QTest::addColumn<QString>("instsFile");
    QTest::newRow("2023 ipu") << QString::fromUtf8(Help2023) << int(AieccFlagSet::Generation::Ipu)
                              << QStringLiteral("--aie-generate-xclbin") << QStringLiteral("--aie-generate-ipu")
                              << QStringLiteral("--ipu-insts-name") << QStringLiteral("d.insts.txt");
    QTest::newRow("2024 npu") << QString::fromUtf8(Help2024) << int(AieccFlagSet::Generation::Npu)
                              << QStringLiteral("--aie-generate-xclbin") << QStringLiteral("--aie-generate-npu")
                              << QStringLiteral("--npu-insts-name") << QStringLiteral("d.insts.txt");
    QTest::newRow("2025 npu-insts") << QString::fromUtf8(Help2025) << int(AieccFlagSet::Generation::NpuInsts)
                                    << QStringLiteral("--aie-generate-xclbin")
                                    << QStringLiteral("--aie-generate-npu-insts") << QStringLiteral("--npu-insts-name")
                                    << QStringLiteral("d.insts.bin");
    QTest::newRow("2026 get") << QString::fromUtf8(Help2026) << int(AieccFlagSet::Generation::Get)
                              << QStringLiteral("--get-xclbin") << QStringLiteral("--get-npu-insts")
                              << QStringLiteral("--npu-insts-name") << QStringLiteral("d.insts.bin");
}

void TestAieccFlagSet::generations()
{
    QFETCH(QString, help);
    QFETCH(int, generation);
    QFETCH(QString, xclbinFlag);
    QFETCH(QString, instsFlag);
    QFETCH(QString, instsName);
    QFETCH(QString, instsFile);
    const AieccFlagSet set = AieccFlagSet::fromHelp(help);
    QCOMPARE(int(set.generation()), generation);
    QVERIFY(set.isKnown());
    QCOMPARE(set.xclbinFlag(), xclbinFlag);
    QCOMPARE(set.instructionsFlag(), instsFlag);
    QCOMPARE(set.instructionsNameOption(), instsName);
    QCOMPARE(set.xclbinNameOption(), QStringLiteral("--xclbin-name"));
    QCOMPARE(set.instructionsFileName(QStringLiteral("d")), instsFile);
    QVERIFY(!set.description().isEmpty());
}

void TestAieccFlagSet::npuDoesNotMatchNpuInsts()
{
    // --aie-generate-npu-insts contains --aie-generate-npu: the 2025 help must not read as the 2024 one, and the
    // 2024 flag must be found as a whole word.
    QCOMPARE(AieccFlagSet::fromHelp(QString::fromUtf8(Help2025)).instructionsFlag(),
             QStringLiteral("--aie-generate-npu-insts"));
    QCOMPARE(AieccFlagSet::fromHelp(QStringLiteral("[--aie-generate-npu] [--npu-insts-name N]")).generation(),
             AieccFlagSet::Generation::Npu);
    QCOMPARE(AieccFlagSet::fromHelp(QStringLiteral("[--aie-generate-npu-instsx]")).generation(),
             AieccFlagSet::Generation::Unknown);
}

void TestAieccFlagSet::extraFlagsOnlyWhenOffered()
{
    const QStringList extra2025 = AieccFlagSet::fromHelp(QString::fromUtf8(Help2025)).extraFlags();
    QCOMPARE(
        extra2025,
        QStringList({ QStringLiteral("--alloc-scheme=basic-sequential"), QStringLiteral("--no-compile-host"),
                      QStringLiteral("--no-xchesscc"), QStringLiteral("--no-xbridge"), QStringLiteral("--verbose") }));
    // The 2023 help offers no --no-compile-host and no --alloc-scheme: they are not passed.
    const QStringList extra2023 = AieccFlagSet::fromHelp(QString::fromUtf8(Help2023)).extraFlags();
    QCOMPARE(
        extra2023,
        QStringList({ QStringLiteral("--no-xchesscc"), QStringLiteral("--no-xbridge"), QStringLiteral("--verbose") }));
}

void TestAieccFlagSet::argumentsEndWithTheDesign()
{
    const AieccFlagSet set = AieccFlagSet::fromHelp(QString::fromUtf8(Help2026));
    const QStringList args = set.arguments(QStringLiteral("/w/design.mlir"), QStringLiteral("design.xclbin"),
                                           QStringLiteral("design.insts.bin"));
    QCOMPARE(args,
             QStringList({ QStringLiteral("--verbose"), QStringLiteral("--get-xclbin"),
                           QStringLiteral("--get-npu-insts"), QStringLiteral("--xclbin-name=design.xclbin"),
                           QStringLiteral("--npu-insts-name=design.insts.bin"), QStringLiteral("/w/design.mlir") }));
}

void TestAieccFlagSet::unknownHelp()
{
    const AieccFlagSet set = AieccFlagSet::fromHelp(QStringLiteral("usage: something else [-h]"));
    QVERIFY(!set.isKnown());
    QVERIFY(set.arguments(QStringLiteral("d.mlir"), QStringLiteral("d.xclbin"), QStringLiteral("d.bin")).isEmpty());
    QVERIFY(set.description().contains(QLatin1String("cannot be chosen")));
    QVERIFY(!AieccFlagSet::fromHelp(QString()).isKnown());
}

QTEST_GUILESS_MAIN(TestAieccFlagSet)
#include "tst_aieccflagset.moc"
