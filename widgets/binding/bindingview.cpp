// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/binding/bindingview.h"

#include "binding/correctedcall.h"
#include "binding/instructionfilelocator.h"
#include "groups/argumentgroups.h"
#include "hostprogram/hostprogramcheck.h"
#include "hostprogram/hostprogramreader.h"
#include "runner/xrtrunnerprocess.h"
#include "util/safefilewriter.h"
#include "widgets/binding/bindingplanmodel.h"
#include "widgets/common/tablecopy.h"
#include "widgets/common/verdictstyle.h"
#include "widgets/common/wrappingdelegate.h"
#include "widgets/xclbin/argumenttableview.h"
#include "workflow/findingfix.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace xi {

namespace {

// Offers the model's ChoicesRole values in a combo box; other cells get the default editor.
class ChoiceDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const QStringList choices = index.data(BindingPlanModel::ChoicesRole).toStringList();
        if (choices.isEmpty())
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto combo = new QComboBox(parent);
        combo->addItems(choices);
        return combo;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        if (auto combo = qobject_cast<QComboBox*>(editor))
            combo->setCurrentText(index.data(Qt::EditRole).toString());
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        if (auto combo = qobject_cast<QComboBox*>(editor))
            model->setData(index, combo->currentText());
        else
            QStyledItemDelegate::setModelData(editor, model, index);
    }
};

QPlainTextEdit* makeCode(QWidget* parent)
{
    auto edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

QString warningLines(const QList<PredictedXrtWarning>& warnings)
{
    if (warnings.isEmpty())
        return QObject::tr("  (none: XRT lets every BO through)\n");
    QString out;
    for (const PredictedXrtWarning& w : warnings)
        out += QStringLiteral("  ") + w.text + u'\n';
    return out;
}

} // namespace

BindingView::BindingView(QWidget* parent)
    : QWidget(parent)
    , m_model(new BindingPlanModel(this))
    , m_runner(new XrtRunnerProcess(this))
{
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new ChoiceDelegate(m_table));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::SelectedClicked);
    m_table->setWordWrap(false);
    m_table->setToolTip(tr("Per XRT argument index: what the kernel declares and what the host passes; double-click "
                           "a cell to edit the plan"));
    TableCopy::install(m_table);

    m_findings = new QTreeWidget(this);
    m_findings->setRootIsDecorated(false);
    m_findings->setHeaderLabels({ tr("Severity"), tr("Argument"), tr("Code"), tr("Where"), tr("Message"), tr("Fix") });
    m_findings->setWordWrap(true);
    m_findings->setItemDelegateForColumn(4, new WrappingDelegate(m_findings)); // a long finding wraps, whole
    // The message takes the room; the fix kind is a few words and must not take it from the message.
    m_findings->header()->setStretchLastSection(false);
    m_findings->header()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_findings->setToolTip(tr("The checker's findings; activate one to see its line in the host program"));
    m_source = makeCode(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_findings, tr("Findings"));
    m_tabs->addTab(m_source, tr("Host program"));
    m_tabs->addTab(makeNoopPanel(), tr("XRT noop run"));

    auto bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_tabs);
    bottom->addWidget(makeCallPanel());
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);

    auto split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({ 340, 460 }); // the eight rows of an mlir-aie kernel without scrolling

    auto layout = new QVBoxLayout(this);
    layout->addWidget(makeControls());
    layout->addWidget(split, 1);

    connect(m_model, &BindingPlanModel::planEdited, this, [this](const BindingPlan& plan) {
        m_quick->setText(plan.toQuick());
        recheck();
    });
    connect(m_findings, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        jumpToLine(item->data(3, Qt::UserRole).toInt());
        const int arg = item->data(1, Qt::UserRole).toInt();
        if (arg >= 0)
            m_table->selectRow(arg);
    });
    connect(m_runner, &XrtRunnerProcess::progress, this, [this](const QString& stage, const QString& message) {
        m_xrtSummary->setText(stage + QStringLiteral(": ") + message);
    });
    connect(m_runner, &XrtRunnerProcess::finished, this, &BindingView::onNoopFinished);
    m_model->setPalette(palette());
    recheck();
}

BindingView::~BindingView() = default;

