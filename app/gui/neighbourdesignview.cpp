// SPDX-License-Identifier: GPL-3.0-or-later
#include "neighbourdesignview.h"

#include "widgets/mlir/mlirdesignview.h"
#include "workflow/buildoutputs.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace xi {

NeighbourDesignView::NeighbourDesignView(QWidget* parent)
    : QWidget(parent)
    , m_view(new MlirDesignView(this))
    , m_where(new QLabel(this))
    , m_open(new QPushButton(tr("Open design tab"), this))
{
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_open->setToolTip(tr("Open the design in its own tab: recompile it, run the fix workflows, write the bug report"));
    m_open->setEnabled(false);
    auto top = new QHBoxLayout;
    top->addWidget(m_where, 1);
    top->addWidget(m_open);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_view->hasDesign())
            emit openDesignRequested(m_view->path());
    });
}

void NeighbourDesignView::setXclbin(XclbinPtr xclbin)
{
    const QString xclbinPath = xclbin ? xclbin->filePath : QString();
    const QString design = xclbinPath.isEmpty() ? QString() : BuildOutputs::designNextTo(xclbinPath);
    m_view->setXclbin(xclbin);
    if (design.isEmpty()) {
        const QString base = QFileInfo(xclbinPath).completeBaseName();
        m_view->clear(tr("No mlir-aie design next to %1: looked for %2.mlir beside it and in its parent folder, and "
                         "for a single .mlir beside it. Open a design with File > Open.")
                          .arg(QFileInfo(xclbinPath).fileName(), base));
        m_where->clear();
        m_open->setEnabled(false);
        return;
    }
    QString error;
    const bool ok = m_view->loadFile(design, &error);
    m_where->setText(ok ? tr("The design next to this xclbin: %1").arg(design) : error);
    m_open->setEnabled(ok);
}

QString NeighbourDesignView::designPath() const
{
    return m_view->path();
}

} // namespace xi
