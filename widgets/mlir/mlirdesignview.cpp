// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/mlir/mlirdesignview.h"

#include "groups/argumentgroups.h"
#include "widgets/common/tableviewfactory.h"
#include "widgets/mlir/mlirelementsmodel.h"
#include "widgets/mlir/mlirfindingsmodel.h"
#include "widgets/mlir/mlirsourceview.h"

#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <tuple>

namespace xi {

MlirDesignView::MlirDesignView(QWidget* parent)
    : QWidget(parent)
    , m_findings(new MlirFindingsModel(this))
    , m_summary(new QLabel(this))
    , m_tables(new QTabWidget(this))
    , m_source(new MlirSourceView(this))
    , m_fixButton(new QPushButton(tr("Fix..."), this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setMargin(4);
    m_fixButton->setEnabled(false);
    m_fixButton->setToolTip(tr("Open the workflow that fixes the selected finding"));

    using Kind = MlirElementsModel::Kind;
    const QList<std::tuple<Kind, QString, QString>> kinds {
        { Kind::HostArguments, tr("Host buffers -> XRT"),
          tr("Runtime-sequence argument i is XRT argument 3+i = bo i; its size comes from its memref type") },
        { Kind::Tiles, tr("Tiles"),
          tr("Every aie.tile: row 0 shim (no data memory), row 1 mem tile, rows 2-5 compute") },
        { Kind::Buffers, tr("Buffers"), tr("Every aie.buffer with its tile, type, size and attributes") },
        { Kind::ObjectFifos, tr("Object FIFOs"), tr("Every object FIFO with its producer and consumers") },
        { Kind::Cores, tr("Cores"), tr("Every aie.core") },
    };
    m_findingsTable
        = addTable(m_findings, tr("Findings"),
                   tr("What cannot work in the design, and the fix each finding needs; double-click to show "
                      "its line"));
    m_findingsTable->setWordWrap(true);
    for (const auto& [kind, label, tip] : kinds) {
        auto model = new MlirElementsModel(kind, this);
        m_models << model;
        addTable(model, label, tip);
    }
    connect(m_findingsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MlirDesignView::updateFixButton);
    connect(m_fixButton, &QPushButton::clicked, this, [this] {
        const int row = m_findingsTable->currentIndex().row();
        if (row >= 0)
            emit fixRequested(m_findings->fix(row), m_findings->findings().at(row).line);
    });

    auto left = new QWidget(this);
    auto leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_tables, 1);
    auto buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_fixButton);
    leftLayout->addLayout(buttons);

    auto splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_source);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    clear(tr("No design loaded: open an .mlir file (File > Open, or drop it here)."));
}

QTableView* MlirDesignView::addTable(QAbstractItemModel* model, const QString& label, const QString& toolTip)
{
    QTableView* table = createTableView(model, this, toolTip);
    const int index = m_tables->addTab(table, label);
    m_tables->setTabToolTip(index, toolTip);
    connect(table, &QTableView::doubleClicked, this,
            [this](const QModelIndex& i) { gotoLine(i.data(MlirElementsModel::LineRole).toInt()); });
    connect(model, &QAbstractItemModel::modelReset, table, [table] {
        table->resizeColumnsToContents();
        table->resizeRowsToContents();
    });
    return table;
}

bool MlirDesignView::loadFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString why = tr("%1: cannot open for reading: %2").arg(path, file.errorString());
        if (error)
            *error = why;
        clear(why);
        return false;
    }
    const QString text = QString::fromUtf8(file.readAll());
    const MlirDesign design = MlirDesign::parse(text);
    if (design.device.isEmpty() && design.tiles.isEmpty()) {
        const QString why = tr("%1: not an mlir-aie design: no aie.device(...) and no aie.tile(...) found").arg(path);
        if (error)
            *error = why;
        clear(why);
        return false;
    }
    setDesign(QFileInfo(path).absoluteFilePath(), text);
    return true;
}

