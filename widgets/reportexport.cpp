// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportexport.h"

#include "safefilewriter.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>

namespace xi {

void ReportExport::load(QTextDocument* document, const QString& html)
{
    // The report's images are data: URIs; hand them to the document as resources so every Qt version shows them.
    QString text = html;
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
