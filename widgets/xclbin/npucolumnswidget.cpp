// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/npucolumnswidget.h"

#include <QPainter>

namespace xi {

namespace {
constexpr int CellWidth = 56;
constexpr int RowHeight = 30;
constexpr int LabelWidth = 130;
constexpr int HeaderHeight = 24;
constexpr int MinimumColumns = 4; // npu1 has 4 usable columns, npu2 8
} // namespace

NpuColumnsWidget::NpuColumnsWidget(QWidget* parent)
    : QWidget(parent)
{
    setToolTip(tr("The NPU's columns: each row is one start column the driver may place the design at; filled "
                  "cells are the columns it then occupies"));
}

void NpuColumnsWidget::setPartition(int columnWidth, const QList<quint16>& startColumns)
{
    m_width = columnWidth;
    m_starts = startColumns;
    resize(sizeHint());
    updateGeometry();
    update();
}

int NpuColumnsWidget::totalColumns() const
{
    int total = MinimumColumns;
    for (quint16 start : m_starts)
        total = qMax(total, int(start) + m_width);
    return total;
}

QSize NpuColumnsWidget::sizeHint() const
{
    return { LabelWidth + totalColumns() * CellWidth + 8,
             HeaderHeight + qMax(1, int(m_starts.size())) * RowHeight + 8 };
}

QSize NpuColumnsWidget::minimumSizeHint() const
{
    return sizeHint();
}

void NpuColumnsWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.setPen(pal.color(QPalette::Text));
    const int columns = totalColumns();
    for (int c = 0; c < columns; ++c) {
        p.drawText(QRect(LabelWidth + c * CellWidth, 0, CellWidth, HeaderHeight), Qt::AlignCenter, tr("col %1").arg(c));
    }
    if (m_starts.isEmpty()) {
        p.drawText(QRect(0, HeaderHeight, width(), RowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("No start columns listed"));
        return;
    }
    for (int r = 0; r < m_starts.size(); ++r) {
        const int y = HeaderHeight + r * RowHeight;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(0, y, LabelWidth - 6, RowHeight), Qt::AlignRight | Qt::AlignVCenter,
                   tr("start at %1").arg(m_starts[r]));
        for (int c = 0; c < columns; ++c) {
            const QRect cell(LabelWidth + c * CellWidth + 2, y + 3, CellWidth - 4, RowHeight - 6);
            const bool used = c >= m_starts[r] && c < m_starts[r] + m_width;
            p.setPen(QPen(pal.color(QPalette::Mid), 1));
            p.setBrush(used ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base));
            p.drawRoundedRect(cell, 4, 4);
        }
    }
}

} // namespace xi
