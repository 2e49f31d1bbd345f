// SPDX-License-Identifier: GPL-3.0-or-later
#include "groups/argumentgroups.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

using namespace xi;

class TestArgumentGroups : public QObject {
    Q_OBJECT

private slots:
    void groupIdFields()
    {
        const GroupId g = GroupId::compose(2, 0);
        QCOMPARE(g.raw, 131072u);
        QCOMPARE(g.slot(), 2);
        QCOMPARE(g.bank(), quint16(0));
        QCOMPARE(GroupId::compose(1, GroupId::NoMemory).raw, 131071u);
        QCOMPARE(GroupId::compose(1, GroupId::NoMemory).hex(), QStringLiteral("0x1FFFF"));
        GroupId parsed;
        QVERIFY(GroupId::parse(QStringLiteral("0x10001"), &parsed));
        QCOMPARE(parsed.slot(), 1);
        QCOMPARE(parsed.bank(), quint16(1));
        QVERIFY(GroupId::parse(QStringLiteral("-1"), &parsed));
        QVERIFY(parsed.legacy);
        QVERIFY(parsed.isNoMemory());
        QCOMPARE(parsed.decimal(), QStringLiteral("-1"));
        QVERIFY(!GroupId::parse(QStringLiteral("banana"), &parsed));
        QVERIFY(!GroupId::parse(QStringLiteral("0x100000000"), &parsed));
    }

    void mlirAie_data()
    {
        XI_REQUIRE_FIXTURES();
        xi::test::addFixtureRows(xi::test::mlirAieFixtureNames());
    }

    // Every mlir-aie xclbin gives the same numbers (docs/domain.md section 1).
    void mlirAie()
    {
        QFETCH(QString, name);
        const XclbinPtr x = XclbinReader::read(xi::test::xclbinFixturePath(name));
        const Kernel* k = x->kernel(QStringLiteral("MLIR_AIE"));
        QVERIFY(k);
        const KernelGroups slot1 = ArgumentGroups::compute(*x, *k);
        QCOMPARE(slot1.convention, Convention::Opcode);
        const QList<quint32> expected1 = { 0x1FFFF, 0x10001, 0x1FFFF, 0x10000, 0x10000, 0x10000, 0x10000, 0x10000 };
        const QList<Verdict> verdicts = { Verdict::Scalar, Verdict::Valid, Verdict::Scalar, Verdict::Valid,
                                          Verdict::Valid,  Verdict::Valid, Verdict::Valid,  Verdict::Valid };
        QCOMPARE(slot1.arguments.size(), expected1.size());
        for (int i = 0; i < expected1.size(); ++i) {
            QCOMPARE(slot1.arguments[i].index, i);
            QCOMPARE(slot1.arguments[i].groupId.raw, expected1[i]);
            QCOMPARE(slot1.arguments[i].verdict, verdicts[i]);
            QVERIFY(!slot1.arguments[i].reason.isEmpty());
        }
        QCOMPARE(slot1.arguments[1].memoryTags, QStringList { QStringLiteral("SRAM") });
        QCOMPARE(slot1.arguments[3].memoryTags, QStringList { QStringLiteral("HOST") });

        const KernelGroups slot2 = ArgumentGroups::compute(*x, *k, { 2, false });
        QCOMPARE(slot2.arguments[0].groupId.raw, 0x2FFFFu);
        QCOMPARE(slot2.arguments[1].groupId.raw, 0x20001u);
        QCOMPARE(slot2.arguments[3].groupId.raw, 0x20000u);

        const KernelGroups legacy = ArgumentGroups::compute(*x, *k, SlotMode::xrt213());
        QCOMPARE(legacy.arguments[0].groupId.decimal(), QStringLiteral("-1"));
        QCOMPARE(legacy.arguments[1].groupId.decimal(), QStringLiteral("1"));
        QCOMPARE(legacy.arguments[3].groupId.decimal(), QStringLiteral("0"));
        QCOMPARE(legacy.arguments[1].verdict, Verdict::Valid);
    }

    // Riallto files use the old instr/ninstr/in/tmp/out convention.
    void rialltoLegacy()
    {
        XI_REQUIRE_FIXTURES();
        const XclbinPtr x
            = XclbinReader::read(xi::test::xclbinFixturePath(QStringLiteral("riallto-color-detect-720p")));
        const Kernel* k = x->kernel(QStringLiteral("color_detect_v1_720p"));
        QVERIFY(k);
        const KernelGroups g = ArgumentGroups::compute(*x, *k);
        QCOMPARE(g.convention, Convention::Legacy);
        QCOMPARE(g.arguments[1].verdict, Verdict::Scalar);
        // Correctly connected in its own convention: valid; the convention is one note for the kernel.
        QCOMPARE(g.arguments[2].verdict, Verdict::Valid);
        QCOMPARE(g.arguments[2].code, QStringLiteral("connected"));
        QCOMPARE(g.arguments[2].groupId.slot(), 1);
        QVERIFY(g.conventionReason.contains(QLatin1String("one index too far")));
        QVERIFY(g.notes.isEmpty());
    }

    // A software-emulation file carries no IP layout or connectivity: its buffers are not judged, not invalid.
    void softwareEmulationIsNotJudged()
    {
        XI_REQUIRE_FIXTURES();
        const XclbinPtr x = XclbinReader::read(xi::test::xclbinFixturePath(QStringLiteral("alveo-u200-vadd-sw-emu")));
        QVERIFY(ArgumentGroups::isSoftwareEmulationWithoutLayout(*x));
        const KernelGroups g = ArgumentGroups::compute(*x, x->kernels.first());
        QVERIFY(!g.judged);
        QVERIFY(g.notes.isEmpty());
        QVERIFY(!g.hasInvalid());
        QCOMPARE(g.arguments[0].verdict, Verdict::Unknown);
        QCOMPARE(g.arguments[0].code, QStringLiteral("not-judged"));
        QCOMPARE(g.arguments[3].verdict, Verdict::Scalar);
        QCOMPARE(verdictName(Verdict::Unknown), QStringLiteral("not judged"));
    }
};

QTEST_GUILESS_MAIN(TestArgumentGroups)
#include "tst_argumentgroups.moc"
