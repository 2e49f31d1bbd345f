// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionrun.h"

#include <QList>
#include <QString>

namespace xi {

// The words a report opens with: what one run showed, and what changed between a run before a fix and one after
// ("Fix verified: 0/4096 -> 4063/4096 non-zero, XRT's warning gone"). The same words in the GUI, the CLI and the
// report.
class ReportVerdict {
public:
    // "0/4096 non-zero (all zero), XRT warned about argument 0" / "4063/4096 non-zero (99.2%), correlation 1.000,
    // no XRT warning" / "did not run: ...".
    static QString outcome(const AttentionRun& run);
    // "emulated, call \"3, instr:1, ninstr, bo:3, bo:4\": <outcome>."
    static QString sentence(const AttentionRun& run);
    // One line for the pair.
    static QString comparison(const AttentionRun& before, const AttentionRun& after);
    // True when the pair reads as a verified fix (the after run passes, the before run did not).
    static bool isFixed(const AttentionRun& before, const AttentionRun& after);
    // The argument indices XRT's connectivity warnings name, in order.
    static QList<int> warnedArguments(const AttentionRun& run);
    // "argument 0", "arguments 0 and 2"
    static QString argumentList(const QList<int>& arguments);
};

} // namespace xi
