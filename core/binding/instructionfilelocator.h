// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "binding/bindingplan.h"

#include <QString>

namespace xi {

// Which instruction stream a check or a run uses, and why. One rule for the CLI, the Binding view and the Run
// view: a file the user gives wins; a call read from a host program uses only the file that program names
// (never one it does not name: when the named one is missing, that is said, not replaced); a call typed without
// a program uses the stream lying next to the xclbin.
struct InstructionFileChoice {
    enum class Source {
        Given, // on the command line or in the view's field
        NamedByHost, // the file the host program loads, found
        NamedButMissing, // the host program names a file that is not there: checks needing it are left out
        NotNamed, // the host program names no file we could read: checks needing it are left out
        NextToXclbin, // no host program: found next to the xclbin
        None, // no host program, nothing next to the xclbin
    };
    QString path; // empty unless the file exists (Given: as given)
    Source source = Source::None;
    QString named; // what the host program wrote, for NamedByHost / NamedButMissing
    QStringList tried; // Given, not found: every place it was looked for

    bool found() const { return !path.isEmpty(); }
    QString sourceName() const; // "given", "named in the host program", ...
    // One sentence for the user: where the file came from, or what is missing and which checks that leaves out.
    QString describe() const;
};

class InstructionFileLocator {
public:
    // A relative path given is looked for in the current folder, then next to the xclbin (a path typed in the GUI
    // has no meaningful current folder).
    static InstructionFileChoice locate(const QString& given, const BindingPlan& plan, const QString& xclbinPath);
    // The instruction stream next to an xclbin: <name>.insts.bin, <name>.seq, <name>.insts.*, then insts.bin,
    // npu_insts.bin, insts.txt, *.insts.*, *insts*.bin, *.seq (names in order; the content is sniffed on load).
    static QString findNextTo(const QString& xclbinPath);
};

} // namespace xi
