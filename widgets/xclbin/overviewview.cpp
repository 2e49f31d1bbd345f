// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/overviewview.h"

#include "util/safefilewriter.h"
#include "util/textformat.h"
#include "widgets/common/findbar.h"
#include "widgets/common/keyvaluemodel.h"
#include "widgets/common/tableviewfactory.h"
#include "widgets/xclbin/hexview.h"
#include "widgets/xclbin/sectionmodel.h"
#include "xclbin/sectionjson.h"
#include "xclbin/xclbinerror.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace xi {

namespace {

constexpr quint64 MaxHexBytes = 16 * 1024 * 1024;

QString timestampText(quint64 value)
{
    // Seconds since the epoch when plausible (2000..2100); tools also write nanoseconds or build counters.
    if (value > 946684800ull && value < 4102444800ull)
        return QStringLiteral("%1 (%2)").arg(value).arg(
            QDateTime::fromSecsSinceEpoch(qint64(value), Qt::UTC).toString(Qt::ISODate));
    if (value > 946684800000000000ull && value < 4102444800000000000ull)
        return QStringLiteral("%1 (%2)").arg(value).arg(
            QDateTime::fromSecsSinceEpoch(qint64(value / 1000000000ull), Qt::UTC).toString(Qt::ISODate));
    return QString::number(value);
}

QList<KeyValueModel::Entry> headerEntries(const Xclbin& x)
{
    const AxlfHeader& h = x.header;
    return {
        { QObject::tr("File"), x.filePath, QObject::tr("Path of the loaded file") },
        { QObject::tr("File size"), QObject::tr("%1 bytes").arg(x.fileSize), {} },
        { QObject::tr("Magic"), QString::fromLatin1(h.magic), QObject::tr("xclbin2 for every axlf file") },
        { QObject::tr("Version"), h.version(), QObject::tr("Tool version that wrote the file (major.minor.patch)") },
        { QObject::tr("Mode"), h.modeName(), QObject::tr("axlf mode field: %1").arg(h.mode) },
        { QObject::tr("xclbin UUID"), uuidText(h.xclbinUuid), QObject::tr("What xrt::xclbin::get_uuid() returns") },
        { QObject::tr("Interface UUID"), uuidText(h.interfaceUuid), {} },
        { QObject::tr("Platform"), h.platformVbnv, QObject::tr("Platform VBNV") },
        { QObject::tr("Timestamp"), timestampText(h.timestamp), {} },
        { QObject::tr("Feature ROM timestamp"), timestampText(h.featureRomTimestamp), {} },
        { QObject::tr("Length"), QString::number(h.length),
          h.length == x.fileSize ? QObject::tr("Equals the file size") : QObject::tr("Differs from the file size") },
        { QObject::tr("Signature length"), QString::number(h.signatureLength), QObject::tr("-1 = unsigned") },
        { QObject::tr("Unique ID"), hexUpper(h.uniqueId), {} },
        { QObject::tr("Action mask"), hexUpper(h.actionMask), {} },
        { QObject::tr("Sections"), QString::number(h.sectionCount), {} },
    };
}

} // namespace

OverviewView::OverviewView(QWidget* parent)
    : QWidget(parent)
    , m_header(new KeyValueModel(this))
    , m_sections(new SectionModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_headerTable(createTableView(m_header, this, tr("Header fields of the file")))
    , m_sectionTable(nullptr)
    , m_find(new FindBar(m_proxy, this))
    , m_hex(new HexView(this))
    , m_exportRaw(new QPushButton(tr("Export raw..."), this))
    , m_exportJson(new QPushButton(tr("Export JSON..."), this))
{
    m_proxy->setSourceModel(m_sections);
    m_proxy->setSortRole(SectionModel::SortRole);
    m_sectionTable = createTableView(m_proxy, this, tr("Section table: select a section to see its bytes"));
    m_sectionTable->setSortingEnabled(true);
    m_sectionTable->sortByColumn(-1, Qt::AscendingOrder);
    m_sectionTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_exportRaw->setToolTip(tr("Save the selected section's bytes to a file"));
    m_exportJson->setToolTip(tr("Save the selected section as the JSON xclbinutil --dump-section writes"));

    auto buttons = new QHBoxLayout;
    buttons->addWidget(m_find, 1);
    buttons->addWidget(m_exportRaw);
    buttons->addWidget(m_exportJson);
    auto sectionsBox = new QWidget(this);
    auto sectionsLayout = new QVBoxLayout(sectionsBox);
    sectionsLayout->setContentsMargins(0, 0, 0, 0);
    sectionsLayout->addLayout(buttons);
    sectionsLayout->addWidget(m_sectionTable);

    auto top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_headerTable);
    top->addWidget(sectionsBox);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);
    auto vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(top);
    vertical->addWidget(m_hex);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 1);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(vertical);

    connect(m_sectionTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OverviewView::onSectionChanged);
    connect(m_exportRaw, &QPushButton::clicked, this, [this] { exportInteractively(false); });
    connect(m_exportJson, &QPushButton::clicked, this, [this] { exportInteractively(true); });
}

