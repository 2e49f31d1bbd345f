// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/successchecklist.h"
#include "groups/argumentgroups.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <QtTest>

using namespace xi;

namespace {

const QString kWarning = QStringLiteral(
    "WARNING: Kernel MLIR_AIE has no compute units with connectivity required for global argument at index 0. "
    "The argument is allocated in bank 1, the compute unit is connected to bank -1. Allocating local copy of "
    "argument buffer in connected bank.");

SuccessChecklist::Inputs healthy()
{
    SuccessChecklist::Inputs in;
    MatrixI8 out = MatrixI8::Constant(4, 4, 3);
    out(0, 0) = -2;
    MatrixF ref = out.cast<float>();
    ref(1, 1) += 0.2f;
    in.metrics = AttentionMetrics::compute(out, &ref);
    in.state = QStringLiteral("COMPLETED");
    return in;
}

ChecklistItem find(const QList<ChecklistItem>& items, const char* id)
{
    for (const ChecklistItem& i : items) {
        if (i.id == QLatin1String(id))
            return i;
    }
    return {};
}

} // namespace

class TestSuccessChecklist : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void healthyRunPasses();
    void groupIdsJudgedByBankNotSlot();
    void bankWarningFails();
    void zeroAndConstantOutputFail();
    void stateAndCorrelation();
    void warningsNotJudgedBeforeTheCall();
    void jsonHasItemAndPassed();
    void instructionStreamAndCount();
    void outputNotJudged();
};

void TestSuccessChecklist::healthyRunPasses()
{
    const QList<ChecklistItem> items = SuccessChecklist::evaluate(healthy());
    QCOMPARE(items.size(), 6);
    QCOMPARE(find(items, "group_ids").status, ChecklistItem::Status::NotApplicable);
    QCOMPARE(find(items, "instructions").status, ChecklistItem::Status::NotApplicable); // no call: the cpu backend
    for (const char* id : { "xrt_warnings", "nonzero_output", "state_completed", "correlation" })
        QVERIFY2(find(items, id).passed(), id);
    QVERIFY(SuccessChecklist::allPassed(items));
}

void TestSuccessChecklist::groupIdsJudgedByBankNotSlot()
{
    XI_REQUIRE_FIXTURES();
    const XclbinPtr x = XclbinReader::read(test::attentionXclbin());
    SuccessChecklist::Inputs in = healthy();
    // The second hardware context: 0x2FFFF / 0x20001 / 0x20000, the guide's "group 2". Still valid.
    in.groups = ArgumentGroups::compute(*x, x->kernels.first(), SlotMode { 2, false });
    const ChecklistItem item = find(SuccessChecklist::evaluate(in), "group_ids");
    QVERIFY2(item.passed(), qPrintable(item.detail));
    QVERIFY(item.detail.contains(QLatin1String("bank 0")));
}

void TestSuccessChecklist::bankWarningFails()
{
    SuccessChecklist::Inputs in = healthy();
    QVERIFY(SuccessChecklist::isBankWarning(kWarning));
    QVERIFY(
        SuccessChecklist::isBankWarning(QStringLiteral("Reverting to host copy of buffers (Operation not supported)")));
    QVERIFY(!SuccessChecklist::isBankWarning(QStringLiteral("INFO: device opened")));
    in.xrtMessages = { QStringLiteral("INFO: something"), kWarning };
    const ChecklistItem item = find(SuccessChecklist::evaluate(in), "xrt_warnings");
    QCOMPARE(item.status, ChecklistItem::Status::Failed);
    QVERIFY(item.detail.contains(QLatin1String("1 connectivity warning")));
}

void TestSuccessChecklist::zeroAndConstantOutputFail()
{
    SuccessChecklist::Inputs in = healthy();
    const MatrixF ref = MatrixF::Constant(4, 4, 2.0f);
    in.metrics = AttentionMetrics::compute(MatrixI8(MatrixI8::Zero(4, 4)), &ref);
    QList<ChecklistItem> items = SuccessChecklist::evaluate(in);
    QCOMPARE(find(items, "nonzero_output").status, ChecklistItem::Status::Failed);
    QVERIFY(find(items, "nonzero_output").detail.startsWith(QLatin1String("0/16 non-zero")));
    // The seed's "(1, 2, 3) gave a constant -1": non-zero yet a failure.
    in.metrics = AttentionMetrics::compute(MatrixI8(MatrixI8::Constant(4, 4, -1)), &ref);
    items = SuccessChecklist::evaluate(in);
    QCOMPARE(find(items, "nonzero_output").status, ChecklistItem::Status::Failed);
    QVERIFY(find(items, "nonzero_output").detail.contains(QLatin1String("every value is -1")));
    QCOMPARE(find(items, "correlation").status, ChecklistItem::Status::Failed);
    QVERIFY(!SuccessChecklist::allPassed(items));
}

