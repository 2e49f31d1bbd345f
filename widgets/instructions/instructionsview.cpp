// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/instructions/instructionsview.h"

#include "binding/bindingchecker.h"
#include "binding/instructionfilelocator.h"
#include "binding/streamcontext.h"
#include "instructions/npustreamchecker.h"
#include "instructions/npustreamreader.h"
#include "widgets/common/findbar.h"
#include "widgets/common/tableviewfactory.h"
#include "widgets/common/verdictstyle.h"
#include "widgets/instructions/npuargumentbars.h"
#include "widgets/instructions/npuopsmodel.h"
#include "widgets/instructions/nputransfersmodel.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace xi {

namespace {

struct Decoded {
    std::shared_ptr<const NpuStream> stream;
    QList<NpuFinding> findings;
    QString error;
};

} // namespace

InstructionsView::InstructionsView(QWidget* parent)
    : QWidget(parent)
    , m_jobs(this)
    , m_summary(new QLabel(this))
    , m_open(new QPushButton(tr("Open stream..."), this))
    , m_findingsList(new QListWidget(this))
    , m_bars(new NpuArgumentBars(this))
    , m_tabs(new QTabWidget(this))
    , m_transfers(new NpuTransfersModel(this))
    , m_ops(new NpuOpsModel(this))
    , m_opsProxy(new QSortFilterProxyModel(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_open->setToolTip(tr("Decode another instruction stream (insts.bin, .seq; binary or hex text) against this file"));
    m_findingsList->setAccessibleName(tr("Findings about the instruction stream"));
    m_findingsList->setWordWrap(true);

    m_opsProxy->setSourceModel(m_ops);
    m_opsProxy->setFilterKeyColumn(-1);
    m_opsProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_transfersView = createTableView(m_transfers, this, tr("Every shim DMA transfer: hover a row for its whole line"));
    m_opsView = createTableView(m_opsProxy, this, tr("Every op of the stream"));
    m_filter = new FindBar(m_opsProxy, this);
    auto opsPage = new QWidget(this);
    auto opsLayout = new QVBoxLayout(opsPage);
    opsLayout->setContentsMargins(0, 0, 0, 0);
    opsLayout->addWidget(m_filter);
    opsLayout->addWidget(m_opsView, 1);
    m_tabs->addTab(m_transfersView, tr("Transfers"));
    m_tabs->addTab(opsPage, tr("Ops"));

    auto header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(m_open, 0, Qt::AlignTop);
    auto barsBox = new QGroupBox(tr("What the NPU reads and writes, per XRT argument"), this);
    m_barsScroll = new QScrollArea(barsBox);
    auto barsScroll = m_barsScroll;
    barsScroll->setWidget(m_bars);
    barsScroll->setWidgetResizable(true);
    barsScroll->setFrameShape(QFrame::NoFrame);
    (new QVBoxLayout(barsBox))->addWidget(barsScroll);

    auto layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(barsBox);
    layout->addWidget(m_findingsList);
    layout->addWidget(m_tabs, 1);

    connect(m_open, &QPushButton::clicked, this, &InstructionsView::browse);
    showResult(nullptr, {});
}

void InstructionsView::setXclbin(XclbinPtr xclbin)
{
    m_xclbin = std::move(xclbin);
    if (!m_userChosen)
        m_path = m_xclbin ? InstructionFileLocator::findNextTo(m_xclbin->filePath) : QString();
    decode();
}

void InstructionsView::setStreamFile(const QString& path)
{
    m_path = path;
    m_userChosen = !path.isEmpty();
    decode();
}

void InstructionsView::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Instruction stream"), m_path,
                                                      tr("Instruction streams (*.bin *.txt *.seq);;All files (*)"));
    if (!path.isEmpty())
        setStreamFile(path);
}

