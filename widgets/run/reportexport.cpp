// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/run/reportexport.h"

#include "util/safefilewriter.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>

namespace xi {

namespace {

// QTextDocument knows no <figure>: a row of figures becomes a one-row table with the captions under the pictures.
QString forTextDocument(QString html)
{
    static const QRegularExpression row(QStringLiteral("<div>((?:<figure>.*?</figure>\\s*)+)</div>"),
                                        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression figure(
        QStringLiteral("<figure>(<img [^>]*>)<figcaption>(.*?)</figcaption></figure>"),
        QRegularExpression::DotMatchesEverythingOption);
    QRegularExpressionMatch m;
    qsizetype from = 0;
    while ((m = row.match(html, from)).hasMatch()) {
        QString table = QStringLiteral("<table cellspacing=\"4\"><tr>");
        for (auto it = figure.globalMatch(m.captured(1)); it.hasNext();) {
            const QRegularExpressionMatch f = it.next();
            table += QStringLiteral("<td align=\"center\" style=\"border: none\">") + f.captured(1)
                + QStringLiteral("<br><small>") + f.captured(2) + QStringLiteral("</small></td>");
        }
        table += QStringLiteral("</tr></table>");
        html.replace(m.capturedStart(), m.capturedLength(), table);
        from = m.capturedStart() + table.size();
    }
    return html;
}

// Paper is read closer than a screen: the body's 10 points print as 8.
QString forPaper(QString html)
{
    const qsizetype body = html.indexOf(QLatin1String("body {"));
    const qsizetype end = body < 0 ? -1 : html.indexOf(u'}', body);
    const qsizetype size = body < 0 ? -1 : html.indexOf(QLatin1String("font-size: 10pt"), body);
    if (size > 0 && size < end)
        html.replace(size, 15, QStringLiteral("font-size: 8pt"));
    return html;
}

} // namespace

void ReportExport::load(QTextDocument* document, const QString& html)
{
    // The report's images are data: URIs; hand them to the document as resources so every Qt version shows them.
    QString text = forTextDocument(html);
    static const QRegularExpression dataUri(QStringLiteral("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\""));
    int n = 0;
    QRegularExpressionMatch m;
    while ((m = dataUri.match(text)).hasMatch()) {
        const QUrl name(QStringLiteral("xi-image-%1.png").arg(n++));
        document->addResource(QTextDocument::ImageResource, name,
                              QImage::fromData(QByteArray::fromBase64(m.captured(1).toLatin1()), "PNG"));
        text.replace(m.capturedStart(), m.capturedLength(), QStringLiteral("src=\"") + name.toString() + u'"');
    }
    document->setHtml(text);
}

// Laid out at the printer's resolution on the page's printable area, then drawn page by page: the text and tables fill
// the width of A4 (QTextDocument::print would lay out at screen resolution and add its own margins).
QByteArray ReportExport::pdf(const QString& html)
{
    constexpr int Resolution = 150;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(Resolution);
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setCreator(QStringLiteral("xclbin-inspector"));

    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    load(&doc, forPaper(html));
    writer.setTitle(doc.metaInformation(QTextDocument::DocumentTitle));
    const QSizeF page = writer.pageLayout().paintRectPixels(Resolution).size();
    doc.setPageSize(page);

    QPainter painter(&writer);
    for (int i = 0; i < doc.pageCount(); ++i) {
        if (i > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -i * page.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, i * page.height(), page.width(), page.height());
        doc.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    painter.end();
    buffer.close();
    return buffer.data();
}

bool ReportExport::write(const HtmlReportInput& input, const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("html") && suffix != QLatin1String("htm") && suffix != QLatin1String("pdf")) {
        if (error)
            *error = QObject::tr("Cannot write a report to %1: expected a .html or .pdf file name").arg(path);
        return false;
    }
    HtmlReportInput in = input;
    if (in.outputPath.isEmpty())
        in.outputPath = path; // paths in the report relative to where it is written
    const QString html = HtmlReport::generate(in);
    const QByteArray bytes = suffix == QLatin1String("pdf") ? pdf(html) : html.toUtf8();
    return SafeFileWriter::write(path, bytes, error);
}

} // namespace xi
