// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workflow/recompileview.h"

#include "widgets/common/tableviewfactory.h"
#include "widgets/common/verdictstyle.h"
#include "widgets/workflow/diagnosticsmodel.h"
#include "widgets/workflow/toolchainpanel.h"
#include "workflow/buildoutputs.h"
#include "workflow/recompilejob.h"
#include "workflow/recompilerequest.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace xi {

RecompileView::RecompileView(QWidget* parent)
    : QWidget(parent)
    , m_job(new RecompileJob(this))
    , m_background(this)
    , m_tabs(new QTabWidget(this))
    , m_toolchain(new ToolchainPanel(this))
{
    m_tabs->addTab(makeBuildTab(), tr("Build"));
    m_tabs->addTab(m_toolchain, tr("Toolchain"));
    m_tabs->setTabToolTip(0, tr("Run aiecc, or repackage the aiecc inputs, and see what came out"));
    m_tabs->setTabToolTip(1, tr("How aiecc is started and what is installed"));
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs);

    connect(m_job, &RecompileJob::started, this, [this](const QString& command) { m_command->setText(command); });
    connect(m_job, &RecompileJob::lineReceived, m_log, &QPlainTextEdit::appendPlainText);
    connect(m_job, &RecompileJob::diagnosticFound, m_diagnostics, &DiagnosticsModel::append);
    connect(m_job, &RecompileJob::progressChanged, this, [this](int done, int started, const QString& current) {
        m_step->setText(tr("step %1 (%2 done): %3").arg(started).arg(done).arg(current));
    });
    connect(m_job, &RecompileJob::finished, this, &RecompileView::onFinished);
    setDesign({});
}

RecompileView::~RecompileView() = default;

