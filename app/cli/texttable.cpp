// SPDX-License-Identifier: GPL-3.0-or-later
#include "texttable.h"

namespace xi::cli {

TextTable::TextTable(QStringList header)
    : m_header(std::move(header))
{
}

void TextTable::addRow(const QStringList& cells)
{
    m_rows.append(cells);
}

void TextTable::print(QTextStream& out, int indent) const
{
    QList<qsizetype> widths(m_header.size(), 0);
    auto measure = [&widths](const QStringList& row) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    };
    measure(m_header);
    for (const QStringList& row : m_rows)
        measure(row);
    const QString pad(indent, QLatin1Char(' '));
    auto printRow = [&](const QStringList& row) {
        QString line = pad;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const QString cell = c < row.size() ? row[c] : QString();
            line += c + 1 < widths.size() ? cell.leftJustified(widths[c]) + QStringLiteral("  ") : cell;
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out << line << '\n';
    };
    printRow(m_header);
    for (const QStringList& row : m_rows)
        printRow(row);
}

} // namespace xi::cli
