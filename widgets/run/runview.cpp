// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/run/runview.h"

#include "attention/attentionrunprocess.h"
#include "binding/instructionfilelocator.h"
#include "util/npyfile.h"
#include "widgets/common/verdictstyle.h"
#include "widgets/run/reportexport.h"
#include "widgets/run/runviewcompare.h"
#include "widgets/run/runviewresults.h"
#include "xclbin/xclbinreader.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace xi {

namespace {

const QList<AttentionBackendKind> Backends { AttentionBackendKind::Cpu, AttentionBackendKind::Emulated,
                                             AttentionBackendKind::XrtNoop, AttentionBackendKind::Xrt };
const QList<TestVectors::Pattern> Patterns { TestVectors::Pattern::Random, TestVectors::Pattern::Constant,
                                             TestVectors::Pattern::Identity };
constexpr int ImportedPattern = 3; // index of the "imported" entry in the pattern box

QPushButton* browseButton(QWidget* parent)
{
    auto b = new QPushButton(QObject::tr("..."), parent);
    b->setMaximumWidth(32);
    b->setToolTip(QObject::tr("Choose a file"));
    return b;
}

QWidget* withButton(QWidget* edit, QPushButton* button, QWidget* parent)
{
    auto w = new QWidget(parent);
    auto l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(edit, 1);
    l->addWidget(button);
    return w;
}

} // namespace

RunView::RunView(QWidget* parent)
    : QWidget(parent)
    , m_runner(new AttentionRunProcess(this))
    , m_results(new RunViewResults(this))
    , m_compare(new RunViewCompare(this))
{
    auto controls = new QWidget(this);
    auto controlLayout = new QVBoxLayout(controls);
    controlLayout->addWidget(makeInputBox());
    controlLayout->addWidget(makeVectorBox());
    controlLayout->addWidget(makeBackendBox());
    controlLayout->addWidget(makeHistoryBox(), 1);
    auto scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("Run settings"));
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(controls->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());

    m_results->tabs()->addTab(m_compare, tr("Compare runs"));
    auto split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(scroll);
    split->addWidget(m_results);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({ scroll->minimumWidth(), 1100 });
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(m_runner, &AttentionRunProcess::progress, this, [this](const QString& stage, const QString& message) {
        m_status->setText(stage + QStringLiteral(": ") + message);
    });
    connect(m_runner, &AttentionRunProcess::finished, this, &RunView::onRunFinished);
    updateSizeFields();
    updateBackendLabel();
    updateCallField();
    setRunning(false, tr("Ready."));
    // The number field inside a spin box is a widget of its own: give it the spin box's tooltip too.
    for (QAbstractSpinBox* spin : findChildren<QAbstractSpinBox*>()) {
        if (auto edit = spin->findChild<QLineEdit*>())
            edit->setToolTip(spin->toolTip());
    }
}

RunView::~RunView()
{
    // A worker may still run: it owns copies of everything it reads; cancelling stops it and drops its result.
    m_runner->cancel();
}

QWidget* RunView::makeInputBox()
{
    auto box = new QGroupBox(tr("Kernel"), this);
    auto form = new QFormLayout(box);
    m_xclbinEdit = new QLineEdit(box);
    m_xclbinEdit->setPlaceholderText(tr("the open xclbin"));
    m_xclbinEdit->setToolTip(tr("The xclbin the XRT backends load (the open file by default)"));
    m_xclbinEdit->setAccessibleName(tr("xclbin to run"));
    m_instructionsEdit = new QLineEdit(box);
    m_instructionsEdit->setPlaceholderText(tr("found next to the xclbin"));
    m_instructionsEdit->setToolTip(tr("insts.bin, *.insts.*, *.seq next to the xclbin; the format is sniffed; a "
                                      "relative path is looked for in the current folder, then next to the xclbin"));
    m_instructionsEdit->setAccessibleName(tr("Instruction file"));
    auto browseXclbin = browseButton(box);
    auto browseInsts = browseButton(box);
    form->addRow(tr("xclbin:"), withButton(m_xclbinEdit, browseXclbin, box));
    form->addRow(tr("Instructions:"), withButton(m_instructionsEdit, browseInsts, box));
    connect(browseXclbin, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getOpenFileName(this, tr("xclbin to run"), m_xclbinEdit->text(),
                                                       tr("xclbin files (*.xclbin);;All files (*)"));
        if (!p.isEmpty())
            setXclbinPath(p);
    });
    connect(browseInsts, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getOpenFileName(this, tr("Instruction file"), m_instructionsEdit->text(),
                                                       tr("Instruction streams (*.bin *.txt *.seq);;All files (*)"));
        if (!p.isEmpty())
            setInstructionFile(p);
    });
    connect(m_xclbinEdit, &QLineEdit::editingFinished, this, [this] { setXclbinPath(m_xclbinEdit->text()); });
    return box;
}

