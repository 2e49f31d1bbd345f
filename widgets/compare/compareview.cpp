// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/compare/compareview.h"

#include "widgets/common/changestyle.h"
#include "widgets/common/findbar.h"
#include "widgets/common/loadjob.h"
#include "widgets/common/tableviewfactory.h"
#include "widgets/compare/diffmodel.h"
#include "widgets/xclbin/argumenttablemodel.h"
#include "xclbin/xclbinerror.h"

#include <QCheckBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace xi {

namespace {

QWidget* titled(const QString& title, QWidget* child, QWidget* parent)
{
    auto box = new QWidget(parent);
    auto layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto label = new QLabel(title, box);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label);
    layout->addWidget(child);
    return box;
}

} // namespace

CompareView::CompareView(QWidget* parent)
    : QWidget(parent)
    , m_diff(new DiffModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_before(new ArgumentTableModel(this))
    , m_after(new ArgumentTableModel(this))
    , m_summary(new QLabel(this))
    , m_ignoreStamp(new QCheckBox(tr("Ignore build stamp"), this))
    , m_find(new FindBar(m_proxy, this))
    , m_diffTable(nullptr)
    , m_jobA(new LoadJob(this))
    , m_jobB(new LoadJob(this))
{
    m_proxy->setSourceModel(m_diff);
    m_diffTable = createTableView(m_proxy, this,
                                  tr("Every difference: %1, %2, %3 rows; the colours mean changes, not verdicts")
                                      .arg(ChangeStyle::name(DiffRecord::Change::Added),
                                           ChangeStyle::name(DiffRecord::Change::Removed),
                                           ChangeStyle::name(DiffRecord::Change::Changed)));
    m_diffTable->setSortingEnabled(true);
    m_diffTable->sortByColumn(-1, Qt::AscendingOrder);
    m_ignoreStamp->setChecked(true);
    m_ignoreStamp->setToolTip(tr("Leave out the xclbin UUID, timestamp and unique id that every rebuild changes"));
    m_summary->setWordWrap(true);
    m_summary->setToolTip(tr("The two files compared"));

    auto top = new QHBoxLayout;
    top->addWidget(m_ignoreStamp);
    top->addWidget(m_find, 1);
    auto sides = new QSplitter(Qt::Horizontal, this);
    m_beforeTable = makeArgumentTable(m_before, tr("Arguments of A with their group IDs"));
    m_afterTable = makeArgumentTable(m_after, tr("Arguments of B with their group IDs"));
    sides->addWidget(titled(tr("<b>A (before)</b>: arguments"), m_beforeTable, this));
    sides->addWidget(titled(tr("<b>B (after)</b>: arguments"), m_afterTable, this));
    auto vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(m_diffTable);
    vertical->addWidget(sides);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addLayout(top);
    layout->addWidget(vertical, 1);

    connect(m_ignoreStamp, &QCheckBox::toggled, this, &CompareView::refresh);
    for (LoadJob* job : { m_jobA, m_jobB }) {
        connect(job, &LoadJob::loaded, this, [this, job](XclbinPtr x) {
            (job == m_jobA ? m_a : m_b) = std::move(x);
            onOneLoaded();
        });
        connect(job, &LoadJob::failed, this, [this](const XclbinError& e) {
            m_summary->setText(tr("<b>Cannot compare.</b> %1").arg(e.message().toHtmlEscaped()));
            emit failed(e.message());
        });
    }
}

void CompareView::markChangedArguments()
{
    // Keys of argument records read "KERNEL arg INDEX (name)" (XclbinDiff).
    static const QRegularExpression key(QStringLiteral("^(\\S+) arg (\\d+)"));
    QSet<QPair<QString, int>> changed;
    for (const DiffRecord& r : m_diff->records()) {
        if (r.area != DiffRecord::Area::Argument && r.area != DiffRecord::Area::GroupId)
            continue;
        const QRegularExpressionMatch m = key.match(r.key);
        if (m.hasMatch())
            changed.insert({ m.captured(1), m.captured(2).toInt() });
    }
    m_before->setMarkedArguments(changed, tr("Changed between A and B"));
    m_after->setMarkedArguments(changed, tr("Changed between A and B"));
    // Marked rows are bold: widen the columns again so that no cell is elided (the last one stretches).
    for (QTableView* table : { m_beforeTable, m_afterTable }) {
        for (int c = 0; c + 1 < table->model()->columnCount(); ++c)
            table->resizeColumnToContents(c);
    }
}

QTableView* CompareView::makeArgumentTable(ArgumentTableModel* model, const QString& toolTip)
{
    QTableView* table = createTableView(model, this, toolTip);
    // Side by side space is short: keep what tells the two builds apart.
    for (int column :
         { ArgumentTableModel::KernelColumn, ArgumentTableModel::QualifierColumn, ArgumentTableModel::TypeColumn,
           ArgumentTableModel::OffsetColumn, ArgumentTableModel::SizeColumn, ArgumentTableModel::SlotColumn,
           ArgumentTableModel::ReasonColumn, ArgumentTableModel::StreamColumn })
        table->setColumnHidden(column, true);
    // Here a row's colour says it changed between A and B; its verdict is in the Verdict column.
    model->setChangeColouring(ChangeStyle::background(DiffRecord::Change::Changed, palette()));
    connect(model, &QAbstractItemModel::modelReset, table, &QTableView::resizeColumnsToContents);
    return table;
}

void CompareView::loadFiles(const QString& before, const QString& after)
{
    m_pathA = QFileInfo(before).absoluteFilePath();
    m_pathB = QFileInfo(after).absoluteFilePath();
    m_a.reset();
    m_b.reset();
    m_summary->setText(tr("Loading %1 and %2 ...").arg(m_pathA.toHtmlEscaped(), m_pathB.toHtmlEscaped()));
    m_jobA->load(m_pathA);
    m_jobB->load(m_pathB);
}

void CompareView::onOneLoaded()
{
    if (!m_a || !m_b)
        return;
    setFiles(m_a, m_b);
    emit ready();
}

bool CompareView::isLoading() const
{
    return m_jobA->isRunning() || m_jobB->isRunning();
}

QString CompareView::title() const
{
    const QString a = QFileInfo(m_a ? m_a->filePath : m_pathA).fileName();
    const QString b = QFileInfo(m_b ? m_b->filePath : m_pathB).fileName();
    return tr("%1 ↔ %2").arg(a, b);
}

void CompareView::setFiles(XclbinPtr before, XclbinPtr after)
{
    m_a = std::move(before);
    m_b = std::move(after);
    m_before->setXclbin(m_a);
    m_after->setXclbin(m_b);
    refresh();
}

void CompareView::refresh()
{
    if (!m_a || !m_b) {
        m_diff->setRecords({});
        m_summary->setText(tr("Open two files to compare them."));
        return;
    }
    DiffOptions options;
    options.ignoreBuildStamp = m_ignoreStamp->isChecked();
    QString error;
    try {
        m_diff->setRecords(XclbinDiff::compare(*m_a, *m_b, options));
    } catch (const XclbinException& e) {
        m_diff->setRecords({});
        error = e.error().message();
    }
    markChangedArguments();
    QString text = tr("<b>A</b> %1 &nbsp; <b>B</b> %2 &mdash; %n difference(s)", nullptr, m_diff->rowCount())
                       .arg(QFileInfo(m_a->filePath).fileName().toHtmlEscaped(),
                            QFileInfo(m_b->filePath).fileName().toHtmlEscaped());
    if (!error.isEmpty())
        text += QStringLiteral("<br>") + error.toHtmlEscaped();
    m_summary->setText(text);
    m_diffTable->resizeColumnsToContents();
}

void CompareView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_diff->setPalette(palette());
        for (ArgumentTableModel* model : { m_before, m_after })
            model->setChangeColouring(ChangeStyle::background(DiffRecord::Change::Changed, palette()));
    }
}

} // namespace xi