QWidget* BindingView::makeControls()
{
    auto box = new QWidget(this);
    auto grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);

    m_kernel = new QComboBox(box);
    m_kernel->setToolTip(tr("The kernel the host calls"));
    m_slot = new QComboBox(box);
    for (const SlotMode& mode : ArgumentTableView::slotModes())
        m_slot->addItem(mode.legacyXrt213 ? tr("XRT 2.13: no slot") : tr("Slot %1").arg(mode.slot));
    m_slot->setToolTip(tr("Which XRT's group IDs and warnings to predict: slot-aware XRT in a hardware context, or "
                          "Debian's XRT 2.13"));
    m_instructions = new QLineEdit(box);
    m_instructions->setPlaceholderText(tr("instruction file (checks ninstr against its word count)"));
    m_instructions->setToolTip(tr("The instruction stream the host loads: binary or hex text, sniffed"));
    auto browseInsts = new QPushButton(tr("Browse..."), box);
    browseInsts->setToolTip(tr("Choose the instruction file"));

    m_quick = new QLineEdit(box);
    m_quick->setPlaceholderText(QStringLiteral("3, instr:1, ninstr, bo:3, bo:4"));
    m_quick->setToolTip(tr("One item per XRT argument index: a number is a scalar, ninstr the instruction word count, "
                           "bo:N a BO allocated with kernel.group_id(N), instr:N the instruction BO, bo@G a BO in raw "
                           "group G, - nothing"));
    auto check = new QPushButton(tr("Check"), box);
    check->setToolTip(tr("Check the call typed in the quick form"));
    auto correct = new QPushButton(tr("Correct call"), box);
    correct->setToolTip(tr("The call the kernel expects, from its own argument list"));
    auto import = new QPushButton(tr("Import host program..."), box);
    import->setToolTip(tr("Read the binding from a pyxrt Python or XRT C++ host program"));
    m_status = new QLabel(box);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    grid->addWidget(new QLabel(tr("Kernel:"), box), 0, 0);
    grid->addWidget(m_kernel, 0, 1);
    grid->addWidget(new QLabel(tr("Group IDs for:"), box), 0, 2);
    grid->addWidget(m_slot, 0, 3);
    grid->addWidget(new QLabel(tr("Instructions:"), box), 0, 4);
    grid->addWidget(m_instructions, 0, 5);
    grid->addWidget(browseInsts, 0, 6);
    grid->addWidget(new QLabel(tr("Call:"), box), 1, 0);
    grid->addWidget(m_quick, 1, 1, 1, 3);
    auto buttons = new QHBoxLayout;
    buttons->addWidget(check);
    buttons->addWidget(correct);
    buttons->addWidget(import);
    buttons->addStretch();
    grid->addLayout(buttons, 1, 4, 1, 3);
    grid->addWidget(m_status, 2, 0, 1, 7);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(5, 2);

    connect(m_quick, &QLineEdit::returnPressed, this, [this] { setQuickPlan(m_quick->text()); });
    connect(check, &QPushButton::clicked, this, [this] { setQuickPlan(m_quick->text()); });
    connect(correct, &QPushButton::clicked, this, &BindingView::useCorrectCall);
    connect(import, &QPushButton::clicked, this, &BindingView::browseHostProgram);
    connect(browseInsts, &QPushButton::clicked, this, &BindingView::browseInstructions);
    connect(m_instructions, &QLineEdit::editingFinished, this, [this] {
        if (m_instructions->text() != m_instructionGiven)
            setInstructionFile(m_instructions->text());
    });
    connect(m_slot, &QComboBox::currentIndexChanged, this, [this] { recheck(); });
    connect(m_kernel, &QComboBox::activated, this, [this] {
        BindingPlan p = plan();
        p.kernelName = m_kernel->currentText();
        applyPlan(p);
    });
    return box;
}

