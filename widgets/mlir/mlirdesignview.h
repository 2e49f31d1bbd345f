// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mlir/mlirdesign.h"
#include "mlir/mlirdesignchecker.h"
#include "workflow/findingfix.h"
#include "xclbin/xclbin.h"

#include <QWidget>

#include <optional>

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace xi {

class MlirElementsModel;
class MlirFindingsModel;
class MlirSourceView;

// An mlir-aie design over the existing analysis: its tiles, buffers, object FIFOs and cores, the runtime
// sequence's host buffers mapped to XRT arguments with their sizes (checked against an xclbin's kernel when one
// is given), the findings with their lines and fixes, and the source with the findings marked.
class MlirDesignView : public QWidget {
    Q_OBJECT
public:
    explicit MlirDesignView(QWidget* parent = nullptr);

    // Reads and checks the file; false with *error (naming the file) when it cannot be read or is no design.
    bool loadFile(const QString& path, QString* error = nullptr);
    void setDesign(const QString& path, const QString& text);
    void clear(const QString& message);
    // The xclbin built from this design: host buffers are matched to its kernel's arguments and group IDs.
    void setXclbin(XclbinPtr xclbin);

    QString path() const { return m_path; }
    QString text() const { return m_text; }
    const MlirDesign& design() const { return m_design; }
    const QList<MlirDesignChecker::Finding>& findings() const;
    bool hasDesign() const { return !m_path.isEmpty(); }
    bool gotoLine(int line);

    QTabWidget* tables() const { return m_tables; }
    MlirElementsModel* model(int kind) const; // MlirElementsModel::Kind as int
    MlirFindingsModel* findingsModel() const { return m_findings; }
    QTableView* findingsTable() const { return m_findingsTable; }
    MlirSourceView* source() const { return m_source; }
    QLabel* summary() const { return m_summary; }
    QPushButton* fixButton() const { return m_fixButton; }

Q_SIGNALS:
    void designLoaded(const QString& path);
    // The Fix button of a finding: its advice names the action (correct-design, recompile, repackage, ...).
    void fixRequested(const xi::FixAdvice& fix, int line);

private:
    QTableView* addTable(QAbstractItemModel* model, const QString& label, const QString& toolTip);
    void updateSummary();
    void updateFixButton();

    QString m_path;
    QString m_text;
    MlirDesign m_design;
    XclbinPtr m_xclbin;
    QList<MlirElementsModel*> m_models;
    MlirFindingsModel* m_findings;
    QLabel* m_summary;
    QTabWidget* m_tables;
    QTableView* m_findingsTable = nullptr;
    MlirSourceView* m_source;
    QPushButton* m_fixButton;
};

} // namespace xi
