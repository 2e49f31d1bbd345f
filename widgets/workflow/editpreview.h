// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow/fileedit.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace xi {

class DiffHighlighter;

// An edit shown before it is written: its changes, the unified diff, and where it goes (a new file by default;
// an existing file is kept as FILE.bak first). Write and Undo act on the edit; nothing of the user's is lost.
class EditPreview : public QWidget {
    Q_OBJECT
public:
    explicit EditPreview(QWidget* parent = nullptr);

    void setEdit(const FileEdit& edit);
    const FileEdit& edit() const { return m_edit; }
    QString targetPath() const;
    void setTargetPath(const QString& path);
    // Called before writing (to prepare a copy folder, ...); false with *error stops the write.
    void setBeforeWrite(std::function<bool(const QString& target, QString* error)> hook)
    {
        m_beforeWrite = std::move(hook);
    }

    bool write(QString* error = nullptr);
    bool undo(QString* error = nullptr);
    bool isWritten() const { return m_edit.isWritten(); }

    QPlainTextEdit* diffView() const { return m_diff; }
    QListWidget* changesList() const { return m_changes; }
    QPushButton* writeButton() const { return m_write; }
    QPushButton* undoButton() const { return m_undo; }
    QLabel* status() const { return m_status; }

Q_SIGNALS:
    void written(const QString& path);
    void undone(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateState();
    void showStatus(const QString& text);

    FileEdit m_edit;
    std::function<bool(const QString&, QString*)> m_beforeWrite;
    QListWidget* m_changes;
    QPlainTextEdit* m_diff;
    DiffHighlighter* m_highlighter;
    QLineEdit* m_target;
    QPushButton* m_write;
    QPushButton* m_undo;
    QLabel* m_status;
};

} // namespace xi