QWidget* BindingView::makeCallPanel()
{
    auto panel = new QWidget(this);
    auto layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);

    auto predictedBox = new QGroupBox(tr("XRT warnings this call would cause"), panel);
    m_predicted = makeCode(predictedBox);
    m_predicted->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    (new QVBoxLayout(predictedBox))->addWidget(m_predicted);

    auto callBox = new QGroupBox(tr("Corrected call"), panel);
    auto callTabs = new QTabWidget(callBox);
    m_python = makeCode(callTabs);
    m_cpp = makeCode(callTabs);
    callTabs->addTab(m_python, tr("Python (pyxrt)"));
    callTabs->addTab(m_cpp, tr("C++"));
    auto copy = new QPushButton(tr("Copy"), callBox);
    copy->setToolTip(tr("Copy the corrected call shown to the clipboard"));
    connect(copy, &QPushButton::clicked, this,
            [this, callTabs] { QApplication::clipboard()->setText(correctedCall(callTabs->currentIndex() == 0)); });
    m_fixButton = new QPushButton(tr("Apply fix to file…"), callBox);
    m_fixButton->setToolTip(tr("Put the corrected call (and corrected BO groups) into the imported host program: "
                               "shows the diff first, keeps the original as FILE.bak, then imports it again"));
    m_fixButton->setEnabled(false);
    connect(m_fixButton, &QPushButton::clicked, this, &BindingView::applyFixToFile);
    auto buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_fixButton);
    buttons->addWidget(copy);
    auto callLayout = new QVBoxLayout(callBox);
    callLayout->addWidget(callTabs);
    callLayout->addLayout(buttons);

    layout->addWidget(predictedBox, 2);
    layout->addWidget(callBox, 3);
    return panel;
}

QWidget* BindingView::makeNoopPanel()
{
    auto panel = new QWidget(this);
    m_runButton = new QPushButton(tr("Run through XRT noop"), panel);
    m_runButton->setToolTip(tr("Run this binding through Debian XRT's no-hardware device in a child process: XRT makes "
                               "its real argument checks and prints its real warnings"));
    m_cancelButton = new QPushButton(tr("Cancel"), panel);
    m_cancelButton->setEnabled(false);
    m_xrtSummary = new QLabel(tr("Not run yet."), panel);
    m_xrtSummary->setWordWrap(true);
    m_xrtSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_xrtMessages = makeCode(panel);
    m_xrtMessages->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    auto buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch();
    auto layout = new QVBoxLayout(panel);
    layout->addLayout(buttons);
    layout->addWidget(m_xrtSummary);
    layout->addWidget(m_xrtMessages, 1);
    connect(m_runButton, &QPushButton::clicked, this, &BindingView::runThroughNoop);
    connect(m_cancelButton, &QPushButton::clicked, this, &BindingView::cancelRun);
    return panel;
}

void BindingView::setXclbin(XclbinPtr xclbin)
{
    m_xclbin = std::move(xclbin);
    m_modelKernelKey.clear();
    updateKernelSelector();
    if (plan().arguments.isEmpty())
        useCorrectCall();
    else
        recheck();
}

void BindingView::updateKernelSelector()
{
    m_kernel->clear();
    if (!m_xclbin)
        return;
    for (const Kernel& k : m_xclbin->kernels)
        m_kernel->addItem(k.name);
    // Start on the NPU kernel: Riallto and Ryzen AI files list a PL kernel first.
    if (const Kernel* first = BindingChecker::defaultKernel(*m_xclbin))
        m_kernel->setCurrentText(first->name);
}

const BindingPlan& BindingView::plan() const
{
    return m_model->plan();
}

QString BindingView::planQuick() const
{
    return plan().toQuick();
}

QString BindingView::correctedCall(bool python) const
{
    return python ? m_report.correctedPython : m_report.correctedCpp;
}

bool BindingView::setQuickPlan(const QString& text, QString* error)
{
    QString why;
    std::optional<BindingPlan> p = BindingPlan::parseQuick(text, &why);
    if (!p) {
        m_status->setText(tr("Cannot read the call: %1").arg(why));
        if (error)
            *error = why;
        return false;
    }
    p->kernelName = plan().kernelName;
    m_sourcePath.clear();
    m_source->clear();
    m_status->clear();
    applyPlan(*p);
    return true;
}

