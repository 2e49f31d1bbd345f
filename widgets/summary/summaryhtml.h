// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "summary/filesummary.h"

#include <QList>
#include <QPair>
#include <QPalette>
#include <QString>

class QTextDocument;

namespace xi {

// A FileSummary as rich text for a QTextBrowser, coloured for the palette. Links are SummaryPoint::link()s to the
// views listed (name, label); a point whose view is not there is shown without a link.
class SummaryHtml {
public:
    using Views = QList<QPair<QString, QString>>;

    static QString html(const FileSummary& summary, const Views& views, const QPalette& palette);
    // The verdict icons the HTML refers to ("xi-verdict:invalid"), added to the document as resources.
    static void addIcons(QTextDocument* document);
};

} // namespace xi
