// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowmenu.h"

#include "designdocument.h"
#include "documentview.h"
#include "mainwindow.h"
#include "widgets/binding/bindingview.h"
#include "widgets/run/runview.h"
#include "widgets/workflow/bugreportview.h"
#include "widgets/workflow/recompileview.h"
#include "workflow/buildoutputs.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace xi {

namespace {

// The current design tab, or the design next to the current xclbin opened as one; nullptr when there is none.
DesignDocument* currentOrNeighbourDesign(MainWindow* window)
{
    if (auto design = qobject_cast<DesignDocument*>(window->tabs()->currentWidget()))
        return design;
    DocumentView* doc = window->currentDocument();
    const QString path = doc && doc->xclbin() ? BuildOutputs::designNextTo(doc->xclbin()->filePath) : QString();
    if (path.isEmpty()) {
        window->statusBar()->showMessage(QObject::tr("No design: open an .mlir file, or an xclbin with its design next "
                                                     "to it."),
                                         5000);
        return nullptr;
    }
    return window->openDesign(path);
}

void showDesignView(MainWindow* window, const QString& view)
{
    if (DesignDocument* design = currentOrNeighbourDesign(window))
        design->setCurrentView(view);
}

// A bug report for an xclbin open on its own: its binding view's report and XRT run, and its Run view's runs.
void showXclbinReport(MainWindow* window, DocumentView* doc)
{
    BugReportInput input;
    input.xclbin = doc->xclbin();
    if (auto binding = doc->findChild<BindingView*>()) {
        input.binding = binding->report();
        input.callSource = QObject::tr("the Binding view's plan");
        if (!binding->lastRun().xrtVersion.isEmpty())
            input.xrtRun = binding->lastRun();
    }
    if (auto run = doc->findChild<RunView*>()) {
        input.runs = run->history();
        input.instructionsPath = run->options().instructionFile;
    }
    auto dialog = new QDialog(window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QObject::tr("Bug report: %1").arg(QFileInfo(doc->path()).fileName()));
    auto view = new BugReportView(dialog);
    view->setInput(input);
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto layout = new QVBoxLayout(dialog);
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    dialog->resize(1000, 760);
    dialog->show();
}

} // namespace

QMenu* WorkflowMenu::create(MainWindow* window, QMenuBar* bar)
{
    QMenu* tools = bar->addMenu(QObject::tr("&Tools"));
    tools->setToolTipsVisible(true);
    QAction* recompile = tools->addAction(QObject::tr("&Recompile design"), window, [window] {
        if (DesignDocument* design = currentOrNeighbourDesign(window)) {
            design->setCurrentView(QStringLiteral("recompile"));
            design->recompileView()->recompile();
        }
    });
    recompile->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    recompile->setToolTip(QObject::tr("Run aiecc on the current design (or the design next to the current xclbin)"));
    tools
        ->addAction(QObject::tr("&Fix workflows"), window,
                    [window] { showDesignView(window, QStringLiteral("workflows")); })
        ->setToolTip(QObject::tr("The guide's four options and the fixes the real case needed, each verified"));
    tools
        ->addAction(QObject::tr("&Bug report"), window,
                    [window] {
                        if (auto design = qobject_cast<DesignDocument*>(window->tabs()->currentWidget()))
                            design->setCurrentView(QStringLiteral("report"));
                        else if (DocumentView* doc = window->currentDocument(); doc && doc->xclbin())
                            showXclbinReport(window, doc);
                    })
        ->setToolTip(QObject::tr("The upstream report filled from real data, and where the evidence points"));
    tools
        ->addAction(QObject::tr("&Toolchain"), window,
                    [window] {
                        if (DesignDocument* design = currentOrNeighbourDesign(window)) {
                            design->setCurrentView(QStringLiteral("recompile"));
                            design->recompileView()->tabs()->setCurrentIndex(1);
                        }
                    })
        ->setToolTip(QObject::tr("The aiecc command and its environment, and what is installed"));
    return tools;
}

} // namespace xi
