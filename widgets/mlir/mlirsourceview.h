// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mlir/mlirdesignchecker.h"

#include <QPlainTextEdit>

namespace xi {

// The design's source, read-only, with line numbers and the findings' lines marked (background by severity,
// the message as tooltip).
class MlirSourceView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit MlirSourceView(QWidget* parent = nullptr);

    void setSource(const QString& text, const QList<MlirDesignChecker::Finding>& findings);
    // Scrolls to a 1-based line and selects it; false when out of range.
    bool gotoLine(int line);
    int currentLine() const;
    QList<int> markedLines() const;
    int lineNumberAreaWidth() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    friend class MlirLineNumberArea;
    void paintLineNumbers(QPaintEvent* event);
    void updateSelections();

    QWidget* m_lineNumbers;
    QList<MlirDesignChecker::Finding> m_findings;
    int m_currentLine = 0;
};

} // namespace xi
