// SPDX-License-Identifier: GPL-3.0-or-later
#include "groups/groupiddecoder.h"
#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <QJsonArray>

using namespace xi;

class TestGroupIdDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void splitsTheSeedNumbers_data();
    void splitsTheSeedNumbers();
    void slotTwoIsTheSecondContext();
    void xrt213MinusOne();
    void flagBitsAreNotAGroupId();
    void rejectsWhatIsNotANumber();
    void namesBanksAfterTheXclbin();
    void bankOutsideTheXclbin();
    void jsonCarriesSlotBankFlagsAndMatches();

private:
    static GroupIdDecoder singleAdd()
    {
        return GroupIdDecoder(XclbinReader::read(test::xclbinFixturePath(QStringLiteral("iron-single-add"))));
    }
};

void TestGroupIdDecoder::splitsTheSeedNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("slot");
    QTest::addColumn<int>("bank");
    QTest::addColumn<bool>("noMemory");
    QTest::newRow("65536") << QStringLiteral("65536") << 1 << 0 << false;
    QTest::newRow("131072") << QStringLiteral("131072") << 2 << 0 << false;
    QTest::newRow("131071") << QStringLiteral("131071") << 1 << 0xFFFF << true;
    QTest::newRow("65537") << QStringLiteral("65537") << 1 << 1 << false;
    QTest::newRow("0x20000") << QStringLiteral("0x20000") << 2 << 0 << false;
    QTest::newRow("0x2FFFF") << QStringLiteral("0x2FFFF") << 2 << 0xFFFF << true;
    QTest::newRow("1 (XRT 2.13 bank or slot 0)") << QStringLiteral("1") << 0 << 1 << false;
}

void TestGroupIdDecoder::splitsTheSeedNumbers()
{
    QFETCH(QString, text);
    QFETCH(int, slot);
    QFETCH(int, bank);
    QFETCH(bool, noMemory);
    const auto d = GroupIdDecoder().decode(text);
    QVERIFY(d);
    QCOMPARE(d->slot(), slot);
    QCOMPARE(d->bank(), bank);
    QCOMPARE(d->flags(), 0);
    QCOMPARE(d->groupId.isNoMemory(), noMemory);
    QVERIFY(d->flagsMeaning.isEmpty());
    QVERIFY(!d->memory);
    QVERIFY(d->arguments.isEmpty());
}

void TestGroupIdDecoder::slotTwoIsTheSecondContext()
{
    const auto d = GroupIdDecoder().decode(QStringLiteral("131072"));
    QVERIFY(d);
    QCOMPARE(d->summary(), QStringLiteral("131072 = 0x20000: slot 2, bank 0"));
    QVERIFY2(d->slotMeaning.contains(QLatin1String("second hardware context")), qPrintable(d->slotMeaning));
    QVERIFY2(d->bankMeaning.contains(QLatin1String("give the xclbin")), qPrintable(d->bankMeaning));
    const auto zero = GroupIdDecoder().decode(QStringLiteral("1"));
    QVERIFY(zero->slotMeaning.contains(QLatin1String("XRT 2.13")));
}

void TestGroupIdDecoder::xrt213MinusOne()
{
    const auto d = GroupIdDecoder().decode(QStringLiteral("-1"));
    QVERIFY(d);
    QVERIFY(d->groupId.legacy);
    QVERIFY(d->groupId.isNoMemory());
    QCOMPARE(d->slot(), -1);
    QCOMPARE(d->summary(), QStringLiteral("-1 = -1: XRT 2.13 form (no slot), no memory (a scalar argument)"));
}

void TestGroupIdDecoder::flagBitsAreNotAGroupId()
{
    const auto d = GroupIdDecoder().decode(QStringLiteral("0x1010000"));
    QVERIFY(d);
    QCOMPARE(d->flags(), 1);
    QCOMPARE(d->slot(), 1);
    QVERIFY(d->flagsMeaning.contains(QLatin1String("never sets")));
    QVERIFY(d->summary().endsWith(QLatin1String("flags 0x1")));
}

