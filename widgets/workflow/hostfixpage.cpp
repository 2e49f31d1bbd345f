// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workflow/hostfixpage.h"

#include "widgets/workflow/editpreview.h"
#include "widgets/workflow/verificationmodel.h"
#include "widgets/workflow/verificationpane.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace xi {

HostFixPage::HostFixPage(QWidget* parent)
    : QWidget(parent)
    , m_jobs(this)
    , m_program(new QLineEdit(this))
    , m_prepare(new QPushButton(tr("Prepare the fix"), this))
    , m_verify(new QPushButton(tr("Verify"), this))
    , m_preview(new EditPreview(this))
    , m_pane(new VerificationPane(tr("The host's call against the corrected one, on the same xclbin"), this))
    , m_verification(m_pane->model())
    , m_table(m_pane->table())
    , m_conclusion(m_pane->conclusion())
{
    const FixWorkflowInfo info = FixWorkflows::info(FixWorkflowId::HostFix);
    auto intro
        = new QLabel(tr("<h3>%1</h3><p>%2</p>").arg(info.title.toHtmlEscaped(), info.truth.toHtmlEscaped()), this);
    intro->setWordWrap(true);
    m_program->setPlaceholderText(tr("host program (.py or .cpp)"));
    m_program->setToolTip(tr("The host program whose kernel call is corrected"));
    auto browse = new QPushButton(tr("Browse..."), this);
    browse->setToolTip(tr("Choose the host program"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Host program"), hostProgram(),
                                                          tr("Host programs (*.py *.cpp *.cc *.cxx);;All files (*)"));
        if (!path.isEmpty())
            setHostProgram(path);
    });
    m_prepare->setToolTip(tr("Read the program, check its call against the build and prepare the corrected program"));
    m_verify->setToolTip(tr("Check and run the host's call and the corrected one on the same xclbin"));

    auto row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Host program:"), this));
    row->addWidget(m_program, 1);
    row->addWidget(browse);
    row->addWidget(m_prepare);
    row->addWidget(m_verify);
    auto splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_preview);
    splitter->addWidget(m_pane);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(splitter, 1);

    connect(m_prepare, &QPushButton::clicked, this, &HostFixPage::prepare);
    connect(m_verify, &QPushButton::clicked, this, &HostFixPage::verify);
    connect(m_preview, &EditPreview::written, this, &HostFixPage::updateButtons);
    connect(m_preview, &EditPreview::undone, this, &HostFixPage::updateButtons);
    updateButtons();
}

void HostFixPage::setContext(const WorkflowContext& context)
{
    m_context = context;
    if (m_program->text().isEmpty() && !context.hostProgram.isEmpty())
        m_program->setText(context.hostProgram);
    updateButtons();
}

void HostFixPage::setHostProgram(const QString& path)
{
    m_program->setText(path);
}

QString HostFixPage::hostProgram() const
{
    return m_program->text().trimmed();
}

void HostFixPage::prepare()
{
    if (m_context.xclbinPath.isEmpty()) {
        m_preview->setEdit(FileEdit::failed(hostProgram(), tr("no build of the design to check the call against")));
        return;
    }
    const HostFixPlan plan = FixWorkflows::planHostFix(m_context.xclbinPath, m_context.instructionsPath, hostProgram());
    m_callBefore = plan.callBefore;
    m_preview->setEdit(plan.error.isEmpty() ? plan.edit : FileEdit::failed(hostProgram(), plan.error));
    updateButtons();
}

void HostFixPage::verify()
{
    const QString written = m_preview->edit().writtenPath();
    if (written.isEmpty() || isRunning())
        return;
    const WorkflowContext context = m_context;
    const QString before = m_callBefore;
    m_conclusion->setText(tr("Checking and running both calls ..."));
    m_jobs.start<WorkflowOutcome>(
        [context, before, written](const CancelToken& token) {
            CheckOptions options;
            options.backend = context.backend;
            options.cliPath = context.cliPath;
            return FixWorkflows::verifyHostFix(context.xclbinPath, context.instructionsPath, before, written, options,
                                               token);
        },
        [this](WorkflowOutcome outcome) {
            m_outcome = outcome;
            m_verification->setPalette(palette());
            m_verification->setRows(outcome.rows);
            m_conclusion->setText(outcome.conclusion);
            updateButtons();
            emit verified(outcome);
        });
    updateButtons();
}

void HostFixPage::updateButtons()
{
    m_prepare->setEnabled(!isRunning());
    m_verify->setEnabled(!isRunning() && m_preview->isWritten());
}

} // namespace xi
