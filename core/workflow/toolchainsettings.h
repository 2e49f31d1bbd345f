// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace xi {

// How to start aiecc and in which environment: the aiecc command (a program such as aiecc.py or aiecc, or a
// Python interpreter with `-m MODULE`), the folders for xclbinutil and bootgen, Peano, XRT and a working folder.
struct ToolchainSettings {
    enum class AieccMode {
        Auto, // aiecc.py, then aiecc on PATH, then `python3 -m aie.compiler.aiecc.main`
        Program, // `program`: a name on PATH or a path
        PythonModule, // `python -m module`
    };

    AieccMode mode = AieccMode::Auto;
    QString program;
    QString python = QStringLiteral("python3");
    QString module = QStringLiteral("aie.compiler.aiecc.main");
    QStringList extraPath; // folders put first on PATH (xclbinutil, bootgen, mlir-aie's bin)
    QString peanoInstallDir; // PEANO_INSTALL_DIR; empty = inherited
    QString xilinxXrt; // XILINX_XRT; empty = inherited
    QStringList environment; // more KEY=VALUE lines (PYTHONPATH for an mlir-aie wheel, ...)
    QString workingDirectory; // empty = the design's folder

    static QString modeName(AieccMode mode); // "auto", "program", "python-module"
    static AieccMode modeFromName(const QString& name);

    // `base` with PATH, PEANO_INSTALL_DIR, XILINX_XRT and the extra variables applied.
    QProcessEnvironment processEnvironment(const QProcessEnvironment& base
                                           = QProcessEnvironment::systemEnvironment()) const;
    QString workingDirectoryFor(const QString& designPath) const;

    QJsonObject toJson() const;
    static ToolchainSettings fromJson(const QJsonObject& o);
    friend bool operator==(const ToolchainSettings&, const ToolchainSettings&) = default;
};

} // namespace xi
