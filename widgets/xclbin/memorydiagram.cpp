// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/memorydiagram.h"

#include "widgets/common/verdictstyle.h"
#include "widgets/xclbin/argumenttablemodel.h"

#include <QEvent>
#include <QGraphicsLineItem>
#include <QGraphicsPixmapItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace xi {

namespace {

enum ItemKey { KindKey = 0, ValueKey = 1 };
enum ItemKind { ArgumentItem = 1, BankItem = 2 };

constexpr qreal KernelWidth = 190;
constexpr qreal ArgumentX = 210;
constexpr qreal ArgumentWidth = 250;
constexpr qreal ArgumentHeight = 30;
constexpr qreal BankX = 600;
constexpr qreal BankWidth = 220;
constexpr qreal BankHeight = 54;
constexpr qreal Gap = 8;
constexpr qreal MaxScale = 1.25;
constexpr int IconSize = 16;

QString bankLabel(const MemoryEntry& m)
{
    return QStringLiteral("mem %1  %2\n%3%4")
        .arg(QString::number(m.index), m.tag, m.typeName(), m.used ? QString() : QObject::tr(" (unused)"));
}

// Every memory the connection table links to this argument on the kernel's first compute unit, unused and
// out-of-range ones included (they are what makes an argument invalid, so they are drawn too).
QList<int> connectedBanks(const Xclbin& xclbin, const KernelGroups& kernel, const ArgumentGroup& arg)
{
    QList<int> banks;
    for (const Connection& c : xclbin.connections()) {
        if (c.argIndex == arg.index && c.ipLayoutIndex == kernel.computeUnit && !banks.contains(c.memDataIndex))
            banks.append(c.memDataIndex);
    }
    std::sort(banks.begin(), banks.end());
    return banks;
}

} // namespace

MemoryDiagram::MemoryDiagram(ArgumentTableModel* model, QItemSelectionModel* sharedSelection, QWidget* parent)
    : QGraphicsView(parent)
    , m_model(model)
    , m_shared(sharedSelection)
{
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setAccessibleName(tr("Memory diagram"));
    setToolTip(tr("Arguments and the memory banks they connect to; click an argument or a bank to select it "
                  "in every view. Ctrl+wheel or +/- zooms, dragging pans, 0 fits the window"));
    connect(m_model, &QAbstractItemModel::modelReset, this, &MemoryDiagram::rebuild);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MemoryDiagram::rebuild);
    connect(m_shared, &QItemSelectionModel::selectionChanged, this, &MemoryDiagram::updateHighlight);
    rebuild();
}

QGraphicsRectItem* MemoryDiagram::addBox(const QRectF& rect, const QColor& fill, const QColor& outline,
                                         const QString& text, const QString& toolTip)
{
    auto box = scene()->addRect(rect, QPen(outline, 1.5), fill);
    box->setToolTip(toolTip);
    auto label = new QGraphicsSimpleTextItem(text, box);
    label->setBrush(palette().color(QPalette::Text));
    label->setPos(rect.left() + 8, rect.top() + (rect.height() - label->boundingRect().height()) / 2);
    label->setToolTip(toolTip);
    return box;
}

