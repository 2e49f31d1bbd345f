// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/reportimages.h"

#include "util/pngwriter.h"

#include <algorithm>

namespace xi {

namespace {

struct Canvas {
    int width;
    int height;
    QByteArray rgb;

    Canvas(int w, int h, quint8 fill)
        : width(w)
        , height(h)
        , rgb(qsizetype(w) * h * 3, char(fill))
    {
    }
    void set(int x, int y, const quint8* c)
    {
        if (x < 0 || y < 0 || x >= width || y >= height)
            return;
        std::copy(c, c + 3, reinterpret_cast<quint8*>(rgb.data()) + (qsizetype(y) * width + x) * 3);
    }
    void frame(int thickness, const quint8* c)
    {
        for (int t = 0; t < thickness; ++t) {
            for (int x = 0; x < width; ++x) {
                set(x, t, c);
                set(x, height - 1 - t, c);
            }
            for (int y = 0; y < height; ++y) {
                set(t, y, c);
                set(width - 1 - t, y, c);
            }
        }
    }
};

constexpr quint8 Grey[3] = { 0x99, 0x99, 0x99 };
constexpr quint8 Red[3] = { 0xc6, 0x28, 0x28 };
constexpr quint8 LightRed[3] = { 0xf3, 0xb0, 0xb0 };
constexpr quint8 Bar[3] = { 0x26, 0x4d, 0x8c };

} // namespace

QByteArray ReportImages::heatmap(const MatrixF& m, int targetPixels)
{
    const int cell = PngWriter::cellSizeFor(m, targetPixels);
    const int border = 2;
    Canvas canvas(int(m.cols()) * cell + 2 * border, int(m.rows()) * cell + 2 * border, 0xff);
    const double limit = m.size() ? double(m.cwiseAbs().maxCoeff()) : 0.0;
    for (int r = 0; r < m.rows(); ++r) {
        for (int c = 0; c < m.cols(); ++c) {
            quint8 px[3];
            PngWriter::colour(double(m(r, c)), limit, px);
            for (int y = 0; y < cell; ++y) {
                for (int x = 0; x < cell; ++x)
                    canvas.set(border + c * cell + x, border + r * cell + y, px);
            }
        }
    }
    const bool allZero = m.size() > 0 && limit == 0.0;
    if (allZero) {
        constexpr int Spacing = 10;
        for (int y = 0; y < canvas.height; ++y) {
            for (int x = 0; x < canvas.width; ++x) {
                if ((x + y) % Spacing < 2)
                    canvas.set(x, y, LightRed);
            }
        }
        canvas.frame(4, Red);
    } else {
        canvas.frame(1, Grey);
    }
    return PngWriter::encodeRgb(canvas.width, canvas.height, canvas.rgb);
}

QByteArray ReportImages::histogram(const AttentionMetrics& metrics, int width, int height)
{
    Canvas canvas(width, height, 0xff);
    const QList<qint64>& bins = metrics.histogram;
    const qint64 peak = bins.isEmpty() ? 0 : *std::max_element(bins.cbegin(), bins.cend());
    const double barWidth = bins.isEmpty() ? 0 : double(width) / double(bins.size());
    for (qsizetype i = 0; i < bins.size(); ++i) {
        const int h = peak > 0 ? int(double(bins.at(i)) / double(peak) * (height - 2)) : 0;
        const int x0 = int(double(i) * barWidth);
        const int x1 = std::max(x0 + 1, int(double(i + 1) * barWidth) - 1);
        for (int x = x0; x < x1; ++x) {
            for (int y = height - 1 - h; y < height - 1; ++y)
                canvas.set(x, y, Bar);
        }
    }
    for (int x = 0; x < width; ++x)
        canvas.set(x, height - 1, Grey);
    return PngWriter::encodeRgb(canvas.width, canvas.height, canvas.rgb);
}

} // namespace xi
