// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbin.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace xi {

class MlirDesignView;

// The "Design" view of an open xclbin: the mlir-aie design found next to it (BuildOutputs::designNextTo), its host
// buffers checked against this xclbin's kernel, and a button that opens it as a design tab (recompile, fixes).
class NeighbourDesignView : public QWidget {
    Q_OBJECT
public:
    explicit NeighbourDesignView(QWidget* parent = nullptr);

    void setXclbin(XclbinPtr xclbin);
    QString designPath() const;
    MlirDesignView* view() const { return m_view; }
    QPushButton* openButton() const { return m_open; }

Q_SIGNALS:
    void openDesignRequested(const QString& path);

private:
    MlirDesignView* m_view;
    QLabel* m_where;
    QPushButton* m_open;
};

} // namespace xi