QWidget* RecompileView::makeBuildTab()
{
    auto tab = new QWidget(this);
    m_designLabel = new QLabel(tab);
    m_designLabel->setWordWrap(true);
    m_recompile = new QPushButton(tr("Recompile"), tab);
    m_recompile->setToolTip(tr("Run aiecc on the design (its flags read from aiecc --help)"));
    m_cancel = new QPushButton(tr("Cancel"), tab);
    m_cancel->setToolTip(tr("Stop aiecc and every process it started"));
    m_cancel->setEnabled(false);
    m_repackage = new QPushButton(tr("Repackage"), tab);
    m_repackage->setToolTip(tr("Without aiecc: rebuild the xclbin from the project folder's JSON inputs with our "
                               "writer (xclbinutil's layout). Nothing is compiled: this is not a recompile."));
    m_projectFolder = new QLineEdit(tab);
    m_projectFolder->setPlaceholderText(tr("aiecc project folder (<design>.mlir.prj)"));
    m_projectFolder->setToolTip(tr("The folder whose main_kernels.json, main_mem_topology.json and "
                                   "main_aie_partition.json Repackage uses"));
    auto browse = new QPushButton(tr("Browse..."), tab);
    browse->setToolTip(tr("Choose the aiecc project folder"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("aiecc project folder"), projectFolder());
        if (!folder.isEmpty())
            m_projectFolder->setText(folder);
    });
    m_command = new QLabel(tab);
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_command->setWordWrap(true);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setToolTip(tr("The exact command: an argument list run without a shell"));
    m_progress = new QProgressBar(tab);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setMaximumWidth(200);
    m_step = new QLabel(tab);
    m_step->setToolTip(tr("The step aiecc traces (its --verbose output)"));
    m_log = new QPlainTextEdit(tab);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setToolTip(tr("aiecc's output as it streams"));
    m_diagnostics = new DiagnosticsModel(this);
    m_diagnosticsTable = createTableView(m_diagnostics, tab,
                                         tr("aiecc's errors and warnings; double-click one with a location to open the "
                                            "design at that line"));
    m_result = new QLabel(tab);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setAutoFillBackground(true);
    m_result->setMargin(4);
    m_outputs = new QLabel(tab);
    m_outputs->setWordWrap(true);
    m_outputs->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openXclbin = new QPushButton(tr("Open xclbin"), tab);
    m_openXclbin->setToolTip(tr("Load the xclbin this build wrote"));
    m_openXclbin->setEnabled(false);
    m_compare = new QPushButton(tr("Compare with previous build"), tab);
    m_compare->setToolTip(tr("Arguments, group IDs and sections of the previous build against this one"));
    m_compare->setEnabled(false);
    m_comparisonTable = new QTableWidget(0, 3, tab);
    m_comparisonTable->setHorizontalHeaderLabels({ tr("Instruction stream"), tr("Previous build"), tr("This build") });
    m_comparisonTable->horizontalHeader()->setStretchLastSection(true);
    m_comparisonTable->verticalHeader()->hide();
    m_comparisonTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_comparisonTable->setToolTip(tr("The instruction stream of the previous build against this one"));
    m_comparisonTable->verticalHeader()->setDefaultSectionSize(m_comparisonTable->fontMetrics().height() + 6);
    m_comparisonTable->hide();
    auto fitDiagnostics = [this] { m_diagnosticsTable->resizeColumnsToContents(); };
    connect(m_diagnostics, &QAbstractItemModel::modelReset, this, fitDiagnostics);
    connect(m_diagnostics, &QAbstractItemModel::rowsInserted, this, fitDiagnostics);

    auto buttons = new QHBoxLayout;
    buttons->addWidget(m_recompile);
    buttons->addWidget(m_cancel);
    buttons->addSpacing(16);
    buttons->addWidget(m_repackage);
    buttons->addWidget(m_projectFolder, 1);
    buttons->addWidget(browse);
    auto progress = new QHBoxLayout;
    progress->addWidget(m_progress);
    progress->addWidget(m_step, 1);
    auto outputs = new QHBoxLayout;
    outputs->addWidget(m_outputs, 1);
    outputs->addWidget(m_openXclbin);
    outputs->addWidget(m_compare);

    auto bottom = new QWidget(tab);
    auto bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_diagnosticsTable, 2);
    bottomLayout->addWidget(m_result);
    bottomLayout->addLayout(outputs);
    bottomLayout->addWidget(m_comparisonTable, 1);
    auto splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_log);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_designLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_command);
    layout->addLayout(progress);
    layout->addWidget(splitter, 1);

    connect(m_recompile, &QPushButton::clicked, this, &RecompileView::recompile);
    connect(m_cancel, &QPushButton::clicked, this, &RecompileView::cancel);
    connect(m_repackage, &QPushButton::clicked, this, &RecompileView::repackage);
    connect(m_openXclbin, &QPushButton::clicked, this, [this] {
        if (!m_xclbin.isEmpty())
            emit openXclbinRequested(m_xclbin);
    });
    connect(m_compare, &QPushButton::clicked, this, [this] {
        if (!m_previous.isEmpty() && !m_xclbin.isEmpty())
            emit compareRequested(m_previous, m_xclbin);
    });
    connect(m_diagnosticsTable, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString file = index.data(DiagnosticsModel::FileRole).toString();
        const int line = index.data(DiagnosticsModel::LineRole).toInt();
        if (file.isEmpty() || line <= 0)
            return;
        emit openLocation(QDir(workingDirectory()).absoluteFilePath(file), line,
                          index.data(DiagnosticsModel::ColumnRole).toInt());
    });
    return tab;
}

void RecompileView::setDesign(const QString& path)
{
    m_design = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    const bool has = !m_design.isEmpty();
    m_recompile->setEnabled(has && !isRunning());
    m_repackage->setEnabled(has && !isRunning());
    m_designLabel->setText(has ? tr("Design: <b>%1</b> (working folder %2)")
                                     .arg(m_design.toHtmlEscaped(), workingDirectory().toHtmlEscaped())
                               : tr("No design: open an .mlir file to recompile it."));
    if (!has)
        return;
    const QString prj = BuildOutputs::projectFolderFor(m_design, workingDirectory());
    const QString aiecc = QFileInfo(m_design).absoluteDir().filePath(QStringLiteral("aiecc"));
    if (QFileInfo(prj).isDir())
        m_projectFolder->setText(prj);
    else if (QFileInfo(aiecc).isDir())
        m_projectFolder->setText(aiecc);
    else
        m_projectFolder->setText(prj);
    const QFileInfo existing(
        QDir(workingDirectory()).filePath(QFileInfo(m_design).completeBaseName() + QStringLiteral(".xclbin")));
    if (m_xclbin.isEmpty() && existing.isFile()) {
        m_xclbin = existing.absoluteFilePath();
        m_outputs->setText(tr("Current build: %1").arg(m_xclbin));
        m_openXclbin->setEnabled(true);
    }
}

