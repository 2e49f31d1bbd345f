// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "demofiles.h"
#include "designdocument.h"
#include "documentview.h"
#include "helpdialogs.h"
#include "instructions/npustreamreader.h"
#include "neighbourdesignview.h"
#include "recentfiles.h"
#include "welcomepage.h"
#include "widgets/binding/bindingview.h"
#include "widgets/common/findbar.h"
#include "widgets/common/tablecopy.h"
#include "widgets/compare/compareview.h"
#include "widgets/instructions/instructionsview.h"
#include "widgets/issues/issuesmodel.h"
#include "widgets/run/runview.h"
#include "widgets/xclbin/argumenttablemodel.h"
#include "workflowmenu.h"

#include <QAbstractItemView>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextEdit>

namespace xi {

namespace {

// The binding and run views of a document, made when first shown; the run view follows the binding view's plan.
void addBindingAndRunViews(DocumentView* document)
{
    document->addView<InstructionsView>(
        QStringLiteral("instructions"), QObject::tr("Instructions"),
        QObject::tr("The instruction stream next to the file (or opened, or dropped): what the NPU reads and writes "
                    "per argument, the transfers, every op"),
        [](QWidget* parent) { return new InstructionsView(parent); });
    document->addView<BindingView>(
        QStringLiteral("binding"), QObject::tr("Binding"),
        QObject::tr(
            "How the host calls the kernel: the plan checked against this file, XRT's warnings, the corrected call"),
        [](QWidget* parent) { return new BindingView(parent); });
    document->addView<RunView>(
        QStringLiteral("run"), QObject::tr("Run"),
        QObject::tr("Attention test vectors on the cpu, emulated or XRT backend: heatmaps, metrics, checklist, report"),
        [document](QWidget* parent) {
            auto run = new RunView(parent);
            auto binding = document->view<BindingView>(QStringLiteral("binding"));
            QObject::connect(binding, &BindingView::planChanged, run, [binding, run](const BindingPlan& plan) {
                run->setBindingPlan(plan);
                run->setBindingReport(binding->report());
            });
            run->setBindingPlan(binding->plan());
            run->setBindingReport(binding->report());
            return run;
        });
}

const QString FileFilter
    = QStringLiteral("xclbin files and mlir-aie designs (*.xclbin *.mlir);;xclbin files (*.xclbin);;"
                     "mlir-aie designs (*.mlir);;All files (*)");

// Every view with its menu label and shortcut, in the order a newcomer needs them.
struct ViewMenuEntry {
    const char* name;
    const char* label;
    QKeySequence key;
};
const ViewMenuEntry ViewMenu[] = {
    { "summary", QT_TRANSLATE_NOOP("MainWindow", "&Summary"), QKeySequence(Qt::CTRL | Qt::Key_1) },
    { "arguments", QT_TRANSLATE_NOOP("MainWindow", "&Arguments and group IDs"), QKeySequence(Qt::CTRL | Qt::Key_2) },
    { "diagram", QT_TRANSLATE_NOOP("MainWindow", "&Memory diagram"), QKeySequence(Qt::CTRL | Qt::Key_3) },
    { "binding", QT_TRANSLATE_NOOP("MainWindow", "&Binding"), QKeySequence(Qt::CTRL | Qt::Key_4) },
    { "run", QT_TRANSLATE_NOOP("MainWindow", "R&un"), QKeySequence(Qt::CTRL | Qt::Key_5) },
    { "instructions", QT_TRANSLATE_NOOP("MainWindow", "I&nstructions"), QKeySequence(Qt::CTRL | Qt::Key_6) },
    { "issues", QT_TRANSLATE_NOOP("MainWindow", "&Issues"), QKeySequence(Qt::CTRL | Qt::Key_7) },
    { "overview", QT_TRANSLATE_NOOP("MainWindow", "&Overview"), QKeySequence(Qt::CTRL | Qt::Key_8) },
    { "partition", QT_TRANSLATE_NOOP("MainWindow", "AIE &partition"), QKeySequence(Qt::CTRL | Qt::Key_9) },
    { "metadata", QT_TRANSLATE_NOOP("MainWindow", "&Raw metadata"), QKeySequence(Qt::CTRL | Qt::Key_0) },
    { "decoder", QT_TRANSLATE_NOOP("MainWindow", "&Decoder"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D) },
    { "design", QT_TRANSLATE_NOOP("MainWindow", "D&esign (.mlir next to the file)"),
      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M) },
    { "compare", QT_TRANSLATE_NOOP("MainWindow", "&Comparison"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C) },
};

QStringList localFiles(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomePage(this))
    , m_tabs(new QTabWidget(this))
    , m_recent(new RecentFiles(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("xclbin inspector"));
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setToolTip(tr("Open files; drop .xclbin files or .mlir designs here to open them"));
    m_tabs->setAccessibleName(tr("Open files"));
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);
    statusBar()->addWidget(m_status, 1);
    m_status->setText(tr("Open an .xclbin with File > Open, drop one here, or try Help > Open demo."));
    m_welcome->setDemoAvailable(!DemoFiles::files().isEmpty());
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::showOpenDialog);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::openDemo);
    connect(m_welcome, &WelcomePage::recentRequested, this, [this](const QString& path) { openFile(path); });
    connect(m_welcome, &WelcomePage::demoAtStartChanged, this, &MainWindow::setDemoAtStart);

    createActions();
    createMenus();
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateActions();
        updateStatus();
        updateCentral();
    });
    connect(m_recent, &RecentFiles::openRequested, this, [this](const QString& path) { openFile(path); });
    m_welcome->setRecentFiles(m_recent->files());
    connect(m_recent, &RecentFiles::changed, this, [this] { m_welcome->setRecentFiles(m_recent->files()); });
    restoreSettings();
    updateActions();
    updateCentral();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_open = new QAction(tr("&Open..."), this);
    m_open->setShortcuts(QKeySequence::Open);
    m_open->setToolTip(tr("Open one or more .xclbin files or .mlir designs"));
    connect(m_open, &QAction::triggered, this, &MainWindow::showOpenDialog);

    m_reload = new QAction(tr("&Reload"), this);
    m_reload->setShortcuts(QKeySequence::Refresh);
    m_reload->setToolTip(tr("Read the current file again (after a rebuild)"));
    connect(m_reload, &QAction::triggered, this, &MainWindow::reloadCurrent);

    m_watch = new QAction(tr("&Watch for changes"), this);
    m_watch->setCheckable(true);
    m_watch->setToolTip(tr("Reload open files by themselves when they are rebuilt"));
    connect(m_watch, &QAction::toggled, this, [this](bool on) {
        for (int i = 0; i < documentCount(); ++i)
            document(i)->setWatchEnabled(on);
    });

    m_compare = new QAction(tr("&Compare with..."), this);
    m_compare->setToolTip(tr("Compare the current file (A, before) with another one (B, after)"));
    connect(m_compare, &QAction::triggered, this, &MainWindow::showCompareDialog);

    m_close = new QAction(tr("&Close tab"), this);
    m_close->setShortcuts(QKeySequence::Close);
    m_close->setToolTip(tr("Close the current tab"));
    connect(m_close, &QAction::triggered, this, [this] { closeTab(m_tabs->currentIndex()); });

    m_copy = new QAction(tr("&Copy"), this);
    m_copy->setShortcuts(QKeySequence::Copy);
    m_copy->setToolTip(tr("Copy the selected rows of the focused table as tab-separated text"));
    connect(m_copy, &QAction::triggered, this, &MainWindow::copyFromFocus);

    m_nextFile = new QAction(tr("&Next file"), this);
    m_nextFile->setShortcuts({ QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown) });
    m_nextFile->setToolTip(tr("Show the next open file or comparison"));
    connect(m_nextFile, &QAction::triggered, this, [this] { switchFile(1); });
    m_previousFile = new QAction(tr("&Previous file"), this);
    m_previousFile->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab), QKeySequence(Qt::CTRL | Qt::Key_PageUp) });
    m_previousFile->setToolTip(tr("Show the previous open file or comparison"));
    connect(m_previousFile, &QAction::triggered, this, [this] { switchFile(-1); });

    m_find = new QAction(tr("&Find..."), this);
    m_find->setShortcuts(QKeySequence::Find);
    m_find->setToolTip(tr("Filter the current table or find text in the current view"));
    connect(m_find, &QAction::triggered, this, [this] {
        if (DocumentView* doc = currentDocument())
            doc->activateFind();
        else if (CompareView* compare = currentCompare())
            compare->findBar()->activate();
    });
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setToolTipsVisible(true);
    file->addAction(m_open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    m_recentMenu->setToolTipsVisible(true);
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] { m_recent->populate(m_recentMenu); });
    m_recent->populate(m_recentMenu);
    connect(m_recent, &RecentFiles::changed, this, [this] { m_recent->populate(m_recentMenu); });
    file->addAction(m_reload);
    file->addAction(m_watch);
    file->addSeparator();
    file->addAction(m_compare);
    file->addSeparator();
    file->addAction(m_close);
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcuts(QKeySequence::Quit);
    quit->setToolTip(tr("Close the window"));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setToolTipsVisible(true);
    edit->addAction(m_copy);
    QAction* markdown = edit->addAction(tr("Copy as &Markdown"), this, [this] {
        if (auto view = qobject_cast<QAbstractItemView*>(QApplication::focusWidget()))
            TableCopy::copyToClipboard(view, TableCopy::Format::Markdown);
    });
    markdown->setToolTip(tr("Copy the selected rows of the focused table as a Markdown table"));
    edit->addAction(m_find);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setToolTipsVisible(true);
    for (const ViewMenuEntry& entry : ViewMenu) {
        const QString name = QString::fromLatin1(entry.name);
        QAction* action = view->addAction(tr(entry.label), this, [this, name] { setCurrentView(name); });
        action->setShortcut(entry.key);
        action->setData(name);
        action->setToolTip(tr("Show the %1 view of the current file").arg(name));
        m_viewActions << action;
    }
    view->addSeparator();
    view->addAction(m_nextFile);
    view->addAction(m_previousFile);
    view->addSeparator();
    QMenu* theme = view->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    for (Theme::Kind kind : { Theme::System, Theme::Light, Theme::Dark }) {
        QAction* action = theme->addAction(Theme::name(kind), this, [this, kind] { setTheme(kind); });
        action->setCheckable(true);
        action->setData(int(kind));
        action->setToolTip(tr("Use the %1 palette").arg(Theme::name(kind)));
        m_themeGroup->addAction(action);
    }

    WorkflowMenu::create(this, menuBar());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setToolTipsVisible(true);
    QAction* guide = help->addAction(tr("&User guide"), this, [this] { HelpDialogs::userGuide(this)->show(); });
    guide->setShortcuts(QKeySequence::HelpContents);
    guide->setToolTip(tr("The user guide, with screenshots of every view"));
    QAction* keys = help->addAction(tr("&Keyboard shortcuts"), this,
                                    [this] { HelpDialogs::shortcuts(menuActions(), this)->show(); });
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    keys->setToolTip(tr("Every shortcut of the window"));
    QAction* demo = help->addAction(tr("Open &demo"), this, [this] {
        if (!openDemo())
            m_status->setText(tr("No demo files found (set XI_DEMO_DIR)."));
    });
    demo->setToolTip(tr("Open the bundled demo: a correct and a deliberately wrong xclbin and their comparison"));
    QAction* about = help->addAction(tr("&About"), this, &MainWindow::showAbout);
    about->setToolTip(tr("Version, licence, and the Qt and XRT versions"));
}