QWidget* RunView::makeVectorBox()
{
    auto box = new QGroupBox(tr("Test vectors"), this);
    auto form = new QFormLayout(box);
    m_pattern = new QComboBox(box);
    for (TestVectors::Pattern p : Patterns)
        m_pattern->addItem(TestVectors::patternName(p));
    m_pattern->setToolTip(tr("random: uniform int8 in [-64, 64) like the seed project; constant: every weight equal; "
                             "identity: each row attends to itself"));
    m_size = new QComboBox(box);
    m_size->addItems({ QStringLiteral("16"), QStringLiteral("32"), QStringLiteral("64"), tr("custom") });
    m_size->setCurrentIndex(2);
    m_size->setToolTip(tr("Sequence length x head dimension: 16, 32 and 64 are square; custom sets both"));
    m_seq = new QSpinBox(box);
    m_seq->setRange(1, 4096);
    m_seq->setPrefix(tr("seq "));
    m_seq->setToolTip(tr("Sequence length: rows of Q, K and V"));
    m_dim = new QSpinBox(box);
    m_dim->setRange(1, 1024);
    m_dim->setPrefix(tr("dim "));
    m_dim->setToolTip(tr("Head dimension: columns of Q, K and V"));
    m_seed = new QSpinBox(box);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The same seed gives the same vectors on every platform"));
    auto import = new QPushButton(tr("Import .npy..."), box);
    import->setToolTip(tr("Q, K and V as int8 .npy files (names starting with q, k, v)"));
    m_vectorSource = new QLabel(box);
    m_vectorSource->setWordWrap(true);

    auto sizes = new QWidget(box);
    auto sizeLayout = new QHBoxLayout(sizes);
    sizeLayout->setContentsMargins(0, 0, 0, 0);
    sizeLayout->addWidget(m_size);
    sizeLayout->addWidget(m_seq);
    sizeLayout->addWidget(m_dim);
    form->addRow(tr("Pattern:"), m_pattern);
    form->addRow(tr("Size:"), sizes);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(import, m_vectorSource);

    connect(m_size, &QComboBox::currentIndexChanged, this, [this] {
        updateSizeFields();
        updateCallField();
    });
    connect(m_seq, &QSpinBox::valueChanged, this, &RunView::updateCallField);
    connect(m_dim, &QSpinBox::valueChanged, this, &RunView::updateCallField);
    connect(m_pattern, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i != ImportedPattern)
            m_vectorSource->setText(tr("generated"));
    });
    connect(import, &QPushButton::clicked, this, [this] {
        const QStringList paths
            = QFileDialog::getOpenFileNames(this, tr("Import Q, K, V"), QString(), tr("numpy arrays (*.npy)"));
        if (!paths.isEmpty()) {
            QString error;
            if (!importNpy(paths, &error))
                m_status->setText(error);
        }
    });
    m_vectorSource->setText(tr("generated"));
    return box;
}

