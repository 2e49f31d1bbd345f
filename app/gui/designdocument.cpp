// SPDX-License-Identifier: GPL-3.0-or-later
#include "designdocument.h"
#include "binding/instructionfilelocator.h"

#include "attention/attentionbackend.h"
#include "binding/bindingchecker.h"
#include "widgets/common/loadjob.h"
#include "widgets/mlir/mlirdesignview.h"
#include "widgets/workflow/bugreportview.h"
#include "widgets/workflow/editworkflowpage.h"
#include "widgets/workflow/recompileview.h"
#include "widgets/workflow/toolchainpanel.h"
#include "widgets/workflow/workflowview.h"
#include "workflow/buildoutputs.h"
#include "workflow/fixworkflows.h"

#include <QFileInfo>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace xi {

DesignDocument::DesignDocument(QWidget* parent)
    : QWidget(parent)
    , m_loader(new LoadJob(this))
    , m_banner(new QLabel(this))
    , m_views(new QTabWidget(this))
    , m_design(new MlirDesignView(this))
    , m_recompile(new RecompileView(this))
    , m_workflows(new WorkflowView(this))
    , m_report(new BugReportView(this))
{
    m_banner->setWordWrap(true);
    m_banner->hide();
    m_views->setDocumentMode(true);
    m_views->addTab(m_design, tr("Design"));
    m_views->addTab(m_recompile, tr("Recompile"));
    m_views->addTab(m_workflows, tr("Fix workflows"));
    m_views->addTab(m_report, tr("Bug report"));
    const QStringList tips { tr("Tiles, buffers, object FIFOs, cores, host buffers -> XRT arguments, findings, source"),
                             tr("Run aiecc (or repackage its JSON inputs): command, log, diagnostics, outputs"),
                             tr("The guide's four options and the fixes the real case needed, each verified"),
                             tr("The upstream report filled from real data, and where the evidence points") };
    for (int i = 0; i < tips.size(); ++i)
        m_views->setTabToolTip(i, tips[i]);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_views, 1);

    connect(m_recompile, &RecompileView::buildReady, this,
            [this](const QString& xclbin, const QString& insts, const QString&) { setBuild(xclbin, insts); });
    connect(m_recompile, &RecompileView::openLocation, this, [this](const QString& file, int line, int) {
        if (QFileInfo(file).absoluteFilePath() == m_path) {
            m_views->setCurrentWidget(m_design);
            m_design->gotoLine(line);
        } else {
            emit openFileRequested(file, line);
        }
    });
    connect(m_recompile, &RecompileView::openXclbinRequested, this,
            [this](const QString& p) { emit openFileRequested(p, 0); });
    connect(m_recompile, &RecompileView::compareRequested, this, &DesignDocument::compareRequested);
    connect(m_recompile->toolchain(), &ToolchainPanel::detected, this, [this] {
        updateContext();
        updateBugReport();
    });
    connect(m_recompile->toolchain(), &ToolchainPanel::settingsChanged, this, &DesignDocument::updateContext);
    connect(m_workflows, &WorkflowView::outcomeReady, this, &DesignDocument::onOutcome);
    connect(m_design, &MlirDesignView::fixRequested, this, [this](const FixAdvice& fix, int) {
        m_views->setCurrentWidget(m_workflows);
        if (fix.kind == FixKind::Host) {
            m_workflows->showWorkflow(FixWorkflowId::HostFix);
            return;
        }
        m_workflows->showWorkflow(FixWorkflowId::DesignFix);
        m_workflows->editPage(FixWorkflowId::DesignFix)->prepare();
    });
    connect(m_loader, &LoadJob::loaded, this, [this](XclbinPtr x) {
        m_build = std::move(x);
        m_design->setXclbin(m_build);
        updateBugReport();
        emit titleChanged(title()); // the window's status line names the build
    });
    connect(m_loader, &LoadJob::failed, this, [this](const XclbinError& e) {
        m_build.reset();
        m_banner->setText(tr("The build cannot be loaded: %1").arg(e.message().toHtmlEscaped()));
        m_banner->show();
        updateBugReport();
    });
}

bool DesignDocument::isDesignFile(const QString& path)
{
    return path.endsWith(QLatin1String(".mlir"), Qt::CaseInsensitive);
}