DocumentView* MainWindow::openFile(const QString& path)
{
    if (DesignDocument::isDesignFile(path)) {
        openDesign(path);
        return nullptr;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < documentCount(); ++i) {
        if (document(i)->path() == absolute) {
            m_tabs->setCurrentWidget(document(i));
            document(i)->reload();
            return document(i);
        }
    }
    auto doc = new DocumentView(m_tabs);
    addBindingAndRunViews(doc);
    doc->addView<NeighbourDesignView>(QStringLiteral("design"), tr("Design"),
                                      tr("The mlir-aie design next to this xclbin"), [this](QWidget* parent) {
                                          auto design = new NeighbourDesignView(parent);
                                          connect(design, &NeighbourDesignView::openDesignRequested, this,
                                                  [this](const QString& p) { openDesign(p); });
                                          return design;
                                      });
    doc->setWatchEnabled(m_watch->isChecked());
    const int index = m_tabs->addTab(doc, QFileInfo(absolute).fileName());
    m_tabs->setTabToolTip(index, absolute);
    m_tabs->setCurrentIndex(index);
    connect(doc, &DocumentView::titleChanged, this, [this, doc](const QString& title) {
        const int i = m_tabs->indexOf(doc);
        if (i >= 0)
            m_tabs->setTabText(i, title);
        updateStatus();
    });
    connect(doc, &DocumentView::loaded, this, [this, doc] {
        m_recent->add(doc->path());
        if (doc == currentDocument())
            updateStatus();
    });
    connect(doc, &DocumentView::loadFailed, this, [this, doc](const QString& message) {
        if (doc == currentDocument())
            m_status->setText(message);
    });
    doc->load(absolute);
    updateActions();
    updateCentral();
    return doc;
}

