// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/unifieddiff.h"

#include <QList>

#include <algorithm>
#include <vector>

namespace xi {

namespace {

enum class Op { Same, Removed, Added };

struct Step {
    Op op;
    qsizetype line; // index into `before` (Same, Removed) or `after` (Added)
};

// Edit script by longest common subsequence on the part between the common head and tail.
QList<Step> script(const QStringList& a, const QStringList& b)
{
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a.at(head) == b.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a.at(a.size() - 1 - tail) == b.at(b.size() - 1 - tail))
        ++tail;
    const qsizetype n = a.size() - head - tail;
    const qsizetype m = b.size() - head - tail;
    QList<Step> steps;
    for (qsizetype i = 0; i < head; ++i)
        steps << Step { Op::Same, i };
    std::vector<int> lcs;
    if (n * m <= 4'000'000) { // beyond that the middle is shown as removed then added
        lcs.assign(size_t((n + 1) * (m + 1)), 0);
        for (qsizetype i = n - 1; i >= 0; --i) {
            for (qsizetype j = m - 1; j >= 0; --j) {
                lcs[size_t(i * (m + 1) + j)] = a.at(head + i) == b.at(head + j)
                    ? lcs[size_t((i + 1) * (m + 1) + j + 1)] + 1
                    : std::max(lcs[size_t((i + 1) * (m + 1) + j)], lcs[size_t(i * (m + 1) + j + 1)]);
            }
        }
    }
    auto at = [&](qsizetype i, qsizetype j) { return lcs.empty() ? 0 : lcs[size_t(i * (m + 1) + j)]; };
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(head + i) == b.at(head + j) && !lcs.empty()) {
            steps << Step { Op::Same, head + i++ };
            ++j;
        } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
            steps << Step { Op::Removed, head + i++ };
        } else {
            steps << Step { Op::Added, head + j++ };
        }
    }
    for (qsizetype k = a.size() - tail; k < a.size(); ++k)
        steps << Step { Op::Same, k };
    return steps;
}

} // namespace

QString UnifiedDiff::text(const QString& before, const QString& after, const QString& beforeName,
                          const QString& afterName, int context)
{
    if (before == after)
        return {};
    QStringList a = before.split(QLatin1Char('\n'));
    QStringList b = after.split(QLatin1Char('\n'));
    for (QStringList* lines : { &a, &b }) { // the final line's '\n' ends it, it does not start another
        if (lines->size() > 1 && lines->last().isEmpty())
            lines->removeLast();
    }
    const QList<Step> steps = script(a, b);
    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(beforeName, afterName);
    qsizetype k = 0;
    while (k < steps.size()) {
        if (steps.at(k).op == Op::Same) {
            ++k;
            continue;
        }
        // A hunk: `context` lines around changes less than 2 * context unchanged lines apart.
        const qsizetype start = std::max<qsizetype>(0, k - context);
        qsizetype lastChange = k;
        for (qsizetype s = k; s < steps.size(); ++s) {
            if (steps.at(s).op != Op::Same)
                lastChange = s;
            else if (s - lastChange > 2 * context)
                break;
        }
        const qsizetype end = std::min(steps.size(), lastChange + 1 + context);
        qsizetype oldStart = 0, newStart = 0, oldCount = 0, newCount = 0;
        for (qsizetype s = 0; s < start; ++s) {
            oldStart += steps.at(s).op != Op::Added;
            newStart += steps.at(s).op != Op::Removed;
        }
        QString body;
        for (qsizetype s = start; s < end; ++s) {
            const Step& st = steps.at(s);
            if (st.op == Op::Same)
                body += QLatin1Char(' ') + a.at(st.line) + QLatin1Char('\n');
            else if (st.op == Op::Removed)
                body += QLatin1Char('-') + a.at(st.line) + QLatin1Char('\n');
            else
                body += QLatin1Char('+') + b.at(st.line) + QLatin1Char('\n');
            oldCount += st.op != Op::Added;
            newCount += st.op != Op::Removed;
        }
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                   .arg(oldCount ? oldStart + 1 : oldStart)
                   .arg(oldCount)
                   .arg(newCount ? newStart + 1 : newStart)
                   .arg(newCount)
            + body;
        k = end;
    }
    return out;
}

} // namespace xi
