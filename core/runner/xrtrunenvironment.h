// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runner/runrequest.h"

#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace xi {

// The temporary setup a runner child needs, removed when this is destroyed:
// - always an xrt.ini (found through XRT_INI_PATH) whose [Runtime] runtime_log sends XRT's messages to a file;
// - for the noop and emulated backends a XILINX_XRT folder whose lib/ holds a symlink to Debian XRT's
//   libxrt_noop.so.2, and XCL_EMULATION_MODE=noop (XRT then opens its no-hardware device).
class XrtRunEnvironment {
public:
    static constexpr int LogVerbosity = 6; // XRT's "info": warnings and errors, not its per-call debug lines

    // nullptr with *error set when the setup cannot be made (no temp folder, no noop library).
    static std::unique_ptr<XrtRunEnvironment> create(RunBackend backend, QString* error);
    // The noop library this build found (buildconfig.h), or "" when it was not found.
    static QString noopLibrary();

    QString folder() const { return m_dir.path(); }
    QString logPath() const { return m_dir.filePath(QStringLiteral("xrt.log")); }
    QString iniPath() const { return m_dir.filePath(QStringLiteral("xrt.ini")); }
    // `base` with the variables above set (and XI_XRT_LOG, which tells the child where its log is).
    QProcessEnvironment apply(QProcessEnvironment base) const;

private:
    explicit XrtRunEnvironment(RunBackend backend);

    RunBackend m_backend;
    QTemporaryDir m_dir;
};

} // namespace xi