QWidget* RunView::makeBackendBox()
{
    auto box = new QGroupBox(tr("Backend and binding"), this);
    auto form = new QFormLayout(box);
    m_backend = new QComboBox(box);
    for (AttentionBackendKind k : Backends) {
        m_backend->addItem(AttentionBackend::name(k));
        m_backend->setItemData(m_backend->count() - 1, AttentionBackend::describe(k), Qt::ToolTipRole);
    }
    m_backend->setCurrentIndex(1); // emulated: XRT's real checks and our kernel, no hardware needed
    m_backend->setToolTip(tr("What computes the output; always named with the result and in every export"));
    m_backendLabel = new QLabel(box);
    m_backendLabel->setWordWrap(true);
    m_bindingSource = new QComboBox(box);
    m_bindingSource->addItems({ tr("Correct call"), tr("From the Binding view"), tr("Typed") });
    m_bindingSource->setToolTip(tr("How the XRT backends bind the buffers: the call the kernel expects, the Binding "
                                   "view's plan, or a call typed below"));
    m_call = new QLineEdit(box);
    m_call->setAccessibleName(tr("Call in quick form"));
    m_call->setToolTip(tr("The call in quick form: 3, instr:1, ninstr, bo:3, bo:4 (bo:N = a BO allocated with "
                          "kernel.group_id(N)). The first data BO receives Q, K, V; the second is read back."));
    m_threshold = new QDoubleSpinBox(box);
    m_threshold->setRange(0, 1);
    m_threshold->setDecimals(3);
    m_threshold->setSingleStep(0.01);
    m_threshold->setValue(SuccessChecklist::DefaultThreshold);
    m_threshold->setToolTip(tr("The checklist's correlation threshold against the float reference"));
    m_timeout = new QSpinBox(box);
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(RunRequest::DefaultTimeoutMs / 1000);
    m_timeout->setToolTip(tr("A run that takes longer is killed (a hung device costs one run, nothing else)"));

    m_runButton = new QPushButton(tr("Run"), box);
    m_runButton->setDefault(true);
    m_runButton->setToolTip(tr("Run off the GUI thread; the XRT backends run in a child process"));
    m_cancelButton = new QPushButton(tr("Cancel"), box);
    m_cancelButton->setToolTip(tr("Stop the run: the child process is killed, a CPU result is dropped"));
    m_progress = new QProgressBar(box);
    m_progress->setRange(0, 0);
    m_status = new QLabel(box);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto buttons = new QWidget(box);
    auto buttonLayout = new QHBoxLayout(buttons);
    buttonLayout->setContentsMargins(0, 0, 0, 0);
    buttonLayout->addWidget(m_runButton);
    buttonLayout->addWidget(m_cancelButton);

    form->addRow(tr("Backend:"), m_backend);
    form->addRow(m_backendLabel);
    form->addRow(tr("Binding:"), m_bindingSource);
    form->addRow(m_call);
    form->addRow(tr("Correlation >="), m_threshold);
    form->addRow(tr("Timeout:"), m_timeout);
    form->addRow(buttons);
    form->addRow(m_progress);
    form->addRow(m_status);

    connect(m_backend, &QComboBox::currentIndexChanged, this, &RunView::updateBackendLabel);
    connect(m_bindingSource, &QComboBox::currentIndexChanged, this, &RunView::updateCallField);
    connect(m_runButton, &QPushButton::clicked, this, &RunView::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &RunView::cancel);
    return box;
}

QWidget* RunView::makeHistoryBox()
{
    auto box = new QGroupBox(tr("History"), this);
    m_historyList = new QListWidget(box);
    m_historyList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_historyList->setAccessibleName(tr("Run history"));
    m_historyList->setToolTip(tr("Click a run to show it; choose the runs before and after a fix below to compare "
                                 "them"));
    m_before = new QComboBox(box);
    m_before->setAccessibleName(tr("Run before the fix"));
    m_before->setToolTip(tr("The run before the fix: the left side of the comparison and of the report"));
    m_after = new QComboBox(box);
    m_after->setAccessibleName(tr("Run after the fix"));
    m_after->setToolTip(tr("The run after the fix: the right side of the comparison and of the report"));
    auto swap = new QPushButton(tr("Swap"), box);
    swap->setToolTip(tr("Exchange the runs before and after"));
    auto compare = new QPushButton(tr("Compare"), box);
    compare->setToolTip(tr("Before/after: the two chosen runs side by side"));
    auto exportButton = new QPushButton(tr("Export report..."), box);
    exportButton->setToolTip(tr("HTML or PDF: the verdict, before and after, then the xclbin, the binding findings "
                                "and every run"));
    auto pick = new QFormLayout;
    pick->addRow(tr("Before:"), m_before);
    pick->addRow(tr("After:"), m_after);
    auto buttons = new QHBoxLayout;
    buttons->addWidget(swap);
    buttons->addWidget(compare);
    buttons->addWidget(exportButton);
    auto layout = new QVBoxLayout(box);
    layout->addWidget(m_historyList, 1);
    layout->addLayout(pick);
    layout->addLayout(buttons);
    connect(swap, &QPushButton::clicked, this, [this] {
        const int before = m_before->currentIndex();
        m_before->setCurrentIndex(m_after->currentIndex());
        m_after->setCurrentIndex(before);
    });
    connect(m_historyList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { showHistoryEntry(m_historyList->row(item)); });
    connect(compare, &QPushButton::clicked, this, &RunView::compareSelected);
    connect(exportButton, &QPushButton::clicked, this, &RunView::exportWithDialog);
    return box;
}

