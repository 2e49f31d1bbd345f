// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace xi {

class MainWindow;

// `--screenshot OUT.png [--view NAME]`: waits until the window's files are loaded (or failed), shows the view,
// saves the window as PNG and quits with 0 (saved), 2 (a file could not be loaded) or 1 (could not save).
class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow* window, QString output, QString view, QObject* parent = nullptr);
    void start();

private:
    void poll();
    void capture();

    MainWindow* m_window;
    QString m_output;
    QString m_view;
    int m_polls = 0;
};

} // namespace xi
