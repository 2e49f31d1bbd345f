// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/partitionview.h"

#include "util/textformat.h"
#include "widgets/common/keyvaluemodel.h"
#include "widgets/common/tablecopy.h"
#include "widgets/common/tableviewfactory.h"
#include "widgets/xclbin/npucolumnswidget.h"
#include "xclbin/xclbinerror.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace xi {

namespace {

constexpr quint64 PlaceholderScanLimit = 1024 * 1024;

QStandardItem* item(const QString& text, const QString& toolTip = {})
{
    auto i = new QStandardItem(text);
    i->setEditable(false);
    i->setToolTip(toolTip.isEmpty() ? text : toolTip);
    return i;
}

QString joinIds(const QList<quint64>& ids)
{
    QStringList parts;
    for (quint64 id : ids)
        parts << hexUpper(id);
    return parts.join(QStringLiteral(", "));
}

} // namespace

PartitionView::PartitionView(QWidget* parent)
    : QWidget(parent)
    , m_properties(new KeyValueModel(this))
    , m_pdis(new QStandardItemModel(this))
    , m_empty(new QLabel(this))
    , m_propertyTable(createTableView(m_properties, this, tr("Fields of the AIE_PARTITION section")))
    , m_columns(new NpuColumnsWidget(this))
    , m_tree(new QTreeView(this))
{
    m_empty->setWordWrap(true);
    m_tree->setModel(m_pdis);
    m_tree->setToolTip(tr("PDIs (partition images) with their cdo groups and the kernel ids each group runs"));
    m_tree->setUniformRowHeights(true);
    TableCopy::install(m_tree);
    auto columnsArea = new QScrollArea(this);
    columnsArea->setAccessibleName(tr("Columns of the AIE partition"));
    columnsArea->setWidget(m_columns);
    columnsArea->setWidgetResizable(false);
    columnsArea->setFrameShape(QFrame::NoFrame);

    auto columnsBox = new QWidget(this);
    auto columnsLayout = new QVBoxLayout(columnsBox);
    columnsLayout->setContentsMargins(0, 0, 0, 0);
    columnsLayout->addWidget(new QLabel(tr("<b>Columns the design may land on</b>"), this));
    columnsLayout->addWidget(columnsArea, 1);
    auto top = new QHBoxLayout;
    top->addWidget(m_propertyTable, 1);
    top->addWidget(columnsBox, 1);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_empty);
    layout->addLayout(top, 1);
    layout->addWidget(new QLabel(tr("<b>PDIs and cdo groups</b>"), this));
    layout->addWidget(m_tree, 2);
}

bool PartitionView::isPlaceholder(const Xclbin& xclbin, const PdiEntry& pdi)
{
    if (pdi.imageSize == 0)
        return true;
    try {
        const QByteArray bytes = xclbin.readBytes(pdi.imageOffset, qMin(pdi.imageSize, PlaceholderScanLimit));
        // The demo files carry a text that says what it is where aiecc's device image would be.
        if (bytes.startsWith("XI-PLACEHOLDER-PDI"))
            return true;
        for (char c : bytes) {
            if (c != 0)
                return false;
        }
        return pdi.imageSize <= PlaceholderScanLimit;
    } catch (const XclbinException&) {
        return false;
    }
}

void PartitionView::setXclbin(const XclbinPtr& xclbin)
{
    m_pdis->clear();
    m_properties->setEntries({});
    const bool has = xclbin && xclbin->aiePartition.has_value();
    m_empty->setVisible(!has);
    m_empty->setText(tr("This file has no AIE_PARTITION section (it is not an NPU design)."));
    if (!has) {
        m_columns->setPartition(0, {});
        return;
    }
    const AiePartition& p = *xclbin->aiePartition;
    QStringList starts;
    for (quint16 s : p.startColumns)
        starts << QString::number(s);
    m_properties->setEntries({
        { tr("Name"), p.name, {} },
        { tr("Schema version"), QString::number(p.schemaVersion), {} },
        { tr("Column width"), QString::number(p.columnWidth), tr("Number of NPU columns the design occupies") },
        { tr("Start columns"), starts.join(QStringLiteral(", ")), tr("Columns the driver may start the design at") },
        { tr("Operations per cycle"), QString::number(p.operationsPerCycle), {} },
        { tr("Inference fingerprint"), hexUpper(p.inferenceFingerprint), {} },
        { tr("Pre/post fingerprint"), hexUpper(p.prePostFingerprint), {} },
        { tr("Kernel commit id"), p.kernelCommitId, {} },
        { tr("PDIs"), QString::number(p.pdis.size()), {} },
    });
    m_propertyTable->resizeColumnToContents(0);
    m_propertyTable->resizeRowsToContents();
    m_columns->setPartition(p.columnWidth, p.startColumns);
    fillPdis(*xclbin, p);
}

void PartitionView::fillPdis(const Xclbin& xclbin, const AiePartition& partition)
{
    m_pdis->setHorizontalHeaderLabels(
        { tr("PDI / cdo group"), tr("UUID / type"), tr("Size / PDI id"), tr("Offset / kernel ids"), tr("Pre-groups") });
    for (int i = 0; i < partition.pdis.size(); ++i) {
        const PdiEntry& pdi = partition.pdis[i];
        const bool placeholder = isPlaceholder(xclbin, pdi);
        QString label = tr("PDI %1").arg(i);
        if (placeholder)
            label += tr(" (placeholder)");
        QList<QStandardItem*> row { item(label,
                                         placeholder ? tr("A placeholder image: empty or all zero bytes, not a real "
                                                          "device image")
                                                     : tr("Partition device image %1").arg(i)),
                                    item(pdi.uuid.toString(QUuid::WithoutBraces)),
                                    item(tr("%1 bytes").arg(pdi.imageSize)),
                                    item(hexUpper(pdi.imageOffset), tr("File offset of the image")), item(QString()) };
        for (const CdoGroup& g : pdi.cdoGroups) {
            row.first()->appendRow({ item(g.name, tr("cdo group %1").arg(g.name)), item(g.typeName()),
                                     item(hexUpper(g.pdiId), tr("PDI id")),
                                     item(joinIds(g.kernelIds), tr("DPU kernel ids this group runs")),
                                     item(joinIds(g.preCdoGroups), tr("cdo groups that must run before")) });
        }
        m_pdis->appendRow(row);
    }
    m_tree->expandAll();
    for (int c = 0; c < m_pdis->columnCount(); ++c)
        m_tree->resizeColumnToContents(c);
}

} // namespace xi
