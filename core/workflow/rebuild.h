// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/canceltoken.h"
#include "workflow/recompileresult.h"
#include "workflow/repackage.h"
#include "workflow/toolchaindetection.h"
#include "workflow/toolchainsettings.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace xi {

struct RebuildOptions {
    ToolchainSettings settings;
    std::optional<ToolchainStatus> toolchain; // what detection found; nullopt = detect now
    bool allowRecompile = true;
    // Without aiecc: repackage the JSON inputs of this folder (an aiecc project folder) into the design's xclbin.
    QString projectFolder;
    bool allowRepackage = true;
    // The instruction file to use after a repackage (repackaging writes none): the previous build's.
    QString previousInstructions;
};

// How a design (or its aiecc inputs) became an xclbin again: recompiled by aiecc, repackaged from JSON inputs by
// our writer (never called a recompile), unchanged (a host fix needs no rebuild), or not rebuilt, with the reason.
struct RebuildResult {
    enum class Kind { Recompiled, Repackaged, Unchanged, NotRebuilt, Failed };
    Kind kind = Kind::NotRebuilt;
    QString xclbin;
    QString instructions;
    QString sentence;
    QStringList notes;
    std::optional<RecompileResult> recompile;
    std::optional<RepackageResult> repackage;

    bool ok() const { return kind == Kind::Recompiled || kind == Kind::Repackaged || kind == Kind::Unchanged; }
    static QString kindName(Kind kind); // "recompiled", "repackaged", "unchanged", "not-rebuilt", "failed"
    QJsonObject toJson() const;
};

class Rebuild {
public:
    // Recompiles with aiecc when the toolchain can; else repackages `projectFolder` when given; else says why
    // nothing was rebuilt. Blocks (worker thread, CLI, tests); a cancelled token ends aiecc's process tree.
    static RebuildResult run(const QString& designPath, const RebuildOptions& options, const CancelToken& token = {});
};

} // namespace xi
