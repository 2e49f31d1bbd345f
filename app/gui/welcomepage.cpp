// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcomepage.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace xi {

namespace {
constexpr int ContentWidth = 640;
constexpr int PathRole = Qt::UserRole + 1;
} // namespace

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
    , m_open(new QPushButton(tr("&Open a file..."), this))
    , m_demo(new QPushButton(tr("Open the &demo"), this))
    , m_recent(new QListWidget(this))
    , m_demoAtStart(new QCheckBox(tr("Open the demo at every start"), this))
{
    setObjectName(QStringLiteral("WelcomePage"));
    auto title = new QLabel(tr("<h1>xclbin inspector</h1>"), this);
    auto intro = new QLabel(tr("Open an <b>.xclbin</b> to see at once whether its kernels can be called as they are: "
                               "every argument's XRT group ID with a verdict, the exact call to write, what the "
                               "instruction stream next to it moves, and a run through XRT without an NPU."),
                            this);
    intro->setWordWrap(true);
    m_open->setToolTip(tr("Choose one or more .xclbin files (Ctrl+O)"));
    m_demo->setToolTip(tr("A correct and a deliberately broken attention xclbin, and their comparison"));
    m_recent->setAccessibleName(tr("Recent files"));
    m_recent->setToolTip(tr("Files opened before; press Enter or double-click to open one"));
    m_recent->setMaximumHeight(200);
    m_demoAtStart->setToolTip(tr("Start with the demo instead of this page"));

    auto drop = new QLabel(tr("Drop an .xclbin file here"), this);
    drop->setAlignment(Qt::AlignCenter);
    drop->setFrameShape(QFrame::Box);
    drop->setFrameShadow(QFrame::Plain);
    drop->setMinimumHeight(80);
    drop->setStyleSheet(QStringLiteral("QLabel { border: 2px dashed palette(mid); border-radius: 8px; }"));
    drop->setAccessibleName(tr("Drop area"));

    auto buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_demo);
    buttons->addStretch(1);

    auto column = new QWidget(this);
    column->setMaximumWidth(ContentWidth);
    auto layout = new QVBoxLayout(column);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("<b>Recent files</b>"), this));
    layout->addWidget(m_recent);
    layout->addSpacing(12);
    layout->addWidget(drop);
    layout->addWidget(m_demoAtStart);
    layout->addStretch(1);

    auto outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(column, 3);
    outer->addStretch(1);

    connect(m_open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit recentRequested(item->data(PathRole).toString()); });
    connect(m_demoAtStart, &QCheckBox::toggled, this, &WelcomePage::demoAtStartChanged);
    setRecentFiles({});
}

void WelcomePage::setRecentFiles(const QStringList& paths)
{
    m_recent->clear();
    for (const QString& path : paths) {
        auto item = new QListWidgetItem(
            QStringLiteral("%1    %2")
                .arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(QFileInfo(path).path())),
            m_recent);
        item->setData(PathRole, path);
        item->setToolTip(path);
    }
    if (paths.isEmpty()) {
        auto item = new QListWidgetItem(tr("No recent files yet."), m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}

void WelcomePage::setDemoAvailable(bool available)
{
    m_demo->setEnabled(available);
    m_demo->setToolTip(available ? tr("A correct and a deliberately broken attention xclbin, and their comparison")
                                 : tr("No demo files found (set XI_DEMO_DIR)"));
}

void WelcomePage::setDemoAtStart(bool on)
{
    const QSignalBlocker block(m_demoAtStart);
    m_demoAtStart->setChecked(on);
}

} // namespace xi
