// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace xi {

struct ParseBenchEntry {
    QString file;
    quint64 bytes = 0;
    double us = -1; // median of our read + group IDs, microseconds
    int repeats = 0;
    QString error; // our reader's error, if it failed
    std::optional<double> xrtUs; // median of xrt::xclbin(path), when asked
    int xrtRepeats = 0;
    // xrt::xclbin(path) and then everything our reader decodes that XRT exposes: kernels, arguments,
    // compute units with their argument connections, memories (XRT parses those on first use).
    std::optional<double> xrtFullUs;
    QString xrtError; // XRT's exception text, if it threw

    QJsonObject
    toJson() const; // {"file", "bytes", "us", "repeats", "xrt_us", "xrt_full_us", "xrt_repeats", "error", "xrt_error"}
};

struct ParseBenchOptions {
    bool xrt = false; // also time Debian XRT's xrt::xclbin(path) constructor
    int minRepeats = 5;
    int maxRepeats = 200;
    double budgetMs = 400; // per file and parser: repeat until this is spent (at least minRepeats)
};

// `bench parse`: how long XclbinReader::read plus ArgumentGroups::computeAll take per file (median of
// repeated in-process parses), next to XRT's own parser when asked.
class ParseBench {
public:
    static ParseBenchEntry measure(const QString& path, const ParseBenchOptions& options = {});
    static QJsonArray toJson(const QList<ParseBenchEntry>& entries);
    static QString table(const QList<ParseBenchEntry>& entries);

    // Writes a valid .xclbin of about sizeMb MiB: the header and sections of `source`, plus a BITSTREAM section
    // of filler placed before them, so that a reader must skip it to reach the metadata. Refuses to replace an
    // existing file. Returns false with *error set on failure.
    static bool generateLarge(const QString& source, const QString& output, quint64 sizeMb, QString* error);
};

} // namespace xi
