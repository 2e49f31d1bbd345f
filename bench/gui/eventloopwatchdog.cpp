// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/gui/eventloopwatchdog.h"

#include <QTimer>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <utility>

namespace xi {

namespace {
constexpr int BeatMs = 1;
constexpr qint64 HangWarningNs = 5'000'000'000;

qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
} // namespace

EventLoopWatchdog::EventLoopWatchdog(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(BeatMs);
    connect(m_timer, &QTimer::timeout, this, &EventLoopWatchdog::beat);
}

EventLoopWatchdog::~EventLoopWatchdog()
{
    m_stop = true;
    if (m_monitor.joinable())
        m_monitor.join();
}

void EventLoopWatchdog::start(const QString& phase)
{
    m_phase = phase;
    m_phaseAtLastBeat = phase;
    m_clock.start();
    m_lastBeatNs = 0;
    m_lastBeatCpuNs = threadCpuNs();
    m_sharedLastBeatNs = 0;
    m_timer->start();
    if (!m_monitor.joinable())
        m_monitor = std::thread([this] { monitor(); });
}

void EventLoopWatchdog::setPhase(const QString& phase)
{
    m_phase = phase;
}

double EventLoopWatchdog::elapsedMs() const
{
    return double(m_clock.nsecsElapsed()) / 1e6;
}

double EventLoopWatchdog::longestStallMs() const
{
    double longest = 0;
    for (double ms : m_longest)
        longest = qMax(longest, ms);
    return longest;
}

double EventLoopWatchdog::longestBusyMs() const
{
    double longest = 0;
    for (double ms : m_longestBusy)
        longest = qMax(longest, ms);
    return longest;
}

void EventLoopWatchdog::beat()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 cpu = threadCpuNs();
    ++m_beats;
    record(double(now - m_lastBeatNs) / 1e6 - BeatMs, double(cpu - m_lastBeatCpuNs) / 1e6);
    m_lastBeatNs = now;
    m_lastBeatCpuNs = cpu;
    m_sharedLastBeatNs.store(now, std::memory_order_relaxed);
    if (!m_nextPhase.isEmpty())
        m_phase = std::exchange(m_nextPhase, QString());
    m_phaseAtLastBeat = m_phase;
}

void EventLoopWatchdog::record(double stallMs, double busyMs)
{
    stallMs = qMax(0.0, stallMs);
    for (const QString& phase : { m_phaseAtLastBeat, m_phase }) {
        m_longest[phase] = qMax(m_longest.value(phase), stallMs);
        m_longestBusy[phase] = qMax(m_longestBusy.value(phase), busyMs);
    }
}

void EventLoopWatchdog::monitor()
{
    qint64 warnedFor = -1;
    while (!m_stop) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        const qint64 last = m_sharedLastBeatNs.load(std::memory_order_relaxed);
        if (m_clock.nsecsElapsed() - last > HangWarningNs && warnedFor != last) {
            warnedFor = last;
            std::fprintf(stderr, "event loop watchdog: the GUI thread has not answered for over %lld s\n",
                         static_cast<long long>(HangWarningNs / 1'000'000'000));
        }
    }
}

} // namespace xi