void MemoryDiagram::rebuild()
{
    scene()->clear();
    m_argumentBoxes.clear();
    m_bankBoxes.clear();
    m_lines.clear();
    const XclbinPtr xclbin = m_model->xclbin();
    if (!xclbin)
        return;
    const QPalette pal = palette();
    const QList<MemoryEntry>& memories = xclbin->memories();
    for (int i = 0; i < memories.size(); ++i) {
        const MemoryEntry& m = memories[i];
        const QRectF rect(BankX, i * (BankHeight + Gap * 2), BankWidth, BankHeight);
        auto box = addBox(rect, pal.color(QPalette::AlternateBase), pal.color(QPalette::Mid), bankLabel(m),
                          tr("Memory %1: tag %2, %3, %4 KiB at 0x%5")
                              .arg(QString::number(m.index), m.tag, m.typeName(), QString::number(m.sizeKiB),
                                   QString::number(m.baseAddress, 16)));
        box->setData(KindKey, BankItem);
        box->setData(ValueKey, i);
        m_bankBoxes.insert(i, box);
    }
    m_memoryCount = int(memories.size());
    addMissingBanks(m_memoryCount);
    qreal y = 0;
    int row = 0;
    for (const KernelGroups& kernel : m_model->kernels()) {
        const qreal top = y;
        const qreal height = qMax<qreal>(1, kernel.arguments.size()) * (ArgumentHeight + Gap) + Gap;
        QString cu = tr("no compute unit");
        if (xclbin->ipLayout && kernel.computeUnit >= 0 && kernel.computeUnit < xclbin->ipLayout->size())
            cu = xclbin->ipLayout->at(kernel.computeUnit).name;
        auto frame = addBox(QRectF(0, top, ArgumentX + ArgumentWidth + Gap, height), pal.color(QPalette::Window),
                            pal.color(QPalette::Dark), QStringLiteral("%1\n%2").arg(kernel.kernelName, cu),
                            tr("Kernel %1, first compute unit %2 (%3 convention)")
                                .arg(kernel.kernelName, cu, conventionName(kernel.convention)));
        frame->setZValue(-1);
        y += Gap;
        for (const ArgumentGroup& arg : kernel.arguments) {
            const QRectF rect(ArgumentX, y, ArgumentWidth, ArgumentHeight);
            auto box = addBox(
                rect, VerdictStyle::background(arg.verdict, pal), VerdictStyle::accent(arg.verdict, pal),
                QStringLiteral("%1  %2  %3").arg(QString::number(arg.index), arg.argument.name, arg.groupId.hex()),
                QStringLiteral("%1: %2").arg(VerdictStyle::label(arg.verdict), arg.reason));
            box->setData(KindKey, ArgumentItem);
            box->setData(ValueKey, row);
            // The verdict's icon too: colour alone does not reach every reader.
            auto icon = new QGraphicsPixmapItem(VerdictStyle::icon(arg.verdict).pixmap(IconSize, IconSize), box);
            icon->setPos(rect.right() - IconSize - 6, rect.top() + (rect.height() - IconSize) / 2);
            icon->setToolTip(box->toolTip());
            m_argumentBoxes.insert(row, box);
            for (int bank : connectedBanks(*xclbin, kernel, arg)) {
                const QGraphicsRectItem* target = m_bankBoxes.value(bank);
                if (!target)
                    continue;
                auto line = scene()->addLine(
                    QLineF(rect.right(), rect.center().y(), target->rect().left(), target->rect().center().y()),
                    QPen(VerdictStyle::accent(arg.verdict, pal), 1.5));
                line->setZValue(-0.5);
                m_lines.append({ row, bank, line });
            }
            y += ArgumentHeight + Gap;
            ++row;
        }
        y = top + height + Gap * 3;
    }
    scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-10, -10, 10, 10));
    updateHighlight();
    fitScene();
}

void MemoryDiagram::addMissingBanks(int memoryCount)
{
    QList<int> missing;
    for (const KernelGroups& kernel : m_model->kernels()) {
        for (const ArgumentGroup& arg : kernel.arguments) {
            for (int bank : connectedBanks(*m_model->xclbin(), kernel, arg)) {
                if ((bank < 0 || bank >= memoryCount) && !missing.contains(bank))
                    missing.append(bank);
            }
        }
    }
    std::sort(missing.begin(), missing.end());
    qreal y = memoryCount * (BankHeight + Gap * 2);
    for (int bank : std::as_const(missing)) {
        const QRectF rect(BankX, y, BankWidth, BankHeight);
        auto box = addBox(
            rect, VerdictStyle::background(Verdict::Invalid, palette()),
            VerdictStyle::accent(Verdict::Invalid, palette()), tr("mem %1\nnot in the memory table").arg(bank),
            tr("Memory index %1 is connected to but the memory table has only %2 entries").arg(bank).arg(memoryCount));
        box->setData(KindKey, BankItem);
        box->setData(ValueKey, bank);
        m_bankBoxes.insert(bank, box);
        y += BankHeight + Gap * 2;
    }
}

void MemoryDiagram::fitScene()
{
    if (m_userZoom)
        return;
    // Shrink to fit, but never blow small designs up beyond a readable size, nor shrink large ones below it.
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    const qreal scale = std::clamp(transform().m11(), MinFitScale, MaxScale);
    setTransform(QTransform::fromScale(scale, scale));
    // Too large to fit: start at the top, where the memory banks are.
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
}

void MemoryDiagram::zoomBy(qreal factor)
{
    constexpr qreal MinZoom = 0.05;
    constexpr qreal MaxZoom = 4;
    const qreal target = std::clamp(zoom() * factor, MinZoom, MaxZoom);
    scale(target / zoom(), target / zoom());
    m_userZoom = true;
}

