// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/summary/summaryhtml.h"

#include "widgets/common/verdictstyle.h"

#include <QFileInfo>
#include <QTextDocument>
#include <QUrl>

namespace xi {

namespace {

constexpr int IconSize = 16;
constexpr int HeadlineIconSize = 32;

Verdict verdictOf(Severity s)
{
    return s == Severity::Error ? Verdict::Invalid : s == Severity::Warning ? Verdict::Warning : Verdict::Valid;
}

QString icon(Verdict v, int size = IconSize)
{
    return QStringLiteral("<img src=\"xi-verdict:%1\" width=\"%2\" height=\"%2\">").arg(verdictName(v)).arg(size);
}

QString e(const QString& text)
{
    return text.toHtmlEscaped();
}

QString labelOf(const SummaryHtml::Views& views, const QString& name)
{
    for (const auto& [view, label] : views) {
        if (view == name)
            return label;
    }
    return {};
}

// "Show in Arguments", or nothing when the view is not there.
QString linkTo(const SummaryHtml::Views& views, const QString& view, const QString& href)
{
    const QString label = labelOf(views, view);
    if (label.isEmpty())
        return {};
    return QStringLiteral("<a href=\"%1\">%2&nbsp;&rsaquo;</a>").arg(e(href), e(label));
}

QString section(const QString& title)
{
    return QStringLiteral("<h3 style=\"margin-top:14px; margin-bottom:4px\">%1</h3>").arg(e(title));
}

QString kernelsHtml(const FileSummary& s, const QPalette& palette)
{
    if (s.kernels.isEmpty())
        return {};
    const QString code
        = QStringLiteral("background:%1; font-family:monospace").arg(palette.color(QPalette::AlternateBase).name());
    QString html = section(QObject::tr("How to call it"));
    for (const KernelCall& k : s.kernels) {
        html += QStringLiteral("<p style=\"margin-bottom:2px\"><b>%1</b>%2 &mdash; %3</p>")
                    .arg(e(k.names.join(QStringLiteral(", "))),
                         k.names.size() > 1 ? QObject::tr(" (%1 kernels, one argument list)").arg(k.names.size())
                                            : QString(),
                         e(k.conventionText));
        html += QStringLiteral("<table cellpadding=\"3\" style=\"margin-left:12px\"><tr><td>Python</td>"
                               "<td style=\"%1\">%2</td></tr><tr><td>C++</td><td style=\"%1\">%3</td></tr></table>")
                    .arg(code, e(k.python), e(k.cpp));
    }
    return html;
}

QString streamHtml(const FileSummary& s, const SummaryHtml::Views& views)
{
    if (!s.stream && s.streamNote.isEmpty())
        return {};
    QString html = section(QObject::tr("Instruction stream"));
    if (!s.stream)
        return html + QStringLiteral("<p>%1</p>").arg(e(s.streamNote.left(1).toUpper() + s.streamNote.mid(1)));
    html += QStringLiteral("<p>%1 %2</p>")
                .arg(e(s.stream->sentence()),
                     linkTo(views, QStringLiteral("instructions"), QStringLiteral("xi:instructions")));
    return html;
}

QString countsHtml(const FileSummary& s, const SummaryHtml::Views& views)
{
    if (s.argumentCount == 0)
        return {};
    QStringList parts;
    for (Verdict v : { Verdict::Valid, Verdict::Scalar, Verdict::Warning, Verdict::Invalid, Verdict::Unknown }) {
        if (v == Verdict::Unknown && s.count(v) == 0)
            continue;
        parts << QStringLiteral("%1&nbsp;<b>%2</b>&nbsp;%3")
                     .arg(icon(v))
                     .arg(s.count(v))
                     .arg(e(VerdictStyle::label(v).toLower()));
    }
    return section(QObject::tr("Verdicts of %1 arguments").arg(s.argumentCount))
        + QStringLiteral("<p>%1 &nbsp;&nbsp; %2</p>")
              .arg(parts.join(QStringLiteral(" &nbsp;&nbsp; ")),
                   linkTo(views, QStringLiteral("arguments"), QStringLiteral("xi:arguments")));
}

QString pointsHtml(const FileSummary& s, const SummaryHtml::Views& views)
{
    if (s.points.isEmpty())
        return {};
    QString html = section(QObject::tr("Findings and notes"));
    html += QStringLiteral("<table cellpadding=\"4\" width=\"100%\">");
    for (const SummaryPoint& p : s.points) {
        const QString count
            = p.count > 1 && p.severity != Severity::Info ? QObject::tr(" <b>(%1&times;)</b>").arg(p.count) : QString();
        html += QStringLiteral("<tr><td width=\"20\" valign=\"top\">%1</td><td valign=\"top\">%2%3</td>"
                               "<td valign=\"top\" align=\"right\" style=\"white-space:nowrap\">%4</td></tr>")
                    .arg(icon(verdictOf(p.severity)), e(p.text), count, linkTo(views, p.view, p.link()));
    }
    return html + QStringLiteral("</table>");
}

} // namespace

QString SummaryHtml::html(const FileSummary& s, const Views& views, const QPalette& palette)
{
    const Verdict level = verdictOf(s.level);
    SummaryPoint headline;
    headline.view = s.headlineView;
    headline.kernel = s.headlineKernel;
    headline.argument = s.headlineArgument;
    QString html = QStringLiteral("<table width=\"100%\" cellpadding=\"10\" style=\"background:%1\"><tr>"
                                  "<td width=\"40\" valign=\"top\">%2</td><td><span style=\"font-size:large; "
                                  "font-weight:bold\">%3</span><br>%4</td></tr></table>")
                       .arg(VerdictStyle::background(level, palette).name(), icon(level, HeadlineIconSize),
                            e(s.headline), linkTo(views, s.headlineView, headline.link()));
    html += QStringLiteral("<p><b>%1</b>: %2</p>").arg(e(s.fileName), e(s.kindText));
    html += kernelsHtml(s, palette);
    html += streamHtml(s, views);
    html += countsHtml(s, views);
    html += pointsHtml(s, views);
    return html;
}

void SummaryHtml::addIcons(QTextDocument* document)
{
    for (int v = 0; v < VerdictCount; ++v) {
        const QIcon i = VerdictStyle::icon(Verdict(v));
        document->addResource(QTextDocument::ImageResource,
                              QUrl(QStringLiteral("xi-verdict:%1").arg(verdictName(Verdict(v)))),
                              i.pixmap(HeadlineIconSize, HeadlineIconSize).toImage());
    }
}

} // namespace xi