void TestGroupIdDecoder::rejectsWhatIsNotANumber()
{
    QString error;
    QVERIFY(!GroupIdDecoder().decode(QStringLiteral("group2"), &error));
    QVERIFY2(error.contains(QLatin1String("'group2'")), qPrintable(error));
    QVERIFY(!GroupIdDecoder().decode(QStringLiteral("-2"), &error));
    QVERIFY(!GroupIdDecoder().decode(QStringLiteral("0x100000000"), &error));
}

void TestGroupIdDecoder::namesBanksAfterTheXclbin()
{
    XI_REQUIRE_FIXTURES();
    const GroupIdDecoder decoder = singleAdd();

    const auto host = decoder.decode(QStringLiteral("131072"));
    QVERIFY(host && host->memory);
    QCOMPARE(host->memory->tag, QStringLiteral("HOST"));
    QCOMPARE(host->bankMeaning, QStringLiteral("bank 0 = HOST (MEM_DRAM) of this xclbin"));
    QStringList names;
    for (const GroupIdMatch& m : host->arguments)
        names << m.argumentName;
    QCOMPARE(names, test::strings({ "bo0", "bo1", "bo2", "bo3", "bo4" }));
    QCOMPARE(host->arguments.first().index, 3);
    QCOMPARE(host->arguments.first().kernelName, QStringLiteral("MLIR_AIE"));

    const auto sram = decoder.decode(QStringLiteral("65537"));
    QCOMPARE(sram->memory->tag, QStringLiteral("SRAM"));
    QCOMPARE(sram->arguments.size(), 1);
    QCOMPARE(sram->arguments.first().argumentName, QStringLiteral("instr"));

    const auto scalar = decoder.decode(QStringLiteral("131071"));
    QVERIFY(!scalar->memory);
    QCOMPARE(scalar->arguments.size(), 2);
    QCOMPARE(scalar->arguments[0].argumentName, QStringLiteral("opcode"));
    QCOMPARE(scalar->arguments[1].argumentName, QStringLiteral("ninstr"));
    QCOMPARE(scalar->arguments[0].verdict, Verdict::Scalar);
    QCOMPARE(decoder.bankLabel(1), QStringLiteral("1 (SRAM)"));
    QCOMPARE(decoder.bankLabel(GroupId::NoMemory), QStringLiteral("0xFFFF (no memory)"));
}

void TestGroupIdDecoder::bankOutsideTheXclbin()
{
    XI_REQUIRE_FIXTURES();
    const auto d = singleAdd().decode(QStringLiteral("0x10002"));
    QVERIFY(d);
    QVERIFY(d->bankOutOfRange);
    QVERIFY(d->arguments.isEmpty());
    QVERIFY2(d->bankMeaning.contains(QLatin1String("2 entries")), qPrintable(d->bankMeaning));
}

void TestGroupIdDecoder::jsonCarriesSlotBankFlagsAndMatches()
{
    XI_REQUIRE_FIXTURES();
    const QJsonObject o = singleAdd().decode(QStringLiteral("0x10000"))->toJson();
    QCOMPARE(o.value(QLatin1String("input")).toString(), QStringLiteral("0x10000"));
    QCOMPARE(o.value(QLatin1String("value")).toInteger(), 65536);
    QCOMPARE(o.value(QLatin1String("slot")).toInt(), 1);
    QCOMPARE(o.value(QLatin1String("bank")).toInt(), 0);
    QCOMPARE(o.value(QLatin1String("flags")).toInt(), 0);
    QCOMPARE(o.value(QLatin1String("memory")).toObject().value(QLatin1String("tag")).toString(),
             QStringLiteral("HOST"));
    QCOMPARE(o.value(QLatin1String("arguments")).toArray().size(), 5);
}

QTEST_GUILESS_MAIN(TestGroupIdDecoder)
#include "tst_groupiddecoder.moc"
