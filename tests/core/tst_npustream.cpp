// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustream.h"
#include "npustreamtestdata.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace xi;

namespace {

// Every key of an object, at any depth.
void collectKeys(const QJsonValue& v, QStringList& keys)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            keys << it.key();
            collectKeys(it.value(), keys);
        }
    } else if (v.isArray()) {
        for (const auto& item : v.toArray())
            collectKeys(item, keys);
    }
}

} // namespace

class TestNpuStream : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    void json_data() { test::addFixtureRows(test::npuFixtureNames()); }
    void json()
    {
        QFETCH(QString, name);
        const test::NpuFixtureExpectation e = test::npuFixture(name);
        const NpuStream s = test::loadNpuFixture(name);
        const QJsonObject o = s.toJson();
        for (const char* key : { "format", "encoding", "device_generation", "rows", "columns", "mem_tile_rows", "words",
                                 "op_count", "txn_size", "transfers", "arguments", "syncs", "findings" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QVERIFY(!o.contains(QLatin1String("ops")));
        QCOMPARE(o.value(QLatin1String("format")).toString(), npuFormatName(e.format));
        QCOMPARE(o.value(QLatin1String("encoding")).toString(),
                 e.encoding == NpuEncoding::Binary ? QStringLiteral("binary") : QStringLiteral("hex-text"));
        QCOMPARE(o.value(QLatin1String("words")).toInteger(), e.words);
        QCOMPARE(o.value(QLatin1String("op_count")).toInt(), e.ops);
        if (e.deviceGeneration < 0) {
            QVERIFY(o.value(QLatin1String("device_generation")).isNull());
            QVERIFY(o.value(QLatin1String("txn_size")).isNull());
        } else {
            QCOMPARE(o.value(QLatin1String("device_generation")).toInt(), e.deviceGeneration);
            QCOMPARE(o.value(QLatin1String("columns")).toInt(), e.columns);
            QCOMPARE(o.value(QLatin1String("txn_size")).toInteger(), e.words * 4);
        }
        const QJsonArray transfers = o.value(QLatin1String("transfers")).toArray();
        QCOMPARE(transfers.size(), e.transfers);
        for (const char* key : { "column", "channel", "direction", "bd", "xrt_argument", "offset", "bytes",
                                 "length_words", "runs", "first_byte", "end_byte", "dims", "token", "op_index" })
            QVERIFY2(transfers.first().toObject().contains(QLatin1String(key)), key);
        const QJsonArray arguments = o.value(QLatin1String("arguments")).toArray();
        QCOMPARE(arguments.size(), e.arguments.size());
        for (int i = 0; i < arguments.size(); ++i) {
            const QJsonObject a = arguments.at(i).toObject();
            QCOMPARE(a.value(QLatin1String("xrt_argument")).toInteger(), e.arguments.at(i).xrtArgument);
            QCOMPARE(a.value(QLatin1String("direction")).toString(), QLatin1String(e.arguments.at(i).direction));
            QCOMPARE(quint64(a.value(QLatin1String("bytes_moved")).toInteger()), e.arguments.at(i).bytesMoved);
            QCOMPARE(quint64(a.value(QLatin1String("min_bytes")).toInteger()), e.arguments.at(i).minBytes);
            QCOMPARE(a.value(QLatin1String("pushes")).toInt(), e.arguments.at(i).pushes);
        }
        QCOMPARE(o.value(QLatin1String("syncs")).toArray().size(), e.syncs.size());

        const QJsonObject withOps = s.toJson(true);
        QCOMPARE(withOps.value(QLatin1String("ops")).toArray().size(), e.ops);
        QStringList keys;
        collectKeys(withOps, keys);
        static const QRegularExpression snake(QStringLiteral("^[a-z][a-z0-9_]*$"));
        for (const QString& key : keys)
            QVERIFY2(snake.match(key).hasMatch(), qPrintable(key));
    }

    void jsonDetails()
    {
        const NpuStream s = test::loadNpuFixture(QStringLiteral("iron-gemm-256-1col"));
        NpuFinding f { QStringLiteral("buffer-too-small"), Severity::Error, 3, 0, QStringLiteral("m") };
        const QJsonObject o = s.toJson(false, { f });
        const QJsonObject t = o.value(QLatin1String("transfers")).toArray().at(1).toObject();
        QCOMPARE(t.value(QLatin1String("channel")).toString(), QStringLiteral("MM2S1"));
        QCOMPARE(t.value(QLatin1String("direction")).toString(), QStringLiteral("to_npu"));
        QCOMPARE(t.value(QLatin1String("xrt_argument")).toInt(), 4);
        QCOMPARE(t.value(QLatin1String("end_byte")).toInt(), 131072);
        QCOMPARE(t.value(QLatin1String("runs")).toInt(), 8);
        const QJsonArray dims = t.value(QLatin1String("dims")).toArray();
        QCOMPARE(dims.size(), 3);
        QCOMPARE(dims.at(0).toObject().value(QLatin1String("stride_words")).toInt(), 4096);
        QCOMPARE(t.value(QLatin1String("iteration")).toObject().value(QLatin1String("wrap")).toInt(), 8);
        const QJsonObject sync = o.value(QLatin1String("syncs")).toArray().at(0).toObject();
        QCOMPARE(sync.value(QLatin1String("channel")).toString(), QStringLiteral("S2MM0"));
        QCOMPARE(sync.value(QLatin1String("direction")).toString(), QStringLiteral("from_npu"));
        QCOMPARE(sync.value(QLatin1String("waits_for")).toArray(), QJsonArray { 4 });
        QCOMPARE(o.value(QLatin1String("syncs")).toArray().at(1).toObject().value(QLatin1String("waits_for")).toArray(),
                 QJsonArray { 9 });
        QCOMPARE(sync.value(QLatin1String("covers")).toArray(), QJsonArray { QStringLiteral("col 0 S2MM0") });
        const QJsonObject finding = o.value(QLatin1String("findings")).toArray().at(0).toObject();
        QCOMPARE(finding.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(finding.value(QLatin1String("code")).toString(), QStringLiteral("buffer-too-small"));
        QCOMPARE(finding.value(QLatin1String("xrt_argument")).toInt(), 3);
        QCOMPARE(finding.value(QLatin1String("op_index")).toInt(), 0);
    }

    void text()
    {
        const NpuStream s = test::loadNpuFixture(QStringLiteral("iron-single-add"));
        const QString text = s.toText(true,
                                      { NpuFinding { QStringLiteral("unpatched-bd"), Severity::Error, -1, 5,
                                                     QStringLiteral("expected a patch, found none") } });
        QVERIFY2(text.contains(QLatin1String("TXN v0.1 dev_gen 3 (npu1 (AIE2IPU, Phoenix/Hawk Point)), 6 rows x 4 "
                                             "cols, 1 mem-tile row(s), 11 ops, TxnSize 420 B (file 420 B)")),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("    0 @    16  BLOCKWRITE shim(0,0).BD0.w0 [8 words]")));
        QVERIFY(text.contains(QLatin1String("syncs: col 0 S2MM0")));
        QVERIFY(text.contains(QLatin1String(
            "XRT arg 5 (arg_idx 2): S2MM (written by NPU), 1 queue push(es), 8192 B moved, needs >= 8192 B")));
        QVERIFY(text.contains(QLatin1String("error unpatched-bd (op 5): expected a patch, found none")));
        QVERIFY(!s.toText().contains(QLatin1String("BLOCKWRITE")));
        const NpuStream legacy = test::loadNpuFixture(QStringLiteral("riallto-color-detect-720p"));
        QVERIFY(legacy.toText().contains(QLatin1String("legacy IPU sequence, prolog 17 words")));
        QVERIFY(legacy.toText().contains(QLatin1String("hex-text, format legacy")));
    }

    void describeOpIndex()
    {
        const NpuStream s = test::loadNpuFixture(QStringLiteral("iron-single-add"));
        QCOMPARE(s.describeOpIndex(10),
                 QStringLiteral("op 10: SYNC col 0 S2MM0 — waiting for output that never came (BD2 pushed at op 9)"));
        QVERIFY(s.describeOpIndex(0xFFFFFFFF).contains(QLatin1String("no op had started yet, or every op completed")));
        QCOMPARE(s.describeOpIndex(1),
                 QStringLiteral("op 1: DDR_PATCH arg_idx 0 (XRT argument 3) into shim(0,0).BD0.w1 — patching that "
                                "buffer's address"));
        QCOMPARE(s.describeOpIndex(9),
                 QStringLiteral("op 9: WRITE shim(0,0).S2MM0.TASK_QUEUE = 0x80000002 — starts col 0 S2MM0 BD2 (XRT "
                                "argument 5)"));
        QCOMPARE(s.describeOpIndex(8),
                 QStringLiteral("op 8: MASKWRITE shim(0,0).S2MM0.CTRL = 0x00000f00 & 0x00001f00"));
        QVERIFY(s.describeOpIndex(11).contains(QLatin1String("does not exist: this stream has 11 ops (0-10)")));
        const NpuStream legacy = test::loadNpuFixture(QStringLiteral("riallto-color-detect-720p"));
        QVERIFY(legacy.describeOpIndex(8).startsWith(QStringLiteral("op 8: SYNC col 0 S2MM0 — waiting for output")));
    }

    void names()
    {
        QCOMPARE(npuFormatName(NpuFormat::Txn10), QStringLiteral("txn-1.0"));
        QCOMPARE(npuFormatName(NpuFormat::ControlPackets), QStringLiteral("control-packets"));
        QCOMPARE(npuEncodingName(NpuEncoding::HexText), QStringLiteral("hex-text"));
        QVERIFY(npuDeviceGenerationName(4).startsWith(QLatin1String("npu2")));
        QCOMPARE(npuDeviceGenerationName(2), QStringLiteral("AIE-ML"));
        QCOMPARE(npuDeviceGenerationName(9), QStringLiteral("AIE2P Strix B0"));
        QCOMPARE(npuDeviceGenerationName(7), QStringLiteral("unknown"));
    }
};

QTEST_GUILESS_MAIN(TestNpuStream)
#include "tst_npustream.moc"
