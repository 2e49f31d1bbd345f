// SPDX-License-Identifier: GPL-3.0-or-later
// The watchdog sees a blocked event loop: the wall time of the stall, in the phase it happened, and how much of it
// was this thread's own work.
#include "bench/gui/eventloopwatchdog.h"

#include <QEventLoop>
#include <QTimer>
#include <QtTest>

#include <chrono>
#include <ctime>
#include <thread>

using namespace xi;

namespace {
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// A real event loop for `ms` (QTest::qWait sleeps between its passes, which the watchdog would see as stalls).
void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}
} // namespace

class TestEventLoopWatchdog : public QObject {
    Q_OBJECT
private slots:
    void measuresStallsPerPhase()
    {
        EventLoopWatchdog watchdog;
        watchdog.start(QStringLiteral("first"));
        spin(50);
        QVERIFY(watchdog.beats() > 5);
        watchdog.setPhase(QStringLiteral("busy"));
        QTimer::singleShot(0, [] {
            // 100 ms of the thread's own CPU time, however long the machine makes that take.
            const double start = threadCpuMs();
            volatile double sink = 0;
            while (threadCpuMs() - start < 100)
                sink = sink + 1;
        });
        spin(300);
        watchdog.setPhase(QStringLiteral("waiting"));
        QTimer::singleShot(0, [] { std::this_thread::sleep_for(std::chrono::milliseconds(120)); }); // not work
        spin(300);
        watchdog.setPhase(QStringLiteral("quiet"));
        spin(100);

        QVERIFY2(watchdog.longestStallMs(QStringLiteral("busy")) >= 95,
                 qPrintable(QString::number(watchdog.longestStallMs(QStringLiteral("busy")))));
        QVERIFY2(watchdog.longestBusyMs(QStringLiteral("busy")) >= 95,
                 qPrintable(QString::number(watchdog.longestBusyMs(QStringLiteral("busy")))));
        QVERIFY(watchdog.longestStallMs(QStringLiteral("waiting")) >= 110);
        QVERIFY2(watchdog.longestBusyMs(QStringLiteral("waiting")) < 60,
                 qPrintable(QString::number(watchdog.longestBusyMs(QStringLiteral("waiting")))));
        QVERIFY(watchdog.longestStallMs() >= watchdog.longestStallMs(QStringLiteral("busy")));
        QCOMPARE(watchdog.longestStallMs(QStringLiteral("never")), 0.0);
    }

    void theLaunchCountsUntilTheLoopAnswers()
    {
        EventLoopWatchdog watchdog;
        watchdog.start(QStringLiteral("launch"));
        watchdog.setPhaseAfterNextBeat(QStringLiteral("open"));
        std::this_thread::sleep_for(std::chrono::milliseconds(80)); // before the event loop runs
        spin(50);
        QCOMPARE(watchdog.phase(), QStringLiteral("open"));
        QVERIFY(watchdog.longestStallMs(QStringLiteral("launch")) >= 70);
        QVERIFY(watchdog.longestStallMs(QStringLiteral("open")) < 70);
    }
};

QTEST_MAIN(TestEventLoopWatchdog)
#include "tst_eventloopwatchdog.moc"
