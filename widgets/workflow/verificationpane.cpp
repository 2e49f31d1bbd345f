// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workflow/verificationpane.h"

#include "widgets/common/tableviewfactory.h"
#include "widgets/workflow/verificationmodel.h"

#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace xi {

VerificationPane::VerificationPane(const QString& tableToolTip, QWidget* parent)
    : QWidget(parent)
    , m_model(new VerificationModel(this))
    , m_table(createTableView(m_model, this, tableToolTip))
    , m_conclusion(new QLabel(this))
{
    m_conclusion->setWordWrap(true);
    m_conclusion->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_conclusion);
    layout->addWidget(m_table, 1);
    connect(m_model, &QAbstractItemModel::modelReset, m_table, [this] {
        m_table->resizeColumnsToContents();
        m_table->resizeRowsToContents();
    });
}

} // namespace xi
