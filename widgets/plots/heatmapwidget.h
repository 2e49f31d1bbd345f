// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/attentionmatrix.h"
#include "util/jobtracker.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QCPColorMap;
class QCPColorScale;
class QCPItemRect;
class QCPItemText;
class QCPRange;
class QCPTextElement;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QToolButton;

namespace xi {

class HeatmapColorMap;

// A matrix as a QCustomPlot colour map in matrix orientation: row 0 on top, column 0 on the left, one full cell
// per element, no interpolation, with a colour scale, hover value, zoom/pan (wheel/drag), reset (double-click) and
// export (PNG, PDF, CSV). Large matrices (from 256x256 cells) are turned into colour map data and image on the
// thread pool and swapped in when ready (filled()), so that a 1500x1500 matrix never stalls the GUI thread.
class HeatmapWidget : public QWidget {
    Q_OBJECT
public:
    // Diverging: a blue-grey-red scale symmetric around zero (signed data, differences).
    // Sequential: dark-to-bright from the minimum to the maximum (weights, counts).
    enum class Scale { Diverging, Sequential };

    explicit HeatmapWidget(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    QString title() const { return m_title; }
    void setScale(Scale scale);
    Scale scale() const { return m_scale; }

    // Shown at once below AsyncCells cells; from there on filled in the background (values() is the new matrix at
    // once, the plot follows with filled()).
    static constexpr qint64 AsyncCells = 256 * 256;
    void setMatrix(const MatrixF& values, bool integerValued = false);
    void setMatrix(const MatrixI8& values);
    void setMatrix(const MatrixI32& values);
    // Shows `reason` over an empty plot ("no output read back").
    void clear(const QString& reason = {});

    bool hasData() const { return m_values->size() > 0; }
    int rows() const { return int(m_values->rows()); }
    int columns() const { return int(m_values->cols()); }
    const MatrixF& values() const { return *m_values; }
    // A large matrix is still being turned into colour map data off the GUI thread.
    bool isFilling() const { return m_fill.isRunning(); }
    std::optional<double> valueAt(int row, int column) const;
    // The cell under a point in the plot's coordinates, or false outside the matrix.
    bool cellAt(const QPointF& plotPixel, int* row, int* column) const;
    // "row 3, col 5: -12" for a point in the plot's coordinates, empty outside the matrix.
    QString hoverText(const QPointF& plotPixel) const;
    QString lastHoverText() const { return m_lastHover; }

    QCustomPlot* plot() const { return m_plot; }
    QCPColorMap* colorMap() const;
    HeatmapColorMap* heatmapColorMap() const { return m_map; } // the same, with its prepared image
    QCPColorScale* colorScale() const { return m_colorScale; }

    // Shows the whole matrix; cells are square unless the matrix is very long or wide.
    void resetZoom();
    void replotQueued();
    bool keepsSquareCells() const;
    // Exports by suffix: .png or .pdf (plot), .csv (the matrix). Keeps an existing file as <path>.bak.
    bool exportTo(const QString& path, QString* error = nullptr, int width = 0, int height = 0);
    QString toCsv() const;

signals:
    void cellHovered(int row, int column, double value);
    // The plot shows the matrix last given to setMatrix() (at once for small ones, later for large ones).
    void filled();
    // The user zoomed or panned (not emitted when the view fits itself to a new size).
    void rangesChanged(const QCPRange& columns, const QCPRange& rows);
    void zoomReset();

protected:
    void changeEvent(QEvent* event) override;

private:
    void setupPlot();
    void fitAspect();
    void applyPalette();
    void applyGradient();
    void fillNow();
    void fillInBackground();
    void updateDataRange();
    void updateInfo(float min, float max, qint64 nonzero);
    void onMouseMove(QMouseEvent* event);
    void onRangeChanged();
    void showContextMenu(const QPoint& pos);
    void exportWithDialog(const QString& filter, const QString& suffix);
    QString formatValue(double value) const;

    QCustomPlot* m_plot;
    HeatmapColorMap* m_map = nullptr;
    QCPColorScale* m_colorScale = nullptr;
    QCPTextElement* m_titleElement = nullptr;
    QCPItemText* m_emptyText = nullptr;
    QCPItemRect* m_frame = nullptr;
    QLabel* m_info;
    QToolButton* m_resetButton;
    QToolButton* m_exportButton;
    QString m_title;
    QString m_emptyReason;
    QString m_lastHover;
    QSize m_fittedSize;
    bool m_showingAll = true; // not zoomed: a new size shows the whole matrix again
    bool m_fitting = false;
    std::shared_ptr<const MatrixF> m_values; // shared with a background fill
    float m_min = 0;
    float m_max = 0;
    bool m_integer = false;
    JobTracker m_fill { this };
    Scale m_scale = Scale::Diverging;
};

} // namespace xi
