// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentview.h"

#include "widgets/common/findbar.h"
#include "widgets/common/loadjob.h"
#include "widgets/common/verdictstyle.h"
#include "widgets/decoder/decoderview.h"
#include "widgets/issues/issuesmodel.h"
#include "widgets/issues/issuesview.h"
#include "widgets/xclbin/argumenttablemodel.h"
#include "widgets/xclbin/argumenttableview.h"
#include "widgets/xclbin/memorydiagram.h"
#include "widgets/xclbin/metadataview.h"
#include "widgets/xclbin/overviewview.h"
#include "widgets/xclbin/partitionview.h"

#include <QDateTime>
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
    , m_overview(new OverviewView(this))
    , m_argumentView(new ArgumentTableView(m_arguments, m_selection, this))
    , m_diagram(new MemoryDiagram(m_arguments, m_selection, this))
    , m_partition(new PartitionView(this))
    , m_metadata(new MetadataView(this))
    , m_decoder(new DecoderView(this))
    , m_issuesView(new IssuesView(m_issues, this))
{
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_banner->setMargin(6);
    m_banner->setAutoFillBackground(true);
    m_banner->hide();
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);

    m_views->setDocumentMode(true);
    m_views->addTab(m_overview, tr("Overview"));
    m_views->addTab(m_argumentView, tr("Arguments && group IDs"));
    m_views->addTab(m_diagram, tr("Memory diagram"));
    m_views->addTab(m_partition, tr("AIE partition"));
    m_views->addTab(m_metadata, tr("Raw metadata"));
    m_views->addTab(m_decoder, tr("Decoder"));
    m_views->addTab(m_issuesView, tr("Issues"));
    const QStringList tips { tr("Header, sections and a hex view of any section"),
                             tr("Every kernel argument with its decoded group ID and verdict"),
                             tr("Arguments and the memory banks they connect to"),
                             tr("AIE_PARTITION: columns, PDIs and cdo groups"),
                             tr("EMBEDDED_METADATA XML and the other text sections"),
                             tr("Decode group IDs and XRT log text against this file"),
                             tr("Every finding with its severity") };
    for (int i = 0; i < tips.size(); ++i)
        m_views->setTabToolTip(i, tips[i]);

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
    connect(m_issuesView, &IssuesView::argumentActivated, this, &DocumentView::selectArgument);
    connect(m_arguments, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_xclbin)
            m_issues->setIssues(IssuesModel::collect(*m_xclbin, m_arguments->kernels()));
    });
}

QStringList DocumentView::viewNames()
{
    return { QStringLiteral("overview"),  QStringLiteral("arguments"), QStringLiteral("diagram"),
             QStringLiteral("partition"), QStringLiteral("metadata"),  QStringLiteral("decoder"),
             QStringLiteral("issues") };
}

void DocumentView::addViewWidget(const QString& name, const QString& label, const QString& toolTip, QWidget* view,
                                 std::function<void(const XclbinPtr&)> setXclbin)
{
    const int index = m_views->addTab(view, label);
    m_views->setTabToolTip(index, toolTip);
    m_addedNames.append(name.toLower());
    m_addedSetters.append(std::move(setXclbin));
    if (m_xclbin)
        m_addedSetters.last()(m_xclbin);
}

QStringList DocumentView::allViewNames() const
{
    return viewNames() + m_addedNames;
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
    m_arguments->setXclbin(m_xclbin);
    m_issues->setIssues(IssuesModel::collect(*m_xclbin, m_arguments->kernels()));
    m_overview->setXclbin(m_xclbin);
    m_partition->setXclbin(m_xclbin);
    m_metadata->setXclbin(m_xclbin);
    m_decoder->setXclbin(m_xclbin);
    for (const auto& setter : std::as_const(m_addedSetters))
        setter(m_xclbin);
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
    m_reloadTimer->start();
}

void DocumentView::activateFind()
{
    QWidget* current = m_views->currentWidget();
    if (current == m_argumentView)
        m_argumentView->findBar()->activate();
    else if (current == m_overview)
        m_overview->findBar()->activate();
    else if (current == m_metadata)
        m_metadata->activateFind();
    else if (current == m_issuesView)
        m_issuesView->findBar()->activate();
    else {
        m_views->setCurrentWidget(m_argumentView);
        m_argumentView->findBar()->activate();
    }
}

void DocumentView::selectArgument(const QString& kernelName, int argumentIndex)
{
    m_views->setCurrentWidget(m_argumentView);
    m_argumentView->selectArgument(kernelName, argumentIndex);
}

} // namespace xi

namespace xi {

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
