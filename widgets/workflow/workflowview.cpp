// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workflow/workflowview.h"

#include "widgets/workflow/editworkflowpage.h"
#include "widgets/workflow/hostfixpage.h"
#include "widgets/workflow/runworkflowpage.h"
#include "workflow/designedits.h"
#include "workflow/rebuild.h"
#include "workflow/repackage.h"
#include "xclbin/xclbinreader.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace xi {

namespace {

EditWorkflowSpec symNamesSpec()
{
    EditWorkflowSpec spec;
    spec.id = FixWorkflowId::SymNames;
    spec.prepareLabel = QObject::tr("Add sym_name to the buffers");
    spec.prepare
        = [](const WorkflowContext& c) { return DesignEdits::fromFile(c.designPath, &DesignEdits::addSymNames); };
    spec.guideLabel = QObject::tr("The guide's step 2: every buffer on the shim tile");
    spec.guideVariant
        = [](const WorkflowContext& c) { return DesignEdits::fromFile(c.designPath, &DesignEdits::moveBuffersToShim); };
    return spec;
}

EditWorkflowSpec variant32Spec()
{
    EditWorkflowSpec spec;
    spec.id = FixWorkflowId::Variant32;
    spec.prepareLabel = QObject::tr("Derive the 32x32 variant");
    spec.prepare
        = [](const WorkflowContext& c) { return DesignEdits::fromFile(c.designPath, &DesignEdits::derive32x32); };
    spec.checkOptions = [](const WorkflowContext&, bool after) {
        CheckOptions o;
        o.seq = o.dim = after ? 32 : 64;
        return o;
    };
    return spec;
}

EditWorkflowSpec designFixSpec()
{
    EditWorkflowSpec spec;
    spec.id = FixWorkflowId::DesignFix;
    spec.prepareLabel = QObject::tr("Prepare the corrected design");
    spec.prepare = [](const WorkflowContext& c) {
        XclbinPtr build;
        if (!c.xclbinPath.isEmpty())
            build = XclbinReader::load(c.xclbinPath).xclbin;
        const DesignFixPlan plan = FixWorkflows::planDesignFix(c.designPath, build, c.projectFolder);
        if (plan.kind == DesignFixPlan::Kind::Nothing)
            return FileEdit::failed(c.designPath, plan.reason);
        return plan.edit;
    };
    // The corrected aiecc inputs go to a copy of the project folder.
    spec.beforeWrite = [](const WorkflowContext& c, const QString& target, QString* error) {
        if (!target.endsWith(QLatin1String(".json")))
            return true;
        return FixWorkflows::copyProjectInputs(c.projectFolder, QFileInfo(target).absolutePath(), error,
                                               QFileInfo(target).fileName());
    };
    spec.rebuild = [](const WorkflowContext& c, const QString& written, const CancelToken& token) {
        if (!written.endsWith(QLatin1String(".json"))) {
            RebuildOptions options;
            options.settings = c.settings;
            options.toolchain = c.toolchain;
            options.projectFolder = c.projectFolder;
            options.previousInstructions = c.instructionsPath;
            return Rebuild::run(written, options, token);
        }
        // aiecc would write its own kernel JSON again: the corrected inputs are repackaged, not recompiled.
        RebuildResult result;
        const QString folder = QFileInfo(written).absolutePath();
        const QString output
            = QDir(folder).filePath(QFileInfo(c.designPath).completeBaseName() + QStringLiteral("_corrected.xclbin"));
        result.repackage = Repackage::run(folder, output, true);
        result.sentence = result.repackage->sentence();
        result.kind = result.repackage->ok ? RebuildResult::Kind::Repackaged : RebuildResult::Kind::Failed;
        result.xclbin = result.repackage->ok ? output : QString();
        result.instructions = c.instructionsPath;
        return result;
    };
    return spec;
}

} // namespace

