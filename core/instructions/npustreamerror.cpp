// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustreamerror.h"

namespace xi {

QString NpuStreamError::codeName() const
{
    switch (code) {
    case Code::CannotOpen: return QStringLiteral("cannot-open");
    case Code::Empty: return QStringLiteral("empty");
    case Code::TooLarge: return QStringLiteral("too-large");
    case Code::NotWords: return QStringLiteral("not-words");
    case Code::BadHexText: return QStringLiteral("bad-hex-text");
    case Code::TruncatedHeader: return QStringLiteral("truncated-header");
    case Code::SizeMismatch: return QStringLiteral("size-mismatch");
    case Code::OpCountTooLarge: return QStringLiteral("op-count-too-large");
    case Code::TruncatedOp: return QStringLiteral("truncated-op");
    case Code::BadOpSize: return QStringLiteral("bad-op-size");
    case Code::UnknownOpcode: return QStringLiteral("unknown-opcode");
    case Code::TrailingBytes: return QStringLiteral("trailing-bytes");
    }
    return QStringLiteral("error");
}

QString NpuStreamError::message() const
{
    QString where;
    if (wordOffset >= 0) {
        where = QStringLiteral(": at word %1 (byte %2)").arg(wordOffset).arg(wordOffset * 4);
        if (line > 0)
            where = QStringLiteral(": at word %1 (line %2)").arg(wordOffset).arg(line);
    }
    const QString name = path.isEmpty() ? QStringLiteral("instruction stream") : path;
    return name % where % QStringLiteral(": expected ") % expected % QStringLiteral(", found ") % found;
}

} // namespace xi
