// SPDX-License-Identifier: GPL-3.0-or-later
#include "buildconfig.h"
#include "heatmapbench.h"
#include "mainwindow.h"
#include "screenshotrunner.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>

namespace {

bool wantsScreenshot(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--screenshot") == 0 || qstrncmp(argv[i], "--screenshot=", 13) == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    // A screenshot needs no screen: run headless unless the caller chose a platform.
    const int benchHeatmap = xi::HeatmapBench::requestedSize(argc, argv); // hidden: JSON timings, then exit
    if ((benchHeatmap || wantsScreenshot(argc, argv)) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
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
        QStringLiteral(
            "View to show: overview, arguments, diagram, partition, metadata, decoder, issues, binding, run, "
            "compare."),
        QStringLiteral("NAME"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("Palette: system, light or dark."),
                                   QStringLiteral("THEME"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size for screenshots (1400x900)."),
                                  QStringLiteral("WxH"));
    parser.addOptions({ diff, screenshot, view, theme, size });
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("xclbin files to open (B after --diff A)."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    QStringList files = parser.positionalArguments();
    if (parser.isSet(diff) && files.isEmpty()) {
        QTextStream(stderr) << "--diff A B needs the second file B\n";
        return 64;
    }

    xi::MainWindow window;
    if (parser.isSet(theme))
        window.setTheme(xi::Theme::fromName(parser.value(theme)));
    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        window.resize(wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize(1400, 900));
    }
    if (parser.isSet(diff)) {
        window.openCompare(parser.value(diff), files.takeFirst());
    }
    window.openFiles(files);
    if (!parser.isSet(diff) && parser.positionalArguments().isEmpty())
        window.openDemo();
    if (parser.isSet(diff))
        window.setCurrentView(QStringLiteral("compare"));
    window.show();

    if (parser.isSet(screenshot)) {
        xi::ScreenshotRunner runner(&window, parser.value(screenshot), parser.value(view));
        runner.start();
        return app.exec();
    }
    if (parser.isSet(view))
        window.setCurrentView(parser.value(view));
    return app.exec();
}
