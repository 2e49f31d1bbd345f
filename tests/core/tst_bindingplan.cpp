// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/bindingplan.h"
#include "testsupport.h"

#include <QJsonDocument>

using namespace xi;

class TestBindingPlan : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quickFormOfTheCorrectCall()
    {
        QString error;
        const auto plan = BindingPlan::parseQuick(QStringLiteral("3, instr:1, 118, bo:3, bo:4"), &error);
        QVERIFY2(plan, qPrintable(error));
        QCOMPARE(plan->arguments.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(plan->arguments.at(i).index, i);
        QVERIFY(plan->arguments.at(0).isScalar());
        QCOMPARE(plan->arguments.at(0).scalarValue, std::optional<qint64>(3));
        const ArgBinding& instr = plan->arguments.at(1);
        QVERIFY(instr.isBuffer());
        QVERIFY(instr.bo.instructions);
        QCOMPARE(instr.bo.groupArgument, 1);
        QCOMPARE(instr.bo.flags, BoFlags::Cacheable);
        QCOMPARE(plan->arguments.at(2).scalarValue, std::optional<qint64>(118));
        QCOMPARE(plan->arguments.at(3).bo.groupArgument, 3);
        QCOMPARE(plan->arguments.at(3).bo.flags, BoFlags::HostOnly);
        QVERIFY(!plan->arguments.at(3).bo.instructions);
        QCOMPARE(plan->bufferCount(), 3);
        QCOMPARE(plan->instructionBufferIndex(), 1);
    }

    void quickFormExtras()
    {
        QString error;
        const auto plan = BindingPlan::parseQuick(
            QStringLiteral("kernel(0x3, -, ninstr, bo@65536, bo@-1, _, bo:4[out,size=4096,flags=cacheable,name=out_bo,"
                           "file=in.bin], nbytes, bo@0x1FFFF)"),
            &error);
        QVERIFY2(plan, qPrintable(error));
        QCOMPARE(plan->arguments.size(), 9);
        QCOMPARE(plan->arguments.at(0).scalarValue, std::optional<qint64>(3));
        QVERIFY(plan->arguments.at(1).isNone());
        QVERIFY(plan->arguments.at(2).instructionWords);
        QVERIFY(!plan->arguments.at(2).scalarValue);
        QCOMPARE(plan->arguments.at(3).bo.rawGroup, std::optional<qint64>(65536));
        QCOMPARE(plan->arguments.at(3).bo.groupArgument, -1);
        QCOMPARE(plan->arguments.at(4).bo.rawGroup, std::optional<qint64>(-1));
        QVERIFY(plan->arguments.at(5).isNone());
        const BoBinding& out = plan->arguments.at(6).bo;
        QVERIFY(out.readBack);
        QCOMPARE(out.size, quint64(4096));
        QCOMPARE(out.flags, BoFlags::Cacheable);
        QCOMPARE(out.name, QStringLiteral("out_bo"));
        QCOMPARE(out.inputFile, QStringLiteral("in.bin"));
        QVERIFY(plan->arguments.at(7).instructionBytes);
        QCOMPARE(plan->arguments.at(8).bo.rawGroup, std::optional<qint64>(0x1FFFF));
        QCOMPARE(
            plan->toQuick(),
            QStringLiteral("3, -, ninstr, bo@65536, bo@-1, -, bo:4[out,size=4096,flags=cacheable,file=in.bin], nbytes, "
                           "bo@131071"));
    }

    void quickFormErrorsNameTheItem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("word") << QStringLiteral("3, instr_bo") << QStringLiteral("item 1 'instr_bo'");
        QTest::newRow("negative group_id") << QStringLiteral("bo:-1") << QStringLiteral("argument index >= 0");
        QTest::newRow("bad option") << QStringLiteral("3, bo:3[colour=red]")
                                    << QStringLiteral("unknown BO option 'colour=red'");
        QTest::newRow("empty item") << QStringLiteral("3,,bo:3") << QStringLiteral("item 1 ''");
    }

    void quickFormErrorsNameTheItem()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!BindingPlan::parseQuick(text, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void jsonRoundTrip()
    {
        auto plan = BindingPlan::parseQuick(QStringLiteral("instr:1, nbytes, 0, bo:3, bo:4[out,size=4096]"));
        QVERIFY(plan);
        plan->kernelName = QStringLiteral("MLIR_AIE");
        plan->sourceFile = QStringLiteral("host.py");
        plan->call = HostLocation { QStringLiteral("host.py"), 30, 7 };
        plan->arguments[3].bo.allocation = HostLocation { QStringLiteral("host.py"), 21, 12 };
        plan->arguments[3].location = HostLocation { QStringLiteral("host.py"), 30, 40 };
        plan->unresolved << UnresolvedItem { QStringLiteral("gid"), QStringLiteral("unknown"),
                                             HostLocation { QStringLiteral("host.py"), 9, 1 }, 2 };
        // Through text, as the runner child receives it.
        const QByteArray bytes = QJsonDocument(plan->toJson()).toJson();
        QString error;
        const auto back = BindingPlan::fromJson(QJsonDocument::fromJson(bytes).object(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->toJson(), plan->toJson());
        QCOMPARE(back->toQuick(), plan->toQuick());
        QCOMPARE(back->arguments.at(3).bo.allocation.line, 21);
        QCOMPARE(back->arguments.at(3).location, plan->arguments.at(3).location);
        QVERIFY(back->arguments.at(1).instructionBytes);
        QCOMPARE(back->unresolved.size(), 1);
        QCOMPARE(back->unresolved.first().argument, 2);
    }

    void jsonErrors()
    {
        QString error;
        QVERIFY(!BindingPlan::fromJson(QJsonObject {}, &error));
        QVERIFY(error.contains(QLatin1String("arguments")));
        QVERIFY(!BindingPlan::fromJson(QJsonDocument::fromJson(R"({"arguments":[{"index":5000}]})").object(), &error));
        QVERIFY2(error.contains(QLatin1String("5000")), qPrintable(error));
    }

    void setArgumentGrowsWithNothing()
    {
        BindingPlan plan;
        ArgBinding a;
        a.index = 3;
        a.kind = ArgBinding::Kind::Scalar;
        a.scalarValue = 7;
        plan.setArgument(a);
        QCOMPARE(plan.arguments.size(), 4);
        QVERIFY(plan.arguments.at(0).isNone());
        QCOMPARE(plan.arguments.at(2).index, 2);
        QCOMPARE(plan.toQuick(), QStringLiteral("-, -, -, 7"));
        QVERIFY(!plan.argument(4));
        QCOMPARE(plan.argument(3)->scalarValue, std::optional<qint64>(7));
    }

    void flagsAsXrtSpellsThem()
    {
        BoFlags f;
        QVERIFY(parseBoFlags(QStringLiteral("xrt.bo.flags.host_only"), &f));
        QCOMPARE(f, BoFlags::HostOnly);
        QVERIFY(parseBoFlags(QStringLiteral("XCL_BO_FLAGS_CACHEABLE"), &f));
        QCOMPARE(f, BoFlags::Cacheable);
        QVERIFY(parseBoFlags(QStringLiteral("xrt::bo::flags::device_only"), &f));
        QCOMPARE(f, BoFlags::DeviceOnly);
        QVERIFY(parseBoFlags(QStringLiteral("XRT_BO_FLAGS_NONE"), &f));
        QCOMPARE(f, BoFlags::Normal);
        QVERIFY(!parseBoFlags(QStringLiteral("p2p"), &f));
        // The values of Debian XRT 2.13's xrt_mem.h.
        QCOMPARE(boFlagsValue(BoFlags::Cacheable), 1u << 24);
        QCOMPARE(boFlagsValue(BoFlags::HostOnly), 1u << 29);
        QCOMPARE(boFlagsValue(BoFlags::DeviceOnly), 1u << 28);
        QCOMPARE(boFlagsCpp(BoFlags::HostOnly), QStringLiteral("XRT_BO_FLAGS_HOST_ONLY"));
        QCOMPARE(boFlagsPython(BoFlags::Cacheable), QStringLiteral("xrt.bo.flags.cacheable"));
    }
};

QTEST_GUILESS_MAIN(TestBindingPlan)
#include "tst_bindingplan.moc"
