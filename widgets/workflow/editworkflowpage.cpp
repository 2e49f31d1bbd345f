// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workflow/editworkflowpage.h"

#include "mlir/mlirdesign.h"
#include "mlir/mlirdesignchecker.h"
#include "widgets/common/verdictstyle.h"
#include "widgets/workflow/editpreview.h"
#include "widgets/workflow/verificationmodel.h"
#include "widgets/workflow/verificationpane.h"
#include "workflow/rebuild.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace xi {

EditWorkflowPage::EditWorkflowPage(EditWorkflowSpec spec, QWidget* parent)
    : QWidget(parent)
    , m_spec(std::move(spec))
    , m_jobs(this)
    , m_intro(new QLabel(this))
    , m_prepare(new QPushButton(m_spec.prepareLabel, this))
    , m_verify(new QPushButton(tr("Rebuild and verify"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_guideFindings(new QListWidget(this))
    , m_preview(new EditPreview(this))
    , m_pane(new VerificationPane(tr("The build before the edit against the rebuilt one: group IDs, binding, the run"),
                                  this))
    , m_verification(m_pane->model())
    , m_table(m_pane->table())
    , m_conclusion(m_pane->conclusion())
{
    const FixWorkflowInfo info = FixWorkflows::info(m_spec.id);
    m_intro->setWordWrap(true);
    m_intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_intro->setText(tr("<h3>%1</h3><p><b>The guide says:</b> %2</p><p><b>What really happens:</b> %3</p>")
                         .arg(info.title.toHtmlEscaped(), info.guideSays.toHtmlEscaped(), info.truth.toHtmlEscaped()));
    m_prepare->setToolTip(tr("Prepare the edit on a copy and show it as a diff; nothing is written yet"));
    m_verify->setToolTip(tr("Rebuild the written copy (aiecc, or repackage without it), reload it, and compare group "
                            "IDs, binding and a run of the vectors with the build before the edit"));
    m_cancel->setToolTip(tr("Stop the rebuild or the run"));
    m_guideFindings->setVisible(false);
    m_guideFindings->setMaximumHeight(110);
    m_guideFindings->setWordWrap(true);
    m_guideFindings->setToolTip(tr("What the checker finds in the guide's variant"));
    m_conclusion->setAutoFillBackground(true);
    m_conclusion->setMargin(4);

    auto buttons = new QHBoxLayout;
    buttons->addWidget(m_prepare);
    if (m_spec.guideVariant) {
        m_guide = new QPushButton(m_spec.guideLabel, this);
        m_guide->setToolTip(tr("Show the guide's variant of the edit together with the findings it causes"));
        buttons->addWidget(m_guide);
        connect(m_guide, &QPushButton::clicked, this, &EditWorkflowPage::showGuideVariant);
    }
    buttons->addStretch(1);
    buttons->addWidget(m_verify);
    buttons->addWidget(m_cancel);

    auto top = new QWidget(this);
    auto topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_guideFindings);
    topLayout->addWidget(m_preview, 1);
    auto splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_pane);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_intro);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(m_prepare, &QPushButton::clicked, this, &EditWorkflowPage::prepare);
    connect(m_verify, &QPushButton::clicked, this, &EditWorkflowPage::verify);
    connect(m_cancel, &QPushButton::clicked, this, &EditWorkflowPage::cancel);
    connect(m_preview, &EditPreview::written, this, &EditWorkflowPage::updateButtons);
    connect(m_preview, &EditPreview::undone, this, &EditWorkflowPage::updateButtons);
    updateButtons();
}

void EditWorkflowPage::setContext(const WorkflowContext& context)
{
    m_context = context;
    updateButtons();
}

void EditWorkflowPage::prepare()
{
    m_guideFindings->setVisible(false);
    m_preview->setBeforeWrite({});
    if (m_spec.beforeWrite)
        m_preview->setBeforeWrite(
            [this](const QString& target, QString* error) { return m_spec.beforeWrite(m_context, target, error); });
    m_preview->setEdit(m_spec.prepare(m_context));
    updateButtons();
}