void MainWindow::openFiles(const QStringList& paths)
{
    for (const QString& path : paths) {
        if (!isInstructionStream(path) || !openStream(path))
            openFile(path);
    }
}

// An instruction stream (anything that is not an xclbin but decodes as one) goes to the current document's
// Instructions view.
bool MainWindow::isInstructionStream(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.peek(8) == QByteArray("xclbin2\0", 8))
        return false;
    return NpuStreamReader::read(f.read(64 * 1024)).has_value() || path.endsWith(QLatin1String(".seq"))
        || path.contains(QLatin1String("insts"));
}

bool MainWindow::openStream(const QString& path)
{
    auto doc = qobject_cast<DocumentView*>(m_tabs->currentWidget());
    if (!doc) {
        m_status->setText(tr("%1 is an instruction stream: open its xclbin first, then drop the stream on it.")
                              .arg(QFileInfo(path).fileName()));
        return true;
    }
    doc->view<InstructionsView>(QStringLiteral("instructions"))->setStreamFile(path);
    doc->setCurrentView(QStringLiteral("instructions"));
    return true;
}

DesignDocument* MainWindow::openDesign(const QString& path, int line)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto design = qobject_cast<DesignDocument*>(m_tabs->widget(i));
        if (design && design->path() == absolute) {
            m_tabs->setCurrentWidget(design);
            design->reload();
            if (line > 0)
                design->gotoLine(line);
            return design;
        }
    }
    auto design = new DesignDocument(m_tabs);
    const int index = m_tabs->addTab(design, QFileInfo(absolute).fileName());
    m_tabs->setTabToolTip(index, absolute);
    m_tabs->setCurrentIndex(index);
    connect(design, &DesignDocument::openFileRequested, this, [this](const QString& p, int l) {
        if (DesignDocument::isDesignFile(p))
            openDesign(p, l);
        else
            openFile(p);
    });
    connect(design, &DesignDocument::compareRequested, this, &MainWindow::openCompare);
    if (design->load(absolute))
        m_recent->add(absolute);
    if (line > 0)
        design->gotoLine(line);
    updateActions();
    updateStatus();
    return design;
}

