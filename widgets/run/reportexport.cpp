// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/run/reportexport.h"

#include "util/safefilewriter.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>

namespace xi {

namespace {

// QTextDocument knows no <figure> and no inline SVG: lay the heatmaps out as a table with captions below, and
// say where the histogram is rather than leave a silent gap.
QString forTextDocument(QString html)
{
    static const QRegularExpression grid(QStringLiteral("<div class=\"heatmaps\">(.*?)</div>"),
                                         QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression figure(
        QStringLiteral("<figure>(<img [^>]*>)<figcaption>(.*?)</figcaption></figure>"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression svg(QStringLiteral("<svg.*?</svg>"),
                                        QRegularExpression::DotMatchesEverythingOption);
    QRegularExpressionMatch m;
    qsizetype from = 0;
    while ((m = grid.match(html, from)).hasMatch()) {
        QString table = QStringLiteral("<table cellspacing=\"6\"><tr>");
        int n = 0;
        for (auto it = figure.globalMatch(m.captured(1)); it.hasNext(); ++n) {
            const QRegularExpressionMatch f = it.next();
            if (n && n % 3 == 0)
                table += QStringLiteral("</tr><tr>");
            table += QStringLiteral("<td align=\"center\">") + f.captured(1) + QStringLiteral("<br><small>")
                + f.captured(2) + QStringLiteral("</small></td>");
        }
        table += QStringLiteral("</tr></table>");
        html.replace(m.capturedStart(), m.capturedLength(), table);
        from = m.capturedStart() + table.size();
    }
    html.replace(svg, QObject::tr("<i>(a chart: see the HTML report)</i>"));
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

QByteArray ReportExport::pdf(const QString& html)
{
    QTextDocument doc;
    load(&doc, html);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    writer.setTitle(doc.metaInformation(QTextDocument::DocumentTitle));
    writer.setCreator(QStringLiteral("xclbin-inspector"));
    doc.print(&writer);
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
    const QString html = HtmlReport::generate(input);
    const QByteArray bytes = suffix == QLatin1String("pdf") ? pdf(html) : html.toUtf8();
    return SafeFileWriter::write(path, bytes, error);
}

} // namespace xi
