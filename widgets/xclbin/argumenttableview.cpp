// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/argumenttableview.h"

#include "widgets/common/findbar.h"
#include "widgets/common/tablecopy.h"
#include "widgets/xclbin/argumentdetails.h"
#include "widgets/xclbin/argumenttablemodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace xi {

namespace {
constexpr int MaxSlot = 8;
}

QList<SlotMode> ArgumentTableView::slotModes()
{
    QList<SlotMode> modes;
    for (int slot = 1; slot <= MaxSlot; ++slot)
        modes.append(SlotMode { slot, false });
    modes.append(SlotMode::xrt213());
    return modes;
}

ArgumentTableView::ArgumentTableView(ArgumentTableModel* model, QItemSelectionModel* sharedSelection, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_shared(sharedSelection)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_slot(new QComboBox(this))
    , m_slotHelp(new QLabel(this))
    , m_convention(new QLabel(this))
    , m_find(new FindBar(m_proxy, this))
    , m_details(new ArgumentDetails(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ArgumentTableModel::SortRole);

    for (const SlotMode& mode : slotModes()) {
        m_slot->addItem(mode.legacyXrt213 ? tr("XRT 2.13: no slot") : tr("Slot %1").arg(mode.slot));
        m_slot->setItemData(m_slot->count() - 1, mode.describe(), Qt::ToolTipRole);
    }
    m_slot->setToolTip(tr("Which hardware context the numbers are for: slot 1 is the first xrt::hw_context a process "
                          "creates, slot 2 the second, ...; XRT 2.13 has no slot field"));
    m_slotHelp->setWordWrap(true);
    m_slotHelp->setText(tr("A <b>slot</b> is the hardware context the kernel runs in (1 for the first "
                           "<code>xrt::hw_context</code> of a process, 2 for the second). XRT puts it in bits 16-23 "
                           "of every group ID: 0x2FFFF is slot 2, no memory &mdash; not a broken bank."));
    m_slotHelp->setToolTip(tr("The slot cannot be judged from the file; the bank (bits 0-15) can"));
    m_convention->setToolTip(tr("Calling convention detected from the kernel's own argument list"));
    m_convention->setWordWrap(true);

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setToolTip(tr("Every kernel argument with the group ID XRT reports; hover a row for the reason"));
    m_table->setAccessibleName(tr("Kernel arguments and group IDs"));
    m_slot->setAccessibleName(tr("Group IDs for the hardware-context slot"));
    TableCopy::install(m_table);

    auto top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Group IDs for:"), this));
    top->addWidget(m_slot);
    top->addWidget(m_find, 1);
    auto left = new QWidget(this);
    auto leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(top);
    leftLayout->addWidget(m_slotHelp);
    leftLayout->addWidget(m_convention);
    leftLayout->addWidget(m_table, 1);
    auto splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("argumentSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 900, 420 });
    // The split between table and details is part of the saved layout (MainWindow/version guards its format).
    const QString splitterKey = QStringLiteral("ArgumentTable/splitter");
    splitter->restoreState(QSettings().value(splitterKey).toByteArray());
    connect(splitter, &QSplitter::splitterMoved, this,
            [splitter, splitterKey] { QSettings().setValue(splitterKey, splitter->saveState()); });
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_slot, &QComboBox::currentIndexChanged, this, [this](int index) {
        const SlotMode mode = slotModes().value(index);
        m_model->setSlotMode(mode);
        updateDetails();
        emit slotModeChanged(mode);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ArgumentTableView::onTableSelectionChanged);
    connect(m_shared, &QItemSelectionModel::selectionChanged, this, &ArgumentTableView::onSharedSelectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        resizeColumns();
        updateDetails();
    });
    resizeColumns();
    onSharedSelectionChanged(); // a row chosen before this view was made (the first finding) shows at once
}

void ArgumentTableView::setSlotMode(SlotMode mode)
{
    const QList<SlotMode> modes = slotModes();
    for (int i = 0; i < modes.size(); ++i) {
        if (modes[i].legacyXrt213 == mode.legacyXrt213 && (mode.legacyXrt213 || modes[i].slot == mode.slot))
            m_slot->setCurrentIndex(i);
    }
}

void ArgumentTableView::selectArgument(const QString& kernelName, int argumentIndex)
{
    const int row = m_model->rowOf(kernelName, argumentIndex);
    if (row < 0)
        return;
    m_find->setText(QString());
    m_shared->select(m_model->index(row, 0),
                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows | QItemSelectionModel::Current);
    m_table->scrollTo(m_proxy->mapFromSource(m_model->index(row, 0)));
}

void ArgumentTableView::onTableSelectionChanged()
{
    if (m_syncing)
        return;
    m_syncing = true;
    QItemSelection source = m_proxy->mapSelectionToSource(m_table->selectionModel()->selection());
    m_shared->select(source, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QModelIndex current = m_proxy->mapToSource(m_table->selectionModel()->currentIndex());
    m_shared->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    m_syncing = false;
    updateDetails();
}

void ArgumentTableView::onSharedSelectionChanged()
{
    if (m_syncing)
        return;
    m_syncing = true;
    const QItemSelection mapped = m_proxy->mapSelectionFromSource(m_shared->selection());
    m_table->selectionModel()->select(mapped, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!mapped.isEmpty())
        m_table->scrollTo(mapped.first().topLeft());
    m_syncing = false;
    updateDetails();
}

void ArgumentTableView::updateDetails()
{
    QString convention;
    for (const KernelGroups& k : m_model->kernels()) {
        convention
            += tr("%1: %2 convention (%3). ").arg(k.kernelName, conventionName(k.convention), k.conventionReason);
    }
    m_convention->setText(convention.trimmed());
    m_convention->setVisible(!convention.isEmpty());

    const QModelIndexList rows = m_shared->selectedRows();
    const int row = rows.isEmpty() ? -1 : rows.first().row();
    const ArgumentGroup* arg = m_model->argumentOfRow(row);
    if (!arg || !m_model->xclbin()) {
        m_details->clearArgument();
        return;
    }
    m_details->showArgument(*m_model->xclbin(), *m_model->kernelOfRow(row), *arg, m_model->slotMode(),
                            m_model->streamText(row));
}

void ArgumentTableView::resizeColumns()
{
    // With a single kernel its name on every row only pushes the group IDs out of sight.
    m_table->setColumnHidden(ArgumentTableModel::KernelColumn, m_model->kernels().size() <= 1);
    // No stream next to the file: an empty column says nothing.
    m_table->setColumnHidden(ArgumentTableModel::StreamColumn, !m_model->stream());
    m_table->resizeColumnsToContents();
    // The reason is a sentence: wide enough to read its start, the whole of it in the details and the tooltip.
    const int reasonWidth = fontMetrics().horizontalAdvance(QLatin1Char('x')) * 44;
    if (m_table->columnWidth(ArgumentTableModel::ReasonColumn) > reasonWidth)
        m_table->setColumnWidth(ArgumentTableModel::ReasonColumn, reasonWidth);
}

void ArgumentTableView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_model->setPalette(palette());
        updateDetails();
    }
    QWidget::changeEvent(event);
}

} // namespace xi