CompareView* MainWindow::openCompare(const QString& before, const QString& after)
{
    auto view = new CompareView(m_tabs);
    const int index = m_tabs->addTab(view, tr("Compare"));
    m_tabs->setTabToolTip(index, tr("A: %1\nB: %2").arg(before, after));
    m_tabs->setCurrentIndex(index);
    connect(view, &CompareView::ready, this, [this, view] {
        const int i = m_tabs->indexOf(view);
        if (i >= 0)
            m_tabs->setTabText(i, view->title());
        updateStatus();
    });
    view->loadFiles(before, after);
    updateActions();
    updateCentral();
    return view;
}

bool MainWindow::openDemo()
{
    const QStringList files = DemoFiles::files();
    if (files.isEmpty())
        return false;
    openFiles(files);
    if (files.size() >= 2)
        openCompare(files[0], files[1]);
    // Start on the file with the findings: its summary says what is wrong, its Arguments view has the first finding
    // selected and explained.
    m_tabs->setCurrentWidget(document(documentCount() - 1));
    return true;
}

int MainWindow::documentCount() const
{
    int count = 0;
    for (int i = 0; i < m_tabs->count(); ++i)
        count += qobject_cast<DocumentView*>(m_tabs->widget(i)) ? 1 : 0;
    return count;
}