QString RecompileView::workingDirectory() const
{
    return m_toolchain->settings().workingDirectoryFor(m_design);
}

void RecompileView::setProjectFolder(const QString& folder)
{
    m_projectFolder->setText(folder);
}

QString RecompileView::projectFolder() const
{
    return m_projectFolder->text().trimmed();
}

bool RecompileView::isRunning() const
{
    return m_job->isRunning() || m_repackaging || m_toolchain->isDetecting();
}

void RecompileView::recompile()
{
    if (m_design.isEmpty() || isRunning())
        return;
    setRunning(true, tr("detecting the toolchain ..."));
    connect(m_toolchain, &ToolchainPanel::detected, this, &RecompileView::startWith, Qt::SingleShotConnection);
    m_toolchain->detect();
}

void RecompileView::startWith(const ToolchainStatus& status)
{
    QString error;
    const std::optional<RecompileRequest> request
        = RecompileRequest::prepare(m_design, m_toolchain->settings(), status, &error);
    if (!request) {
        setRunning(false);
        QString text = tr("<b>Cannot recompile.</b> %1").arg(error.toHtmlEscaped());
        for (const QString& missing : status.missing())
            text += QStringLiteral("<br>") + missing.toHtmlEscaped();
        text += tr(
            "<br>Without aiecc, <b>Repackage</b> rebuilds the xclbin from an aiecc project folder's JSON inputs.");
        showResult(text, false);
        emit finished(false);
        return;
    }
    m_log->clear();
    m_diagnostics->clear();
    m_comparisonTable->setRowCount(0);
    m_comparisonTable->hide();
    m_result->clear();
    setRunning(true, tr("starting aiecc ..."));
    emit started();
    m_job->start(*request);
}

void RecompileView::cancel()
{
    if (m_job->isRunning()) {
        m_step->setText(tr("cancelling: ending aiecc's process tree ..."));
        m_job->cancel();
    } else if (m_repackaging) {
        m_background.cancel();
        m_repackaging = false;
        setRunning(false);
        showResult(tr("Repackage cancelled."), false);
        emit finished(false);
    }
}

void RecompileView::onFinished(const RecompileResult& result)
{
    m_last = result;
    m_lastRepackage.reset();
    setRunning(false);
    m_diagnostics->setDiagnostics(result.diagnostics);
    QString text = result.sentence().toHtmlEscaped();
    if (!result.outputs.notes.isEmpty())
        text += QStringLiteral("<br>") + result.outputs.notes.join(QStringLiteral("; ")).toHtmlEscaped();
    showResult(text, result.succeeded());
    if (result.succeeded()) {
        showOutputs(result.outputs.xclbin, result.outputs.instructions, result.outputs.previousXclbin,
                    result.outputs.previousInstructions);
        emit buildReady(result.outputs.xclbin, result.outputs.instructions, QStringLiteral("recompiled"));
    }
    emit finished(result.succeeded());
}

void RecompileView::repackage()
{
    if (m_design.isEmpty() || isRunning())
        return;
    const QString folder = projectFolder();
    const QString workdir = workingDirectory();
    const QString base = QFileInfo(m_design).completeBaseName();
    const QString output = QDir(workdir).filePath(base + QStringLiteral(".xclbin"));
    const QString instsName = base + QStringLiteral(".insts.bin");
    m_repackaging = true;
    setRunning(true, tr("repackaging %1 ...").arg(folder));
    m_log->clear();
    m_diagnostics->clear();
    m_comparisonTable->setRowCount(0);
    m_comparisonTable->hide();
    m_command->setText(tr("repackage %1 -> %2 (our xclbin writer; aiecc is not run)").arg(folder, output));
    emit started();
    struct Outcome {
        RepackageResult result;
        QString previous;
        QString previousInsts;
    };
    m_background.start<Outcome>(
        [folder, output, workdir, instsName](const CancelToken&) {
            Outcome o;
            o.previous = BuildOutputs::keepPrevious(workdir, QFileInfo(output).fileName(), instsName, &o.previousInsts);
            o.result = Repackage::run(folder, output, true);
            return o;
        },
        [this](Outcome o) {
            m_repackaging = false;
            onRepackaged(o.result, o.previous, o.previousInsts);
        });
}

