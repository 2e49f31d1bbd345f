// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/workflow/workflowcontext.h"
#include "workflow/fixworkflows.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace xi {

class EditWorkflowPage;
class HostFixPage;
class RunWorkflowPage;

// The seed guide's four options and the two fixes the real case needed, as guided workflows on copies of the
// design or host, each ending in the same verification. The context (design, its current build, toolchain) comes
// from the document that shows this view.
class WorkflowView : public QWidget {
    Q_OBJECT
public:
    explicit WorkflowView(QWidget* parent = nullptr);

    void setContext(const WorkflowContext& context);
    const WorkflowContext& context() const { return m_context; }
    bool showWorkflow(FixWorkflowId id);
    bool showWorkflow(const QString& key);
    FixWorkflowId currentWorkflow() const;

    EditWorkflowPage* editPage(FixWorkflowId id) const;
    RunWorkflowPage* runPage(FixWorkflowId id) const;
    HostFixPage* hostFixPage() const { return m_hostFix; }
    QListWidget* list() const { return m_list; }
    QComboBox* backendSelector() const { return m_backend; }

Q_SIGNALS:
    void outcomeReady(xi::FixWorkflowId id, const xi::WorkflowOutcome& outcome);

private:
    void addPage(FixWorkflowId id, QWidget* page);
    void updateContextLabel();

    WorkflowContext m_context;
    QList<FixWorkflowId> m_ids;
    QList<EditWorkflowPage*> m_editPages;
    QList<RunWorkflowPage*> m_runPages;
    HostFixPage* m_hostFix = nullptr;
    QLabel* m_contextLabel;
    QComboBox* m_backend;
    QListWidget* m_list;
    QStackedWidget* m_pages;
};

} // namespace xi