DocumentView* MainWindow::document(int index) const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto doc = qobject_cast<DocumentView*>(m_tabs->widget(i))) {
            if (index-- == 0)
                return doc;
        }
    }
    return nullptr;
}

DocumentView* MainWindow::currentDocument() const
{
    return qobject_cast<DocumentView*>(m_tabs->currentWidget());
}

CompareView* MainWindow::currentCompare() const
{
    return qobject_cast<CompareView*>(m_tabs->currentWidget());
}

DesignDocument* MainWindow::currentDesign() const
{
    return qobject_cast<DesignDocument*>(m_tabs->currentWidget());
}

bool MainWindow::setCurrentView(const QString& name)
{
    if (name.compare(QLatin1String("compare"), Qt::CaseInsensitive) == 0) {
        for (int i = 0; i < m_tabs->count(); ++i) {
            if (qobject_cast<CompareView*>(m_tabs->widget(i))) {
                m_tabs->setCurrentIndex(i);
                return true;
            }
        }
        return false;
    }
    if (DesignDocument* design = currentDesign())
        return design->setCurrentView(name);
    DocumentView* doc = currentDocument();
    return doc && doc->setCurrentView(name);
}

void MainWindow::setTheme(Theme::Kind kind)
{
    m_theme = kind;
    Theme::apply(kind);
    for (QAction* action : m_themeGroup->actions())
        action->setChecked(action->data().toInt() == int(kind));
}

void MainWindow::showOpenDialog()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open xclbin"), lastDirectory(), FileFilter);
    openFiles(paths);
}

void MainWindow::showCompareDialog()
{
    DocumentView* doc = currentDocument();
    QString before = doc ? doc->path() : QString();
    if (before.isEmpty())
        before = QFileDialog::getOpenFileName(this, tr("Compare: file A (before)"), lastDirectory(), FileFilter);
    if (before.isEmpty())
        return;
    const QString after
        = QFileDialog::getOpenFileName(this, tr("Compare %1 with file B (after)").arg(QFileInfo(before).fileName()),
                                       QFileInfo(before).absolutePath(), FileFilter);
    if (!after.isEmpty())
        openCompare(before, after);
}

void MainWindow::copyFromFocus()
{
    QWidget* focus = QApplication::focusWidget();
    if (auto view = qobject_cast<QAbstractItemView*>(focus))
        TableCopy::copyToClipboard(view, TableCopy::Format::Tsv);
    else if (auto line = qobject_cast<QLineEdit*>(focus))
        line->copy();
    else if (auto plain = qobject_cast<QPlainTextEdit*>(focus))
        plain->copy();
    else if (auto text = qobject_cast<QTextEdit*>(focus))
        text->copy();
}

void MainWindow::reloadCurrent()
{
    if (DocumentView* doc = currentDocument())
        doc->reload();
    else if (DesignDocument* design = currentDesign())
        design->reload();
    else if (CompareView* compare = currentCompare(); compare && compare->before() && compare->after())
        compare->loadFiles(compare->before()->filePath, compare->after()->filePath);
}

void MainWindow::closeTab(int index)
{
    QWidget* widget = m_tabs->widget(index);
    if (!widget)
        return;
    m_tabs->removeTab(index);
    widget->deleteLater();
    updateActions();
    updateCentral();
}