void MlirDesignView::setDesign(const QString& path, const QString& text)
{
    m_path = path;
    m_text = text;
    m_design = MlirDesign::parse(text);
    const QList<MlirDesignChecker::Finding> findings = MlirDesignChecker::check(m_design);
    for (MlirElementsModel* model : std::as_const(m_models))
        model->setDesign(m_design);
    m_findings->setFindings(findings);
    m_source->setSource(text, findings);
    m_tables->setEnabled(true);
    // Errors first; a design without any opens on how its host buffers become XRT arguments.
    m_tables->setCurrentIndex(MlirDesignChecker::errorCount(findings) > 0 ? 0 : 1);
    setXclbin(m_xclbin);
    updateSummary();
    updateFixButton();
    emit designLoaded(path);
}

void MlirDesignView::clear(const QString& message)
{
    m_path.clear();
    m_text.clear();
    m_design = MlirDesign();
    for (MlirElementsModel* model : std::as_const(m_models))
        model->setDesign(m_design);
    m_findings->setFindings({});
    m_source->setSource({}, {});
    m_tables->setEnabled(false);
    m_summary->setText(message);
    updateFixButton();
}

void MlirDesignView::setXclbin(XclbinPtr xclbin)
{
    m_xclbin = std::move(xclbin);
    std::optional<KernelGroups> kernel;
    if (m_xclbin) {
        for (const Kernel& k : m_xclbin->kernels) {
            const KernelGroups groups = ArgumentGroups::compute(*m_xclbin, k);
            if (groups.convention == Convention::Opcode || !kernel)
                kernel = groups;
            if (groups.convention == Convention::Opcode)
                break;
        }
    }
    for (MlirElementsModel* model : std::as_const(m_models)) {
        if (model->kind() == MlirElementsModel::Kind::HostArguments)
            model->setKernel(kernel);
    }
    if (hasDesign())
        updateSummary();
}

const QList<MlirDesignChecker::Finding>& MlirDesignView::findings() const
{
    return m_findings->findings();
}

MlirElementsModel* MlirDesignView::model(int kind) const
{
    for (MlirElementsModel* m : m_models) {
        if (int(m->kind()) == kind)
            return m;
    }
    return nullptr;
}

bool MlirDesignView::gotoLine(int line)
{
    return line > 0 && m_source->gotoLine(line);
}

void MlirDesignView::updateSummary()
{
    const MlirDesign& d = m_design;
    QString sequence = tr("no runtime sequence");
    if (d.runtimeSequence) {
        sequence = tr("runtime sequence %1 (%2, line %3) with %4 host buffer(s)")
                       .arg(d.runtimeSequence->name.isEmpty() ? tr("(unnamed)")
                                                              : QString(QLatin1Char('@') + d.runtimeSequence->name),
                            d.runtimeSequence->syntax)
                       .arg(d.runtimeSequence->line)
                       .arg(d.runtimeSequence->arguments.size());
    }
    const int errors = MlirDesignChecker::errorCount(findings());
    m_summary->setText(
        tr("<b>%1</b>: device %2, %3 tile(s), %4 buffer(s), %5 object FIFO(s), %6 core(s); %7. "
           "<b>%8 error finding(s)</b>%9")
            .arg(QFileInfo(m_path).fileName().toHtmlEscaped(), d.device.isEmpty() ? tr("(none)") : d.device)
            .arg(d.tiles.size())
            .arg(d.buffers.size())
            .arg(d.objectFifos.size())
            .arg(d.cores.size())
            .arg(sequence.toHtmlEscaped())
            .arg(errors)
            .arg(m_xclbin ? tr("; host buffers checked against %1")
                                .arg(QFileInfo(m_xclbin->filePath).fileName().toHtmlEscaped())
                          : QString()));
}

void MlirDesignView::updateFixButton()
{
    const int row = m_findingsTable ? m_findingsTable->currentIndex().row() : -1;
    const FixAdvice fix = row >= 0 ? m_findings->fix(row) : FixAdvice();
    const bool actionable = fix.kind == FixKind::Design || fix.kind == FixKind::Host;
    m_fixButton->setEnabled(actionable);
    m_fixButton->setText(actionable ? QString(fix.actionLabel + QStringLiteral("...")) : tr("Fix..."));
    m_fixButton->setToolTip(row >= 0 ? fix.reason : tr("Select a finding to see the fix it needs"));
}

} // namespace xi
