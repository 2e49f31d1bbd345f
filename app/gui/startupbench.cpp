// SPDX-License-Identifier: GPL-3.0-or-later
#include "startupbench.h"

#include "bench/gui/eventloopwatchdog.h"
#include "documentview.h"
#include "mainwindow.h"
#include "widgets/plots/heatmapqcp.h"
#include "widgets/plots/heatmapwidget.h"
#include "widgets/run/runview.h"
#include "widgets/run/runviewresults.h"
#include "widgets/summary/summaryview.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextStream>
#include <QTimer>

#include <time.h>
#include <unistd.h>

namespace xi {

namespace {

constexpr int IdleBeforeRunMs = 300; // lets the open phase's trailing work end before the run starts
constexpr int SettleMs = 300; // stalls right after the last paint still count
constexpr int TimeoutMs = 300000;
constexpr double TargetLaunchToTableMs = 100;
constexpr double TargetStallMs = 50;

qint64 bootTimeNs()
{
    timespec ts {};
    clock_gettime(CLOCK_BOOTTIME, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// When the kernel started this process (field 22 of /proc/self/stat, in clock ticks since boot); -1 if unknown.
qint64 processStartBootNs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' '); // from field 3 on
    bool ok = false;
    const qint64 ticks = fields.value(22 - 3).toLongLong(&ok);
    const long hz = sysconf(_SC_CLK_TCK);
    return ok && hz > 0 ? ticks * (1'000'000'000 / hz) : -1;
}

qint64 g_mainEnteredNs = -1;

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

// CPU time of the whole process since exec, dynamic loading and every thread included.
double processCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

} // namespace

void StartupBench::markMainEntered()
{
    g_mainEnteredNs = bootTimeNs();
}

QString StartupBench::requestedFile(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--bench-startup") == 0)
            return i + 1 < argc ? QString::fromLocal8Bit(argv[i + 1]) : QStringLiteral("-");
        if (qstrncmp(argv[i], "--bench-startup=", 16) == 0)
            return QString::fromLocal8Bit(argv[i] + 16);
    }
    return {};
}

StartupBench::StartupBench(MainWindow* window, EventLoopWatchdog* watchdog, int runSequence, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_watchdog(watchdog)
    , m_runSequence(runSequence)
{
}

void StartupBench::start()
{
    m_document = m_window->document(0);
    if (!m_document) {
        finish(64, QStringLiteral("--bench-startup FILE: no file was opened"));
        return;
    }
    m_result.insert(QStringLiteral("file"), m_document->path());
    connect(m_document, &DocumentView::loadFailed, this, [this](const QString& message) { finish(2, message); });
    qApp->installEventFilter(this);
    m_watchdog->setPhaseAfterNextBeat(QStringLiteral("open"));
    QTimer::singleShot(TimeoutMs, this, [this] {
        finish(1,
               QStringLiteral("--bench-startup: gave up after %1 s (phase %2)")
                   .arg(TimeoutMs / 1000)
                   .arg(m_watchdog->phase()));
    });
}

// The first view of the opened file painted with its content: a table with rows, or the summary of the load.
bool StartupBench::isLoadedTable(QObject* watched) const
{
    auto viewport = qobject_cast<QWidget*>(watched);
    auto area = viewport ? qobject_cast<QAbstractScrollArea*>(viewport->parentWidget()) : nullptr;
    if (!area || area->viewport() != viewport)
        return false;
    auto table = qobject_cast<QAbstractItemView*>(area);
    const bool filled = table
        ? table->model() && table->model()->rowCount() > 0
        : qobject_cast<QTextBrowser*>(area) && area->parentWidget() && qobject_cast<SummaryView*>(area->parentWidget())
            && !static_cast<SummaryView*>(area->parentWidget())->summary().fileName.isEmpty();
    QWidget* current = m_document->views()->currentWidget();
    return filled && m_document->xclbin() && current && current->isAncestorOf(area);
}

bool StartupBench::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::Paint || !m_document)
        return false;
    if (m_waitingForTable && isLoadedTable(watched)) {
        m_waitingForTable = false;
        QTimer::singleShot(0, this, &StartupBench::onTablePainted); // after this paint and its flush
    } else if (m_waitingForRunPaint && m_run && qobject_cast<QCustomPlot*>(watched)
               && m_run->isAncestorOf(static_cast<QWidget*>(watched))) {
        m_waitingForRunPaint = false;
        QTimer::singleShot(0, this, &StartupBench::onRunShown);
    }
    return false;
}