void MainWindow::updateActions()
{
    DocumentView* doc = currentDocument();
    m_reload->setEnabled(doc || currentCompare() || currentDesign());
    m_close->setEnabled(m_tabs->count() > 0);
    m_nextFile->setEnabled(m_tabs->count() > 1);
    m_previousFile->setEnabled(m_tabs->count() > 1);
    bool hasCompare = false;
    for (int i = 0; i < m_tabs->count(); ++i)
        hasCompare = hasCompare || qobject_cast<CompareView*>(m_tabs->widget(i));
    for (QAction* action : std::as_const(m_viewActions)) {
        const QString name = action->data().toString();
        action->setEnabled(name == QLatin1String("compare") ? hasCompare : doc && doc->allViewNames().contains(name));
    }
}

void MainWindow::updateCentral()
{
    m_stack->setCurrentWidget(m_tabs->count() > 0 ? static_cast<QWidget*>(m_tabs) : m_welcome);
}

bool MainWindow::isWelcomeShown() const
{
    return m_stack->currentWidget() == m_welcome;
}

void MainWindow::switchFile(int step)
{
    const int count = m_tabs->count();
    if (count > 1)
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + step + count) % count);
}

void MainWindow::setDemoAtStart(bool on)
{
    m_demoAtStart = on;
    m_welcome->setDemoAtStart(on);
    QSettings().setValue(QStringLiteral("MainWindow/demoAtStart"), on);
}

QList<QAction*> MainWindow::menuActions() const
{
    QList<QAction*> actions;
    for (QAction* menu : menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction* action : menu->menu()->actions()) {
            if (!action->isSeparator() && !action->menu())
                actions << action;
        }
    }
    return actions;
}

void MainWindow::updateStatus()
{
    const QString tab = m_tabs->count() > 0 ? m_tabs->tabText(m_tabs->currentIndex()) : QString();
    setWindowTitle(tab.isEmpty() ? tr("xclbin inspector") : tr("%1 \u2014 xclbin inspector").arg(tab));
    if (CompareView* compare = currentCompare()) {
        m_status->setText(tr("Comparing %1").arg(compare->title()));
        return;
    }
    if (DesignDocument* design = currentDesign()) {
        m_status->setText(design->statusText());
        return;
    }
    DocumentView* doc = currentDocument();
    if (!doc || !doc->xclbin()) {
        if (doc && !doc->errorText().isEmpty())
            m_status->setText(doc->errorText());
        return;
    }
    const IssuesModel* issues = doc->issuesModel();
    m_status->setText(tr("%1: %2 sections, %3 arguments, %4 error(s), %5 warning(s)")
                          .arg(doc->path())
                          .arg(doc->xclbin()->sections.size())
                          .arg(doc->argumentModel()->rowCount())
                          .arg(issues->total(Severity::Error))
                          .arg(issues->total(Severity::Warning)));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About xclbin inspector"), HelpDialogs::aboutHtml());
}

QString MainWindow::lastDirectory() const
{
    const QStringList recent = m_recent->files();
    return recent.isEmpty() ? QString() : QFileInfo(recent.first()).absolutePath();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    openFiles(paths);
    event->acceptProposedAction();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("version"), SettingsVersion);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState(SettingsVersion));
    settings.setValue(QStringLiteral("theme"), Theme::name(m_theme));
    settings.setValue(QStringLiteral("watch"), m_watch->isChecked());
    settings.endGroup();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    if (settings.value(QStringLiteral("version")).toInt() == SettingsVersion) {
        restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
        restoreState(settings.value(QStringLiteral("state")).toByteArray(), SettingsVersion);
    } else {
        resize(1400, 900);
        settings.endGroup();
        settings.remove(QStringLiteral("ArgumentTable")); // layouts saved in another version's format
        settings.beginGroup(QStringLiteral("MainWindow"));
    }
    m_watch->setChecked(settings.value(QStringLiteral("watch"), false).toBool());
    m_demoAtStart = settings.value(QStringLiteral("demoAtStart"), false).toBool();
    m_welcome->setDemoAtStart(m_demoAtStart);
    const Theme::Kind theme = Theme::fromName(settings.value(QStringLiteral("theme")).toString());
    settings.endGroup();
    if (theme != Theme::System)
        setTheme(theme);
    else
        m_themeGroup->actions().first()->setChecked(true);
}

} // namespace xi
