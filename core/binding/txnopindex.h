// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instructions/npustream.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace xi {

// XRT (>= 2.20) prints a context health record on a timeout with `txn_op_idx = N`: the index of the last
// instruction-stream op the firmware started (0xFFFFFFFF: none, or all done). With the stream the host loaded,
// that index names an op ("op 10: SYNC col 0 S2MM0").
struct TxnOpReference {
    int line = 0; // 1-based line of the log
    quint32 index = 0;
    QString text; // the matched text
    QString meaning; // what the op is, when the stream is known

    QJsonObject toJson() const; // {"line", "txn_op_idx", "text", "meaning"}
};

class TxnOpIndex {
public:
    // Every `txn_op_idx = N` (decimal or 0x hex; also `txn_op_idx: N`) in the log, named with `stream` if given.
    static QList<TxnOpReference> find(const QString& log, const NpuStream* stream = nullptr);
};

} // namespace xi