void RecompileView::onRepackaged(const RepackageResult& result, const QString& previous, const QString& previousInsts)
{
    m_lastRepackage = result;
    setRunning(false);
    showResult(result.sentence().toHtmlEscaped(), result.ok);
    m_log->appendPlainText(result.sentence());
    if (result.ok) {
        // Repackaging writes no instruction stream: the build's own one (if any) stays next to the xclbin.
        const QString insts = QDir(QFileInfo(result.output).absolutePath())
                                  .filePath(QFileInfo(m_design).completeBaseName() + QStringLiteral(".insts.bin"));
        const QString instructions = QFileInfo::exists(insts) ? insts : QString();
        showOutputs(result.output, instructions, previous, previousInsts);
        emit buildReady(result.output, instructions, QStringLiteral("repackaged"));
    }
    emit finished(result.ok);
}

void RecompileView::showOutputs(const QString& xclbin, const QString& instructions, const QString& previous,
                                const QString& previousInsts)
{
    m_xclbin = xclbin;
    m_instructions = instructions;
    m_previous = previous;
    m_outputs->setText(
        tr("xclbin: %1<br>instructions: %2%3")
            .arg(xclbin.toHtmlEscaped(), instructions.isEmpty() ? tr("(none found)") : instructions.toHtmlEscaped(),
                 previous.isEmpty() ? tr("<br>No previous build to compare with.")
                                    : tr("<br>Previous build kept as %1").arg(previous.toHtmlEscaped())));
    m_openXclbin->setEnabled(!xclbin.isEmpty());
    m_compare->setEnabled(!previous.isEmpty());
    if (previous.isEmpty())
        return;
    m_background.start<BuildComparison>(
        [previous, previousInsts, xclbin, instructions](const CancelToken&) {
            return BuildComparison::compare(previous, previousInsts, xclbin, instructions);
        },
        [this](BuildComparison c) { showComparison(c); });
}

void RecompileView::showComparison(const BuildComparison& comparison)
{
    m_comparison = comparison;
    m_comparisonTable->show();
    m_comparisonTable->setRowCount(int(comparison.instructions.size()) + 1);
    auto summary = new QTableWidgetItem(tr("xclbin"));
    m_comparisonTable->setItem(0, 0, summary);
    m_comparisonTable->setItem(0, 1, new QTableWidgetItem(QFileInfo(comparison.beforeXclbin).fileName()));
    auto after = new QTableWidgetItem(comparison.summary());
    after->setToolTip(comparison.summary());
    m_comparisonTable->setItem(0, 2, after);
    for (int i = 0; i < comparison.instructions.size(); ++i) {
        const InstructionStreamRow& r = comparison.instructions.at(i);
        const QList<QTableWidgetItem*> items { new QTableWidgetItem(r.aspect), new QTableWidgetItem(r.before),
                                               new QTableWidgetItem(r.after) };
        for (int c = 0; c < items.size(); ++c) {
            if (r.changed)
                items[c]->setBackground(VerdictStyle::background(Verdict::Warning, palette()));
            items[c]->setToolTip(r.note);
            m_comparisonTable->setItem(i + 1, c, items[c]);
        }
    }
    m_comparisonTable->resizeColumnsToContents();
}

void RecompileView::setRunning(bool running, const QString& step)
{
    m_recompile->setEnabled(!running && !m_design.isEmpty());
    m_repackage->setEnabled(!running && !m_design.isEmpty());
    m_cancel->setEnabled(running);
    m_progress->setRange(0, running ? 0 : 1);
    m_progress->setValue(running ? 0 : 1);
    m_progress->setFormat(running ? QString() : tr("done"));
    m_step->setText(running ? step : QString());
}

void RecompileView::showResult(const QString& text, bool ok)
{
    m_progress->setFormat(ok ? tr("succeeded") : tr("not built"));
    QPalette pal = m_result->palette();
    pal.setColor(QPalette::Window, VerdictStyle::background(ok ? Verdict::Valid : Verdict::Invalid, palette()));
    pal.setColor(QPalette::WindowText, palette().color(QPalette::Text));
    m_result->setPalette(pal);
    m_result->setText(text);
}

} // namespace xi
