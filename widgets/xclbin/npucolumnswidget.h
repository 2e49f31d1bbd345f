// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

namespace xi {

// The NPU's columns with one row per allowed start column: which columns the design may land on.
class NpuColumnsWidget : public QWidget {
    Q_OBJECT
public:
    explicit NpuColumnsWidget(QWidget* parent = nullptr);

    void setPartition(int columnWidth, const QList<quint16>& startColumns);
    int totalColumns() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int m_width = 0;
    QList<quint16> m_starts;
};

} // namespace xi
