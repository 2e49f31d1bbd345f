// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instructions/npustream.h"

#include <QWidget>

#include <memory>

namespace xi {

// One bar per XRT argument the stream moves: the byte ranges its transfers touch in the host buffer, coloured by
// direction (read by the NPU / written by the NPU), to the scale of the largest buffer, with what the NPU does
// with it in words ("NPU writes 4096 B").
class NpuArgumentBars : public QWidget {
    Q_OBJECT
public:
    explicit NpuArgumentBars(QWidget* parent = nullptr);

    void setStream(std::shared_ptr<const NpuStream> stream);
    // "XRT 4: NPU writes 4096 B (4096 B moved in 1 push)", one line per argument.
    QStringList lines() const;
    static QString describe(const NpuArgument& argument);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int rowHeight() const;

    std::shared_ptr<const NpuStream> m_stream;
};

} // namespace xi
