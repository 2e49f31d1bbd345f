// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/gui/eventloopwatchdog.h"
#include "bench/gui/heatmapbench.h"
#include "mainwindow.h"
#include "screenshotrunner.h"
#include "startupactions.h"
#include "startupbench.h"
#include "theme.h"
#include "util/buildconfig.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>

#include <memory>

namespace {

bool hasOption(int argc, char** argv, std::initializer_list<const char*> names)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg = QByteArray(argv[i]).split('=').constFirst();
        for (const char* name : names) {
            if (arg == name)
                return true;
        }
    }
    return false;
}

// A screenshot needs no screen, and neither does --help or --version when there is none: run headless unless the
// caller chose a platform.
bool needsNoScreen(int argc, char** argv)
{
    if (hasOption(argc, argv, { "--screenshot" }))
        return true;
    const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    return noDisplay
        && hasOption(argc, argv, { "--help", "-h", "-?", "--help-all", "--version", "-v", "--bench-startup" });
}

// The run's summary on stdout, or why an action failed on stderr: scripts read what the window shows.
void reportWhenDone(xi::StartupActions* actions)
{
    QObject::connect(actions, &xi::StartupActions::finished, actions, [actions] {
        if (!actions->error().isEmpty())
            QTextStream(stderr) << actions->error() << '\n';
        else if (!actions->summary().isEmpty())
            QTextStream(stdout) << actions->summary() << '\n';
    });
}

} // namespace

int main(int argc, char** argv)
{
    xi::StartupBench::markMainEntered();
    const int benchHeatmap = xi::HeatmapBench::requestedSize(argc, argv); // hidden: JSON timings, then exit
    if ((benchHeatmap || needsNoScreen(argc, argv)) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // --bench-startup: the watchdog counts from here, so the window's construction is a stall of the launch.
    std::unique_ptr<xi::EventLoopWatchdog> watchdog;
    if (!xi::StartupBench::requestedFile(argc, argv).isEmpty()) {
        watchdog = std::make_unique<xi::EventLoopWatchdog>();
        watchdog->start(QStringLiteral("launch"));
    }
    if (benchHeatmap)
        return xi::HeatmapBench::printJson(benchHeatmap);
    QApplication::setOrganizationName(QStringLiteral("xclbin-inspector"));
    QApplication::setApplicationName(QStringLiteral("xclbin-inspector"));
    QApplication::setApplicationVersion(QStringLiteral(XI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.xclbin_inspector.XclbinInspector"));
    // The installed icon theme has the application icon under the desktop id.
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.xclbin_inspector.XclbinInspector")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Inspect .xclbin files: sections, kernel arguments and the XRT "
                                                    "group IDs they get, memory connectivity and AIE partitions."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption diff(QStringLiteral("diff"), QStringLiteral("Compare file A (before) with B (after)."),
                                  QStringLiteral("A"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window after loading, save it as PNG and exit."),
                                        QStringLiteral("OUT.png"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QStringLiteral("View to show: summary (the first view of every file), overview, arguments, diagram, "
                       "partition, metadata, decoder, issues, instructions, binding, run, design, compare; for "
                       "an .mlir design: design, recompile, workflows, report."),
        QStringLiteral("NAME"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open the bundled demo (a correct and a broken attention xclbin and "
                                                 "their comparison). Without files and without --demo the window "
                                                 "opens on its welcome page, unless the demo was chosen there for "
                                                 "every start."));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("Palette: system, light or dark."),
                                   QStringLiteral("THEME"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Window size (with --screenshot, 1400x900 unless given)."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption decode(QStringLiteral("decode"),
                                    QStringLiteral("Decode group IDs or XRT log text against the first file, in its "
                                                   "Decoder view."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption call(QStringLiteral("call"),
                                  QStringLiteral("Check how a host calls the first file's kernel, in its Binding view "
                                                 "(binding quick form, e.g. \"instr:1, ninstr, 0, bo:3, bo:4\"); "
                                                 "--run then uses this call."),
                                  QStringLiteral("QUICK"));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QStringLiteral("Run the first file in its Run view on BACKEND: cpu, emulated, "
                                                "xrt-noop or xrt (with --screenshot: captured when the run is done)."),
                                 QStringLiteral("BACKEND"));
    const QCommandLineOption benchStartup(
        QStringLiteral("bench-startup"),
        QStringLiteral("Open FILE, then run 1500 x 64 vectors on the cpu backend; print as JSON the time from launch "
                       "to the first painted table and the longest event-loop stall, then exit."),
        QStringLiteral("FILE"));
    parser.addOptions({ diff, screenshot, view, demo, theme, size, decode, call, run, benchStartup });
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("xclbin files or .mlir designs to open (B after --diff A)."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    QStringList files = parser.positionalArguments();
    if (parser.isSet(benchStartup))
        files = QStringList { parser.value(benchStartup) };
    if (parser.isSet(diff) && files.isEmpty()) {
        QTextStream(stderr) << "--diff A B needs the second file B\n";
        return 64;
    }
    const std::optional<xi::AttentionBackendKind> backend = xi::AttentionBackend::parse(parser.value(run));
    if (parser.isSet(run) && !backend) {
        QTextStream(stderr) << "--run " << parser.value(run) << ": expected cpu, emulated, xrt-noop or xrt\n";
        return 64;
    }

    xi::MainWindow window;
    if (parser.isSet(theme))
        window.setTheme(xi::Theme::fromName(parser.value(theme)));
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    if (wh.size() == 2 && wh[0].toInt() > 0 && wh[1].toInt() > 0)
        window.resize(wh[0].toInt(), wh[1].toInt());
    else if (parser.isSet(screenshot))
        window.resize(1400, 900);
    if (parser.isSet(diff)) {
        window.openCompare(parser.value(diff), files.takeFirst());
    }
    window.openFiles(files);
    // The demo opens when asked for; a start without files otherwise shows the welcome page (Open, recent files,
    // the demo), unless the user chose the demo for every start. Screenshots and benches never take the setting.
    const bool demoChosen = window.demoAtStart() && !parser.isSet(screenshot) && !parser.isSet(benchStartup);
    if (parser.isSet(demo) || (!parser.isSet(diff) && files.isEmpty() && demoChosen))
        window.openDemo();
    if (parser.isSet(diff))
        window.setCurrentView(QStringLiteral("compare"));
    window.show();
    if (watchdog) {
        xi::StartupBench bench(&window, watchdog.get());
        bench.start();
        return app.exec();
    }

    xi::StartupActions actions(&window);
    actions.setDecode(parser.value(decode));
    actions.setCall(parser.value(call));
    if (backend)
        actions.setRun(*backend);
    actions.setView(parser.value(view));
    reportWhenDone(&actions);
    if (parser.isSet(screenshot)) {
        xi::ScreenshotRunner runner(&window, parser.value(screenshot), parser.value(view));
        if (!actions.isEmpty())
            runner.setActions(&actions);
        runner.start();
        return app.exec();
    }
    if (parser.isSet(view))
        window.setCurrentView(parser.value(view));
    if (!actions.isEmpty())
        actions.start();
    return app.exec();
}
