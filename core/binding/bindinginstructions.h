// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace xi {

// An NPU instruction stream as the host loads it: 32-bit words, from a binary little-endian file or from
// text with one hex word per line (Riallto's .seq, older ipu_insts.txt). The content decides, not the name.
struct BindingInstructions {
    enum class Format { Binary, HexText };

    QString path;
    Format format = Format::Binary;
    QList<quint32> words;

    int wordCount() const { return int(words.size()); }
    quint64 byteCount() const { return quint64(words.size()) * 4; } // what the instruction BO must hold
    // mlir-aie transaction streams start with 0x06030100 (rows 6, devGen 3, minor 1, major 0).
    bool isMlirAieStream() const { return !words.isEmpty() && words.first() == 0x06030100u; }
    QString formatName() const; // "binary", "hex text"

    static std::optional<BindingInstructions> parse(const QByteArray& bytes, const QString& path, QString* error);
    // A clear error naming the file (and the line for hex text) when it cannot be read.
    static std::optional<BindingInstructions> load(const QString& path, QString* error = nullptr);
};

} // namespace xi
