// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentview.h"

#include "binding/bindingchecker.h"
#include "summary/filesummarizer.h"
#include "widgets/common/accessiblenames.h"
#include "widgets/common/findbar.h"
#include "widgets/common/loadjob.h"
#include "widgets/common/verdictstyle.h"
#include "widgets/decoder/decoderview.h"
#include "widgets/issues/issuesmodel.h"
#include "widgets/issues/issuesview.h"
#include "widgets/summary/summaryview.h"
#include "widgets/xclbin/argumenttablemodel.h"
#include "widgets/xclbin/argumenttableview.h"
#include "widgets/xclbin/memorydiagram.h"
#include "widgets/xclbin/metadataview.h"
#include "widgets/xclbin/overviewview.h"
#include "widgets/xclbin/partitionview.h"

#include <QDateTime>
#include <QEvent>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace xi {

namespace {
// A rebuild writes the file in several steps: wait until it has been quiet for a moment.
constexpr int ReloadDelayMs = 400;

template<typename View>
DocumentView::ViewSetter setXclbinOf()
{
    return [](QWidget* view, const XclbinPtr& x) { static_cast<View*>(view)->setXclbin(x); };
}
} // namespace

DocumentView::DocumentView(QWidget* parent)
    : QWidget(parent)
    , m_job(new LoadJob(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_reloadTimer(new QTimer(this))
    , m_arguments(new ArgumentTableModel(this))
    , m_selection(new QItemSelectionModel(m_arguments, this))
    , m_issues(new IssuesModel(this))
    , m_banner(new QLabel(this))
    , m_views(new QTabWidget(this))
{
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_banner->setMargin(6);
    m_banner->setAutoFillBackground(true);
    m_banner->hide();
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);

    m_views->setDocumentMode(true);
    addBuiltInViews();

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_views, 1);

    connect(m_job, &LoadJob::loaded, this, &DocumentView::onLoaded);
    connect(m_job, &LoadJob::failed, this, &DocumentView::onFailed);
    connect(m_job, &LoadJob::cancelled, this, [this] {
        showBanner(m_xclbin ? tr("Loading cancelled; showing the last good load.") : tr("Loading cancelled."), false);
        m_views->setEnabled(m_xclbin != nullptr);
    });
    connect(m_banner, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QLatin1String("cancel"))
            cancelLoad();
    });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &DocumentView::onFileChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &DocumentView::onFileChanged);
    connect(m_reloadTimer, &QTimer::timeout, this, &DocumentView::reload);
    connect(m_arguments, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_xclbin)
            m_issues->setIssues(IssuesModel::collect(*m_xclbin, m_arguments->kernels()));
    });
}

// One factory per view: nothing is built until its tab is shown.
void DocumentView::addBuiltInViews()
{
    addViewFactory(
        QStringLiteral("summary"), tr("Summary"),
        tr("The file's verdict in one line, how to call its kernels, its instruction stream and every finding"),
        [this](QWidget* parent) {
            auto view = new SummaryView(parent);
            connect(view, &SummaryView::linkActivated, this, &DocumentView::followLink);
            return view;
        },
        [this](QWidget* view, const XclbinPtr&) {
            SummaryHtml::Views views;
            for (const QString& name : allViewNames())
                views.append({ name, viewLabel(name) });
            auto summary = static_cast<SummaryView*>(view);
            summary->setViews(views);
            summary->setSummary(m_summary);
        });
    addViewFactory(
        QStringLiteral("overview"), tr("Overview"), tr("Header, sections and a hex view of any section"),
        [](QWidget* parent) { return new OverviewView(parent); }, setXclbinOf<OverviewView>());
    addViewFactory(QStringLiteral("arguments"), tr("Arguments && group IDs"),
                   tr("Every kernel argument with its decoded group ID and verdict"),
                   [this](QWidget* parent) { return new ArgumentTableView(m_arguments, m_selection, parent); });
    addViewFactory(QStringLiteral("diagram"), tr("Memory diagram"),
                   tr("Arguments and the memory banks they connect to"),
                   [this](QWidget* parent) { return new MemoryDiagram(m_arguments, m_selection, parent); });
    addViewFactory(
        QStringLiteral("partition"), tr("AIE partition"), tr("AIE_PARTITION: columns, PDIs and cdo groups"),
        [](QWidget* parent) { return new PartitionView(parent); }, setXclbinOf<PartitionView>());
    addViewFactory(
        QStringLiteral("metadata"), tr("Raw metadata"), tr("EMBEDDED_METADATA XML and the other text sections"),
        [](QWidget* parent) { return new MetadataView(parent); }, setXclbinOf<MetadataView>());
    addViewFactory(
        QStringLiteral("decoder"), tr("Decoder"), tr("Decode group IDs and XRT log text against this file"),
        [](QWidget* parent) { return new DecoderView(parent); }, setXclbinOf<DecoderView>());
    addViewFactory(QStringLiteral("issues"), tr("Issues"), tr("Every finding with its severity"),
                   [this](QWidget* parent) {
                       auto view = new IssuesView(m_issues, parent);
                       connect(view, &IssuesView::argumentActivated, this, &DocumentView::selectArgument);
                       return view;
                   });
}

