// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/workflow/bugreportview.h"

#include "util/safefilewriter.h"
#include "widgets/common/verdictstyle.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace xi {

BugReportView::BugReportView(QWidget* parent)
    : QWidget(parent)
    , m_assessment(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("Copy"), this))
    , m_save(new QPushButton(tr("Save..."), this))
    , m_status(new QLabel(this))
{
    m_assessment->setWordWrap(true);
    m_assessment->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_assessment->setAutoFillBackground(true);
    m_assessment->setMargin(6);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setToolTip(tr("The report as Markdown, filled from what was loaded, checked and run; edit it freely "
                          "before copying or saving"));
    m_copy->setToolTip(tr("Copy the Markdown to the clipboard"));
    m_save->setToolTip(tr("Save the Markdown to a file (an existing file is kept as FILE.bak)"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_save);
    buttons->addWidget(m_status, 1);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_assessment);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);

    connect(m_copy, &QPushButton::clicked, this, [this] {
        copyToClipboard();
        m_status->setText(tr("Copied."));
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save bug report"), QStringLiteral("bug-report.md"),
                                                          tr("Markdown (*.md);;All files (*)"));
        if (!path.isEmpty())
            save(path);
    });
    setInput({});
}

void BugReportView::setInput(const BugReportInput& input)
{
    m_input = input;
    const BugReportAssessment a = BugReport::assess(input);
    const Verdict style = a.target == BugReportAssessment::Target::Host ? Verdict::Warning
        : a.target == BugReportAssessment::Target::Build                ? Verdict::Invalid
        : a.target == BugReportAssessment::Target::Nothing              ? Verdict::Valid
                                                                        : Verdict::Scalar;
    QPalette pal = m_assessment->palette();
    pal.setColor(QPalette::Window, VerdictStyle::background(style, palette()));
    pal.setColor(QPalette::WindowText, palette().color(QPalette::Text));
    m_assessment->setPalette(pal);
    m_assessment->setText(tr("<b>Where the evidence points: %1.</b> %2")
                              .arg(BugReportAssessment::targetName(a.target), a.headline.toHtmlEscaped()));
    m_text->setPlainText(BugReport::markdown(input));
    m_status->clear();
}

QString BugReportView::markdown() const
{
    return m_text->toPlainText();
}

bool BugReportView::save(const QString& path, QString* error)
{
    QString why;
    if (!SafeFileWriter::write(path, markdown().toUtf8(), &why)) {
        m_status->setText(why);
        if (error)
            *error = why;
        return false;
    }
    m_status->setText(tr("Saved %1.").arg(path));
    return true;
}

void BugReportView::copyToClipboard() const
{
    QApplication::clipboard()->setText(markdown());
}

} // namespace xi
