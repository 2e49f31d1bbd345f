// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbin.h"

#include <QWidget>

class QPlainTextEdit;
class QTableView;
class QTextBrowser;
class QTimer;

namespace xi {

class DecoderResultModel;

// Paste group ID numbers or whole XRT log text: every number and connectivity warning is decoded against the
// open xclbin, with what went wrong and the corrected call.
class DecoderView : public QWidget {
    Q_OBJECT
public:
    explicit DecoderView(QWidget* parent = nullptr);

    void setXclbin(XclbinPtr xclbin);
    void setInput(const QString& text); // decodes at once
    void decode();

    QPlainTextEdit* input() const { return m_input; }
    DecoderResultModel* results() const { return m_results; }
    QTableView* table() const { return m_table; }
    QTextBrowser* explanation() const { return m_explanation; }

private:
    void showFinding(int row);

    XclbinPtr m_xclbin;
    QPlainTextEdit* m_input;
    DecoderResultModel* m_results;
    QTableView* m_table;
    QTextBrowser* m_explanation;
    QTimer* m_timer;
};

} // namespace xi
