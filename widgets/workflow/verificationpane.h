// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace xi {

class VerificationModel;

// The lower half of a fix workflow page: the conclusion in a sentence above the before/after table, which fits its
// columns and rows to each new result.
class VerificationPane : public QWidget {
    Q_OBJECT
public:
    explicit VerificationPane(const QString& tableToolTip, QWidget* parent = nullptr);

    VerificationModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QLabel* conclusion() const { return m_conclusion; }

private:
    VerificationModel* m_model;
    QTableView* m_table;
    QLabel* m_conclusion;
};

} // namespace xi