void InstructionsView::decode()
{
    if (m_path.isEmpty()) {
        m_jobs.cancel();
        showResult(nullptr, {});
        return;
    }
    m_summary->setText(tr("Decoding %1...").arg(QFileInfo(m_path).fileName()));
    const QString path = m_path;
    const XclbinPtr xclbin = m_xclbin;
    m_jobs.start<Decoded>(
        [path, xclbin](const CancelToken&) {
            Decoded d;
            NpuStreamError error;
            std::optional<NpuStream> stream = NpuStreamReader::load(path, &error);
            if (!stream) {
                d.error = error.message();
                return d;
            }
            NpuStreamContext context;
            if (xclbin) {
                if (const Kernel* kernel = BindingChecker::defaultKernel(*xclbin))
                    context = StreamContext::forKernel(*xclbin, *kernel);
            }
            d.findings = NpuStreamChecker::check(*stream, context);
            d.stream = std::make_shared<const NpuStream>(std::move(*stream));
            return d;
        },
        [this](const Decoded& d) {
            m_findings = d.findings;
            showResult(d.stream, d.error);
        });
}

void InstructionsView::showResult(std::shared_ptr<const NpuStream> stream, const QString& error)
{
    m_stream = stream;
    if (!stream)
        m_findings.clear();
    m_bars->setStream(stream);
    m_transfers->setStream(stream);
    m_ops->setStream(stream);
    m_findingsList->clear();
    if (!error.isEmpty()) {
        m_summary->setText(tr("<b>The stream could not be read.</b> %1").arg(error.toHtmlEscaped()));
    } else if (!stream) {
        m_summary->setText(m_xclbin ? tr("No instruction stream next to %1 (looked for NAME.insts.bin, NAME.seq, "
                                         "insts.bin, *.insts.*, *.seq). Open one, or drop it on the window.")
                                          .arg(QFileInfo(m_xclbin->filePath).fileName().toHtmlEscaped())
                                    : tr("Open an instruction stream, or drop one on the window."));
    } else {
        QString text = tr("<b>%1</b> (%2, %3): %4")
                           .arg(QFileInfo(stream->path).fileName().toHtmlEscaped(), npuFormatName(stream->format),
                                npuEncodingName(stream->encoding), stream->summaryText().toHtmlEscaped());
        if (!stream->isDecoded())
            text += tr("<br>Recognised as %1; not decoded.").arg(stream->recognisedAs.toHtmlEscaped());
        if (m_xclbin)
            text += tr("<br>Checked against %1.").arg(QFileInfo(m_xclbin->filePath).fileName().toHtmlEscaped());
        m_summary->setText(text);
        for (const NpuFinding& f : m_findings) {
            auto item = new QListWidgetItem(VerdictStyle::icon(VerdictStyle::forSeverity(f.severity)), f.toText(),
                                            m_findingsList);
            item->setToolTip(f.message);
        }
        if (m_findings.isEmpty())
            new QListWidgetItem(VerdictStyle::icon(Verdict::Valid),
                                m_xclbin ? tr("No finding: the stream fits this file.")
                                         : tr("No finding (open it with its xclbin to check the pairing)."),
                                m_findingsList);
    }
    m_findingsList->setVisible(m_findingsList->count() > 0);
    // The list and the bars take the room they need, up to a few rows; the tables get the rest.
    const int rowHeight = qMax(m_findingsList->sizeHintForRow(0), fontMetrics().height());
    m_findingsList->setFixedHeight(rowHeight * int(qMin(m_findingsList->count(), 5)) + 2 * m_findingsList->frameWidth()
                                   + 4);
    m_barsScroll->setFixedHeight(qMin(m_bars->sizeHint().height(), fontMetrics().height() * 16) + 2);
    m_transfersView->resizeColumnsToContents();
    m_tabs->setTabText(0, tr("Transfers (%1)").arg(stream ? stream->transfers.size() : 0));
    m_tabs->setTabText(1, tr("Ops (%1)").arg(stream ? stream->ops.size() : 0));
    emit decoded();
}

} // namespace xi
