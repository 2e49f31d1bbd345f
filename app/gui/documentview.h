// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbin.h"
#include "xclbin/xclbinerror.h"

#include <QDateTime>
#include <QWidget>

#include <functional>

class QFileSystemWatcher;
class QItemSelectionModel;
class QLabel;
class QTabWidget;
class QTimer;

namespace xi {

class ArgumentTableModel;
class ArgumentTableView;
class DecoderView;
class IssuesModel;
class IssuesView;
class LoadJob;
class MemoryDiagram;
class MetadataView;
class OverviewView;
class PartitionView;

// One open file: every view of it, loaded off the GUI thread. A failed (re)load shows its error above the views
// while the last good load stays usable.
class DocumentView : public QWidget {
    Q_OBJECT
public:
    explicit DocumentView(QWidget* parent = nullptr);

    static QStringList viewNames(); // "overview", "arguments", "diagram", ...
    // Plugs in another view of the file (e.g. a binding or run view): it gets every successful load.
    template<typename View>
    void addView(const QString& name, const QString& label, const QString& toolTip, View* view)
    {
        addViewWidget(name, label, toolTip, view, [view](const XclbinPtr& x) { view->setXclbin(x); });
    }
    void addViewWidget(const QString& name, const QString& label, const QString& toolTip, QWidget* view,
                       std::function<void(const XclbinPtr&)> setXclbin);
    QStringList allViewNames() const; // viewNames() and the added ones
    bool setCurrentView(const QString& name);
    QString currentViewName() const;

    void load(const QString& path);
    void reload();
    void cancelLoad();
    QString path() const { return m_path; }
    XclbinPtr xclbin() const { return m_xclbin; }
    bool isLoading() const;
    QString errorText() const; // empty when the last load succeeded
    QString title() const;

    void setWatchEnabled(bool enabled);
    bool watchEnabled() const { return m_watchEnabled; }
    void activateFind();
    void selectArgument(const QString& kernelName, int argumentIndex);
    // Selects the first invalid argument (else the first warning); false when every argument is fine.
    bool selectFirstFinding();

    ArgumentTableModel* argumentModel() const { return m_arguments; }
    QItemSelectionModel* sharedSelection() const { return m_selection; }
    IssuesModel* issuesModel() const { return m_issues; }
    QTabWidget* views() const { return m_views; }
    OverviewView* overview() const { return m_overview; }
    ArgumentTableView* argumentView() const { return m_argumentView; }
    MemoryDiagram* diagram() const { return m_diagram; }
    PartitionView* partition() const { return m_partition; }
    MetadataView* metadata() const { return m_metadata; }
    DecoderView* decoder() const { return m_decoder; }
    IssuesView* issues() const { return m_issuesView; }
    QLabel* banner() const { return m_banner; }

signals:
    void loaded();
    void loadFailed(const QString& message);
    void titleChanged(const QString& title);

private:
    void onLoaded(XclbinPtr xclbin);
    void onFailed(const XclbinError& error);
    void onFileChanged();
    void showBanner(const QString& text, bool error);
    void watchPath();

    QString m_path;
    XclbinPtr m_xclbin;
    QStringList m_addedNames;
    QList<std::function<void(const XclbinPtr&)>> m_addedSetters;
    QString m_error;
    bool m_watchEnabled = false;
    QDateTime m_loadedModified;
    LoadJob* m_job;
    QFileSystemWatcher* m_watcher;
    QTimer* m_reloadTimer;
    ArgumentTableModel* m_arguments;
    QItemSelectionModel* m_selection;
    IssuesModel* m_issues;
    QLabel* m_banner;
    QTabWidget* m_views;
    OverviewView* m_overview;
    ArgumentTableView* m_argumentView;
    MemoryDiagram* m_diagram;
    PartitionView* m_partition;
    MetadataView* m_metadata;
    DecoderView* m_decoder;
    IssuesView* m_issuesView;
};

} // namespace xi
