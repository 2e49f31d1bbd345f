// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionbackend.h"
#include "attention/attentionrun.h"
#include "binding/bindingchecker.h"
#include "binding/bindingplan.h"
#include "runner/runrequest.h"
#include "runner/runresult.h"
#include "xclbin/xclbin.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace xi {

class RunViewCompare;
class RunViewResults;
class AttentionRunProcess;

// The Run view (issue 5): attention test vectors on one backend (cpu, emulated, xrt-noop, xrt) with a chosen
// binding, run off the GUI thread with progress and Cancel (the XRT backends in a child process), the result as
// heatmaps, activity, metrics and the success checklist, a history of runs to compare two, and a report.
class RunView : public QWidget {
    Q_OBJECT
public:
    enum class BindingSource { Default, BindingView, Typed };

    explicit RunView(QWidget* parent = nullptr);
    ~RunView() override;

    // Adds a Binding view and a Run view to an open document; the Run view can use the Binding view's plan.

    // The open document: its file becomes the xclbin to run.
    void setXclbin(XclbinPtr xclbin);
    void setXclbinPath(const QString& path);
    void setInstructionFile(const QString& path);
    // The runner child (xclbin-inspector-cli); empty = next to this executable.
    void setCliPath(const QString& path) { m_cliPath = path; }
    // The Binding view's plan, used when the binding source is BindingView.
    void setBindingPlan(const BindingPlan& plan);
    void setBindingSource(BindingSource source);
    void setCall(const QString& quick); // switches to BindingSource::Typed
    void setBackend(AttentionBackendKind backend);
    void setVectors(TestVectors::Pattern pattern, int seq, int dim, quint32 seed);
    bool importNpy(const QStringList& paths, QString* error = nullptr); // q/k/v by file name
    void setBindingReport(const std::optional<BindingReport>& report) { m_bindingReport = report; }

    AttentionRunOptions options() const;
    QString currentCall() const;

    void run();
    void cancel();
    bool isRunning() const;

    const QList<AttentionRun>& history() const { return m_history; }
    void showHistoryEntry(int index);
    bool compareRuns(int before, int after);
    // Which history entries the comparison and the report take as before and after (the newest is after).
    void setBeforeAfter(int before, int after);
    QComboBox* beforeBox() const { return m_before; }
    QComboBox* afterBox() const { return m_after; }
    // .html or .pdf: the xclbin, binding findings, every run in the history, and the comparison when shown.
    bool exportReport(const QString& path, QString* error = nullptr);

    RunViewResults* results() const { return m_results; }
    RunViewCompare* comparison() const { return m_compare; }
    QLabel* backendLabel() const { return m_backendLabel; }
    QLabel* status() const { return m_status; }
    QListWidget* historyList() const { return m_historyList; }

signals:
    void runStarted();
    void runFinished(const xi::AttentionRun& run);

private:
    QWidget* makeInputBox();
    QWidget* makeVectorBox();
    QWidget* makeBackendBox();
    QWidget* makeHistoryBox();
    TestVectors vectors() const;
    void updateBackendLabel();
    void updateCallField();
    void updateSizeFields();
    void setRunning(bool running, const QString& message = {});
    void onRunFinished(const AttentionRun& run);
    void addToHistory(const AttentionRun& run);
    QString historyLabel(int index) const;
    void compareSelected();
    void exportWithDialog();

    XclbinPtr m_xclbin;
    QString m_cliPath;
    std::optional<BindingPlan> m_bindingPlan;
    std::optional<BindingReport> m_bindingReport;
    std::optional<TestVectors> m_imported;
    QList<AttentionRun> m_history;

    // One run at a time, on the same backend code as the CLI's run command.
    AttentionRunProcess* m_runner;

    QLineEdit* m_xclbinEdit = nullptr;
    QLineEdit* m_instructionsEdit = nullptr;
    QComboBox* m_pattern = nullptr;
    QComboBox* m_size = nullptr;
    QSpinBox* m_seq = nullptr;
    QSpinBox* m_dim = nullptr;
    QSpinBox* m_seed = nullptr;
    QLabel* m_vectorSource = nullptr;
    QComboBox* m_backend = nullptr;
    QLabel* m_backendLabel = nullptr;
    QComboBox* m_bindingSource = nullptr;
    QLineEdit* m_call = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
    QSpinBox* m_timeout = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QListWidget* m_historyList = nullptr;
    QComboBox* m_before = nullptr;
    QComboBox* m_after = nullptr;
    RunViewResults* m_results = nullptr;
    RunViewCompare* m_compare = nullptr;
};

} // namespace xi