WorkflowView::WorkflowView(QWidget* parent)
    : QWidget(parent)
    , m_contextLabel(new QLabel(this))
    , m_backend(new QComboBox(this))
    , m_list(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
{
    m_contextLabel->setWordWrap(true);
    m_contextLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (AttentionBackendKind kind : { AttentionBackendKind::Emulated, AttentionBackendKind::XrtNoop,
                                       AttentionBackendKind::Cpu, AttentionBackendKind::Xrt }) {
        m_backend->addItem(AttentionBackend::name(kind), int(kind));
        m_backend->setItemData(m_backend->count() - 1, AttentionBackend::describe(kind), Qt::ToolTipRole);
    }
    m_backend->setToolTip(tr("Where the verification runs the test vectors"));
    m_list->setToolTip(tr("The guide's options and the fixes the real case needed"));
    m_list->setMaximumWidth(260);

    addPage(FixWorkflowId::SymNames, new EditWorkflowPage(symNamesSpec(), this));
    addPage(FixWorkflowId::Variant32, new EditWorkflowPage(variant32Spec(), this));
    addPage(FixWorkflowId::Tiled, new RunWorkflowPage(FixWorkflowId::Tiled, this));
    addPage(FixWorkflowId::CpuFallback, new RunWorkflowPage(FixWorkflowId::CpuFallback, this));
    m_hostFix = new HostFixPage(this);
    addPage(FixWorkflowId::HostFix, m_hostFix);
    addPage(FixWorkflowId::DesignFix, new EditWorkflowPage(designFixSpec(), this));
    connect(m_hostFix, &HostFixPage::verified, this,
            [this](const WorkflowOutcome& o) { emit outcomeReady(FixWorkflowId::HostFix, o); });

    auto top = new QHBoxLayout;
    top->addWidget(m_contextLabel, 1);
    top->addWidget(new QLabel(tr("Run vectors on:"), this));
    top->addWidget(m_backend);
    auto splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_list, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_backend, &QComboBox::currentIndexChanged, this, [this] {
        WorkflowContext c = m_context;
        c.backend = AttentionBackendKind(m_backend->currentData().toInt());
        setContext(c);
    });
    m_list->setCurrentRow(0);
    updateContextLabel();
}

void WorkflowView::addPage(FixWorkflowId id, QWidget* page)
{
    const FixWorkflowInfo info = FixWorkflows::info(id);
    auto item = new QListWidgetItem(info.title, m_list);
    item->setToolTip(info.truth);
    item->setData(Qt::UserRole, info.key);
    m_pages->addWidget(page);
    m_ids << id;
    if (auto edit = qobject_cast<EditWorkflowPage*>(page)) {
        m_editPages << edit;
        connect(edit, &EditWorkflowPage::verified, this,
                [this, id](const WorkflowOutcome& o) { emit outcomeReady(id, o); });
    }
    if (auto run = qobject_cast<RunWorkflowPage*>(page))
        m_runPages << run;
}

void WorkflowView::setContext(const WorkflowContext& context)
{
    m_context = context;
    const int index = m_backend->findData(int(context.backend));
    if (index >= 0 && index != m_backend->currentIndex()) {
        const QSignalBlocker block(m_backend);
        m_backend->setCurrentIndex(index);
    }
    for (EditWorkflowPage* page : std::as_const(m_editPages))
        page->setContext(context);
    for (RunWorkflowPage* page : std::as_const(m_runPages))
        page->setContext(context);
    m_hostFix->setContext(context);
    updateContextLabel();
}

void WorkflowView::updateContextLabel()
{
    const WorkflowContext& c = m_context;
    auto name = [](const QString& path, const QString& none) {
        return path.isEmpty() ? none : QFileInfo(path).fileName().toHtmlEscaped();
    };
    m_contextLabel->setText(tr("Design <b>%1</b>; current build <b>%2</b> (instructions %3); aiecc project folder %4.")
                                .arg(name(c.designPath, tr("(none)")),
                                     name(c.xclbinPath, tr("(none: recompile or repackage)")),
                                     name(c.instructionsPath, tr("(none)")), name(c.projectFolder, tr("(none)"))));
    m_contextLabel->setToolTip(tr("Design: %1\nBuild: %2\nInstructions: %3\nProject folder: %4")
                                   .arg(c.designPath, c.xclbinPath, c.instructionsPath, c.projectFolder));
}

bool WorkflowView::showWorkflow(FixWorkflowId id)
{
    const int index = int(m_ids.indexOf(id));
    if (index < 0)
        return false;
    m_list->setCurrentRow(index);
    return true;
}

bool WorkflowView::showWorkflow(const QString& key)
{
    for (const FixWorkflowInfo& info : FixWorkflows::all()) {
        if (info.key == key)
            return showWorkflow(info.id);
    }
    return false;
}

FixWorkflowId WorkflowView::currentWorkflow() const
{
    return m_ids.value(m_list->currentRow(), FixWorkflowId::SymNames);
}

EditWorkflowPage* WorkflowView::editPage(FixWorkflowId id) const
{
    const int index = int(m_ids.indexOf(id));
    return index < 0 ? nullptr : qobject_cast<EditWorkflowPage*>(m_pages->widget(index));
}

RunWorkflowPage* WorkflowView::runPage(FixWorkflowId id) const
{
    const int index = int(m_ids.indexOf(id));
    return index < 0 ? nullptr : qobject_cast<RunWorkflowPage*>(m_pages->widget(index));
}

} // namespace xi
