// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace xi {

// What an mlir-aie design declares, read line by line (not a full MLIR parser). Accepts the syntax of
// several mlir-aie generations: AIE.tile / aie.tile, func.func @sequence / aiex.runtime_sequence /
// aie.runtime_sequence @name, aie.buffer with or without attributes, aie.objectfifo / AIE.objectFifo.
// Line numbers are 1-based.
struct MlirDesign {
    enum class TileKind { Shim, MemTile, Compute, Unknown };
    // Why a memref has no byte size (bytes is then -1).
    enum class SizeProblem { None, NotStatic, TooLarge, NegativeDimension };

    struct Tile {
        QString name; // SSA name without '%'
        int column = 0;
        int row = 0;
        TileKind kind = TileKind::Unknown;
        int line = 0;
    };
    struct Buffer {
        QString name; // SSA name without '%'
        QString symName; // from {sym_name = "..."}, empty if absent
        std::optional<int> memBank;
        QString tile; // SSA name of the tile
        QString type; // "memref<12288xi8>"
        qint64 bytes = -1; // -1 when the size is not static
        SizeProblem sizeProblem = SizeProblem::None;
        int line = 0;

        // "12288 bytes", or why there is no size: "dynamic size", "too large (over 2^63 bytes)", ...
        QString sizeText() const;
    };
    struct ObjectFifo {
        QString name;
        QString producer; // tile SSA names
        QStringList consumers;
        int line = 0;
    };
    struct Core {
        QString tile;
        int line = 0;
    };
    struct HostArgument {
        QString name;
        QString type;
        qint64 bytes = -1;
    };
    struct RuntimeSequence {
        QString name; // "sequence" for func.func @sequence, empty for an unnamed aiex.runtime_sequence
        QString syntax; // the op as written: "func.func", "aiex.runtime_sequence", "aie.runtime_sequence"
        QList<HostArgument> arguments;
        int line = 0;
    };

    QString device; // "npu1", "npu1_4col", "npu2", ...; empty if none was found
    int deviceLine = 0;
    QList<Tile> tiles;
    QList<Buffer> buffers;
    QList<ObjectFifo> objectFifos;
    QList<Core> cores;
    std::optional<RuntimeSequence> runtimeSequence;

    static MlirDesign parse(const QString& text);
    // nullopt with *error naming the file when it cannot be read.
    static std::optional<MlirDesign> read(const QString& path, QString* error);

    // By SSA name, the first declaration; a hash lookup (a linear search per buffer made big designs quadratic).
    const Tile* tile(const QString& name) const;
    // npu1 and npu2 alike: row 0 shim, row 1 mem tile, rows 2-5 compute.
    static TileKind tileKind(int row);
    static QString tileKindName(TileKind kind);
    // Static byte size of "memref<64x64xi32>", -1 for dynamic shapes or unknown element types, for a negative
    // dimension and for a size beyond 2^63 - 1 bytes (never wrapped); *problem says which.
    static qint64 memrefBytes(const QString& type, SizeProblem* problem = nullptr);

private:
    QHash<QString, qsizetype> m_tileIndex; // name -> index in tiles, built by parse()
    qsizetype m_indexedTiles = 0; // tiles.size() when the index was built: a design changed since is searched
};

} // namespace xi
