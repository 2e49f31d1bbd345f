// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "summary/filesummary.h"
#include "widgets/summary/summaryhtml.h"

#include <QWidget>

class QTextBrowser;

namespace xi {

// The first view of every file: its verdict in one line, what it is, how to call its kernels, what the instruction
// stream next to it moves, counts per verdict and every finding, each with a link to the view that shows it.
class SummaryView : public QWidget {
    Q_OBJECT
public:
    explicit SummaryView(QWidget* parent = nullptr);

    void setSummary(const FileSummary& summary);
    const FileSummary& summary() const { return m_summary; }
    // The views links may go to, as (name, label); links to others are left out.
    void setViews(const SummaryHtml::Views& views);
    QTextBrowser* browser() const { return m_browser; }
    // Follows a link as a click does.
    void activateLink(const QString& link);

signals:
    // A link was clicked: show `view`, and select the argument there when argument >= 0.
    void linkActivated(const QString& view, const QString& kernel, int argument);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    FileSummary m_summary;
    SummaryHtml::Views m_views;
    bool m_hasSummary = false;
    QTextBrowser* m_browser;
};

} // namespace xi
