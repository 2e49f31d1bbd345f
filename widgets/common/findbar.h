// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;

namespace xi {

// The Ctrl+F line over a table: filters the proxy's rows on every column as you type; Esc in the view clears it.
class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QSortFilterProxyModel* proxy, QWidget* parent = nullptr);
    QLineEdit* lineEdit() const { return m_edit; }
    void activate(); // focus and select the text
    void setText(const QString& text);

signals:
    void filterChanged(const QString& text);

private:
    QLineEdit* m_edit;
    QSortFilterProxyModel* m_proxy;
};

} // namespace xi