QStringList DesignDocument::viewNames()
{
    return { QStringLiteral("design"), QStringLiteral("recompile"), QStringLiteral("workflows"),
             QStringLiteral("report") };
}

bool DesignDocument::load(const QString& path)
{
    m_path = QFileInfo(path).absoluteFilePath();
    QString error;
    const bool ok = m_design->loadFile(m_path, &error);
    m_error = ok ? QString() : error;
    m_banner->setVisible(!ok);
    m_banner->setText(ok ? QString() : tr("<b>Cannot load this design.</b> %1").arg(error.toHtmlEscaped()));
    m_recompile->setDesign(ok ? m_path : QString());
    if (ok && !m_recompile->currentXclbin().isEmpty())
        setBuild(m_recompile->currentXclbin(), InstructionFileLocator::findNextTo(m_recompile->currentXclbin()));
    updateContext();
    updateBugReport();
    emit titleChanged(title());
    if (ok)
        emit loaded();
    return ok;
}

void DesignDocument::reload()
{
    if (!m_path.isEmpty())
        load(m_path);
}

QString DesignDocument::title() const
{
    return QFileInfo(m_path).fileName();
}

QString DesignDocument::statusText() const
{
    if (!m_error.isEmpty())
        return m_error;
    return tr("%1: %2 finding(s), build %3")
        .arg(m_path)
        .arg(m_design->findings().size())
        .arg(m_build ? m_build->filePath : tr("(none yet: Recompile or Repackage)"));
}

bool DesignDocument::setCurrentView(const QString& name)
{
    const int index = int(viewNames().indexOf(name.toLower()));
    if (index < 0)
        return false;
    m_views->setCurrentIndex(index);
    return true;
}

QString DesignDocument::currentViewName() const
{
    return viewNames().value(m_views->currentIndex());
}

bool DesignDocument::gotoLine(int line)
{
    m_views->setCurrentWidget(m_design);
    return m_design->gotoLine(line);
}

void DesignDocument::setCliPath(const QString& path)
{
    m_cliPath = path;
    updateContext();
}

WorkflowContext DesignDocument::context() const
{
    WorkflowContext c = m_workflows->context();
    c.designPath = m_path;
    c.xclbinPath = m_build ? m_build->filePath : m_recompile->currentXclbin();
    c.instructionsPath = m_instructions;
    const QString prj = m_recompile->projectFolder();
    c.projectFolder = QFileInfo(prj).isDir() ? prj : QString();
    c.settings = m_recompile->toolchain()->settings();
    c.toolchain = m_recompile->toolchain()->status();
    c.cliPath = m_cliPath;
    return c;
}

void DesignDocument::setBuild(const QString& xclbin, const QString& instructions)
{
    m_instructions = instructions.isEmpty() ? InstructionFileLocator::findNextTo(xclbin) : instructions;
    m_banner->hide();
    m_loader->load(xclbin);
    WorkflowContext c = context();
    c.xclbinPath = xclbin;
    m_workflows->setContext(c);
}

void DesignDocument::updateContext()
{
    m_workflows->setContext(context());
}

void DesignDocument::onOutcome(FixWorkflowId, const WorkflowOutcome& outcome)
{
    for (const BuildCheck* check : { &outcome.before, &outcome.after }) {
        if (check->run)
            m_runs << *check->run;
    }
    updateBugReport();
}

void DesignDocument::updateBugReport()
{
    BugReportInput input;
    input.xclbin = m_build;
    input.instructionsPath = m_instructions;
    input.designPath = m_path;
    if (m_design->hasDesign())
        input.design = m_design->design();
    if (m_build) {
        const std::optional<BindingPlan> plan = BindingPlan::parseQuick(AttentionBackend::defaultCall());
        BindingCheckOptions options;
        if (!m_instructions.isEmpty())
            options.instructions = BindingInstructions::load(m_instructions);
        if (plan)
            input.binding = BindingChecker::check(*m_build, *plan, options);
        input.callSource = tr("the call every mlir-aie host makes; open the host program in the xclbin's Binding view "
                              "to check its own call");
    }
    input.runs = m_runs;
    input.toolchain = m_recompile->toolchain()->status();
    m_report->setInput(input);
}

} // namespace xi
