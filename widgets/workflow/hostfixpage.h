// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jobtracker.h"
#include "widgets/workflow/workflowcontext.h"
#include "workflow/fixworkflows.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace xi {

class EditPreview;
class VerificationModel;
class VerificationPane;

// The corrected host binding: the checker's correction applied to the host program's own call, shown as a diff,
// written to a new file (or after a backup) and undoable, then verified against the same xclbin: the call as it
// was against the call read back from the fixed program, binding and run before/after.
class HostFixPage : public QWidget {
    Q_OBJECT
public:
    explicit HostFixPage(QWidget* parent = nullptr);

    void setContext(const WorkflowContext& context);
    void setHostProgram(const QString& path);
    QString hostProgram() const;
    void prepare();
    void verify();
    bool isRunning() const { return m_jobs.isRunning(); }
    const std::optional<WorkflowOutcome>& outcome() const { return m_outcome; }
    QString callBefore() const { return m_callBefore; }

    EditPreview* preview() const { return m_preview; }
    VerificationModel* verification() const { return m_verification; }
    QLabel* conclusion() const { return m_conclusion; }
    QPushButton* verifyButton() const { return m_verify; }

Q_SIGNALS:
    void verified(const xi::WorkflowOutcome& outcome);

private:
    void updateButtons();

    WorkflowContext m_context;
    JobTracker m_jobs;
    QString m_callBefore;
    std::optional<WorkflowOutcome> m_outcome;
    QLineEdit* m_program;
    QPushButton* m_prepare;
    QPushButton* m_verify;
    EditPreview* m_preview;
    VerificationPane* m_pane;
    VerificationModel* m_verification;
    QTableView* m_table;
    QLabel* m_conclusion;
};

} // namespace xi