void OverviewView::setXclbin(XclbinPtr xclbin)
{
    m_xclbin = std::move(xclbin);
    m_header->setEntries(m_xclbin ? headerEntries(*m_xclbin) : QList<KeyValueModel::Entry> {});
    m_sections->setXclbin(m_xclbin);
    m_headerTable->resizeColumnToContents(0);
    m_sectionTable->resizeColumnsToContents();
    m_hex->setBytes({}, 0, {});
    // Start on the first section with bytes to show (a "dummy" BITSTREAM is often empty).
    for (int row = 0; row < m_sections->rowCount(); ++row) {
        if (m_sections->section(row)->size > 0 || row == m_sections->rowCount() - 1) {
            selectSection(row);
            break;
        }
    }
    onSectionChanged();
}

void OverviewView::selectSection(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_sections->index(row, 0));
    m_sectionTable->setCurrentIndex(index);
}

const SectionHeader* OverviewView::currentSection() const
{
    const QModelIndex index = m_proxy->mapToSource(m_sectionTable->currentIndex());
    return index.isValid() ? m_sections->section(index.row()) : nullptr;
}

void OverviewView::onSectionChanged()
{
    const SectionHeader* s = currentSection();
    m_exportRaw->setEnabled(s != nullptr);
    m_exportJson->setEnabled(s && m_xclbin && SectionJson::supports(s->kind));
    if (!s || !m_xclbin) {
        m_hex->setBytes({}, 0, {});
        return;
    }
    QString title = tr("Section %1 %2 \"%3\": %4 bytes at 0x%5")
                        .arg(QString::number(s->index), s->kindName(), s->name, QString::number(s->size),
                             QString::number(s->offset, 16).toUpper());
    try {
        const quint64 shown = qMin(s->size, MaxHexBytes);
        if (shown < s->size)
            title += tr(" (first %1 bytes shown)").arg(shown);
        m_hex->setBytes(m_xclbin->readBytes(s->offset, shown), s->offset, title);
    } catch (const XclbinException& e) {
        m_hex->setBytes({}, s->offset, title + QStringLiteral(": ") + e.error().message());
    }
}

QString OverviewView::exportRaw(const QString& path) const
{
    const SectionHeader* s = currentSection();
    if (!s || !m_xclbin)
        return tr("No section selected");
    try {
        QString error;
        if (!SafeFileWriter::write(path, m_xclbin->readSection(*s), &error))
            return error;
    } catch (const XclbinException& e) {
        return e.error().message();
    }
    return {};
}

QString OverviewView::exportJson(const QString& path) const
{
    const SectionHeader* s = currentSection();
    if (!s || !m_xclbin)
        return tr("No section selected");
    try {
        QString error;
        if (!SafeFileWriter::write(path, SectionJson::json(*m_xclbin, *s), &error))
            return error;
    } catch (const XclbinException& e) {
        return e.error().message();
    }
    return {};
}

void OverviewView::exportInteractively(bool json)
{
    const SectionHeader* s = currentSection();
    if (!s || !m_xclbin)
        return;
    const QString base = QFileInfo(m_xclbin->filePath).completeBaseName() + QLatin1Char('-') + s->kindName().toLower();
    const QString suggested = base + (json ? QStringLiteral(".json") : QStringLiteral(".bin"));
    const QString path = QFileDialog::getSaveFileName(this, json ? tr("Export section as JSON") : tr("Export section"),
                                                      suggested, json ? tr("JSON (*.json)") : tr("All files (*)"));
    if (path.isEmpty())
        return;
    // SafeFileWriter keeps an existing file as PATH.bak and never leaves it half-written.
    const QString error = json ? exportJson(path) : exportRaw(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace xi