// The built-in views, in tab order.
QStringList DocumentView::viewNames()
{
    return { QStringLiteral("summary"), QStringLiteral("overview"),  QStringLiteral("arguments"),
             QStringLiteral("diagram"), QStringLiteral("partition"), QStringLiteral("metadata"),
             QStringLiteral("decoder"), QStringLiteral("issues") };
}

void DocumentView::addViewFactory(const QString& name, const QString& label, const QString& toolTip, ViewFactory create,
                                  ViewSetter setXclbin)
{
    auto page = new QWidget(m_views);
    auto layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    page->installEventFilter(this);
    m_entries.append({ name.toLower(), page, nullptr, std::move(create), std::move(setXclbin) });
    const int index = m_views->addTab(page, label);
    m_views->setTabToolTip(index, toolTip);
}

bool DocumentView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Show) {
        for (qsizetype i = 0; i < m_entries.size(); ++i) {
            if (m_entries.at(i).page == watched) {
                ensureView(i);
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

QWidget* DocumentView::ensureView(qsizetype index)
{
    ViewEntry& entry = m_entries[index];
    if (entry.view)
        return entry.view;
    QWidget* view = entry.create(entry.page);
    AccessibleNames::fromToolTips(view); // for screen readers, controls without a name get their tooltip's start
    m_entries[index].view = view; // `create` may have made other views: look the entry up again
    QWidget* page = m_entries.at(index).page;
    page->layout()->addWidget(view);
    if (page->isVisible())
        view->show(); // the layout alone would show it one event later
    if (m_xclbin && m_entries.at(index).setXclbin)
        m_entries.at(index).setXclbin(view, m_xclbin);
    return view;
}

QWidget* DocumentView::viewWidget(const QString& name)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).name == name.toLower())
            return ensureView(i);
    }
    return nullptr;
}

bool DocumentView::isViewCreated(const QString& name) const
{
    for (const ViewEntry& entry : m_entries) {
        if (entry.name == name.toLower())
            return entry.view != nullptr;
    }
    return false;
}

SummaryView* DocumentView::summaryView()
{
    return view<SummaryView>(QStringLiteral("summary"));
}

OverviewView* DocumentView::overview()
{
    return view<OverviewView>(QStringLiteral("overview"));
}

ArgumentTableView* DocumentView::argumentView()
{
    return view<ArgumentTableView>(QStringLiteral("arguments"));
}

MemoryDiagram* DocumentView::diagram()
{
    return view<MemoryDiagram>(QStringLiteral("diagram"));
}

PartitionView* DocumentView::partition()
{
    return view<PartitionView>(QStringLiteral("partition"));
}

MetadataView* DocumentView::metadata()
{
    return view<MetadataView>(QStringLiteral("metadata"));
}

DecoderView* DocumentView::decoder()
{
    return view<DecoderView>(QStringLiteral("decoder"));
}

IssuesView* DocumentView::issues()
{
    return view<IssuesView>(QStringLiteral("issues"));
}

QStringList DocumentView::allViewNames() const
{
    QStringList names;
    for (const ViewEntry& entry : m_entries)
        names << entry.name;
    return names;
}

bool DocumentView::setCurrentView(const QString& name)
{
    const int index = int(allViewNames().indexOf(name.toLower()));
    if (index < 0)
        return false;
    m_views->setCurrentIndex(index);
    return true;
}

QString DocumentView::currentViewName() const
{
    return allViewNames().value(m_views->currentIndex());
}

QString DocumentView::viewLabel(const QString& name) const
{
    const qsizetype index = allViewNames().indexOf(name.toLower());
    return index < 0 ? QString() : m_views->tabText(int(index)).replace(QLatin1String("&&"), QLatin1String("&"));
}