void BindingView::useCorrectCall()
{
    const Kernel* kernel = m_xclbin ? m_xclbin->kernel(m_kernel->currentText()) : nullptr;
    if (!kernel)
        return;
    const Convention convention = ArgumentGroups::detectConvention(*kernel);
    const QStringList expressions = CorrectedCall::argumentExpressions(*kernel, convention);
    const int instr = CorrectedCall::instructionIndex(*kernel, convention);
    const int count = CorrectedCall::instructionCountIndex(*kernel, convention);
    QStringList items;
    for (int i = 0; i < expressions.size(); ++i) {
        const KernelArgument* decl = nullptr;
        for (const KernelArgument& a : kernel->arguments)
            decl = a.id == i ? &a : decl;
        bool numeric = false;
        expressions.at(i).toLongLong(&numeric, 0);
        if (i == instr)
            items.append(QStringLiteral("instr:%1").arg(i));
        else if (i == count)
            items.append(QStringLiteral("ninstr"));
        else if (decl && decl->isBuffer())
            items.append(QStringLiteral("bo:%1").arg(i));
        else
            items.append(numeric ? expressions.at(i) : QStringLiteral("0"));
    }
    std::optional<BindingPlan> p = BindingPlan::parseQuick(items.join(QStringLiteral(", ")));
    if (!p)
        return;
    p->kernelName = kernel->name;
    m_sourcePath.clear();
    m_source->clear();
    m_status->setText(tr("The call %1 expects, from its own argument list.").arg(kernel->name));
    applyPlan(*p);
}

bool BindingView::importHostProgram(const QString& path, QString* error)
{
    QString why;
    const std::optional<HostProgram> program = HostProgramReader::readProgram(path, &why);
    if (!program) {
        m_status->setText(why);
        if (error)
            *error = why;
        return false;
    }
    // Of several calls, the one `check` speaks for (the worst, HostProgramCheck), so both give the same verdict.
    qsizetype chosen = 0;
    if (program->calls.size() > 1 && m_xclbin) {
        QString optionsWhy;
        const HostProgramVerdict verdict
            = HostProgramCheck::check(*m_xclbin, *program, checkOptions(&optionsWhy), m_instructionGiven, true);
        chosen = verdict.worst;
    }
    const BindingPlan& p = program->calls.at(chosen);
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    m_sourceBytes = f.readAll();
    showSource(path, QString::fromUtf8(m_sourceBytes));
    if (program->calls.size() > 1) {
        m_status->setText(tr("Imported call %1 of %2, at %3 (the one `check` judges the program by): %4")
                              .arg(chosen + 1)
                              .arg(program->calls.size())
                              .arg(p.call.describe(), p.callText));
    } else {
        m_status->setText(tr("Imported the call at %1: %2").arg(p.call.describe(), p.callText));
    }
    applyPlan(p);
    m_tabs->setCurrentWidget(m_source);
    return true;
}

void BindingView::showSource(const QString& path, const QString& text)
{
    m_sourcePath = path;
    QStringList lines = text.split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    const int width = int(QString::number(lines.size()).size());
    for (int i = 0; i < lines.size(); ++i)
        lines[i] = QStringLiteral("%1  ").arg(i + 1, width) + lines.at(i);
    m_source->setPlainText(lines.join(u'\n'));
}

void BindingView::setInstructionFile(const QString& path)
{
    m_instructionGiven = path;
    m_instructions->setText(path);
    recheck();
}

void BindingView::locateInstructions()
{
    m_instructionChoice
        = InstructionFileLocator::locate(m_instructionGiven, plan(), m_xclbin ? m_xclbin->filePath : QString());
    m_instructions->setPlaceholderText(m_instructionChoice.found() ? m_instructionChoice.path
                                                                   : m_instructionChoice.sourceName());
    m_instructions->setToolTip(m_instructionChoice.describe());
}

void BindingView::applyPlan(const BindingPlan& plan)
{
    m_model->setPlan(plan);
    m_quick->setText(plan.toQuick());
    if (!plan.kernelName.isEmpty())
        m_kernel->setCurrentText(plan.kernelName);
    recheck();
}