void RunView::setXclbin(XclbinPtr xclbin)
{
    m_xclbin = std::move(xclbin);
    if (m_xclbin)
        setXclbinPath(m_xclbin->filePath);
}

void RunView::setXclbinPath(const QString& path)
{
    m_xclbinEdit->setText(path);
    const QString found = path.isEmpty() ? QString() : InstructionFileLocator::findNextTo(path);
    m_instructionsEdit->setPlaceholderText(found.isEmpty() ? tr("none next to the xclbin") : found);
}

void RunView::setInstructionFile(const QString& path)
{
    m_instructionsEdit->setText(path);
}

void RunView::setBindingPlan(const BindingPlan& plan)
{
    m_bindingPlan = plan;
    updateCallField();
}

void RunView::setBindingSource(BindingSource source)
{
    m_bindingSource->setCurrentIndex(int(source));
}

void RunView::setCall(const QString& quick)
{
    setBindingSource(BindingSource::Typed);
    m_call->setText(quick);
}

void RunView::setBackend(AttentionBackendKind backend)
{
    m_backend->setCurrentIndex(int(Backends.indexOf(backend)));
}

void RunView::setVectors(TestVectors::Pattern pattern, int seq, int dim, quint32 seed)
{
    m_pattern->setCurrentIndex(int(Patterns.indexOf(pattern)));
    const int preset = seq == dim
        ? int(QStringList { QStringLiteral("16"), QStringLiteral("32"), QStringLiteral("64") }.indexOf(
            QString::number(seq)))
        : -1;
    m_size->setCurrentIndex(preset >= 0 ? preset : 3);
    m_seq->setValue(seq);
    m_dim->setValue(dim);
    m_seed->setValue(int(seed));
    updateCallField();
}

bool RunView::importNpy(const QStringList& paths, QString* error)
{
    std::optional<MatrixI8> q, k, v;
    for (const QString& path : paths) {
        QString why;
        const std::optional<NpyArray> array = NpyFile::load(path, &why);
        std::optional<MatrixI8> m;
        try {
            m = array ? array->toMatrixI8() : std::nullopt;
        } catch (const std::bad_alloc&) {
            // The reader bounds every shape, but the bound may still exceed what this machine has free.
            if (error)
                *error = tr("%1: not enough memory to import a %2 array").arg(path, array->shapeText());
            return false;
        }
        if (!m || m->size() == 0) {
            if (error) {
                *error = array ? tr("%1: expected a non-empty 2-D int8 array, found %2 of shape %3")
                                     .arg(path, NpyArray::dtypeName(array->dtype), array->shapeText())
                               : why;
            }
            return false;
        }
        const QChar first = QFileInfo(path).fileName().at(0).toLower();
        (first == u'q' ? q : first == u'k' ? k : v) = *m;
    }
    if (!q || !k || !v || q->rows() != k->rows() || q->cols() != k->cols() || q->rows() != v->rows()
        || q->cols() != v->cols()) {
        if (error)
            *error = tr("Import needs three int8 .npy files of one shape whose names start with q, k and v");
        return false;
    }
    TestVectors t;
    t.q = *q;
    t.k = *k;
    t.v = *v;
    t.description = tr("imported: %1").arg(paths.join(QStringLiteral(", ")));
    m_imported = t;
    if (m_pattern->count() == ImportedPattern)
        m_pattern->addItem(tr("imported"));
    m_pattern->setCurrentIndex(ImportedPattern);
    m_vectorSource->setText(tr("imported %1 x %2").arg(t.seq()).arg(t.dim()));
    return true;
}

