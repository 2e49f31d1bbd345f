// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/txnopindex.h"

#include <QRegularExpression>

namespace xi {

QJsonObject TxnOpReference::toJson() const
{
    return QJsonObject { { QLatin1String("line"), line },
                         { QLatin1String("txn_op_idx"), qint64(index) },
                         { QLatin1String("text"), text },
                         { QLatin1String("meaning"), meaning } };
}

QList<TxnOpReference> TxnOpIndex::find(const QString& log, const NpuStream* stream)
{
    static const QRegularExpression pattern(QStringLiteral("txn_op_idx\\s*[=:]\\s*(0[xX][0-9a-fA-F]+|\\d+)"));
    QList<TxnOpReference> found;
    int line = 1;
    qsizetype counted = 0;
    for (auto it = pattern.globalMatch(log); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        line += int(QStringView(log).mid(counted, m.capturedStart() - counted).count(u'\n'));
        counted = m.capturedStart();
        bool ok = false;
        const qulonglong value = m.captured(1).toULongLong(&ok, 0);
        if (!ok || value > 0xFFFFFFFFull)
            continue;
        TxnOpReference ref;
        ref.line = line;
        ref.index = quint32(value);
        ref.text = m.captured(0);
        if (stream)
            ref.meaning = stream->describeOpIndex(ref.index);
        else if (ref.index == 0xFFFFFFFFu)
            ref.meaning = QStringLiteral("no op started (before execution, or after it completed)");
        else
            ref.meaning = QStringLiteral("op %1 of the instruction stream: give the stream (--insts) to name it")
                              .arg(ref.index);
        found << ref;
    }
    return found;
}

} // namespace xi
