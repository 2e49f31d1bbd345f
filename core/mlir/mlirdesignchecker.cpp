// SPDX-License-Identifier: GPL-3.0-or-later
#include "mlir/mlirdesignchecker.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace xi {

QList<MlirDesignChecker::Finding> MlirDesignChecker::check(const MlirDesign& design)
{
    QList<Finding> findings;
    checkBuffers(design, findings);
    checkTileMemory(design, findings);
    checkRuntimeSequence(design, findings);
    return findings;
}

int MlirDesignChecker::errorCount(const QList<Finding>& findings)
{
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [](const Finding& f) { return f.severity == Severity::Error; }));
}

void MlirDesignChecker::checkBuffers(const MlirDesign& design, QList<Finding>& findings)
{
    int firstAttributeLine = 0;
    for (const MlirDesign::Buffer& buffer : design.buffers) {
        if ((!buffer.symName.isEmpty() || buffer.memBank) && firstAttributeLine == 0)
            firstAttributeLine = buffer.line;
        const MlirDesign::Tile* tile = design.tile(buffer.tile);
        if (!tile || tile->kind != MlirDesign::TileKind::Shim)
            continue;
        findings.append({ Severity::Error, QStringLiteral("buffer-on-shim"), buffer.line,
                          QStringLiteral("buffer %%1 is on shim tile (%2, %3): shim tiles (row 0) have no data memory; "
                                         "aie.buffer there is accepted until a core uses it, then fails with "
                                         "\"'aie.buffer' op in Column %2 and Row %3 is accessed from an unreachable "
                                         "tile\". Placing buffers on the shim tile does not change XRT group IDs; "
                                         "put it on a compute or mem tile, or move data with an object FIFO")
                              .arg(buffer.name)
                              .arg(tile->column)
                              .arg(tile->row) });
    }
    if (firstAttributeLine > 0) {
        findings.append({ Severity::Info, QStringLiteral("attributes-not-groups"), firstAttributeLine,
                          QStringLiteral("sym_name and mem_bank do not influence XRT group IDs: sym_name names the "
                                         "buffer, mem_bank picks a bank of the tile's local memory; a group ID comes "
                                         "from the kernel argument's position (bo i = XRT argument 3+i)") });
    }
}

void MlirDesignChecker::checkTileMemory(const MlirDesign& design, QList<Finding>& findings)
{
    QHash<QString, qint64> used;
    for (const MlirDesign::Buffer& buffer : design.buffers) {
        const MlirDesign::Tile* tile = design.tile(buffer.tile);
        if (buffer.sizeProblem == MlirDesign::SizeProblem::TooLarge
            || buffer.sizeProblem == MlirDesign::SizeProblem::NegativeDimension) {
            const bool negative = buffer.sizeProblem == MlirDesign::SizeProblem::NegativeDimension;
            findings.append(
                { Severity::Error,
                  negative ? QStringLiteral("buffer-negative-dimension") : QStringLiteral("buffer-too-large"),
                  buffer.line,
                  negative ? QStringLiteral("buffer %%1 has the type %2, with a negative dimension: "
                                            "expected sizes of 0 or more (or ? for a dynamic one)")
                                 .arg(buffer.name, buffer.type)
                           : QStringLiteral("buffer %%1 has the type %2, larger than 2^63 bytes: far "
                                            "more than any tile's data memory")
                                 .arg(buffer.name, buffer.type) });
            continue;
        }
        if (!tile || buffer.bytes < 0)
            continue;
        const bool compute = tile->kind == MlirDesign::TileKind::Compute;
        const qint64 limit = compute                      ? ComputeTileDataBytes
            : tile->kind == MlirDesign::TileKind::MemTile ? MemTileDataBytes
                                                          : -1;
        if (limit < 0)
            continue;
        const qint64 before = used.value(tile->name);
        // Saturated: sums of huge buffers must not wrap back below the limit.
        const qint64 after = buffer.bytes > std::numeric_limits<qint64>::max() - before
            ? std::numeric_limits<qint64>::max()
            : before + buffer.bytes;
        used[tile->name] = after;
        if (before <= limit && after > limit) {
            findings.append({ Severity::Error, QStringLiteral("buffer-too-large"), buffer.line,
                              QStringLiteral("buffers on %1 tile (%2, %3) reach %4 bytes with %%5, more than its "
                                             "%6 KiB of data memory")
                                  .arg(compute ? QStringLiteral("compute") : QStringLiteral("mem"))
                                  .arg(tile->column)
                                  .arg(tile->row)
                                  .arg(after)
                                  .arg(buffer.name)
                                  .arg(limit / 1024) });
        }
    }
}

void MlirDesignChecker::checkRuntimeSequence(const MlirDesign& design, QList<Finding>& findings)
{
    if (!design.runtimeSequence) {
        findings.append({ Severity::Warning, QStringLiteral("no-runtime-sequence"), 0,
                          QStringLiteral("no runtime sequence found (func.func @sequence, aiex.runtime_sequence or "
                                         "aie.runtime_sequence): the host buffers cannot be mapped to XRT "
                                         "arguments") });
        return;
    }
    const MlirDesign::RuntimeSequence& sequence = *design.runtimeSequence;
    const qsizetype count = sequence.arguments.size();
    if (count > MaxHostBuffers) {
        findings.append({ Severity::Error, QStringLiteral("too-many-host-buffers"), sequence.line,
                          QStringLiteral("the runtime sequence has %1 host buffers but only %2 can be bound: XRT "
                                         "arguments 3..7 are bo0..bo4; pack buffers together")
                              .arg(count)
                              .arg(MaxHostBuffers) });
    }
    QStringList map;
    for (qsizetype i = 0; i < count; ++i) {
        const MlirDesign::HostArgument& argument = sequence.arguments.at(i);
        if (i >= MaxHostBuffers) {
            map << QStringLiteral("%%1 (%2) = no XRT argument").arg(argument.name, argument.type);
            continue;
        }
        map << QStringLiteral("%%1 (%2) = XRT argument %3 = bo%4, group_id(%3)")
                   .arg(argument.name, argument.type)
                   .arg(FirstHostArgument + i)
                   .arg(i);
    }
    findings.append({ Severity::Info, QStringLiteral("host-arguments"), sequence.line,
                      QStringLiteral("%1 host buffer(s); call kernel(3, instr_bo, n_words, bo0, ...): %2")
                          .arg(count)
                          .arg(map.isEmpty() ? QStringLiteral("none") : map.join(QStringLiteral("; "))) });
}

} // namespace xi