TestVectors RunView::vectors() const
{
    if (m_pattern->currentIndex() == ImportedPattern && m_imported)
        return *m_imported;
    return TestVectors::make(Patterns.value(m_pattern->currentIndex()), m_seq->value(), m_dim->value(),
                             quint32(m_seed->value()));
}

QString RunView::currentCall() const
{
    return m_call->text();
}

AttentionRunOptions RunView::options() const
{
    AttentionRunOptions o;
    o.xclbinPath = m_xclbinEdit->text();
    o.backend = Backends.value(m_backend->currentIndex());
    o.vectors = vectors();
    o.call = currentCall();
    o.instructionFile = m_instructionsEdit->text();
    o.kernelName = m_bindingPlan && m_bindingSource->currentIndex() == int(BindingSource::BindingView)
        ? m_bindingPlan->kernelName
        : QString();
    o.correlationThreshold = m_threshold->value();
    o.timeoutMs = m_timeout->value() * 1000;
    o.cliPath = m_cliPath;
    return o;
}

void RunView::updateSizeFields()
{
    const bool custom = m_size->currentIndex() == 3;
    m_seq->setEnabled(custom);
    m_dim->setEnabled(custom);
    if (!custom) {
        const int n = m_size->currentText().toInt();
        m_seq->setValue(n);
        m_dim->setValue(n);
    }
}

void RunView::updateBackendLabel()
{
    const AttentionBackendKind k = Backends.value(m_backend->currentIndex());
    m_backendLabel->setText(
        tr("<b>%1</b>: %2").arg(AttentionBackend::name(k), AttentionBackend::describe(k).toHtmlEscaped()));
    m_bindingSource->setEnabled(k != AttentionBackendKind::Cpu);
    m_call->setEnabled(k != AttentionBackendKind::Cpu);
}

void RunView::updateCallField()
{
    const auto source = BindingSource(m_bindingSource->currentIndex());
    m_call->setReadOnly(source != BindingSource::Typed);
    if (source == BindingSource::Default)
        m_call->setText(AttentionBackend::defaultCall(m_seq->value(), m_dim->value()));
    else if (source == BindingSource::BindingView)
        m_call->setText(m_bindingPlan ? m_bindingPlan->toQuick() : QString());
    m_call->setPlaceholderText(source == BindingSource::BindingView ? tr("open the Binding view to make a plan")
                                                                    : QString());
    m_call->setCursorPosition(0); // the start of a long call is what tells calls apart
}

void RunView::setRunning(bool running, const QString& message)
{
    m_runButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_progress->setVisible(running);
    if (!message.isEmpty())
        m_status->setText(message);
}

bool RunView::isRunning() const
{
    return m_cancelButton->isEnabled();
}

void RunView::run()
{
    if (isRunning())
        return;
    const AttentionRunOptions o = options();
    if (o.backend != AttentionBackendKind::Cpu && o.xclbinPath.isEmpty()) {
        m_status->setText(
            tr("Choose an xclbin first: the %1 backend runs it through XRT.").arg(AttentionBackend::name(o.backend)));
        return;
    }
    setRunning(true, tr("Running on the %1 backend...").arg(AttentionBackend::name(o.backend)));
    emit runStarted();
    m_runner->start(o);
}

void RunView::cancel()
{
    m_runner->cancel(); // the run stops and finished() says CANCELLED
}

void RunView::onRunFinished(const AttentionRun& r)
{
    if (r.state == QLatin1String("CANCELLED")) {
        setRunning(false, tr("Cancelled."));
        return;
    }
    addToHistory(r);
    m_results->showRun(r);
    m_results->tabs()->setCurrentIndex(0);
    setRunning(false,
               r.succeeded() ? tr("Done: every check passed.") : tr("Done: a check failed (see the checklist)."));
    emit runFinished(r);
}

