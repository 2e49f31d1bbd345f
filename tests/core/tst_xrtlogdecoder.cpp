// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/xrtlogdecoder.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <QJsonArray>

using namespace xi;

namespace {

// docs/domain.md section 2, as XRT prints it on one line.
const QString kIndex0Warning = QStringLiteral(
    "Kernel MLIR_AIE has no compute units with connectivity required for global argument at index 0. The argument "
    "is allocated in bank 1, the compute unit is connected to bank 131071. Allocating local copy of argument buffer "
    "in connected bank.");

// The same message as a user pasted it from a run: prefixed, wrapped, followed by the host-copy fallback.
const QString kWrappedLog
    = QStringLiteral("Step 3: Allocating NPU buffers...\n"
                     "[XRT] WARNING: Kernel MLIR_AIE has no compute units with connectivity\n"
                     "required for global argument at index 0. The argument is allocated in bank 0,\n"
                     "the compute unit is connected to bank 131071. Allocating local copy of\n"
                     "argument buffer in connected bank.\n"
                     "\n"
                     "[XRT] WARNING: Reverting to host copy of buffers (exec_buf: Operation not supported)\n"
                     "Output: 0/4096 non-zero, 12288 bytes in\n");

} // namespace

class TestXrtLogDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void oneLineWarningAgainstTheXclbin();
    void wrappedWarningAndHostCopy();
    void xrt213BankMinusOne();
    void runtimeLogFile();
    void bufferInTheWrongBank();
    void elidedWarningKeepsWhatItHas();
    void withoutXclbinAsksForIt();
    void kernelNotInTheXclbin();
    void groupIdNumbersInALog();
    void numbersInsideAWarningAreNotCountedTwice();
    void jsonShape();

private:
    XclbinPtr m_xclbin;
};

