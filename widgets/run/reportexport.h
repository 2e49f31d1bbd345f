// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/htmlreport.h"

#include <QByteArray>
#include <QString>

class QTextDocument;

namespace xi {

// Writes core's HTML report as .html, or prints the same HTML to .pdf (QTextDocument + QPdfWriter).
// An existing file is kept as <path>.bak.
class ReportExport {
public:
    static bool write(const HtmlReportInput& input, const QString& path, QString* error = nullptr);
    static QByteArray pdf(const QString& html);
    // The HTML in a QTextDocument with its data: URI images loaded as resources (what the PDF prints).
    static void load(QTextDocument* document, const QString& html);
};

} // namespace xi