void BindingView::recheck()
{
    if (!m_xclbin || m_xclbin->kernels.isEmpty()) {
        m_report = BindingReport();
        m_modelKernelKey.clear();
        m_model->setKernel(std::nullopt, std::nullopt);
    } else {
        QString why;
        locateInstructions();
        const BindingCheckOptions options = checkOptions(&why);
        if (!why.isEmpty())
            m_status->setText(why);
        m_report = BindingChecker::check(*m_xclbin, plan(), options);
        // Only when it changes: resetting the model while an edit is being committed would drop the editor.
        const QString key = m_report.kernelName + u'/' + options.slot.describe();
        if (key != m_modelKernelKey) {
            m_modelKernelKey = key;
            const Kernel* kernel = m_xclbin->kernel(m_report.kernelName);
            if (kernel)
                m_model->setKernel(*kernel, ArgumentGroups::compute(*m_xclbin, *kernel, options.slot));
            else
                m_model->setKernel(std::nullopt, std::nullopt);
        }
    }
    m_model->setReport(m_report);
    m_table->resizeColumnsToContents();
    updateFindings();
    updateSource();
    updateCallTexts();
    m_fixButton->setEnabled(!m_sourcePath.isEmpty() && (m_report.hasErrors() || m_report.count(Severity::Warning) > 0));
    emit planChanged(plan());
}

BindingCheckOptions BindingView::checkOptions(QString* problem) const
{
    BindingCheckOptions options;
    options.slot = ArgumentTableView::slotModes().value(m_slot->currentIndex());
    if (m_instructionChoice.found())
        options.instructions = BindingInstructions::load(m_instructionChoice.path, problem);
    return options;
}

std::optional<HostProgramFix> BindingView::prepareFix(QString* error) const
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (m_sourcePath.isEmpty() || !m_xclbin)
        return fail(tr("Import a host program first."));
    QFile f(m_sourcePath);
    if (!f.open(QIODevice::ReadOnly) || f.readAll() != m_sourceBytes)
        return fail(tr("%1 changed since it was imported (or cannot be read); import it again.").arg(m_sourcePath));
    // From the file, not the table: the table may have been edited since the import.
    QString why;
    std::optional<BindingPlan> p = HostProgramReader::read(m_sourcePath, &why);
    if (!p)
        return fail(why);
    if (!plan().kernelName.isEmpty())
        p->kernelName = plan().kernelName;
    const BindingCheckOptions options = checkOptions(&why);
    const BindingReport report = BindingChecker::check(*m_xclbin, *p, options);
    return HostProgramFix::prepare(*m_xclbin, *p, report, options.instructions);
}

bool BindingView::writeFix(const HostProgramFix& fix, QString* error)
{
    QString why;
    if (!fix.apply(&why)) {
        m_status->setText(why);
        if (error)
            *error = why;
        return false;
    }
    const QString backup = SafeFileWriter::backupPath(fix.path());
    importHostProgram(fix.path());
    m_status->setText(tr("Fixed %1 (the original is %2); %3 error(s), %4 warning(s) left.")
                          .arg(fix.path(), backup)
                          .arg(m_report.count(Severity::Error))
                          .arg(m_report.count(Severity::Warning)));
    return true;
}

void BindingView::applyFixToFile()
{
    QString why;
    const std::optional<HostProgramFix> fix = prepareFix(&why);
    if (!fix || !fix->isValid() || !fix->changesFile()) {
        const QString text = !fix ? why
            : !fix->isValid()     ? fix->error()
                                  : tr("Nothing to change in %1.").arg(fix->path());
        m_status->setText(text);
        QMessageBox::information(this, tr("Apply fix to file"), text);
        return;
    }
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("fixDialog"));
    dialog.setWindowTitle(tr("Apply fix to %1").arg(QFileInfo(fix->path()).fileName()));
    auto diff = makeCode(&dialog);
    diff->setPlainText(fix->changes().join(u'\n') + QStringLiteral("\n\n") + fix->diff());
    auto note = new QLabel(tr("%1 will be rewritten; the original is kept as %2.")
                               .arg(fix->path(), SafeFileWriter::backupPath(fix->path())),
                           &dialog);
    note->setWordWrap(true);
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, &dialog);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto layout = new QVBoxLayout(&dialog);
    layout->addWidget(note);
    layout->addWidget(diff, 1);
    layout->addWidget(buttons);
    dialog.resize(900, 600);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!writeFix(*fix, &why))
        QMessageBox::warning(this, tr("Apply fix to file"), why);
}

