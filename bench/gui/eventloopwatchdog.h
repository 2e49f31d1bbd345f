// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QString>

#include <atomic>
#include <thread>

class QTimer;

namespace xi {

// Measures how long the GUI thread's event loop stops answering: a precise 1 ms timer on the GUI thread records
// each beat, and a stall is the time between two beats beyond the interval. A monitor thread watches the beats
// too and warns on stderr while a stall goes on past a few seconds (a hang). Stalls are counted per phase
// ("launch", "open", "run", ...): a stall that spans a phase change counts for both phases. Beside each stall's
// wall time the watchdog keeps the GUI thread's CPU time in it: on a machine shared with other work the thread may
// wait for a core, and the CPU time tells how much of a stall was the program's own work.
class EventLoopWatchdog : public QObject {
    Q_OBJECT
public:
    explicit EventLoopWatchdog(QObject* parent = nullptr);
    ~EventLoopWatchdog() override;

    // Starts the clock and the beats; until the event loop runs, the time counts as a stall of the first phase.
    void start(const QString& phase);
    void setPhase(const QString& phase);
    // Switches phase right after the next beat: "the event loop answered, what follows is the next phase".
    void setPhaseAfterNextBeat(const QString& phase) { m_nextPhase = phase; }
    QString phase() const { return m_phase; }
    // Milliseconds since start().
    double elapsedMs() const;
    // The longest stall seen in that phase (0 when none), or in any phase.
    double longestStallMs(const QString& phase) const { return m_longest.value(phase); }
    double longestStallMs() const;
    // The most GUI-thread CPU time spent between two beats, in that phase or in any.
    double longestBusyMs(const QString& phase) const { return m_longestBusy.value(phase); }
    double longestBusyMs() const;
    int beats() const { return m_beats; }

private:
    void beat();
    void record(double stallMs, double busyMs);
    void monitor();

    QTimer* m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastBeatNs = 0;
    qint64 m_lastBeatCpuNs = 0;
    QString m_phase;
    QString m_phaseAtLastBeat;
    QString m_nextPhase;
    QMap<QString, double> m_longest;
    QMap<QString, double> m_longestBusy;
    int m_beats = 0;
    std::atomic<qint64> m_sharedLastBeatNs { 0 };
    std::atomic<bool> m_stop { false };
    std::thread m_monitor;
};

} // namespace xi
