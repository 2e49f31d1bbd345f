// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbin.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace xi {

class SyntaxHighlighter;

// EMBEDDED_METADATA XML, the text sections and the JSON of the decoded sections, highlighted, with Find.
class MetadataView : public QWidget {
    Q_OBJECT
public:
    explicit MetadataView(QWidget* parent = nullptr);

    void setXclbin(XclbinPtr xclbin);
    QStringList documentNames() const;
    void showDocument(const QString& name);
    QString currentText() const;

    // Selects the next (or previous) match of the find text; false when there is none.
    bool findNext(bool backward = false);
    void activateFind();
    QLineEdit* findEdit() const { return m_find; }
    QPlainTextEdit* editor() const { return m_editor; }
    QComboBox* selector() const { return m_selector; }
    int matchCount() const { return m_matches; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void highlightMatches();

    XclbinPtr m_xclbin;
    QList<QPair<QString, QString>> m_documents; // name, text
    QComboBox* m_selector;
    QPlainTextEdit* m_editor;
    QLineEdit* m_find;
    QLabel* m_status;
    SyntaxHighlighter* m_highlighter;
    int m_matches = 0;
};

} // namespace xi
