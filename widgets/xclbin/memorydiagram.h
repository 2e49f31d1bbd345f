// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>
#include <QHash>

class QItemSelectionModel;
class QGraphicsRectItem;
class QGraphicsLineItem;

namespace xi {

class ArgumentTableModel;

// Kernel compute units, their arguments and the memory banks they connect to, as boxes and lines coloured like
// the argument table. Clicking an argument or a bank selects it in the shared selection model.
class MemoryDiagram : public QGraphicsView {
    Q_OBJECT
public:
    MemoryDiagram(ArgumentTableModel* model, QItemSelectionModel* sharedSelection, QWidget* parent = nullptr);

    void rebuild();
    void selectArgumentRow(int row);
    void selectBank(int bank);

    int argumentBoxCount() const { return int(m_argumentBoxes.size()); }
    int bankBoxCount() const { return int(m_bankBoxes.size()); }
    int lineCount() const { return int(m_lines.size()); }
    bool isArgumentHighlighted(int row) const;
    bool isBankHighlighted(int bank) const;
    QColor argumentColor(int row) const;
    QGraphicsRectItem* argumentBox(int row) const { return m_argumentBoxes.value(row); }
    QGraphicsRectItem* bankBox(int bank) const { return m_bankBoxes.value(bank); }

    // Ctrl+wheel, +/- zoom about the cursor, dragging pans, 0 fits again. An overlay with many kernels is shown at a
    // readable size with scroll bars rather than shrunk to fit.
    qreal zoom() const { return transform().m11(); }
    void zoomBy(qreal factor);
    void fitToView();
    static constexpr qreal MinFitScale = 0.6;

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Line {
        int row;
        int bank;
        QGraphicsLineItem* item;
    };
    void updateHighlight();
    void fitScene();
    void addMissingBanks(int memoryCount);
    QGraphicsRectItem* addBox(const QRectF& rect, const QColor& fill, const QColor& outline, const QString& text,
                              const QString& toolTip);

    ArgumentTableModel* m_model;
    QItemSelectionModel* m_shared;
    QHash<int, QGraphicsRectItem*> m_argumentBoxes; // by model row
    QHash<int, QGraphicsRectItem*> m_bankBoxes; // by memory index
    QList<Line> m_lines;
    QSet<int> m_highlightedRows;
    QSet<int> m_highlightedBanks;
    int m_memoryCount = 0;
    bool m_userZoom = false; // the user zoomed: a resize keeps the zoom
};

} // namespace xi