void MemoryDiagram::fitToView()
{
    m_userZoom = false;
    fitScene();
}

void MemoryDiagram::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        constexpr qreal StepPerNotch = 1.15;
        zoomBy(std::pow(StepPerNotch, event->angleDelta().y() / 120.0));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void MemoryDiagram::keyPressEvent(QKeyEvent* event)
{
    constexpr qreal Step = 1.25;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(Step); return;
    case Qt::Key_Minus: zoomBy(1 / Step); return;
    case Qt::Key_0: fitToView(); return;
    default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

void MemoryDiagram::selectArgumentRow(int row)
{
    m_shared->select(m_model->index(row, 0),
                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows | QItemSelectionModel::Current);
}

void MemoryDiagram::selectBank(int bank)
{
    QItemSelection selection;
    for (int row : m_model->rowsUsingBank(bank))
        selection.select(m_model->index(row, 0), m_model->index(row, m_model->columnCount() - 1));
    m_shared->select(selection, QItemSelectionModel::ClearAndSelect);
    m_highlightedBanks = { bank };
    updateHighlight();
}

bool MemoryDiagram::isArgumentHighlighted(int row) const
{
    return m_highlightedRows.contains(row);
}

bool MemoryDiagram::isBankHighlighted(int bank) const
{
    return m_highlightedBanks.contains(bank);
}

QColor MemoryDiagram::argumentColor(int row) const
{
    const QGraphicsRectItem* box = m_argumentBoxes.value(row);
    return box ? box->brush().color() : QColor();
}

void MemoryDiagram::updateHighlight()
{
    const QSet<int> explicitBanks = m_highlightedBanks;
    m_highlightedRows.clear();
    m_highlightedBanks.clear();
    for (const QModelIndex& index : m_shared->selectedRows())
        m_highlightedRows.insert(index.row());
    for (const Line& line : m_lines) {
        if (m_highlightedRows.contains(line.row))
            m_highlightedBanks.insert(line.bank);
    }
    // A bank clicked with no argument on it stays highlighted on its own.
    if (m_highlightedRows.isEmpty())
        m_highlightedBanks = explicitBanks;
    const QColor highlight = palette().color(QPalette::Highlight);
    const bool any = !m_highlightedRows.isEmpty() || !m_highlightedBanks.isEmpty();
    for (auto it = m_argumentBoxes.cbegin(); it != m_argumentBoxes.cend(); ++it) {
        const Verdict verdict = Verdict(m_model->index(it.key(), 0).data(ArgumentTableModel::VerdictRole).toInt());
        const bool on = m_highlightedRows.contains(it.key());
        it.value()->setPen(on ? QPen(highlight, 4) : QPen(VerdictStyle::accent(verdict, palette()), 1.5));
    }
    for (auto it = m_bankBoxes.cbegin(); it != m_bankBoxes.cend(); ++it) {
        const bool on = m_highlightedBanks.contains(it.key());
        const bool missing = it.key() < 0 || it.key() >= m_memoryCount;
        const QPen normal = missing ? QPen(VerdictStyle::accent(Verdict::Invalid, palette()), 1.5, Qt::DashLine)
                                    : QPen(palette().color(QPalette::Mid), 1.5);
        it.value()->setPen(on ? QPen(highlight, 4) : normal);
    }
    for (const Line& line : m_lines) {
        const bool on = m_highlightedRows.contains(line.row)
            || (m_highlightedRows.isEmpty() && m_highlightedBanks.contains(line.bank));
        QPen pen = line.item->pen();
        pen.setWidthF(on ? 4 : 1.5);
        QColor c = pen.color();
        c.setAlphaF(any && !on ? 0.35f : 1.0f);
        pen.setColor(c);
        line.item->setPen(pen);
        line.item->setZValue(on ? 0.5 : -0.5);
    }
}

void MemoryDiagram::mousePressEvent(QMouseEvent* event)
{
    for (QGraphicsItem* item = itemAt(event->position().toPoint()); item; item = item->parentItem()) {
        const int kind = item->data(KindKey).toInt();
        if (kind == ArgumentItem) {
            selectArgumentRow(item->data(ValueKey).toInt());
            return;
        }
        if (kind == BankItem) {
            selectBank(item->data(ValueKey).toInt());
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void MemoryDiagram::changeEvent(QEvent* event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

void MemoryDiagram::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    fitScene();
}

} // namespace xi