void TestSuccessChecklist::stateAndCorrelation()
{
    SuccessChecklist::Inputs in = healthy();
    in.state = QStringLiteral("ERROR");
    QCOMPARE(find(SuccessChecklist::evaluate(in), "state_completed").status, ChecklistItem::Status::Failed);
    in.state = QStringLiteral("COMPLETED");
    in.correlationThreshold = 1.0;
    const ChecklistItem c = find(SuccessChecklist::evaluate(in), "correlation");
    QCOMPARE(c.status, ChecklistItem::Status::Failed);
    QVERIFY(c.item.contains(QLatin1String(">= 1")));
}

void TestSuccessChecklist::warningsNotJudgedBeforeTheCall()
{
    SuccessChecklist::Inputs in = healthy();
    in.metrics.reset();
    in.state = QStringLiteral("NO_DEVICE");
    ChecklistItem item = find(SuccessChecklist::evaluate(in), "xrt_warnings");
    QCOMPARE(item.status, ChecklistItem::Status::NotApplicable);
    QVERIFY(item.detail.contains(QLatin1String("NO_DEVICE")));
    in.xrtInvolved = false;
    item = find(SuccessChecklist::evaluate(in), "xrt_warnings");
    QCOMPARE(item.detail, QStringLiteral("XRT was not involved in this run"));
    // A warning printed while XRT refused the call still fails the item.
    in.xrtInvolved = true;
    in.xrtMessages << kWarning;
    QCOMPARE(find(SuccessChecklist::evaluate(in), "xrt_warnings").status, ChecklistItem::Status::Failed);
}

void TestSuccessChecklist::jsonHasItemAndPassed()
{
    const QList<ChecklistItem> items = SuccessChecklist::evaluate(healthy());
    const QJsonArray a = SuccessChecklist::toJson(items);
    QCOMPARE(a.size(), 6);
    QVERIFY(a[2].toObject().value(QLatin1String("passed")).toBool()); // xrt_warnings
    QVERIFY(!a[1].toObject().value(QLatin1String("item")).toString().isEmpty());
    const QList<ChecklistItem> back = SuccessChecklist::fromJson(a);
    QCOMPARE(back.size(), 6);
    QCOMPARE(back[0].status, items[0].status);
    QCOMPARE(back[4].detail, items[4].detail);
}

// A call without its stream, or with ninstr = 0, fails; bytes for a TXN stream pass with a note, not for legacy.
void TestSuccessChecklist::instructionStreamAndCount()
{
    SuccessChecklist::Inputs in = healthy();
    in.scope.usesInstructions = true;
    in.scope.instructionNote = QStringLiteral("No instruction file next to the xclbin.");
    QCOMPARE(find(SuccessChecklist::evaluate(in), "instructions").status, ChecklistItem::Status::Failed);
    QVERIFY(!SuccessChecklist::allPassed(SuccessChecklist::evaluate(in)));

    in.scope.instructionFile = QStringLiteral("insts.bin");
    in.scope.instructionWords = 105;
    in.scope.instructionFormat = QStringLiteral("txn-0.1");
    in.scope.hasNinstrArgument = true;
    QCOMPARE(find(SuccessChecklist::evaluate(in), "instructions").status, ChecklistItem::Status::Failed); // unknown
    in.scope.ninstr = 0;
    const ChecklistItem zero = find(SuccessChecklist::evaluate(in), "instructions");
    QCOMPARE(zero.status, ChecklistItem::Status::Failed);
    QVERIFY(zero.detail.contains(QLatin1String("ninstr = 0")));
    in.scope.ninstr = 105;
    QVERIFY(find(SuccessChecklist::evaluate(in), "instructions").passed());
    in.scope.ninstr = 420;
    const ChecklistItem bytes = find(SuccessChecklist::evaluate(in), "instructions");
    QVERIFY(bytes.passed());
    QVERIFY(bytes.detail.contains(QLatin1String("byte count")));
    in.scope.instructionFormat = QStringLiteral("legacy");
    QCOMPARE(find(SuccessChecklist::evaluate(in), "instructions").status, ChecklistItem::Status::Failed);
}

// The noop device's output (and an emulated run of another design) is not judged, whatever it holds.
void TestSuccessChecklist::outputNotJudged()
{
    SuccessChecklist::Inputs in = healthy();
    in.metrics = AttentionMetrics::compute(MatrixI8(MatrixI8::Zero(4, 4)), static_cast<const MatrixF*>(nullptr));
    in.scope.outputJudged = false;
    in.scope.outputNotJudged = QStringLiteral("binding check only: no kernel runs on XRT's noop device");
    const QList<ChecklistItem> items = SuccessChecklist::evaluate(in);
    QCOMPARE(find(items, "nonzero_output").status, ChecklistItem::Status::NotApplicable);
    QCOMPARE(find(items, "correlation").status, ChecklistItem::Status::NotApplicable);
    QVERIFY(find(items, "nonzero_output").detail.startsWith(QLatin1String("not judged: binding check only")));
    QVERIFY(SuccessChecklist::allPassed(items));
}

QTEST_GUILESS_MAIN(TestSuccessChecklist)
#include "tst_successchecklist.moc"
