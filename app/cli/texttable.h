// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>
#include <QTextStream>

namespace xi::cli {

// A plain-text table with aligned columns, for the human output of the CLI.
class TextTable {
public:
    explicit TextTable(QStringList header);

    void addRow(const QStringList& cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    // Two spaces between columns; the last column is never padded.
    void print(QTextStream& out, int indent = 2) const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace xi::cli
