// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindingchecker.h"
#include "binding/bindingplan.h"
#include "binding/instructionfilelocator.h"
#include "hostprogram/hostprogramfix.h"
#include "runner/noopcrosscheck.h"
#include "runner/runresult.h"
#include "xclbin/xclbin.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTabWidget;
class QTreeWidget;

namespace xi {

class BindingPlanModel;
class XrtRunnerProcess;

// How the host calls the kernel, checked against the xclbin (issue 4): the binding plan as an editable table
// beside the kernel's arguments, typed in the quick form or imported from a host program (its lines shown with
// the findings marked), the verdicts, the XRT warnings the plan would cause, the corrected call, and a run
// through XRT's noop device that shows what XRT itself prints.
class BindingView : public QWidget {
    Q_OBJECT
public:
    explicit BindingView(QWidget* parent = nullptr);
    ~BindingView() override;

    void setXclbin(XclbinPtr xclbin);
    XclbinPtr xclbin() const { return m_xclbin; }
    // The runner child (xclbin-inspector-cli); empty = next to this executable.
    void setCliPath(const QString& path) { m_cliPath = path; }

    bool importHostProgram(const QString& path, QString* error = nullptr);
    bool setQuickPlan(const QString& text, QString* error = nullptr);
    void useCorrectCall();
    void setInstructionFile(const QString& path);

    const BindingPlan& plan() const;
    const BindingReport& report() const { return m_report; }
    QString planQuick() const;
    QString correctedCall(bool python) const;

    BindingPlanModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QTreeWidget* findingsList() const { return m_findings; }
    QPlainTextEdit* hostSource() const { return m_source; }
    QPlainTextEdit* predictedWarnings() const { return m_predicted; }
    QPlainTextEdit* xrtMessages() const { return m_xrtMessages; }
    QLabel* xrtSummary() const { return m_xrtSummary; }
    QTabWidget* tabs() const { return m_tabs; }

    // The imported host program's fix, read from the file again; std::nullopt (with the reason) when no
    // program is imported or the file changed since it was imported.
    std::optional<HostProgramFix> prepareFix(QString* error = nullptr) const;
    // Writes the fix (keeping FILE.bak) and imports the program again.
    bool writeFix(const HostProgramFix& fix, QString* error = nullptr);
    // "Apply fix to file…": shows the changes and the diff, writes them when confirmed.
    void applyFixToFile();
    QPushButton* fixButton() const { return m_fixButton; }

    void runThroughNoop();
    void cancelRun();
    bool isRunning() const;
    const RunResult& lastRun() const { return m_lastRun; }
    // The last noop run compared with the prediction (NoopCrossCheck, the rule `check --xrt-noop` uses).
    const NoopComparison& lastComparison() const { return m_comparison; }
    const InstructionFileChoice& instructionChoice() const { return m_instructionChoice; }

signals:
    void planChanged(const xi::BindingPlan& plan);
    void noopRunFinished(const xi::RunResult& result);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* makeControls();
    QWidget* makeCallPanel();
    QWidget* makeNoopPanel();
    void applyPlan(const BindingPlan& plan);
    void recheck();
    BindingCheckOptions checkOptions(QString* problem) const;
    void updateKernelSelector();
    void updateFindings();
    void updateSource();
    void updateCallTexts();
    void showSource(const QString& path, const QString& text);
    void onNoopFinished(const RunResult& result);
    void locateInstructions();
    void jumpToLine(int line);
    void browseInstructions();
    void browseHostProgram();

    XclbinPtr m_xclbin;
    QString m_cliPath;
    QString m_instructionGiven; // typed or chosen by the user; empty = InstructionFileLocator decides
    InstructionFileChoice m_instructionChoice;
    NoopComparison m_comparison;
    QString m_sourcePath;
    QByteArray m_sourceBytes; // the imported program as read
    QString m_modelKernelKey;
    BindingReport m_report;
    RunResult m_lastRun;
    QStringList m_runNotes;

    BindingPlanModel* m_model;
    XrtRunnerProcess* m_runner;
    QComboBox* m_kernel = nullptr;
    QComboBox* m_slot = nullptr;
    QLineEdit* m_quick = nullptr;
    QLineEdit* m_instructions = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_table = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTreeWidget* m_findings = nullptr;
    QPlainTextEdit* m_source = nullptr;
    QPlainTextEdit* m_predicted = nullptr;
    QPlainTextEdit* m_python = nullptr;
    QPlainTextEdit* m_cpp = nullptr;
    QPlainTextEdit* m_xrtMessages = nullptr;
    QLabel* m_xrtSummary = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_fixButton = nullptr;
};

} // namespace xi
