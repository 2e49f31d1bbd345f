// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace xi {

class DocumentView;
class AttentionRun;
class EventLoopWatchdog;
class MainWindow;
class RunView;

// `xclbin-inspector --bench-startup FILE`: how soon a launched inspector shows a file, and how long its event loop
// ever stops answering, measured by the application itself. Launch is the process start as the kernel records it
// (whole clock ticks, so the figure is an upper bound by up to one tick); the table is the first item view of the
// opened file painted with its rows (or the summary with its content); beside it, the process's CPU time until then
// (all threads, loading included). Then the file's Run view is shown (made on first show, phase "run-view"), and once
// idle it runs 1500 x 64 random vectors on the cpu backend (attention weights 1500 x 1500, phase "run") until every
// heatmap is painted. Stalls are counted per phase. Prints one JSON object and exits.
class StartupBench : public QObject {
    Q_OBJECT
public:
    // Call first thing in main(): the time main() was entered.
    static void markMainEntered();
    // The value of --bench-startup, or an empty string when not asked for.
    static QString requestedFile(int argc, char** argv);

    StartupBench(MainWindow* window, EventLoopWatchdog* watchdog, int runSequence = 1500, QObject* parent = nullptr);
    void start();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onTablePainted();
    void startRun();
    void onRunFinished(const AttentionRun& run);
    void onRunShown();
    void finish(int exitCode, const QString& error = {});
    bool isLoadedTable(QObject* watched) const;

    MainWindow* m_window;
    EventLoopWatchdog* m_watchdog;
    int m_runSequence;
    QPointer<DocumentView> m_document;
    QPointer<RunView> m_run;
    QJsonObject m_result;
    double m_tableAtMs = -1; // watchdog clock
    double m_runStartMs = 0;
    double m_runDoneMs = -1;
    bool m_waitingForTable = true;
    bool m_waitingForRunPaint = false;
};

} // namespace xi
