// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testsupport.h"
#include "workflow/toolchainsettings.h"

#include <QByteArray>
#include <QDir>
#include <QString>
#include <QTemporaryDir>

// The stand-in aiecc (tests/standin/aiecc_standin.py) for the recompile and workflow tests (header-only).
namespace xi::test {

inline QString standinAiecc()
{
    return QStringLiteral(XI_STANDIN_AIECC);
}

// The environment the stand-in needs: our CLI for build-xclbin, and short steps.
inline void prepareStandin(const char* delay = "0.005")
{
    qputenv("AIECC_STANDIN_CLI", QByteArray(XI_CLI_PATH));
    qputenv("AIECC_STANDIN_DELAY", delay);
}

inline ToolchainSettings standinSettings()
{
    ToolchainSettings settings;
    settings.mode = ToolchainSettings::AieccMode::Program;
    settings.program = standinAiecc();
    return settings;
}

// A copy of a design of the source tree (default: the 64x64 attention) in `dir`, with `afterTiles` inserted after
// the line that declares its compute tile (%core or %tile_0_2).
inline QString designCopy(const QTemporaryDir& dir, const QString& name, const QByteArray& afterTiles = {},
                          const QString& source = QStringLiteral("kernels/attention/attention_64x64.mlir"))
{
    QByteArray text = readFile(QStringLiteral(XI_SOURCE_DIR "/") + source);
    if (!afterTiles.isEmpty()) {
        for (const QByteArray& tile :
             { QByteArray("%core = aie.tile(0, 2)\n"), QByteArray("%tile_0_2 = aie.tile(0, 2)\n") }) {
            if (text.contains(tile)) {
                text.replace(tile, QByteArray(tile + afterTiles));
                break;
            }
        }
    }
    const QString path = dir.filePath(name);
    return writeFile(path, text) ? path : QString();
}

// The stand-in's main_kernels.json (one member a line) with the "memory-connection" line of `argument` removed:
// a buffer argument without connectivity, the xclbin defect of the design-fix workflow.
inline QByteArray withoutConnection(QByteArray kernelsJson, const QByteArray& argument)
{
    const qsizetype name = kernelsJson.indexOf(QByteArray("\"" + argument + "\""));
    const qsizetype member = kernelsJson.indexOf("\"memory-connection\"", name);
    if (name < 0 || member < 0)
        return {};
    const qsizetype start = kernelsJson.lastIndexOf('\n', member) + 1;
    const qsizetype end = kernelsJson.indexOf('\n', member) + 1;
    return kernelsJson.remove(start, end - start);
}

inline int lineContaining(const QString& path, const QByteArray& needle)
{
    const QList<QByteArray> lines = readFile(path).split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].contains(needle))
            return i + 1;
    }
    return 0;
}

} // namespace xi::test
