// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/hexview.h"

#include "widgets/common/tablecopy.h"
#include "widgets/common/tableviewfactory.h"
#include "widgets/xclbin/datainspectormodel.h"
#include "widgets/xclbin/hexmodel.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace xi {

HexView::HexView(QWidget* parent)
    : QWidget(parent)
    , m_model(new HexModel(this))
    , m_inspector(new DataInspectorModel(this))
    , m_table(new QTableView(this))
    , m_inspectorTable(
          createTableView(m_inspector, this, tr("The bytes at the selected position read as little-endian numbers")))
    , m_title(new QLabel(this))
{
    m_table->setModel(m_model);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->setToolTip(tr("Bytes of the selected section; select a byte to read values at it"));
    const QFontMetrics fm(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->horizontalHeader()->setMinimumSectionSize(fm.horizontalAdvance(QStringLiteral("00")) + 8);
    for (int column = HexModel::FirstByteColumn; column < HexModel::AsciiColumn; ++column)
        m_table->setColumnWidth(column, fm.horizontalAdvance(QStringLiteral("00")) + 10);
    m_table->setColumnWidth(HexModel::OffsetColumn, fm.horizontalAdvance(QStringLiteral("00000000")) + 14);
    m_table->setColumnWidth(HexModel::AsciiColumn,
                            fm.horizontalAdvance(QString(HexModel::BytesPerRow, QLatin1Char('M'))) + 14);
    m_table->verticalHeader()->setDefaultSectionSize(fm.height() + 4);
    TableCopy::install(m_table);

    m_inspectorTable->setMinimumWidth(fm.horizontalAdvance(QStringLiteral("float32  -2147483648 (0xffffffff)")) + 20);

    m_title->setToolTip(tr("Section shown in the hex view"));
    auto row = new QHBoxLayout;
    row->addWidget(m_table, 3);
    row->addWidget(m_inspectorTable, 1);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(row);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &HexView::onCurrentChanged);
}

void HexView::setBytes(const QByteArray& bytes, quint64 fileOffset, const QString& title)
{
    m_title->setText(title);
    m_model->setData(bytes, fileOffset);
    m_inspector->setBytes({}, -1);
    if (!bytes.isEmpty())
        selectByte(0);
}

void HexView::selectByte(qint64 position)
{
    const QModelIndex index = m_model->indexOfByte(position);
    if (index.isValid())
        m_table->setCurrentIndex(index);
}

void HexView::onCurrentChanged()
{
    const qint64 position = m_model->byteOffset(m_table->currentIndex());
    if (position < 0) {
        m_inspector->setBytes({}, -1);
        return;
    }
    m_inspector->setBytes(m_model->bytes().mid(position, 8), qint64(m_model->baseOffset()) + position);
}

} // namespace xi