void EditWorkflowPage::showGuideVariant()
{
    if (!m_spec.guideVariant)
        return;
    const FileEdit edit = m_spec.guideVariant(m_context);
    m_preview->setBeforeWrite({});
    m_preview->setEdit(edit);
    m_guideFindings->clear();
    m_guideFindings->setVisible(true);
    if (!edit.isValid()) {
        m_guideFindings->addItem(edit.error());
    } else {
        for (const MlirDesignChecker::Finding& f : MlirDesignChecker::check(MlirDesign::parse(edit.editedText()))) {
            if (f.severity == Severity::Info)
                continue;
            auto item = new QListWidgetItem(VerdictStyle::icon(VerdictStyle::forSeverity(f.severity)),
                                            tr("line %1: %2 [%3]").arg(f.line).arg(f.message, f.code));
            m_guideFindings->addItem(item);
        }
        if (m_guideFindings->count() == 0)
            m_guideFindings->addItem(tr("The checker finds nothing in this variant."));
    }
    updateButtons();
}

void EditWorkflowPage::verify()
{
    const QString written = m_preview->edit().writtenPath();
    if (written.isEmpty() || isRunning())
        return;
    const WorkflowContext context = m_context;
    const EditWorkflowSpec spec = m_spec;
    m_conclusion->setText(tr("Rebuilding %1 and running the verification ...").arg(QFileInfo(written).fileName()));
    m_conclusion->setPalette(palette());
    m_verification->setRows({});
    m_jobs.start<WorkflowOutcome>(
        [context, spec, written](const CancelToken& token) {
            RebuildResult rebuild;
            if (spec.rebuild) {
                rebuild = spec.rebuild(context, written, token);
            } else {
                RebuildOptions options;
                options.settings = context.settings;
                options.toolchain = context.toolchain;
                options.projectFolder = context.projectFolder;
                options.previousInstructions = context.instructionsPath;
                rebuild = Rebuild::run(written, options, token);
            }
            CheckOptions before = spec.checkOptions ? spec.checkOptions(context, false) : CheckOptions();
            CheckOptions after = spec.checkOptions ? spec.checkOptions(context, true) : CheckOptions();
            before.backend = after.backend = context.backend;
            before.cliPath = after.cliPath = context.cliPath;
            return FixWorkflows::verify(spec.id, context.xclbinPath, context.instructionsPath, before, rebuild, after,
                                        token);
        },
        [this](WorkflowOutcome outcome) {
            m_outcome = outcome;
            m_verification->setPalette(palette());
            m_verification->setRows(outcome.rows);
            QString text = outcome.conclusion.toHtmlEscaped();
            for (const QString& note : outcome.rebuild.notes)
                text += QStringLiteral("<br><i>%1</i>").arg(note.toHtmlEscaped());
            QStringList missing = outcome.after.notExercised;
            if (!missing.isEmpty())
                text += tr("<br>Not exercised: %1").arg(missing.join(QStringLiteral("; ")).toHtmlEscaped());
            QPalette pal = m_conclusion->palette();
            pal.setColor(QPalette::Window,
                         VerdictStyle::background(outcome.rebuild.ok() ? Verdict::Valid : Verdict::Invalid, palette()));
            m_conclusion->setPalette(pal);
            m_conclusion->setText(text);
            updateButtons();
            emit verified(outcome);
        });
    updateButtons();
}

void EditWorkflowPage::cancel()
{
    if (m_jobs.cancel()) {
        m_conclusion->setText(tr("Cancelled: the rebuild and the run were stopped."));
        updateButtons();
    }
}

void EditWorkflowPage::updateButtons()
{
    const bool running = isRunning();
    m_prepare->setEnabled(!running);
    if (m_guide)
        m_guide->setEnabled(!running);
    m_verify->setEnabled(!running && m_preview->isWritten() && !m_context.xclbinPath.isEmpty());
    m_verify->setToolTip(m_context.xclbinPath.isEmpty()
                             ? tr("No build of the design to compare with: recompile or repackage it first")
                             : tr("Rebuild the written copy, reload it, and compare group IDs, binding and a run of "
                                  "the vectors with %1")
                                   .arg(m_context.xclbinPath));
    m_cancel->setEnabled(running);
}

} // namespace xi