void BindingView::updateFindings()
{
    m_findings->clear();
    // Which kind of fix each finding needs: a defect of the xclbin itself is not fixed in the host.
    std::optional<KernelGroups> groups;
    if (const Kernel* kernel = m_xclbin ? m_xclbin->kernel(m_report.kernelName) : nullptr)
        groups = ArgumentGroups::compute(*m_xclbin, *kernel);
    for (const BindingFinding& f : m_report.findings) {
        auto item = new QTreeWidgetItem(m_findings);
        item->setIcon(0, VerdictStyle::icon(VerdictStyle::forSeverity(f.severity)));
        item->setText(0, severityName(f.severity));
        item->setText(1, f.argument >= 0 ? QString::number(f.argument) : tr("call"));
        item->setData(1, Qt::UserRole, f.argument);
        item->setText(2, f.code);
        item->setText(3,
                      f.location.isValid()
                          ? QFileInfo(f.location.file).fileName() + u':' + QString::number(f.location.line)
                          : QString());
        item->setToolTip(3, f.location.describe());
        item->setData(3, Qt::UserRole, f.location.line);
        item->setText(4, f.message);
        item->setToolTip(4, f.message);
        const FixAdvice fix = FindingFix::forBinding(f, groups ? &*groups : nullptr);
        item->setText(5, fix.kind == FixKind::None ? QStringLiteral("-") : fix.kindLabel());
        item->setToolTip(
            5, fix.actionLabel.isEmpty() ? fix.reason : QString(fix.actionLabel + QStringLiteral(": ") + fix.reason));
        for (int c = 0; c < 6; ++c)
            item->setBackground(c, VerdictStyle::background(VerdictStyle::forSeverity(f.severity), palette()));
    }
    // The call could not be followed: what could not be, with its line, instead of findings made from guesses.
    for (const UnresolvedItem& u : m_report.unresolved) {
        auto item = new QTreeWidgetItem(m_findings);
        item->setIcon(0, VerdictStyle::icon(Verdict::Unknown));
        item->setText(0, tr("unresolved"));
        item->setText(1, u.argument >= 0 ? QString::number(u.argument) : tr("call"));
        item->setData(1, Qt::UserRole, u.argument);
        item->setText(2, QStringLiteral("unresolved"));
        item->setText(3,
                      u.location.isValid()
                          ? QFileInfo(u.location.file).fileName() + u':' + QString::number(u.location.line)
                          : QString());
        item->setData(3, Qt::UserRole, u.location.line);
        const QString what = u.text.isEmpty() ? u.reason : QStringLiteral("'%1': %2").arg(u.text, u.reason);
        item->setText(4, what);
        item->setToolTip(4, what);
        item->setText(5, QStringLiteral("-"));
    }
    for (int c : { 0, 1, 2, 3, 5 })
        m_findings->resizeColumnToContents(c);
    const int errors = m_report.count(Severity::Error);
    const int warnings = m_report.count(Severity::Warning);
    if (m_report.status == BindingStatus::Unresolved) {
        m_tabs->setTabText(0, tr("Unresolved (%1: nothing judged from guesses)").arg(m_report.unresolved.size()));
        m_tabs->setTabIcon(0, VerdictStyle::icon(Verdict::Unknown));
        return;
    }
    m_tabs->setTabText(0, tr("Findings (%1 errors, %2 warnings)").arg(errors).arg(warnings));
    m_tabs->setTabIcon(0, VerdictStyle::icon(errors ? Verdict::Invalid : warnings ? Verdict::Warning : Verdict::Valid));
}

void BindingView::updateSource()
{
    QList<QTextEdit::ExtraSelection> marks;
    if (!m_sourcePath.isEmpty()) {
        auto mark = [&](int line, const QColor& colour) {
            const QTextBlock block = m_source->document()->findBlockByNumber(line - 1);
            if (!block.isValid())
                return;
            QTextEdit::ExtraSelection s;
            s.cursor = QTextCursor(block);
            s.format.setBackground(colour);
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            marks.append(s);
        };
        if (plan().call.isValid())
            mark(plan().call.line, palette().color(QPalette::AlternateBase));
        for (const BindingFinding& f : m_report.findings) {
            if (f.location.isValid())
                mark(f.location.line, VerdictStyle::background(VerdictStyle::forSeverity(f.severity), palette()));
        }
    }
    m_source->setExtraSelections(marks);
}

