// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/issues/issuesview.h"

#include "widgets/common/findbar.h"
#include "widgets/common/tablecopy.h"
#include "widgets/common/tableviewfactory.h"
#include "widgets/issues/issuesfiltermodel.h"
#include "widgets/issues/issuesmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace xi {

IssuesView::IssuesView(IssuesModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new IssuesFilterModel(this))
    , m_severity(new QComboBox(this))
    , m_find(nullptr)
    , m_table(createTableView(m_proxy, this,
                              tr("Findings about the open file; double-click one about an argument to show it")))
{
    m_proxy->setSourceModel(m_model);
    m_find = new FindBar(m_proxy, this);
    m_severity->addItems({ tr("Errors only"), tr("Errors and warnings"), tr("Everything") });
    m_severity->setCurrentIndex(2);
    m_severity->setToolTip(tr("Which severities to list"));
    m_table->setWordWrap(true);

    auto top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show:"), this));
    top->addWidget(m_severity);
    top->addWidget(m_find, 1);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_table);

    connect(m_severity, &QComboBox::currentIndexChanged, m_proxy, &IssuesFilterModel::setMaximumSeverity);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) { activateRow(index.row()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_table->resizeColumnsToContents();
        m_table->resizeRowsToContents();
    });
}

void IssuesView::activateRow(int proxyRow)
{
    const QModelIndex index = m_proxy->index(proxyRow, 0);
    const int argument = index.data(IssuesModel::ArgumentIndexRole).toInt();
    if (index.isValid() && argument >= 0)
        emit argumentActivated(index.data(IssuesModel::KernelNameRole).toString(), argument);
}

} // namespace xi
