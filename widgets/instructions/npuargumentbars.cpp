// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/instructions/npuargumentbars.h"

#include <QPainter>

#include <algorithm>

namespace xi {

namespace {

// Direction colours that read in both themes and differ for colour-blind readers (blue / orange).
QColor readColor()
{
    return QColor(0x1f, 0x77, 0xb4);
}
QColor writeColor()
{
    return QColor(0xe6, 0x7e, 0x22);
}

} // namespace

NpuArgumentBars::NpuArgumentBars(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Bytes each XRT argument's transfers touch"));
}

void NpuArgumentBars::setStream(std::shared_ptr<const NpuStream> stream)
{
    m_stream = std::move(stream);
    updateGeometry();
    update();
}

QString NpuArgumentBars::describe(const NpuArgument& a)
{
    const QString what = a.read && a.written ? tr("NPU reads and writes %1 B")
        : a.written                          ? tr("NPU writes %1 B")
                                             : tr("NPU reads %1 B");
    return tr("XRT %1: %2 (%3 B moved in %4 push(es))")
        .arg(a.xrtArgument)
        .arg(what.arg(a.minBytes))
        .arg(a.bytesMoved)
        .arg(a.pushes);
}

QStringList NpuArgumentBars::lines() const
{
    QStringList out;
    if (m_stream) {
        for (const NpuArgument& a : m_stream->arguments)
            out << describe(a);
    }
    return out;
}

int NpuArgumentBars::rowHeight() const
{
    return fontMetrics().height() * 2 + 8;
}

QSize NpuArgumentBars::sizeHint() const
{
    const int rows = m_stream ? int(m_stream->arguments.size()) : 0;
    return { 600, qMax(1, rows) * rowHeight() + fontMetrics().height() + 8 };
}

QSize NpuArgumentBars::minimumSizeHint() const
{
    return { 300, sizeHint().height() };
}

void NpuArgumentBars::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics fm = fontMetrics();
    if (!m_stream || m_stream->arguments.isEmpty()) {
        p.drawText(rect(), Qt::AlignCenter,
                   m_stream ? tr("The stream moves no host buffer.") : tr("No instruction stream."));
        return;
    }
    quint64 scale = 1;
    for (const NpuArgument& a : m_stream->arguments)
        scale = std::max(scale, a.minBytes);
    const int labelWidth = fm.horizontalAdvance(tr("XRT 00")) + 8;
    const int left = labelWidth;
    const int width = qMax(50, this->width() - left - 8);
    int y = 4;
    for (const NpuArgument& a : m_stream->arguments) {
        const int barTop = y + fm.height() + 2;
        const int barHeight = rowHeight() - fm.height() - 8;
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(0, barTop, labelWidth - 4, barHeight), Qt::AlignRight | Qt::AlignVCenter,
                   tr("XRT %1").arg(a.xrtArgument));
        p.drawText(QRect(left, y, width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(describe(a), Qt::ElideRight, width));
        const QRect track(left, barTop, int(double(width) * double(a.minBytes) / double(scale)), barHeight);
        p.fillRect(track, palette().color(QPalette::AlternateBase));
        for (const NpuTransfer& t : m_stream->transfers) {
            if (t.xrtArgument != a.xrtArgument || t.extent.end <= t.extent.first)
                continue;
            const int x0 = left + int(double(width) * double(t.extent.first) / double(scale));
            const int x1 = left + int(double(width) * double(t.extent.end) / double(scale));
            QColor c = t.toNpu() ? readColor() : writeColor();
            c.setAlpha(170);
            p.fillRect(QRect(x0, barTop, qMax(1, x1 - x0), barHeight), c);
        }
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(track.adjusted(0, 0, -1, -1));
        y += rowHeight();
    }
    // Legend.
    int x = left;
    for (const auto& [color, text] : { std::pair { readColor(), tr("read by the NPU (host -> NPU)") },
                                       std::pair { writeColor(), tr("written by the NPU (NPU -> host)") } }) {
        QColor swatch = color;
        swatch.setAlpha(170); // as the bars draw it
        p.fillRect(QRect(x, y + 2, fm.height() - 4, fm.height() - 4), swatch);
        x += fm.height();
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QPoint(x, y + fm.ascent()), text);
        x += fm.horizontalAdvance(text) + 16;
    }
}

} // namespace xi
