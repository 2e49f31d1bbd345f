// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/summary/summaryview.h"

#include <QEvent>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace xi {

SummaryView::SummaryView(QWidget* parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
{
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->setAccessibleName(tr("File summary"));
    m_browser->setToolTip(tr("The file's verdict, its kernels' calls and its findings; click a link to see the "
                             "details in that view"));
    SummaryHtml::addIcons(m_browser->document());
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_browser);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) { activateLink(url.toString()); });
    m_browser->setHtml(tr("<p><i>Loading...</i></p>"));
}

void SummaryView::setSummary(const FileSummary& summary)
{
    m_summary = summary;
    m_hasSummary = true;
    render();
}

void SummaryView::setViews(const SummaryHtml::Views& views)
{
    m_views = views;
    if (m_hasSummary)
        render();
}

void SummaryView::activateLink(const QString& link)
{
    QString view, kernel;
    int argument = -1;
    if (SummaryPoint::parseLink(link, &view, &kernel, &argument))
        emit linkActivated(view, kernel, argument);
}

void SummaryView::render()
{
    m_browser->setHtml(SummaryHtml::html(m_summary, m_views, palette()));
}

void SummaryView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_hasSummary)
        render();
}

} // namespace xi