void StartupBench::onTablePainted()
{
    const qint64 now = bootTimeNs();
    const qint64 launched = processStartBootNs();
    m_tableAtMs = m_watchdog->elapsedMs();
    m_result.insert(QStringLiteral("launch_to_table_ms"), launched > 0 ? ms(now - launched) : -1);
    m_result.insert(QStringLiteral("main_to_table_ms"), ms(now - g_mainEnteredNs));
    // The work the launch took, whatever else the machine was doing: on a busy machine the wall time grows, this
    // does not.
    m_result.insert(QStringLiteral("launch_to_table_cpu_ms"), processCpuMs());
    m_result.insert(QStringLiteral("before_main_ms"), launched > 0 ? ms(g_mainEnteredNs - launched) : -1);
    m_result.insert(QStringLiteral("first_view"), m_document->currentViewName());
    m_watchdog->setPhase(QStringLiteral("idle"));
    if (m_runSequence <= 0) {
        QTimer::singleShot(SettleMs, this, [this] { finish(0); });
        return;
    }
    QTimer::singleShot(IdleBeforeRunMs, this, &StartupBench::startRun);
}

void StartupBench::startRun()
{
    // First the Run view is made and shown, as when a user opens its tab; then, once idle, the run.
    m_watchdog->setPhase(QStringLiteral("run-view"));
    m_document->setCurrentView(QStringLiteral("run"));
    m_run = m_document->view<RunView>(QStringLiteral("run"));
    QTimer::singleShot(IdleBeforeRunMs, this, [this] {
        m_watchdog->setPhase(QStringLiteral("run"));
        m_runStartMs = m_watchdog->elapsedMs();
        m_run->setBackend(AttentionBackendKind::Cpu);
        m_run->setVectors(TestVectors::Pattern::Random, m_runSequence, 64, 1);
        connect(m_run, &RunView::runFinished, this, &StartupBench::onRunFinished);
        m_run->run();
        if (!m_run->isRunning())
            finish(1, QStringLiteral("the cpu run did not start: %1").arg(m_run->status()->text()));
    });
}

void StartupBench::onRunFinished(const AttentionRun& run)
{
    m_result.insert(QStringLiteral("run_succeeded"), run.succeeded());
    // The large heatmaps fill on the thread pool: wait for them, then for the paint that shows them.
    auto poll = new QTimer(this);
    poll->start(2);
    connect(poll, &QTimer::timeout, this, [this, poll] {
        for (HeatmapWidget* h : m_run->results()->heatmaps()) {
            if (h->isFilling())
                return;
        }
        poll->deleteLater();
        m_waitingForRunPaint = true;
        for (HeatmapWidget* h : m_run->results()->heatmaps())
            h->replotQueued();
    });
}

void StartupBench::onRunShown()
{
    m_runDoneMs = m_watchdog->elapsedMs();
    QTimer::singleShot(SettleMs, this, [this] { finish(0); });
}

void StartupBench::finish(int exitCode, const QString& error)
{
    qApp->removeEventFilter(this);
    if (!error.isEmpty()) {
        QTextStream(stderr) << error << '\n';
        QApplication::exit(exitCode);
        return;
    }
    QJsonObject stalls;
    QJsonObject busy;
    for (const char* phase : { "launch", "open", "idle", "run-view", "run" }) {
        stalls.insert(QLatin1String(phase), m_watchdog->longestStallMs(QLatin1String(phase)));
        busy.insert(QLatin1String(phase), m_watchdog->longestBusyMs(QLatin1String(phase)));
    }
    m_result.insert(QStringLiteral("longest_stall_ms"), m_watchdog->longestStallMs());
    m_result.insert(QStringLiteral("longest_stall_ms_by_phase"), stalls);
    // The GUI thread's own CPU time in its longest stall: the part of a stall that was this program's work.
    m_result.insert(QStringLiteral("longest_busy_ms"), m_watchdog->longestBusyMs());
    m_result.insert(QStringLiteral("longest_busy_ms_by_phase"), busy);
    if (m_runDoneMs >= 0) {
        m_result.insert(QStringLiteral("run"),
                        QJsonObject { { QStringLiteral("backend"), QStringLiteral("cpu") },
                                      { QStringLiteral("shape"), QJsonArray { m_runSequence, 64 } },
                                      { QStringLiteral("start_to_painted_ms"), m_runDoneMs - m_runStartMs } });
    }
    m_result.insert(QStringLiteral("platform"), QGuiApplication::platformName());
    m_result.insert(QStringLiteral("targets"),
                    QJsonObject { { QStringLiteral("launch_to_table_ms"), TargetLaunchToTableMs },
                                  { QStringLiteral("stall_while_opening_or_running_ms"), TargetStallMs } });
    QTextStream(stdout) << QJsonDocument(m_result).toJson(QJsonDocument::Indented);
    QApplication::exit(exitCode);
}

} // namespace xi
