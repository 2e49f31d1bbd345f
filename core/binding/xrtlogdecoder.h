// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/groupiddecoder.h"

#include <QJsonObject>

namespace xi {

// One thing found in XRT log text, with what it means (docs/domain.md sections 1, 2, 6).
struct LogFinding {
    enum class Kind {
        GroupIdNumber, // a bare group ID such as 131072
        ConnectivityWarning, // "Kernel K has no compute units with connectivity ... at index i ..."
        HostCopy, // "Reverting to host copy of buffers (...)"
    };

    Kind kind = Kind::GroupIdNumber;
    int line = 0; // 1-based line where it starts
    int lastLine = 0; // 1-based line where it ends
    QString text; // the matched text, joined onto one line

    // GroupIdNumber: the number; ConnectivityWarning: the connected bank (group_id(i)) as printed.
    std::optional<DecodedGroupId> groupId;
    // ConnectivityWarning
    QString kernelName;
    int argIndex = -1; // -1 when the log text leaves it out
    std::optional<qint64> boBank; // "allocated in bank <b>"
    std::optional<qint64> connectedBank; // "connected to bank <g>": 131071, or -1 from XRT 2.13
    bool xrt213 = false;
    QString argumentName; // with an xclbin that has the kernel
    // HostCopy
    QString reason;
    int relatedFinding = -1; // index of the warning a HostCopy line belongs to

    // The interpretation, one or two sentences each.
    QString passed; // "a BO from bank 1 (SRAM) was passed at index 0, which is the scalar 'opcode'"
    QString wentWrong; // "XRT cloned it ...; outputs stay zero"
    QString fix; // "call it as run = kernel(3, instr_bo, n_words, bo0, ...)"
    QString callPython; // the corrected call, when the kernel is known
    QString callCpp;

    QString kindName() const; // "group-id", "connectivity-warning", "host-copy"
    QJsonObject toJson() const;
};

// Finds every group ID number and connectivity warning in XRT log text (also split across lines, XRT 2.13's
// "bank -1" form, "[XRT] WARNING:" prefixes) and explains each, against an xclbin when one is given.
class XrtLogDecoder {
public:
    explicit XrtLogDecoder(XclbinPtr xclbin = {});

    // The largest log read from a file: time and memory are linear in the log, and a bigger one is refused with a
    // sentence rather than exhausting memory.
    static constexpr qint64 MaxLogBytes = qint64(256) << 20;

    QList<LogFinding> decode(const QString& text) const;

private:
    void interpretWarning(LogFinding& f) const;
    void interpretGroupId(LogFinding& f) const;
    QList<LogFinding> findWarnings(const QString& joined, const QList<qsizetype>& lineStarts,
                                   QList<QPair<qsizetype, qsizetype>>* covered) const;
    QList<LogFinding> findHostCopies(const QString& joined, const QList<qsizetype>& lineStarts,
                                     QList<QPair<qsizetype, qsizetype>>* covered) const;
    QList<LogFinding> findGroupIds(const QString& joined, const QList<QPair<qsizetype, qsizetype>>& covered,
                                   const QList<qsizetype>& lineStarts) const;

    GroupIdDecoder m_decoder;
};

} // namespace xi
