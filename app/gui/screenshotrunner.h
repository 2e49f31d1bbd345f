// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace xi {

class MainWindow;
class StartupActions;

// `--screenshot OUT.png [--view NAME]`: waits until the window's files are loaded (or failed) and the startup actions
// (--decode, --call, --run) are done, shows the view, saves the window as PNG and quits with 0 (saved), 2 (a file
// could not be loaded) or 1 (an action failed, or the PNG could not be saved).
class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow* window, QString output, QString view, QObject* parent = nullptr);
    void setActions(StartupActions* actions) { m_actions = actions; } // started once the files have loaded
    void start();

private:
    void poll();
    void capture();

    MainWindow* m_window;
    QString m_output;
    QString m_view;
    StartupActions* m_actions = nullptr;
    int m_polls = 0;
};

} // namespace xi