void DocumentView::load(const QString& path)
{
    if (!m_path.isEmpty() && !m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    m_path = QFileInfo(path).absoluteFilePath();
    m_loadedModified = QFileInfo(m_path).lastModified();
    showBanner(tr("Loading %1 ... <a href=\"cancel\">Cancel</a>").arg(m_path.toHtmlEscaped()), false);
    m_job->load(m_path);
    emit titleChanged(title());
}

void DocumentView::cancelLoad()
{
    m_job->cancel();
}

void DocumentView::reload()
{
    if (m_path.isEmpty())
        return;
    m_loadedModified = QFileInfo(m_path).lastModified();
    m_job->load(m_path);
}

bool DocumentView::isLoading() const
{
    return m_job->isRunning();
}

QString DocumentView::errorText() const
{
    return m_error;
}

QString DocumentView::title() const
{
    return QFileInfo(m_path).fileName();
}

void DocumentView::onLoaded(XclbinPtr xclbin)
{
    m_xclbin = std::move(xclbin);
    m_error.clear();
    m_banner->hide();
    m_views->setEnabled(true);
    m_selection->clear();
    m_arguments->setPalette(palette());
    const std::optional<StreamSummary> stream
        = StreamSummary::nextTo(*m_xclbin, BindingChecker::defaultKernel(*m_xclbin));
    m_arguments->setStream(stream);
    m_arguments->setXclbin(m_xclbin);
    m_summary = FileSummarizer::summarize(*m_xclbin, m_arguments->kernels(), stream);
    m_issues->setIssues(IssuesModel::collect(*m_xclbin, m_arguments->kernels()));
    selectInitialArgument();
    for (const ViewEntry& entry : std::as_const(m_entries)) {
        if (entry.view && entry.setXclbin)
            entry.setXclbin(entry.view, m_xclbin);
    }
    watchPath();
    emit titleChanged(title());
    emit loaded();
}

void DocumentView::onFailed(const XclbinError& error)
{
    m_error = error.message();
    QString text = tr("<b>Cannot load this file.</b> %1").arg(m_error.toHtmlEscaped());
    if (m_xclbin)
        text += tr("<br>Still showing the last good load of %1.").arg(m_xclbin->filePath.toHtmlEscaped());
    // Nothing to inspect yet: grey the empty views out rather than show blank tables as if they were data.
    m_views->setEnabled(m_xclbin != nullptr);
    showBanner(text, true);
    watchPath();
    emit loadFailed(m_error);
}

void DocumentView::showBanner(const QString& text, bool error)
{
    QPalette pal = m_banner->palette();
    pal.setColor(QPalette::Window,
                 error ? VerdictStyle::background(Verdict::Invalid, palette())
                       : palette().color(QPalette::AlternateBase));
    pal.setColor(QPalette::WindowText, palette().color(QPalette::Text));
    m_banner->setPalette(pal);
    m_banner->setText(text);
    m_banner->setToolTip(error ? tr("The error names the file, the offset and what was expected there")
                               : tr("Loading in the background; the window stays usable"));
    m_banner->show();
}

void DocumentView::setWatchEnabled(bool enabled)
{
    m_watchEnabled = enabled;
    watchPath();
}

void DocumentView::watchPath()
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    if (!m_watchEnabled || m_path.isEmpty())
        return;
    // The folder too: a rebuild that deletes and re-creates the file ends the file's own watch.
    m_watcher->addPath(QFileInfo(m_path).absolutePath());
    if (QFileInfo::exists(m_path))
        m_watcher->addPath(m_path);
}

void DocumentView::onFileChanged()
{
    const QFileInfo info(m_path);
    const QDateTime modified = info.exists() ? info.lastModified() : QDateTime();
    if (!m_watchEnabled || modified == m_loadedModified)
        return;
    m_loadedModified = modified;
    if (!info.exists()) {
        // Nothing to load: say so and keep what is on screen. The folder's watch reloads the file when it is back
        // (a rebuild deletes it first).
        m_reloadTimer->stop();
        showBanner(m_xclbin ? tr("<b>%1 was deleted or moved.</b> Still showing the last good load; it reloads when "
                                 "the file is back.")
                                  .arg(m_path.toHtmlEscaped())
                            : tr("<b>%1 was deleted or moved.</b>").arg(m_path.toHtmlEscaped()),
                   true);
        return;
    }
    m_reloadTimer->start();
}

void DocumentView::activateFind()
{
    const QString current = currentViewName();
    if (current == QLatin1String("overview")) {
        overview()->findBar()->activate();
    } else if (current == QLatin1String("metadata")) {
        metadata()->activateFind();
    } else if (current == QLatin1String("issues")) {
        issues()->findBar()->activate();
    } else {
        setCurrentView(QStringLiteral("arguments"));
        argumentView()->findBar()->activate();
    }
}

void DocumentView::selectArgument(const QString& kernelName, int argumentIndex)
{
    setCurrentView(QStringLiteral("arguments"));
    argumentView()->selectArgument(kernelName, argumentIndex);
}

} // namespace xi

namespace xi {

// The first argument that is not valid, else the first row: the Arguments view opens on something explained.
void DocumentView::selectInitialArgument()
{
    int chosen = -1;
    for (Verdict wanted : { Verdict::Invalid, Verdict::Warning, Verdict::Unknown }) {
        for (int row = 0; row < m_arguments->rowCount() && chosen < 0; ++row) {
            if (m_arguments->argumentOfRow(row)->verdict == wanted)
                chosen = row;
        }
    }
    if (chosen < 0 && m_arguments->rowCount() > 0)
        chosen = 0;
    if (chosen >= 0)
        m_selection->select(m_arguments->index(chosen, 0),
                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows
                                | QItemSelectionModel::Current);
}

void DocumentView::followLink(const QString& view, const QString& kernelName, int argumentIndex)
{
    if (argumentIndex >= 0)
        selectArgument(kernelName, argumentIndex);
    else
        setCurrentView(view);
}

bool DocumentView::selectFirstFinding()
{
    for (Verdict wanted : { Verdict::Invalid, Verdict::Warning }) {
        for (int row = 0; row < m_arguments->rowCount(); ++row) {
            const ArgumentGroup* arg = m_arguments->argumentOfRow(row);
            if (arg->verdict == wanted) {
                selectArgument(m_arguments->kernelOfRow(row)->kernelName, arg->index);
                return true;
            }
        }
    }
    return false;
}

} // namespace xi
