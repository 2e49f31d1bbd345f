// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/pngwriter.h"

#include "util/safefilewriter.h"

#include <QtEndian>

#include <algorithm>
#include <array>
#include <cmath>

namespace xi {

namespace {

quint32 crc32(const QByteArray& bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (char b : bytes)
        c = table[(c ^ quint8(b)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void appendU32(QByteArray& out, quint32 v)
{
    const quint32 be = qToBigEndian(v);
    out.append(reinterpret_cast<const char*>(&be), 4);
}

void appendChunk(QByteArray& out, const char* type, const QByteArray& data)
{
    appendU32(out, quint32(data.size()));
    const QByteArray typed = QByteArray(type, 4) + data;
    out.append(typed);
    appendU32(out, crc32(typed));
}

} // namespace

QByteArray PngWriter::encodeRgb(int width, int height, const QByteArray& rgb)
{
    QByteArray raw;
    raw.reserve(qsizetype(height) * (1 + 3 * width));
    for (int y = 0; y < height; ++y) {
        raw.append(char(0)); // filter: none
        raw.append(rgb.constData() + qsizetype(y) * 3 * width, 3 * width);
    }
    QByteArray ihdr;
    appendU32(ihdr, quint32(width));
    appendU32(ihdr, quint32(height));
    ihdr.append(char(8)); // bit depth
    ihdr.append(char(2)); // colour type RGB
    ihdr.append(3, char(0)); // compression, filter, interlace
    QByteArray out("\x89PNG\r\n\x1a\n", 8);
    appendChunk(out, "IHDR", ihdr);
    // qCompress = 4-byte big-endian length + a zlib stream: IDAT wants the zlib stream.
    appendChunk(out, "IDAT", qCompress(raw, 6).mid(4));
    appendChunk(out, "IEND", {});
    return out;
}

void PngWriter::colour(double value, double limit, quint8* rgb)
{
    const double t = limit > 0 ? std::clamp(value / limit, -1.0, 1.0) : 0.0;
    // Blue (59, 76, 192) - white - red (180, 4, 38).
    const double lo[3] = { 59, 76, 192 };
    const double hi[3] = { 180, 4, 38 };
    for (int c = 0; c < 3; ++c) {
        const double end = t < 0 ? lo[c] : hi[c];
        rgb[c] = quint8(std::lround(255 + (end - 255) * std::abs(t)));
    }
}

QByteArray PngWriter::heatmap(const MatrixF& m, int cellSize, double limit)
{
    cellSize = std::max(1, cellSize);
    if (limit <= 0 && m.size() > 0)
        limit = double(m.cwiseAbs().maxCoeff());
    const int width = int(m.cols()) * cellSize;
    const int height = int(m.rows()) * cellSize;
    QByteArray rgb(qsizetype(width) * height * 3, Qt::Uninitialized);
    for (int r = 0; r < m.rows(); ++r) {
        quint8* row = reinterpret_cast<quint8*>(rgb.data()) + qsizetype(r) * cellSize * width * 3;
        for (int c = 0; c < m.cols(); ++c) {
            quint8 px[3];
            colour(double(m(r, c)), limit, px);
            for (int x = 0; x < cellSize; ++x)
                std::copy(px, px + 3, row + (qsizetype(c) * cellSize + x) * 3);
        }
        for (int y = 1; y < cellSize; ++y)
            std::copy(row, row + qsizetype(width) * 3, row + qsizetype(y) * width * 3);
    }
    return encodeRgb(width, height, rgb);
}

bool PngWriter::writeHeatmap(const QString& path, const MatrixF& m, int cellSize, QString* error)
{
    return SafeFileWriter::write(path, heatmap(m, cellSize), error);
}

int PngWriter::cellSizeFor(const MatrixF& m, int targetPixels)
{
    const Eigen::Index side = std::max(m.rows(), m.cols());
    return side > 0 ? std::max(1, int(targetPixels / side)) : 1;
}

} // namespace xi
