// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustreamchecker.h"
#include "instructions/npustreamwriter.h"
#include "npustreamtestdata.h"
#include "testsupport.h"

using namespace xi;

namespace {

QList<NpuFinding> only(const QList<NpuFinding>& findings, const QString& code)
{
    QList<NpuFinding> list;
    for (const NpuFinding& f : findings) {
        if (f.code == code)
            list << f;
    }
    return list;
}

NpuStream singleAdd()
{
    return test::loadNpuFixture(QStringLiteral("iron-single-add"));
}

NpuStream riallto()
{
    return test::loadNpuFixture(QStringLiteral("riallto-color-detect-720p"));
}

} // namespace

class TestNpuStreamChecker : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    void fixturesAreClean_data() { test::addFixtureRows(test::npuFixtureNames()); }
    void fixturesAreClean()
    {
        QFETCH(QString, name);
        const NpuStream s = test::loadNpuFixture(name);
        const NpuStreamContext context = test::npuFixtureContext(name, s);
        QVERIFY(!context.argumentKinds.isEmpty());
        QVERIFY(context.partitionColumns > 0);
        const QList<NpuFinding> findings = NpuStreamChecker::check(s, context);
        QVERIFY2(findings.isEmpty(), qPrintable(test::describeFindings(findings)));
        QVERIFY(NpuStreamChecker::check(s).isEmpty());
    }

    void syncRemoved()
    {
        const NpuStream s = singleAdd();
        const NpuStream cut = test::decodeWords(test::removeOp(s, 10));
        const QList<NpuFinding> f
            = NpuStreamChecker::check(cut, test::npuFixtureContext(QStringLiteral("iron-single-add"), cut));
        QCOMPARE(test::findingCodes(f, Severity::Error), QStringList { QStringLiteral("output-not-waited") });
        QCOMPARE(f.first().opIndex, 9);
        QCOMPARE(f.first().xrtArgument, 5);
        QVERIFY2(f.first().message.contains(QLatin1String("expected a SYNC on col 0 S2MM0 after op 9")),
                 qPrintable(f.first().message));
    }

    void syncWithoutToken()
    {
        // The S2MM push without ENABLE_TOKEN_ISSUE: the sync after it waits for a token that never comes, and the
        // output counts as waited (the sync follows it), so only the sync is named.
        QList<quint32> words = singleAdd().words;
        words[4 + (380 - 16) / 4 + 4] = 0x00000002;
        const NpuStream s = test::decodeWords(words);
        QCOMPARE(s.syncs.first().missingTokens, QList<int> { 0 });
        const QList<NpuFinding> f = NpuStreamChecker::check(s);
        QCOMPARE(test::findingCodes(f, Severity::Error), QStringList { QStringLiteral("sync-without-token") });
        QCOMPARE(f.first().opIndex, 10);
        QVERIFY(s.describeOpIndex(10).contains(QLatin1String("no earlier push on that channel issued")));
        // Two output pushes, one sync: the second output is not waited for.
        const NpuStream twice = test::decodeWords(test::insertOp(singleAdd(), 10, test::opWords(singleAdd(), 9)));
        const QList<NpuFinding> g = NpuStreamChecker::check(twice);
        QCOMPARE(test::findingCodes(g, Severity::Error), QStringList { QStringLiteral("output-not-waited") });
        QCOMPARE(g.first().opIndex, 10);
    }

    void syncRemovedEveryTxnFixture_data() { test::addFixtureRows(test::npuTxnFixtureNames()); }
    void syncRemovedEveryTxnFixture()
    {
        QFETCH(QString, name);
        NpuStream s = test::loadNpuFixture(name);
        while (test::firstOp(s, QStringLiteral("SYNC")) >= 0)
            s = test::decodeWords(test::removeOp(s, test::firstOp(s, QStringLiteral("SYNC"))));
        const QList<NpuFinding> f = NpuStreamChecker::check(s);
        QVERIFY(!f.isEmpty());
        for (const NpuFinding& finding : f)
            QCOMPARE(finding.code, QStringLiteral("output-not-waited"));
    }

    void patchRemoved_data() { test::addFixtureRows(test::npuTxnFixtureNames()); }
    void patchRemoved()
    {
        QFETCH(QString, name);
        const NpuStream s = test::loadNpuFixture(name);
        const int patch = test::firstOp(s, QStringLiteral("DDR_PATCH"));
        const NpuStream cut = test::decodeWords(test::removeOp(s, patch));
        const QList<NpuFinding> f = only(NpuStreamChecker::check(cut), QStringLiteral("unpatched-bd"));
        QVERIFY(!f.isEmpty());
        QCOMPARE(f.first().severity, Severity::Error);
        QVERIFY2(f.first().message.contains(QLatin1String("no patch after the BD was written")),
                 qPrintable(f.first().message));
    }

    void bdRewrittenAfterPatch()
    {
        const NpuStream s = singleAdd();
        // BLOCKWRITE BD0, DDR_PATCH BD0, then the same BLOCKWRITE again before the push.
        const NpuStream rewritten = test::decodeWords(test::insertOp(s, 2, test::opWords(s, 0)));
        const QList<NpuFinding> f = NpuStreamChecker::check(rewritten);
        QCOMPARE(test::findingCodes(f, Severity::Error), QStringList { QStringLiteral("unpatched-bd") });
        QCOMPARE(f.first().opIndex, 3);
        QVERIFY2(f.first().message.contains(QLatin1String("overwritten when op 2 rewrote the BD's address words")),
                 qPrintable(f.first().message));
        QCOMPARE(rewritten.arguments.size(), 2); // XRT 3 is no longer patched
        // A second patch after the rewrite makes it whole again.
        const NpuStream repatched = test::decodeWords(test::insertOp(rewritten, 3, test::opWords(s, 1)));
        QVERIFY(NpuStreamChecker::check(repatched).isEmpty());
    }

    void argumentKinds()
    {
        const NpuStream s = singleAdd();
        NpuStreamContext c = test::npuFixtureContext(QStringLiteral("iron-single-add"), s);
        c.argumentKinds[4] = NpuStreamContext::ArgumentKind::Scalar;
        QList<NpuFinding> f = NpuStreamChecker::check(s, c);
        QCOMPARE(test::findingCodes(f, Severity::Error), QStringList { QStringLiteral("patched-scalar") });
        QCOMPARE(f.first().xrtArgument, 4);
        QCOMPARE(f.first().opIndex, 4);

        c.argumentKinds.resize(5); // the kernel ends at XRT 4
        f = NpuStreamChecker::check(s, c);
        QCOMPARE(test::findingCodes(f, Severity::Error),
                 (QStringList { QStringLiteral("patched-scalar"), QStringLiteral("patched-absent") }));
        QVERIFY2(f.at(1).message.contains(QLatin1String("found only 5 argument(s) (0-4)")),
                 qPrintable(f.at(1).message));
    }

    void missingBuffer()
    {
        const NpuStream s = singleAdd();
        NpuStreamContext c = test::npuFixtureContext(QStringLiteral("iron-single-add"), s);
        c.hostBufferIndices->remove(5);
        const QList<NpuFinding> f = NpuStreamChecker::check(s, c);
        QCOMPARE(test::findingCodes(f, Severity::Error), QStringList { QStringLiteral("argument-not-passed") });
        QCOMPARE(f.first().xrtArgument, 5);
        QVERIFY(f.first().message.contains(QLatin1String("the stream writes it (8192 bytes needed)")));
        c.hostBufferIndices.reset(); // unknown: skipped
        QVERIFY(NpuStreamChecker::check(s, c).isEmpty());
    }

    void bufferFourBytesShort_data() { test::addFixtureRows(test::npuFixtureNames()); }
    void bufferFourBytesShort()
    {
        QFETCH(QString, name);
        const NpuStream s = test::loadNpuFixture(name);
        for (const NpuArgument& a : s.arguments) {
            NpuStreamContext c = test::npuFixtureContext(name, s);
            c.hostBufferSizes[a.xrtArgument] = a.minBytes - 4;
            const QList<NpuFinding> f = NpuStreamChecker::check(s, c);
            QCOMPARE(test::findingCodes(f, Severity::Error), QStringList { QStringLiteral("buffer-too-small") });
            QCOMPARE(f.first().xrtArgument, a.xrtArgument);
            QVERIFY(f.first().message.contains(QString::number(a.minBytes)));
            QVERIFY(f.first().message.contains(QStringLiteral("found %1 bytes").arg(a.minBytes - 4)));
        }
    }

    void deviceMismatch()
    {
        const NpuStream s = singleAdd();
        NpuStreamContext c = test::npuFixtureContext(QStringLiteral("iron-single-add"), s);
        c.deviceName = QStringLiteral("npu2");
        QList<NpuFinding> f = NpuStreamChecker::check(s, c);
        QCOMPARE(test::findingCodes(f, Severity::Error), QStringList { QStringLiteral("device-mismatch") });
        QVERIFY2(f.first().message.contains(QLatin1String("expected device generation 4 (npu2")),
                 qPrintable(f.first().message));

        // mlir-aie wrote generation 3 for npu2 in its TXN v1.0 era.
        const NpuStream v10 = test::decodeWords(NpuStreamWriter::fromStream(s, NpuFormat::Txn10).words());
        c.ninstr = v10.wordCount();
        f = NpuStreamChecker::check(v10, c);
        QCOMPARE(test::findingCodes(f, Severity::Error), QStringList());
        QCOMPARE(test::findingCodes(f, Severity::Warning), QStringList { QStringLiteral("device-mismatch") });

        // An npu2 header against an npu1 xclbin.
        const NpuStream npu2 = test::decodeWords(NpuStreamWriter::fromStream(s, NpuFormat::Txn01, 4).words());
        c.ninstr = npu2.wordCount();
        c.deviceName = QStringLiteral("NPU Phoenix");
        QCOMPARE(test::findingCodes(NpuStreamChecker::check(npu2, c), Severity::Error),
                 QStringList { QStringLiteral("device-mismatch") });
        c.deviceName = QStringLiteral("Strix");
        QVERIFY(NpuStreamChecker::check(npu2, c).isEmpty());
        c.deviceName.clear();
        c.deviceGeneration = 4;
        QVERIFY(NpuStreamChecker::check(npu2, c).isEmpty());
    }

    void columnMismatch()
    {
        const NpuStream s = test::loadNpuFixture(QStringLiteral("iron-gemm-512-4col"));
        NpuStreamContext c = test::npuFixtureContext(QStringLiteral("iron-gemm-512-4col"), s);
        c.partitionColumns = 2;
        const QList<NpuFinding> f = NpuStreamChecker::check(s, c);
        const QStringList codes = test::findingCodes(f, Severity::Error);
        QVERIFY(!codes.isEmpty());
        for (const QString& code : codes)
            QCOMPARE(code, QStringLiteral("column-mismatch"));
        QVERIFY2(f.first().message.contains(QLatin1String("partition width of 2, found 4 columns")),
                 qPrintable(f.first().message));
        QVERIFY(f.at(1).message.contains(QLatin1String("in column 2")));
        // A 1-column partition for the xdna-emu stream is right; a 4-column stream header is not.
        const NpuStream emu = test::loadNpuFixture(QStringLiteral("xdna-emu-aie"));
        NpuStreamContext one = test::npuFixtureContext(QStringLiteral("xdna-emu-aie"), emu);
        QCOMPARE(one.partitionColumns, 1);
        one.partitionColumns = 4;
        QCOMPARE(test::findingCodes(NpuStreamChecker::check(emu, one), Severity::Error),
                 QStringList { QStringLiteral("column-mismatch") });
    }

    void ninstrTxn()
    {
        const NpuStream s = singleAdd();
        NpuStreamContext c = test::npuFixtureContext(QStringLiteral("iron-single-add"), s);
        c.ninstr = 105;
        QVERIFY(NpuStreamChecker::check(s, c).isEmpty());
        c.ninstr = 420;
        QList<NpuFinding> f = NpuStreamChecker::check(s, c);
        QCOMPARE(test::findingCodes(f, Severity::Warning), QStringList { QStringLiteral("ninstr-mismatch") });
        QVERIFY(f.first().message.contains(QLatin1String("the header carries its own size; the ABI says words")));
        QCOMPARE(f.first().xrtArgument, 2);
        c.ninstr = 0;
        QCOMPARE(test::findingCodes(NpuStreamChecker::check(s, c), Severity::Error),
                 QStringList { QStringLiteral("ninstr-mismatch") });
        c.ninstr = 100;
        QCOMPARE(test::findingCodes(NpuStreamChecker::check(s, c), Severity::Error),
                 QStringList { QStringLiteral("ninstr-mismatch") });
    }

    void ninstrLegacy()
    {
        const NpuStream s = riallto();
        NpuStreamContext c = test::npuFixtureContext(QStringLiteral("riallto-color-detect-720p"), s);
        c.ninstr = 57;
        QVERIFY(NpuStreamChecker::check(s, c).isEmpty());
        for (qint64 wrong : { qint64(228), qint64(0), qint64(56) }) {
            c.ninstr = wrong;
            const QList<NpuFinding> f = NpuStreamChecker::check(s, c);
            QCOMPARE(test::findingCodes(f, Severity::Error), QStringList { QStringLiteral("ninstr-mismatch") });
            QCOMPARE(f.first().xrtArgument, 1);
        }
    }

    void legacyContext()
    {
        const NpuStream s = riallto();
        NpuStreamContext c = test::npuFixtureContext(QStringLiteral("riallto-color-detect-720p"), s);
        QCOMPARE(c.argumentKinds.size(), 5); // instr, ninstr, in, tmp, out
        c.argumentKinds[3] = NpuStreamContext::ArgumentKind::Scalar;
        c.hostBufferSizes[2] = 3686400 - 4;
        const QList<NpuFinding> f = NpuStreamChecker::check(s, c);
        QCOMPARE(test::findingCodes(f, Severity::Error),
                 (QStringList { QStringLiteral("buffer-too-small"), QStringLiteral("patched-scalar") }));
    }

    void notDecodable()
    {
        const auto elf = NpuStreamReader::read(QByteArray("\x7f"
                                                          "ELF\x02\x01\x01\x00",
                                                          8),
                                               QStringLiteral("insts.elf"));
        QVERIFY(elf);
        NpuStreamContext c;
        c.ninstr = 0; // right for the ELF flow: nothing else is said
        const QList<NpuFinding> f = NpuStreamChecker::check(*elf, c);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f.first().code, QStringLiteral("not-decodable"));
        QCOMPARE(f.first().severity, Severity::Info);
        QVERIFY(f.first().message.contains(QLatin1String("found elf (an ELF container")));
        const auto unknown = NpuStreamReader::read(QByteArray(16, '\x55'));
        QVERIFY(unknown);
        QCOMPARE(NpuStreamChecker::check(*unknown).first().code, QStringLiteral("not-decodable"));
    }

    void unpatchedPushOfUnwrittenBd()
    {
        NpuStreamWriter w;
        w.push(1, NpuChannel::MM2S1, 7);
        const NpuStream s = test::decodeWords(w.words());
        const QList<NpuFinding> f = NpuStreamChecker::check(s);
        QCOMPARE(test::findingCodes(f, Severity::Error), QStringList { QStringLiteral("unpatched-bd") });
        QVERIFY(f.first().message.contains(QLatin1String("a BD the stream never wrote nor patched")));
    }

    void deviceNames()
    {
        QCOMPARE(NpuStreamContext::generationFromDeviceName(QStringLiteral("npu1_4col")), 3);
        QCOMPARE(NpuStreamContext::generationFromDeviceName(QStringLiteral("NPU Phoenix")), 3);
        QCOMPARE(NpuStreamContext::generationFromDeviceName(QStringLiteral("npu2")), 4);
        QCOMPARE(NpuStreamContext::generationFromDeviceName(QStringLiteral("NPU Strix Halo")), 4);
        QCOMPARE(NpuStreamContext::generationFromDeviceName(QStringLiteral("xcvc1902")), 0);
    }
};

QTEST_GUILESS_MAIN(TestNpuStreamChecker)
#include "tst_npustreamchecker.moc"
