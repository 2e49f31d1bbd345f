// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jobtracker.h"
#include "widgets/workflow/workflowcontext.h"
#include "workflow/fixworkflows.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace xi {

class EditPreview;
class VerificationModel;
class VerificationPane;

// How one edit-and-rebuild workflow works on a context.
struct EditWorkflowSpec {
    FixWorkflowId id = FixWorkflowId::SymNames;
    QString prepareLabel;
    std::function<FileEdit(const WorkflowContext&)> prepare;
    // The guide's variant of the edit, shown only with the findings it causes (option 1's "all buffers on the shim").
    QString guideLabel;
    std::function<FileEdit(const WorkflowContext&)> guideVariant;
    // Before writing to `target` (a copy folder to fill, ...); optional.
    std::function<bool(const WorkflowContext&, const QString& target, QString* error)> beforeWrite;
    // Rebuilds what was written; default: Rebuild::run (aiecc, else repackage the context's project folder).
    std::function<RebuildResult(const WorkflowContext&, const QString& written, const CancelToken&)> rebuild;
    // What the verification runs before (after = false) and after the edit; default: the 64x64 call.
    std::function<CheckOptions(const WorkflowContext&, bool after)> checkOptions;
};

// One guided workflow that edits a copy of the design (or its aiecc inputs) and ends in the verification every
// workflow shares: the edit shown as a diff, written to a new file or after a backup, undoable; then rebuild,
// reload, group IDs, binding, the vectors' run, before/after.
class EditWorkflowPage : public QWidget {
    Q_OBJECT
public:
    EditWorkflowPage(EditWorkflowSpec spec, QWidget* parent = nullptr);

    void setContext(const WorkflowContext& context);
    const WorkflowContext& context() const { return m_context; }
    void prepare();
    void showGuideVariant();
    void verify(); // in the background; verified() follows
    void cancel();
    bool isRunning() const { return m_jobs.isRunning(); }
    const std::optional<WorkflowOutcome>& outcome() const { return m_outcome; }

    EditPreview* preview() const { return m_preview; }
    VerificationModel* verification() const { return m_verification; }
    QTableView* verificationTable() const { return m_table; }
    QLabel* conclusion() const { return m_conclusion; }
    QListWidget* guideFindings() const { return m_guideFindings; }
    QPushButton* prepareButton() const { return m_prepare; }
    QPushButton* verifyButton() const { return m_verify; }

Q_SIGNALS:
    void verified(const xi::WorkflowOutcome& outcome);

private:
    void updateButtons();

    EditWorkflowSpec m_spec;
    WorkflowContext m_context;
    JobTracker m_jobs;
    std::optional<WorkflowOutcome> m_outcome;
    QLabel* m_intro;
    QPushButton* m_prepare;
    QPushButton* m_guide = nullptr;
    QPushButton* m_verify;
    QPushButton* m_cancel;
    QListWidget* m_guideFindings;
    EditPreview* m_preview;
    VerificationPane* m_pane;
    VerificationModel* m_verification;
    QTableView* m_table;
    QLabel* m_conclusion;
};

} // namespace xi