void RunView::addToHistory(const AttentionRun& run)
{
    m_history.append(run);
    auto item = new QListWidgetItem(historyLabel(int(m_history.size()) - 1), m_historyList);
    item->setIcon(VerdictStyle::icon(run.succeeded() ? Verdict::Valid : Verdict::Invalid));
    item->setToolTip(run.vectors.description + u'\n' + run.call);
    m_historyList->setCurrentItem(item);
    // The newest run is "after", the one before it "before": the usual order of a fix.
    const QString label = historyLabel(int(m_history.size()) - 1);
    m_before->addItem(label);
    m_after->addItem(label);
    m_after->setCurrentIndex(m_after->count() - 1);
    m_before->setCurrentIndex(qMax(0, m_before->count() - 2));
}

void RunView::setBeforeAfter(int before, int after)
{
    m_before->setCurrentIndex(before);
    m_after->setCurrentIndex(after);
}

QString RunView::historyLabel(int index) const
{
    const AttentionRun& r = m_history.at(index);
    QString text = QStringLiteral("#%1 %2 %3 %4")
                       .arg(index + 1)
                       .arg(r.started.toString(QStringLiteral("HH:mm:ss")), r.backend,
                            r.state.isEmpty() ? tr("did not run") : r.state);
    if (r.hasOutput())
        text += QStringLiteral(" %1/%2").arg(r.metrics.nonzero).arg(r.metrics.total);
    if (r.hasOutput() && r.metrics.correlationDefined())
        text += QStringLiteral(" r=%1").arg(r.metrics.correlation, 0, 'f', 3);
    return text;
}

void RunView::showHistoryEntry(int index)
{
    if (index < 0 || index >= m_history.size())
        return;
    m_results->showRun(m_history.at(index));
}

bool RunView::compareRuns(int before, int after)
{
    if (before < 0 || after < 0 || before >= m_history.size() || after >= m_history.size() || before == after)
        return false;
    m_compare->compare(m_history.at(before), historyLabel(before), m_history.at(after), historyLabel(after));
    m_results->tabs()->setCurrentWidget(m_compare);
    setBeforeAfter(before, after);
    return true;
}

void RunView::compareSelected()
{
    if (!compareRuns(m_before->currentIndex(), m_after->currentIndex()))
        m_status->setText(tr("Choose two different runs, one before and one after."));
}

bool RunView::exportReport(const QString& path, QString* error)
{
    HtmlReportInput input;
    input.title = tr("xclbin-inspector run report");
    input.xclbin = m_xclbin;
    const QString runPath = m_xclbinEdit->text();
    if ((!input.xclbin || input.xclbin->filePath != runPath) && !runPath.isEmpty())
        input.xclbin = XclbinReader::load(runPath).xclbin;
    input.binding = m_bindingReport;
    input.runs = m_history;
    // The runs the user chose as before and after (compareRuns() chooses them too).
    std::optional<QPair<int, int>> compared;
    if (m_history.size() >= 2 && m_before->currentIndex() != m_after->currentIndex())
        compared = qMakePair(m_before->currentIndex(), m_after->currentIndex());
    if (compared) {
        HtmlReportInput::Comparison c;
        auto label = [this](int i) {
            return tr("run %1 at %2").arg(i + 1).arg(m_history.at(i).started.toString(QStringLiteral("HH:mm:ss")));
        };
        c.beforeLabel = label(compared->first);
        c.afterLabel = label(compared->second);
        c.beforeRun = m_history.at(compared->first);
        c.afterRun = m_history.at(compared->second);
        input.comparison = c;
    }
    return ReportExport::write(input, path, error);
}

void RunView::exportWithDialog()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export report"), QStringLiteral("attention-report.html"),
                                       tr("HTML report (*.html);;PDF report (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    m_status->setText(exportReport(path, &error) ? tr("Report written to %1").arg(path) : error);
}

} // namespace xi
