// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/bugreport.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace xi {

// The seed guide's upstream report filled from real data, as Markdown to copy or save, with the assessment of
// where the evidence points shown above it.
class BugReportView : public QWidget {
    Q_OBJECT
public:
    explicit BugReportView(QWidget* parent = nullptr);

    void setInput(const BugReportInput& input);
    const BugReportInput& input() const { return m_input; }
    QString markdown() const;
    // Writes the Markdown (an existing file is kept as FILE.bak).
    bool save(const QString& path, QString* error = nullptr);
    void copyToClipboard() const;

    QPlainTextEdit* text() const { return m_text; }
    QLabel* assessment() const { return m_assessment; }

private:
    BugReportInput m_input;
    QLabel* m_assessment;
    QPlainTextEdit* m_text;
    QPushButton* m_copy;
    QPushButton* m_save;
    QLabel* m_status;
};

} // namespace xi
