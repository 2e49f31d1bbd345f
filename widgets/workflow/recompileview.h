// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jobtracker.h"
#include "workflow/buildcomparison.h"
#include "workflow/recompileresult.h"
#include "workflow/repackage.h"
#include "workflow/toolchaindetection.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace xi {

class DiagnosticsModel;
class RecompileJob;
class ToolchainPanel;

// Recompile a design with aiecc: the exact command, the log streamed live with the current step, aiecc's
// diagnostics as a clickable list (a location opens the design at that line), Cancel that ends the whole process
// tree, the exit in words, the xclbin and instruction file found, and the comparison with the previous build.
// Without aiecc, Repackage rebuilds the xclbin from an aiecc project folder's JSON inputs (never called a
// recompile).
class RecompileView : public QWidget {
    Q_OBJECT
public:
    explicit RecompileView(QWidget* parent = nullptr);
    ~RecompileView() override;

    void setDesign(const QString& path);
    QString designPath() const { return m_design; }
    QString workingDirectory() const;
    void setProjectFolder(const QString& folder);
    QString projectFolder() const;

    void recompile(); // detects the toolchain first when it has not been
    void cancel();
    void repackage();
    bool isRunning() const;

    const std::optional<RecompileResult>& lastResult() const { return m_last; }
    const std::optional<RepackageResult>& lastRepackage() const { return m_lastRepackage; }
    const std::optional<BuildComparison>& comparison() const { return m_comparison; }
    QString currentXclbin() const { return m_xclbin; }
    QString currentInstructions() const { return m_instructions; }

    ToolchainPanel* toolchain() const { return m_toolchain; }
    QPushButton* recompileButton() const { return m_recompile; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* repackageButton() const { return m_repackage; }
    QPushButton* compareButton() const { return m_compare; }
    QLabel* commandLabel() const { return m_command; }
    QLabel* stepLabel() const { return m_step; }
    QLabel* resultLabel() const { return m_result; }
    QPlainTextEdit* log() const { return m_log; }
    DiagnosticsModel* diagnostics() const { return m_diagnostics; }
    QTableView* diagnosticsTable() const { return m_diagnosticsTable; }
    QTableWidget* comparisonTable() const { return m_comparisonTable; }
    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    void started();
    // A build is ready: recompiled or repackaged; kind is "recompiled" or "repackaged".
    void buildReady(const QString& xclbin, const QString& instructions, const QString& kind);
    void finished(bool ok);
    void openLocation(const QString& file, int line, int column);
    void openXclbinRequested(const QString& path);
    void compareRequested(const QString& before, const QString& after);

private:
    QWidget* makeBuildTab();
    void startWith(const ToolchainStatus& status);
    void onFinished(const RecompileResult& result);
    void onRepackaged(const RepackageResult& result, const QString& previous, const QString& previousInsts);
    void showOutputs(const QString& xclbin, const QString& instructions, const QString& previous,
                     const QString& previousInsts);
    void showComparison(const BuildComparison& comparison);
    void setRunning(bool running, const QString& step = {});
    void showResult(const QString& text, bool ok);

    QString m_design;
    QString m_xclbin;
    QString m_instructions;
    QString m_previous;
    std::optional<RecompileResult> m_last;
    std::optional<RepackageResult> m_lastRepackage;
    std::optional<BuildComparison> m_comparison;
    RecompileJob* m_job;
    JobTracker m_background;
    bool m_repackaging = false;

    QTabWidget* m_tabs;
    ToolchainPanel* m_toolchain;
    QLabel* m_designLabel = nullptr;
    QPushButton* m_recompile = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_repackage = nullptr;
    QLineEdit* m_projectFolder = nullptr;
    QLabel* m_command = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_step = nullptr;
    QPlainTextEdit* m_log = nullptr;
    DiagnosticsModel* m_diagnostics = nullptr;
    QTableView* m_diagnosticsTable = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_outputs = nullptr;
    QPushButton* m_openXclbin = nullptr;
    QPushButton* m_compare = nullptr;
    QTableWidget* m_comparisonTable = nullptr;
};

} // namespace xi
