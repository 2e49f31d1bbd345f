// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/correctedcall.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

using namespace xi;

class TestCorrectedCall : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opcodeConvention();
    void opcodeSnippet();
    void legacyConvention();
    void otherConvention();
    void roles();

private:
    XclbinPtr m_mlir;
    XclbinPtr m_riallto;
};

void TestCorrectedCall::initTestCase()
{
    XI_REQUIRE_FIXTURES();
    m_mlir = XclbinReader::read(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
    m_riallto = XclbinReader::read(test::xclbinFixturePath(QStringLiteral("riallto-color-detect-720p")));
}

void TestCorrectedCall::opcodeConvention()
{
    const Kernel& k = *m_mlir->kernel(QStringLiteral("MLIR_AIE"));
    const Convention c = ArgumentGroups::detectConvention(k);
    QCOMPARE(c, Convention::Opcode);
    QCOMPARE(CorrectedCall::argumentExpressions(k, c),
             test::strings({ "3", "instr_bo", "n_words", "bo0", "bo1", "bo2", "bo3", "bo4" }));
    QCOMPARE(CorrectedCall::call(k, c, HostLanguage::Python),
             QStringLiteral("run = kernel(3, instr_bo, n_words, bo0, bo1, bo2, bo3, bo4)"));
    QCOMPARE(CorrectedCall::call(k, c, HostLanguage::Cpp, QStringLiteral("k")),
             QStringLiteral("auto run = k(3, instr_bo, n_words, bo0, bo1, bo2, bo3, bo4);"));
    QCOMPARE(CorrectedCall::instructionIndex(k, c), 1);
    QCOMPARE(CorrectedCall::instructionCountIndex(k, c), 2);
    QCOMPARE(CorrectedCall::boAllocation(k, c, 1, HostLanguage::Python),
             QStringLiteral("instr_bo = xrt.bo(device, len(insts), xrt.bo.flags.cacheable, kernel.group_id(1))"));
    QCOMPARE(CorrectedCall::boAllocation(k, c, 4, HostLanguage::Cpp),
             QStringLiteral("xrt::bo bo1(device, bo1_size, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(4));"));
    QVERIFY(CorrectedCall::boAllocation(k, c, 0, HostLanguage::Python).isEmpty()); // a scalar has no BO
    QVERIFY(CorrectedCall::boAllocation(k, c, 99, HostLanguage::Python).isEmpty());
}

void TestCorrectedCall::opcodeSnippet()
{
    const Kernel& k = *m_mlir->kernel(QStringLiteral("MLIR_AIE"));
    const QStringList lines = CorrectedCall::snippet(k, Convention::Opcode, HostLanguage::Python);
    QCOMPARE(lines.size(), 8); // instr + 5 data BOs, the word count, the call
    QVERIFY(lines[0].startsWith(QLatin1String("instr_bo = ")));
    QCOMPARE(lines[1], QStringLiteral("bo0 = xrt.bo(device, bo0_size, xrt.bo.flags.host_only, kernel.group_id(3))"));
    QVERIFY(lines[6].startsWith(QLatin1String("n_words = len(insts) // 4")));
    QCOMPARE(lines[7], CorrectedCall::call(k, Convention::Opcode, HostLanguage::Python));
}

void TestCorrectedCall::legacyConvention()
{
    const Kernel& k = *m_riallto->kernel(QStringLiteral("color_detect_v1_720p"));
    const Convention c = ArgumentGroups::detectConvention(k);
    QCOMPARE(c, Convention::Legacy);
    QCOMPARE(CorrectedCall::call(k, c, HostLanguage::Python),
             QStringLiteral("run = kernel(instr_bo, n_words, in_bo, tmp_bo, out_bo)"));
    QCOMPARE(CorrectedCall::instructionIndex(k, c), 0);
    QCOMPARE(CorrectedCall::instructionCountIndex(k, c), 1);
}

void TestCorrectedCall::otherConvention()
{
    const Kernel& k = *m_riallto->kernel(QStringLiteral("vadd"));
    const Convention c = ArgumentGroups::detectConvention(k);
    QCOMPARE(c, Convention::Other);
    QCOMPARE(CorrectedCall::call(k, c, HostLanguage::Python),
             QStringLiteral("run = kernel(in1_bo, in2_bo, out_r_bo, size)"));
    QCOMPARE(CorrectedCall::instructionIndex(k, c), -1);
    QCOMPARE(CorrectedCall::snippet(k, c, HostLanguage::Cpp).size(), 4); // three BOs and the call
}

void TestCorrectedCall::roles()
{
    const Kernel& k = *m_mlir->kernel(QStringLiteral("MLIR_AIE"));
    QCOMPARE(CorrectedCall::role(k, Convention::Opcode, 0), QStringLiteral("the scalar 'opcode' (pass 3)"));
    QCOMPARE(CorrectedCall::role(k, Convention::Opcode, 1), QStringLiteral("the instruction buffer 'instr'"));
    QCOMPARE(CorrectedCall::role(k, Convention::Opcode, 2),
             QStringLiteral("the scalar 'ninstr' (the instruction word count)"));
    QCOMPARE(CorrectedCall::role(k, Convention::Opcode, 5), QStringLiteral("the buffer 'bo2'"));
    QCOMPARE(CorrectedCall::role(k, Convention::Opcode, 8), QStringLiteral("no argument (the kernel has 8)"));
    QCOMPARE(hostLanguageName(HostLanguage::Python), QStringLiteral("Python (pyxrt)"));
}

QTEST_GUILESS_MAIN(TestCorrectedCall)
#include "tst_correctedcall.moc"
