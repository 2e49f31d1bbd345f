// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jobtracker.h"
#include "workflow/toolchaindetection.h"
#include "workflow/toolchainsettings.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace xi {

// The toolchain settings (aiecc command, PATH additions, PEANO_INSTALL_DIR, XILINX_XRT, extra environment,
// working folder) and what detection found: each tool, where, and how to get the missing ones. Detection runs
// the tools, so it runs off the GUI thread. Settings are kept in QSettings under "Toolchain".
class ToolchainPanel : public QWidget {
    Q_OBJECT
public:
    explicit ToolchainPanel(QWidget* parent = nullptr);

    ToolchainSettings settings() const;
    void setSettings(const ToolchainSettings& settings);
    static ToolchainSettings loadSettings();
    static void saveSettings(const ToolchainSettings& settings);

    void detect(); // in the background; detected() follows
    bool isDetecting() const { return m_jobs.isRunning(); }
    const std::optional<ToolchainStatus>& status() const { return m_status; }
    QTableWidget* statusTable() const { return m_table; }
    QLabel* summary() const { return m_summary; }

Q_SIGNALS:
    void detected(const xi::ToolchainStatus& status);
    void settingsChanged();

private:
    void showStatus(const ToolchainStatus& status);
    void updateModeFields();

    JobTracker m_jobs;
    std::optional<ToolchainStatus> m_status;
    QComboBox* m_mode;
    QLineEdit* m_program;
    QLineEdit* m_python;
    QLineEdit* m_module;
    QLineEdit* m_path;
    QLineEdit* m_peano;
    QLineEdit* m_xrt;
    QLineEdit* m_workdir;
    QPlainTextEdit* m_environment;
    QPushButton* m_detect;
    QLabel* m_summary;
    QTableWidget* m_table;
};

} // namespace xi
