// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QListWidget;
class QPushButton;

namespace xi {

// What the window shows when no file is open: Open, the recent files, the demo, and where to drop a file.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    void setRecentFiles(const QStringList& paths);
    void setDemoAvailable(bool available);
    void setDemoAtStart(bool on);

    QPushButton* openButton() const { return m_open; }
    QPushButton* demoButton() const { return m_demo; }
    QListWidget* recentList() const { return m_recent; }
    QCheckBox* demoAtStartBox() const { return m_demoAtStart; }

signals:
    void openRequested();
    void demoRequested();
    void recentRequested(const QString& path);
    void demoAtStartChanged(bool on);

private:
    QPushButton* m_open;
    QPushButton* m_demo;
    QListWidget* m_recent;
    QCheckBox* m_demoAtStart;
};

} // namespace xi
