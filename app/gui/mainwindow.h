// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "theme.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace xi {

class CompareView;
class DesignDocument;
class DocumentView;
class RecentFiles;
class WelcomePage;

// The desktop inspector: one tab per open file (or comparison), a welcome page when none is open, File/Edit/View/Help
// menus with the standard shortcuts and one for every view, drag and drop, recent files, and window layout kept in
// QSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Bumped when the saved layout no longer fits the window; older saved state is then ignored.
    static constexpr int SettingsVersion = 1;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // An .mlir file opens as a design tab (then nullptr is returned), anything else as an xclbin document.
    DocumentView* openFile(const QString& path);
    DesignDocument* openDesign(const QString& path, int line = 0);
    void openFiles(const QStringList& paths);
    CompareView* openCompare(const QString& before, const QString& after);
    // The bundled demo: both files and their comparison. False when no demo file is found.
    bool openDemo();
    // Whether a start without files opens the demo (chosen on the welcome page; off by default).
    bool demoAtStart() const { return m_demoAtStart; }
    void setDemoAtStart(bool on);
    WelcomePage* welcomePage() const { return m_welcome; }
    bool isWelcomeShown() const;

    int documentCount() const;
    DocumentView* document(int index) const;
    DocumentView* currentDocument() const;
    CompareView* currentCompare() const;
    DesignDocument* currentDesign() const;
    QTabWidget* tabs() const { return m_tabs; }
    RecentFiles* recentFiles() const { return m_recent; }
    bool setCurrentView(const QString& name);
    void setTheme(Theme::Kind kind);

    QAction* openAction() const { return m_open; }
    QAction* reloadAction() const { return m_reload; }
    QAction* watchAction() const { return m_watch; }
    QAction* copyAction() const { return m_copy; }
    QAction* findAction() const { return m_find; }
    QAction* compareAction() const { return m_compare; }
    QAction* nextFileAction() const { return m_nextFile; }
    QAction* previousFileAction() const { return m_previousFile; }
    QList<QAction*> viewActions() const { return m_viewActions; }
    // Every action of the menus, for the shortcut list.
    QList<QAction*> menuActions() const;

    void saveSettings() const;
    void restoreSettings();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    static bool isInstructionStream(const QString& path);
    bool openStream(const QString& path);
    void createActions();
    void createMenus();
    void showOpenDialog();
    void showCompareDialog();
    void copyFromFocus();
    void reloadCurrent();
    void closeTab(int index);
    void updateActions();
    void updateStatus();
    void updateCentral();
    void switchFile(int step);
    void showAbout();
    QString lastDirectory() const;

    QStackedWidget* m_stack;
    WelcomePage* m_welcome;
    QTabWidget* m_tabs;
    RecentFiles* m_recent;
    QLabel* m_status;
    QMenu* m_recentMenu = nullptr;
    QAction* m_open = nullptr;
    QAction* m_reload = nullptr;
    QAction* m_watch = nullptr;
    QAction* m_compare = nullptr;
    QAction* m_close = nullptr;
    QAction* m_copy = nullptr;
    QAction* m_find = nullptr;
    QAction* m_nextFile = nullptr;
    QAction* m_previousFile = nullptr;
    QActionGroup* m_themeGroup = nullptr;
    QList<QAction*> m_viewActions;
    Theme::Kind m_theme = Theme::System;
    bool m_demoAtStart = false;
};

} // namespace xi
