// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/decoder/decoderview.h"

#include "binding/xrtlogdecoder.h"
#include "widgets/common/tablecopy.h"
#include "widgets/common/tableviewfactory.h"
#include "widgets/decoder/decoderresultmodel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace xi {

namespace {

QString para(const QString& title, const QString& text)
{
    return text.isEmpty() ? QString() : QStringLiteral("<p><b>%1</b> %2</p>").arg(title, text.toHtmlEscaped());
}

QString findingHtml(const LogFinding& f)
{
    QString html = QStringLiteral("<p><code>%1</code> (line %2)</p>").arg(f.text.toHtmlEscaped()).arg(f.line);
    if (f.groupId) {
        html += QStringLiteral("<ul>");
        for (const QString& line : f.groupId->explanation())
            html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    html += para(QObject::tr("Passed:"), f.passed);
    html += para(QObject::tr("What went wrong:"), f.wentWrong);
    html += para(QObject::tr("Fix:"), f.fix);
    if (!f.callPython.isEmpty())
        html += QObject::tr("<p><b>Corrected call</b></p><pre>%1</pre><pre>%2</pre>")
                    .arg(f.callPython.toHtmlEscaped(), f.callCpp.toHtmlEscaped());
    return html;
}

} // namespace

DecoderView::DecoderView(QWidget* parent)
    : QWidget(parent)
    , m_input(new QPlainTextEdit(this))
    , m_results(new DecoderResultModel(this))
    , m_table(createTableView(m_results, this,
                              tr("Every group ID and XRT warning found in the text; select one for the explanation")))
    , m_explanation(new QTextBrowser(this))
    , m_timer(new QTimer(this))
{
    m_input->setPlaceholderText(tr("Paste group IDs (65536 131072 0x1FFFF -1) or XRT log text, e.g.\n"
                                   "Kernel MLIR_AIE has no compute units with connectivity required for global "
                                   "argument at index 0. The argument is allocated in bank 1, the compute unit is "
                                   "connected to bank 131071. Allocating local copy of argument buffer in connected "
                                   "bank."));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_input->setToolTip(tr("Numbers or XRT log text; decoded as you type against the open xclbin"));
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_explanation->setToolTip(tr("What the selected finding means, what went wrong and the corrected call"));
    m_timer->setSingleShot(true);
    m_timer->setInterval(250);

    auto splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_input);
    splitter->addWidget(m_table);
    splitter->addWidget(m_explanation);
    splitter->setSizes({ 140, 260, 400 });
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(new QLabel(tr("Decode group IDs and XRT warnings against the open file:"), this));
    layout->addWidget(splitter);

    connect(m_input, &QPlainTextEdit::textChanged, m_timer, qOverload<>(&QTimer::start));
    connect(m_timer, &QTimer::timeout, this, &DecoderView::decode);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showFinding(current.row()); });
}

void DecoderView::setXclbin(XclbinPtr xclbin)
{
    m_xclbin = std::move(xclbin);
    decode();
}

void DecoderView::setInput(const QString& text)
{
    m_input->setPlainText(text);
    m_timer->stop();
    decode();
}

void DecoderView::decode()
{
    const XrtLogDecoder decoder(m_xclbin);
    m_results->setFindings(decoder.decode(m_input->toPlainText()));
    m_table->resizeColumnsToContents();
    // A third of the view, but never narrower than a group ID: a hidden tab has not been laid out yet.
    const int cap = qMax(width() / 3, fontMetrics().horizontalAdvance(QLatin1Char('0')) * 24);
    m_table->setColumnWidth(DecoderResultModel::TextColumn,
                            qMin(m_table->columnWidth(DecoderResultModel::TextColumn), cap));
    if (m_results->rowCount() > 0)
        m_table->selectRow(0);
    else
        m_explanation->setHtml(tr("<p><i>Nothing decoded yet.</i></p>"));
}

void DecoderView::showFinding(int row)
{
    if (row < 0 || row >= m_results->findings().size())
        return;
    m_explanation->setHtml(findingHtml(m_results->findings()[row]));
}

} // namespace xi
