// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace xi {

// One message XRT wrote to its runtime log.
struct XrtMessage {
    QString level; // "WARNING", "ERROR", "INFO", ... as XRT wrote it
    QString text; // the message, continuation lines joined with '\n'
    QString time; // "Wed Nov 25 07:08:30 2026 GMT", empty when XRT gave none

    // The argument index of XRT's connectivity warning ("... global argument at index N ..."), or -1.
    int connectivityArgument() const;
    QJsonObject toJson() const;
    static XrtMessage fromJson(const QJsonObject& o);
    friend bool operator==(const XrtMessage&, const XrtMessage&) = default;
};

// The file XRT writes when xrt.ini says `[Runtime] runtime_log = FILE`.
// XRT 2.13 writes a banner (build version, date, PID, EXE) and then one line per message:
//   [Wed Nov 25 07:08:30 2026 GMT] [XRT] Tid: 140302797733952,  WARNING: Kernel MLIR_AIE has no ...
struct XrtLog {
    QString buildVersion; // from the banner's "XRT build version: 2.13.0", empty if absent
    QList<XrtMessage> messages;

    static XrtLog parse(const QByteArray& text);
    static XrtLog read(const QString& path); // empty when the file does not exist
};

} // namespace xi
