// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionrun.h"
#include "widgets/workflow/workflowcontext.h"
#include "xclbin/xclbin.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace xi {

class BugReportView;
class LoadJob;
class MlirDesignView;
class RecompileView;
class WorkflowView;
struct WorkflowOutcome;
enum class FixWorkflowId;

// One open mlir-aie design: its analysis, the recompile (or repackage) of it, the fix workflows on copies of it,
// and the bug report filled from what was built, checked and run.
class DesignDocument : public QWidget {
    Q_OBJECT
public:
    explicit DesignDocument(QWidget* parent = nullptr);

    static bool isDesignFile(const QString& path); // *.mlir
    static QStringList viewNames(); // "design", "recompile", "workflows", "report"

    bool load(const QString& path);
    void reload();
    QString path() const { return m_path; }
    QString title() const;
    QString errorText() const { return m_error; }
    QString statusText() const;
    bool setCurrentView(const QString& name);
    QString currentViewName() const;
    bool gotoLine(int line);
    void setCliPath(const QString& path);

    WorkflowContext context() const;
    XclbinPtr build() const { return m_build; }
    MlirDesignView* designView() const { return m_design; }
    RecompileView* recompileView() const { return m_recompile; }
    WorkflowView* workflowView() const { return m_workflows; }
    BugReportView* bugReport() const { return m_report; }
    QTabWidget* views() const { return m_views; }

Q_SIGNALS:
    void titleChanged(const QString& title);
    void loaded();
    void openFileRequested(const QString& path, int line);
    void compareRequested(const QString& before, const QString& after);

private:
    void setBuild(const QString& xclbin, const QString& instructions);
    void updateContext();
    void updateBugReport();
    void onOutcome(FixWorkflowId id, const WorkflowOutcome& outcome);

    QString m_path;
    QString m_error;
    QString m_cliPath;
    QString m_instructions;
    XclbinPtr m_build;
    QList<AttentionRun> m_runs;
    LoadJob* m_loader;
    QLabel* m_banner;
    QTabWidget* m_views;
    MlirDesignView* m_design;
    RecompileView* m_recompile;
    WorkflowView* m_workflows;
    BugReportView* m_report;
};

} // namespace xi
