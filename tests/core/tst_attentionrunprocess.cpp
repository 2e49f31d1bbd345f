// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionrunprocess.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QtTest>

using namespace xi;

Q_DECLARE_METATYPE(xi::AttentionRun)

namespace {

AttentionRunOptions options(AttentionBackendKind backend)
{
    AttentionRunOptions o;
    o.xclbinPath = test::demoXclbin();
    o.backend = backend;
    o.cliPath = test::cliPath();
    return o;
}

} // namespace

class TestAttentionRunProcess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cpuRunsOffThisThread();
    void emulatedThroughTheRunner();
    void secondStartIsRefused();
    void cancelEndsWithOneFinished();
};

void TestAttentionRunProcess::initTestCase()
{
    XI_REQUIRE_FIXTURES();
    qRegisterMetaType<xi::AttentionRun>();
}

void TestAttentionRunProcess::cpuRunsOffThisThread()
{
    AttentionRunProcess p;
    QSignalSpy spy(&p, &AttentionRunProcess::finished);
    QVERIFY(p.start(options(AttentionBackendKind::Cpu)));
    QVERIFY(p.isRunning());
    QVERIFY(spy.wait(30000));
    const auto run = spy.at(0).at(0).value<AttentionRun>();
    QCOMPARE(run.backend, QStringLiteral("cpu"));
    QVERIFY(run.succeeded());
    QVERIFY(!p.isRunning());
}

void TestAttentionRunProcess::emulatedThroughTheRunner()
{
    AttentionRunProcess p;
    QSignalSpy spy(&p, &AttentionRunProcess::finished);
    QSignalSpy progress(&p, &AttentionRunProcess::progress);
    QVERIFY(p.start(options(AttentionBackendKind::Emulated)));
    QVERIFY(spy.wait(60000));
    const auto run = spy.at(0).at(0).value<AttentionRun>();
    QCOMPARE(run.backend, QStringLiteral("emulated"));
    QVERIFY2(run.succeeded(), qPrintable(run.state + QLatin1Char(' ') + run.error));
    QVERIFY(progress.count() > 0);
}

void TestAttentionRunProcess::secondStartIsRefused()
{
    AttentionRunProcess p;
    QSignalSpy spy(&p, &AttentionRunProcess::finished);
    QVERIFY(p.start(options(AttentionBackendKind::Emulated)));
    QVERIFY(!p.start(options(AttentionBackendKind::Cpu)));
    QVERIFY(spy.wait(60000));
    QCOMPARE(spy.count(), 1);
}

void TestAttentionRunProcess::cancelEndsWithOneFinished()
{
    AttentionRunProcess p;
    QSignalSpy spy(&p, &AttentionRunProcess::finished);
    AttentionRunOptions o = options(AttentionBackendKind::Cpu);
    o.vectors = TestVectors::random(1000, 64, 1); // long enough to still be running
    QVERIFY(p.start(o));
    p.cancel();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<AttentionRun>().state, QStringLiteral("CANCELLED"));
    QTest::qWait(2000); // the worker's late result must not arrive as a second finished()
    QCOMPARE(spy.count(), 1);
    QVERIFY(!p.isRunning());
}

QTEST_GUILESS_MAIN(TestAttentionRunProcess)
#include "tst_attentionrunprocess.moc"
