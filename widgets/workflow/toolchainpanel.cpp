// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workflow/toolchainpanel.h"

#include "widgets/common/verdictstyle.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace xi {

namespace {

QStringList splitList(const QString& text)
{
    QStringList out;
    for (const QString& part : text.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

QLineEdit* pathField(QWidget* parent, const QString& placeholder, const QString& tip)
{
    auto edit = new QLineEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(tip);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

ToolchainPanel::ToolchainPanel(QWidget* parent)
    : QWidget(parent)
    , m_jobs(this)
    , m_mode(new QComboBox(this))
    , m_program(pathField(this, QStringLiteral("aiecc.py"), tr("The aiecc program: a name on PATH or a path")))
    , m_python(pathField(this, QStringLiteral("python3"), tr("The Python that has mlir-aie installed")))
    , m_module(pathField(this, QStringLiteral("aie.compiler.aiecc.main"), tr("The module run with python -m")))
    , m_path(
          pathField(this, tr("folder:folder"),
                    tr("Folders put first on PATH, separated by ':' (xclbinutil, bootgen, the mlir-aie bin folder)")))
    , m_peano(pathField(this, tr("(inherited)"), tr("PEANO_INSTALL_DIR: the llvm-aie (Peano) install folder")))
    , m_xrt(pathField(this, tr("(inherited)"), tr("XILINX_XRT: the XRT install folder")))
    , m_workdir(pathField(this, tr("(the design's folder)"), tr("Where aiecc runs and writes its outputs")))
    , m_environment(new QPlainTextEdit(this))
    , m_detect(new QPushButton(tr("Detect"), this))
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(0, 4, this))
{
    m_mode->addItem(tr("Find it (aiecc.py, aiecc, python3 -m)"), QStringLiteral("auto"));
    m_mode->addItem(tr("Program"), QStringLiteral("program"));
    m_mode->addItem(tr("Python module (python -m)"), QStringLiteral("python-module"));
    m_mode->setToolTip(tr("How to start aiecc"));
    m_environment->setPlaceholderText(tr("KEY=VALUE, one a line (PYTHONPATH for an mlir-aie wheel, ...)"));
    m_environment->setToolTip(tr("More environment variables for aiecc, one KEY=VALUE a line"));
    m_environment->setMaximumHeight(60);
    m_detect->setToolTip(tr("Look for aiecc, xclbinutil, bootgen, Peano and XRT, and read aiecc --help for its flags"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setHorizontalHeaderLabels({ tr("Tool"), tr("Where"), tr("Detail"), tr("How to get it") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->setToolTip(tr("What detection found; a missing tool says how to get it"));

    auto browse = new QPushButton(tr("Browse..."), this);
    browse->setToolTip(tr("Choose the aiecc program"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("aiecc program"), m_program->text());
        if (!path.isEmpty()) {
            m_program->setText(path);
            m_mode->setCurrentIndex(1);
        }
    });
    auto programRow = new QHBoxLayout;
    programRow->addWidget(m_program, 1);
    programRow->addWidget(browse);
    auto moduleRow = new QHBoxLayout;
    moduleRow->addWidget(m_python);
    moduleRow->addWidget(new QLabel(QStringLiteral("-m"), this));
    moduleRow->addWidget(m_module, 1);

    auto form = new QFormLayout;
    form->addRow(tr("aiecc:"), m_mode);
    form->addRow(tr("Program:"), programRow);
    form->addRow(tr("Python:"), moduleRow);
    form->addRow(tr("PATH additions:"), m_path);
    form->addRow(tr("PEANO_INSTALL_DIR:"), m_peano);
    form->addRow(tr("XILINX_XRT:"), m_xrt);
    form->addRow(tr("Environment:"), m_environment);
    form->addRow(tr("Working folder:"), m_workdir);

    auto detectRow = new QHBoxLayout;
    detectRow->addWidget(m_detect);
    detectRow->addWidget(m_summary, 1);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(detectRow);
    layout->addWidget(m_table, 1);

    connect(m_detect, &QPushButton::clicked, this, &ToolchainPanel::detect);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        updateModeFields();
        emit settingsChanged();
    });
    for (QLineEdit* edit : { m_program, m_python, m_module, m_path, m_peano, m_xrt, m_workdir })
        connect(edit, &QLineEdit::editingFinished, this, &ToolchainPanel::settingsChanged);
    setSettings(loadSettings());
}

ToolchainSettings ToolchainPanel::settings() const
{
    ToolchainSettings s;
    s.mode = ToolchainSettings::modeFromName(m_mode->currentData().toString());
    s.program = m_program->text().trimmed();
    s.python = m_python->text().trimmed().isEmpty() ? QStringLiteral("python3") : m_python->text().trimmed();
    s.module
        = m_module->text().trimmed().isEmpty() ? QStringLiteral("aie.compiler.aiecc.main") : m_module->text().trimmed();
    s.extraPath = splitList(m_path->text());
    s.peanoInstallDir = m_peano->text().trimmed();
    s.xilinxXrt = m_xrt->text().trimmed();
    for (const QString& line : m_environment->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        s.environment << line.trimmed();
    s.workingDirectory = m_workdir->text().trimmed();
    return s;
}

void ToolchainPanel::setSettings(const ToolchainSettings& s)
{
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(ToolchainSettings::modeName(s.mode))));
    m_program->setText(s.program);
    m_python->setText(s.python == QLatin1String("python3") ? QString() : s.python);
    m_module->setText(s.module == QLatin1String("aie.compiler.aiecc.main") ? QString() : s.module);
    m_path->setText(s.extraPath.join(QLatin1Char(':')));
    m_peano->setText(s.peanoInstallDir);
    m_xrt->setText(s.xilinxXrt);
    m_environment->setPlainText(s.environment.join(QLatin1Char('\n')));
    m_workdir->setText(s.workingDirectory);
    updateModeFields();
}

ToolchainSettings ToolchainPanel::loadSettings()
{
    QSettings settings;
    const QByteArray json = settings.value(QStringLiteral("Toolchain/settings")).toByteArray();
    return json.isEmpty() ? ToolchainSettings() : ToolchainSettings::fromJson(QJsonDocument::fromJson(json).object());
}

void ToolchainPanel::saveSettings(const ToolchainSettings& s)
{
    QSettings settings;
    settings.setValue(QStringLiteral("Toolchain/settings"), QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact));
}

void ToolchainPanel::updateModeFields()
{
    const auto mode = ToolchainSettings::modeFromName(m_mode->currentData().toString());
    m_program->setEnabled(mode == ToolchainSettings::AieccMode::Program);
    m_python->setEnabled(mode != ToolchainSettings::AieccMode::Program);
    m_module->setEnabled(mode != ToolchainSettings::AieccMode::Program);
}

void ToolchainPanel::detect()
{
    const ToolchainSettings s = settings();
    saveSettings(s);
    m_detect->setEnabled(false);
    m_summary->setText(tr("Detecting: running aiecc --help and --version ..."));
    m_jobs.start<ToolchainStatus>([s](const CancelToken&) { return ToolchainDetection::detect(s); },
                                  [this](ToolchainStatus status) {
                                      m_detect->setEnabled(true);
                                      showStatus(status);
                                      emit detected(status);
                                  });
}

void ToolchainPanel::showStatus(const ToolchainStatus& status)
{
    m_status = status;
    m_summary->setText(status.summary());
    m_table->setRowCount(int(status.tools.size()));
    for (int row = 0; row < status.tools.size(); ++row) {
        const ToolStatus& t = status.tools.at(row);
        const Verdict verdict = t.found ? Verdict::Valid : t.required ? Verdict::Invalid : Verdict::Warning;
        auto name = new QTableWidgetItem(VerdictStyle::icon(verdict), t.tool);
        name->setToolTip(t.found ? tr("found") : t.required ? tr("missing: needed to recompile") : tr("missing"));
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(t.path.isEmpty() ? QStringLiteral("-") : t.path));
        m_table->setItem(row, 2,
                         new QTableWidgetItem(
                             t.version.isEmpty() ? t.detail : QString(t.version + QStringLiteral("; ") + t.detail)));
        auto how = new QTableWidgetItem(t.howToGet);
        how->setToolTip(t.howToGet);
        m_table->setItem(row, 3, how);
    }
    m_table->resizeColumnsToContents();
    m_table->resizeRowsToContents();
}

} // namespace xi
