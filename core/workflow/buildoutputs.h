// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace xi {

// Where a build's files are: the xclbin and the instruction file aiecc wrote into the working folder, its
// project folder `<design file name>.prj/` (main_kernels.json, ...), and the previous build kept for comparing.
struct BuildOutputs {
    QString workingDirectory;
    QString projectFolder; // empty when it does not exist
    QString xclbin; // empty when no xclbin from this build was found
    QString instructions; // empty when none was found
    QString previousXclbin; // the build before this one, kept in previous-build/; empty if none
    QString previousInstructions;
    QStringList notes; // how the files were found (a different name than expected, a stale file ignored, ...)

    QJsonObject toJson() const;

    // aiecc's intermediates folder: <working folder>/<design file name>.prj.
    static QString projectFolderFor(const QString& designPath, const QString& workingDirectory);
    static QString previousFolder(const QString& workingDirectory); // <working folder>/previous-build
    // The files of this build: the expected names first, else the newest xclbin and instruction stream written in
    // the working or project folder since `since`. Files older than `since` are never taken for this build's.
    static BuildOutputs find(const QString& designPath, const QString& workingDirectory, const QString& xclbinName,
                             const QString& instructionsName, const QDateTime& since);
    // Before a build: copies the current outputs (if any) into previous-build/ so that they survive the rebuild.
    // Returns the kept xclbin (empty when there was none) and sets *instructions to the kept instruction file.
    static QString keepPrevious(const QString& workingDirectory, const QString& xclbinName,
                                const QString& instructionsName, QString* instructions);
    // The mlir-aie design an xclbin was built from, found next to it: <base>.mlir beside it or in the parent
    // folder, the design of a <design>.mlir.prj folder, or the only .mlir beside it. Empty when none.
    static QString designNextTo(const QString& xclbinPath);
};

} // namespace xi