void TestXrtLogDecoder::initTestCase()
{
    if (test::fixturesPresent())
        m_xclbin = XclbinReader::read(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
}

void TestXrtLogDecoder::oneLineWarningAgainstTheXclbin()
{
    XI_REQUIRE_FIXTURES();
    const QList<LogFinding> findings = XrtLogDecoder(m_xclbin).decode(kIndex0Warning);
    QCOMPARE(findings.size(), 1);
    const LogFinding& f = findings.first();
    QCOMPARE(f.kind, LogFinding::Kind::ConnectivityWarning);
    QCOMPARE(f.line, 1);
    QCOMPARE(f.lastLine, 1);
    QCOMPARE(f.text, kIndex0Warning);
    QCOMPARE(f.kernelName, QStringLiteral("MLIR_AIE"));
    QCOMPARE(f.argIndex, 0);
    QCOMPARE(f.boBank, std::optional<qint64>(1));
    QCOMPARE(f.connectedBank, std::optional<qint64>(131071));
    QVERIFY(!f.xrt213);
    QCOMPARE(f.argumentName, QStringLiteral("opcode"));
    QVERIFY(f.groupId && f.groupId->groupId.isNoMemory());
    QCOMPARE(f.groupId->slot(), 1);
    QCOMPARE(f.passed,
             QStringLiteral("a BO from bank 1 (SRAM) was passed at index 0, which is the scalar 'opcode' (pass 3)"));
    QVERIFY2(f.wentWrong.contains(QLatin1String("wrong places")), qPrintable(f.wentWrong));
    QVERIFY2(f.wentWrong.contains(QLatin1String("cloned")), qPrintable(f.wentWrong));
    QVERIFY2(f.wentWrong.contains(QLatin1String("zeros")), qPrintable(f.wentWrong));
    QCOMPARE(f.callPython, QStringLiteral("run = kernel(3, instr_bo, n_words, bo0, bo1, bo2, bo3, bo4)"));
    QCOMPARE(f.callCpp, QStringLiteral("auto run = kernel(3, instr_bo, n_words, bo0, bo1, bo2, bo3, bo4);"));
    QVERIFY2(f.fix.contains(f.callPython), qPrintable(f.fix));
    QVERIFY(f.fix.contains(QLatin1String("opcode convention")));
}

void TestXrtLogDecoder::wrappedWarningAndHostCopy()
{
    XI_REQUIRE_FIXTURES();
    const QList<LogFinding> findings = XrtLogDecoder(m_xclbin).decode(kWrappedLog);
    QCOMPARE(findings.size(), 2);
    const LogFinding& w = findings[0];
    QCOMPARE(w.kind, LogFinding::Kind::ConnectivityWarning);
    QCOMPARE(w.line, 2);
    QCOMPARE(w.lastLine, 5);
    QCOMPARE(w.argIndex, 0);
    QCOMPARE(w.boBank, std::optional<qint64>(0));
    QVERIFY(w.text.startsWith(QLatin1String("Kernel MLIR_AIE has no compute units")));
    QVERIFY(w.text.endsWith(QLatin1String("in connected bank.")));
    QCOMPARE(w.passed,
             QStringLiteral("a BO from bank 0 (HOST) was passed at index 0, which is the scalar 'opcode' (pass 3)"));

    const LogFinding& c = findings[1];
    QCOMPARE(c.kind, LogFinding::Kind::HostCopy);
    QCOMPARE(c.line, 7);
    QCOMPARE(c.reason, QStringLiteral("exec_buf: Operation not supported"));
    QCOMPARE(c.relatedFinding, 0);
    QCOMPARE(c.callPython, w.callPython);
    QVERIFY(c.wentWrong.contains(QLatin1String("through the host")));
}

void TestXrtLogDecoder::xrt213BankMinusOne()
{
    XI_REQUIRE_FIXTURES();
    const QString log = QStringLiteral(
        "[XRT] WARNING: Kernel MLIR_AIE has no compute units with connectivity required for global argument at "
        "index 2. The argument is allocated in bank 0, the compute unit is connected to bank -1. Allocating local "
        "copy of argument buffer in connected bank.");
    const QList<LogFinding> findings = XrtLogDecoder(m_xclbin).decode(log);
    QCOMPARE(findings.size(), 1);
    const LogFinding& f = findings.first();
    QVERIFY(f.xrt213);
    QCOMPARE(f.connectedBank, std::optional<qint64>(-1));
    QVERIFY(f.groupId->groupId.legacy);
    QVERIFY(f.groupId->groupId.isNoMemory());
    QCOMPARE(f.argumentName, QStringLiteral("ninstr"));
    QVERIFY2(f.passed.endsWith(QLatin1String("which is the scalar 'ninstr' (the instruction word count)")),
             qPrintable(f.passed));
    QVERIFY(f.wentWrong.contains(QLatin1String("XRT 2.13 prints bank -1")));
}

void TestXrtLogDecoder::runtimeLogFile()
{
    // What XRT 2.13 writes to xrt.ini's runtime_log: a banner, then one line per message.
    const QString log = QStringLiteral(
        "XRT build version: 2.13.0\n"
        "Build hash: \n"
        "PID: 48213\n"
        "[Wed Nov 25 07:08:30 2026 GMT] [XRT] Tid: 140302797733952,  WARNING: Kernel MLIR_AIE has no compute units "
        "with connectivity required for global argument at index 2. The argument is allocated in bank 0, the compute "
        "unit is connected to bank -1. Allocating local copy of argument buffer in connected bank.\n");
    const QList<LogFinding> findings = XrtLogDecoder().decode(log);
    QCOMPARE(findings.size(), 1); // neither the PID, the thread id nor the time is a group ID
    QCOMPARE(findings[0].line, 4);
    QCOMPARE(findings[0].argIndex, 2);
    QVERIFY(findings[0].xrt213);
}

void TestXrtLogDecoder::bufferInTheWrongBank()
{
    XI_REQUIRE_FIXTURES();
    const QString log = QStringLiteral(
        "Kernel MLIR_AIE has no compute units with connectivity required for global argument at index 3. The "
        "argument is allocated in bank 1, the compute unit is connected to bank 65536. Allocating local copy of "
        "argument buffer in connected bank.");
    const LogFinding f = XrtLogDecoder(m_xclbin).decode(log).value(0);
    QCOMPARE(f.argumentName, QStringLiteral("bo0"));
    QCOMPARE(
        f.passed,
        QStringLiteral(
            "a BO from bank 1 (SRAM) was passed at index 3, which is the buffer 'bo0' (connected to bank 0 (HOST))"));
    QVERIFY(!f.wentWrong.contains(QLatin1String("wrong places")));
    QVERIFY2(
        f.fix.contains(QLatin1String("bo0 = xrt.bo(device, bo0_size, xrt.bo.flags.host_only, kernel.group_id(3))")),
        qPrintable(f.fix));
}

void TestXrtLogDecoder::elidedWarningKeepsWhatItHas()
{
    // The seed guide quotes the warning with its middle cut out.
    const QString log = QStringLiteral("\"Kernel MLIR_AIE has no compute units with connectivity required for\n"
                                       "global argument... connected to bank 131071\"");
    const QList<LogFinding> findings = XrtLogDecoder().decode(log);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings[0].argIndex, -1);
    QVERIFY(!findings[0].boBank);
    QCOMPARE(findings[0].connectedBank, std::optional<qint64>(131071));
    QCOMPARE(findings[0].lastLine, 2);
    QVERIFY(findings[0].passed.contains(QLatin1String("an index the log leaves out")));
}

