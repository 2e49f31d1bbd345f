// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QMenu;
class QMenuBar;

namespace xi {

class MainWindow;

// The Tools menu: recompile, fix workflows, bug report and toolchain for the current design (or the design next
// to the current xclbin), and a bug report for an xclbin on its own.
class WorkflowMenu {
public:
    static QMenu* create(MainWindow* window, QMenuBar* bar);
};

} // namespace xi