void BindingView::updateCallTexts()
{
    m_python->setPlainText(m_report.correctedPython);
    m_cpp->setPlainText(m_report.correctedCpp);
    if (m_report.kernelName.isEmpty()) {
        m_predicted->setPlainText(tr("Open an xclbin to check a call against its kernel."));
        return;
    }
    const SlotMode slotAware = m_report.slot.legacyXrt213 ? SlotMode() : m_report.slot;
    m_predicted->setPlainText(
        tr("Slot-aware XRT, %1:\n").arg(slotAware.describe()) + warningLines(m_report.predictedWarningsSlotAware)
        + tr("\nDebian's XRT 2.13:\n") + warningLines(m_report.predictedWarningsXrt213)
        + tr("\nAn output BO that triggers this warning never receives results: the host reads zeros."));
}

void BindingView::jumpToLine(int line)
{
    if (line <= 0 || m_sourcePath.isEmpty())
        return;
    const QTextBlock block = m_source->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    m_source->setTextCursor(QTextCursor(block));
    m_source->centerCursor();
    m_tabs->setCurrentWidget(m_source);
}

void BindingView::runThroughNoop()
{
    if (!m_xclbin || m_runner->isRunning())
        return;
    QStringList notes;
    const RunRequest request
        = NoopCrossCheck::request(plan(), m_report, m_xclbin->filePath, m_instructionChoice.path, &notes);
    XrtRunnerOptions options;
    options.cliPath = m_cliPath;
    m_runNotes = notes;
    m_xrtMessages->clear();
    m_xrtSummary->setText(tr("Starting the runner..."));
    m_tabs->setCurrentIndex(2);
    if (!m_runner->start(request, options))
        return;
    m_runButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
}

void BindingView::cancelRun()
{
    m_runner->cancel();
}

bool BindingView::isRunning() const
{
    return m_runner->isRunning();
}

void BindingView::onNoopFinished(const RunResult& result)
{
    m_lastRun = result;
    m_runButton->setEnabled(true);
    m_cancelButton->setEnabled(false);

    QStringList lines;
    QString device = result.device.found ? result.device.name : tr("none (%1)").arg(result.device.message);
    if (result.device.found && device.isEmpty())
        device = result.device.message.isEmpty() ? tr("found, no name reported") : result.device.message;
    lines.append(tr("XRT %1 (%2), device: %3").arg(result.xrtVersion, result.xrtVersionSource, device));
    lines.append(tr("Run state: %1").arg(result.runStateName()));
    if (!result.error.isEmpty())
        lines.append(tr("Error (%1): %2").arg(result.failedStage, result.error));
    if (!result.errorDetail.isEmpty())
        lines.append(tr("Details, in XRT's words: %1").arg(result.errorDetail));
    if (!result.processOutcome.isEmpty() && result.processOutcome != result.error)
        lines.append(result.processOutcome);
    lines.append(m_runNotes);
    lines.append(QString());
    if (!result.messagesCaptured)
        lines.append(tr("XRT's messages could not be captured."));
    for (const XrtMessage& m : result.messages)
        lines.append(QStringLiteral("[%1] %2").arg(m.level, m.text));
    m_xrtMessages->setPlainText(lines.join(u'\n'));

    m_comparison = NoopCrossCheck::compare(m_report, result);
    m_xrtSummary->setText(m_comparison.summary());
    emit noopRunFinished(result);
}

void BindingView::browseInstructions()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Instruction file"), m_instructionChoice.path,
                                                      tr("Instruction streams (*.bin *.txt *.seq);;All files (*)"));
    if (!path.isEmpty())
        setInstructionFile(path);
}

void BindingView::browseHostProgram()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Import host program"), m_sourcePath,
                                       tr("Host programs (*.py *.cpp *.cc *.cxx *.c *.h *.hpp);;All files (*)"));
    if (!path.isEmpty())
        importHostProgram(path);
}

void BindingView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_model->setPalette(palette());
        updateFindings();
        updateSource();
    }
}

} // namespace xi
