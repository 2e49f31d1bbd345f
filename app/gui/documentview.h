// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "summary/filesummary.h"
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
class SummaryView;

// One open file: every view of it, loaded off the GUI thread. A failed (re)load shows its error above the views
// while the last good load stays usable. Each view is made when its tab is first shown (or first asked for), so
// opening a file builds only the view on screen.
class DocumentView : public QWidget {
    Q_OBJECT
public:
    using ViewFactory = std::function<QWidget*(QWidget* parent)>;
    using ViewSetter = std::function<void(QWidget* view, const XclbinPtr& xclbin)>;

    explicit DocumentView(QWidget* parent = nullptr);

    static QStringList viewNames(); // "summary", "overview", "arguments", "diagram", ...
    // Plugs in another view of the file (e.g. a binding or run view), made by `create` on first show; from then on
    // it gets every successful load.
    template<typename View>
    void addView(const QString& name, const QString& label, const QString& toolTip,
                 std::function<View*(QWidget* parent)> create)
    {
        addViewFactory(
            name, label, toolTip, [create = std::move(create)](QWidget* parent) -> QWidget* { return create(parent); },
            [](QWidget* view, const XclbinPtr& x) { static_cast<View*>(view)->setXclbin(x); });
    }
    void addViewFactory(const QString& name, const QString& label, const QString& toolTip, ViewFactory create,
                        ViewSetter setXclbin = {});
    QStringList allViewNames() const; // viewNames() and the added ones
    bool setCurrentView(const QString& name);
    QString currentViewName() const;
    // The tab's label of a view ("Arguments & group IDs"); empty for an unknown name.
    QString viewLabel(const QString& name) const;
    // The named view, made now if it was not yet; nullptr for an unknown name.
    QWidget* viewWidget(const QString& name);
    template<typename View>
    View* view(const QString& name)
    {
        return qobject_cast<View*>(viewWidget(name));
    }
    bool isViewCreated(const QString& name) const;

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
    // Shows a summary link's view, with the argument selected there when argument >= 0.
    void followLink(const QString& view, const QString& kernelName, int argumentIndex);
    // The summary of the last good load.
    const FileSummary& summary() const { return m_summary; }

    ArgumentTableModel* argumentModel() const { return m_arguments; }
    QItemSelectionModel* sharedSelection() const { return m_selection; }
    IssuesModel* issuesModel() const { return m_issues; }
    QTabWidget* views() const { return m_views; }
    // The built-in views, made on first use.
    SummaryView* summaryView();
    OverviewView* overview();
    ArgumentTableView* argumentView();
    MemoryDiagram* diagram();
    PartitionView* partition();
    MetadataView* metadata();
    DecoderView* decoder();
    IssuesView* issues();
    QLabel* banner() const { return m_banner; }

signals:
    void loaded();
    void loadFailed(const QString& message);
    void titleChanged(const QString& title);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct ViewEntry {
        QString name;
        QWidget* page = nullptr; // the tab's page; holds the view once it is made
        QWidget* view = nullptr;
        ViewFactory create;
        ViewSetter setXclbin;
    };

    void addBuiltInViews();
    QWidget* ensureView(qsizetype index);
    void onLoaded(XclbinPtr xclbin);
    void onFailed(const XclbinError& error);
    void onFileChanged();
    void selectInitialArgument();
    void showBanner(const QString& text, bool error);
    void watchPath();

    QString m_path;
    XclbinPtr m_xclbin;
    FileSummary m_summary;
    QList<ViewEntry> m_entries;
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
};

} // namespace xi