void TestXrtLogDecoder::withoutXclbinAsksForIt()
{
    const LogFinding f = XrtLogDecoder().decode(kIndex0Warning).value(0);
    QCOMPARE(f.passed,
             QStringLiteral(
                 "a BO from bank 1 was passed at index 0, whose group ID 131071 (no memory) marks a scalar argument"));
    QVERIFY(f.callPython.isEmpty());
    QVERIFY(f.fix.contains(QLatin1String("give the xclbin")));
    QVERIFY(f.fix.contains(QLatin1String("kernel(3, instr_bo, n_words, bo0, bo1, ...)")));
}

void TestXrtLogDecoder::kernelNotInTheXclbin()
{
    XI_REQUIRE_FIXTURES();
    QString log = kIndex0Warning;
    log.replace(QLatin1String("MLIR_AIE"), QLatin1String("OTHER"));
    const LogFinding f = XrtLogDecoder(m_xclbin).decode(log).value(0);
    QCOMPARE(f.kernelName, QStringLiteral("OTHER"));
    QVERIFY(f.fix.contains(QLatin1String("has no kernel 'OTHER'")));
}

void TestXrtLogDecoder::groupIdNumbersInALog()
{
    XI_REQUIRE_FIXTURES();
    const QString log = QStringLiteral("Kernel Group IDs:\n"
                                       "Arg 0: group_id = 131071\n"
                                       "Arg 1: group_id = 65537\n"
                                       "Arg 3: 131072 = 0x20000\n"
                                       "input_bo = xrt.bo(device, 12288, flags, 4096)\n"
                                       "elapsed 1700000000 ns, ids 0x1FFFF\n");
    const QList<LogFinding> findings = XrtLogDecoder(m_xclbin).decode(log);
    QCOMPARE(findings.size(), 4);
    QCOMPARE(findings[0].line, 2);
    QCOMPARE(findings[0].groupId->groupId.raw, 131071u);
    QCOMPARE(findings[0].groupId->arguments.size(), 2); // opcode, ninstr
    QCOMPARE(findings[1].groupId->memory->tag, QStringLiteral("SRAM"));
    // "131072 = 0x20000" is one number written twice.
    QCOMPARE(findings[2].line, 4);
    QCOMPARE(findings[2].groupId->slot(), 2);
    QVERIFY2(findings[2].wentWrong.contains(QLatin1String("not a broken memory bank")),
             qPrintable(findings[2].wentWrong));
    QCOMPARE(findings[3].line, 6);
    QCOMPARE(findings[3].text, QStringLiteral("0x1FFFF"));
    for (const LogFinding& f : findings)
        QCOMPARE(f.kind, LogFinding::Kind::GroupIdNumber);
}

void TestXrtLogDecoder::numbersInsideAWarningAreNotCountedTwice()
{
    const QList<LogFinding> findings = XrtLogDecoder().decode(kIndex0Warning + QStringLiteral("\n65536\n"));
    QCOMPARE(findings.size(), 2);
    QCOMPARE(findings[0].kind, LogFinding::Kind::ConnectivityWarning);
    QCOMPARE(findings[1].kind, LogFinding::Kind::GroupIdNumber);
    QCOMPARE(findings[1].line, 2);
}

void TestXrtLogDecoder::jsonShape()
{
    XI_REQUIRE_FIXTURES();
    const QJsonObject o = XrtLogDecoder(m_xclbin).decode(kIndex0Warning).value(0).toJson();
    QCOMPARE(o.value(QLatin1String("kind")).toString(), QStringLiteral("connectivity-warning"));
    QCOMPARE(o.value(QLatin1String("index")).toInt(), 0);
    QCOMPARE(o.value(QLatin1String("bo_bank")).toInt(), 1);
    QCOMPARE(o.value(QLatin1String("connected_bank")).toInteger(), 131071);
    QCOMPARE(o.value(QLatin1String("argument")).toString(), QStringLiteral("opcode"));
    QCOMPARE(o.value(QLatin1String("group_id")).toObject().value(QLatin1String("slot")).toInt(), 1);
    QVERIFY(o.value(QLatin1String("call_python")).toString().startsWith(QLatin1String("run = kernel(3,")));
}

QTEST_GUILESS_MAIN(TestXrtLogDecoder)
#include "tst_xrtlogdecoder.moc"
