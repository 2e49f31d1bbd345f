// SPDX-License-Identifier: GPL-3.0-or-later
#include "groups/groupid.h"

namespace xi {

GroupId GroupId::compose(int slot, quint16 bank, quint8 flags)
{
    return { (quint32(flags) << 24) | (quint32(slot & 0xFF) << 16) | bank, false };
}

GroupId GroupId::legacyBank(int bank)
{
    return { bank < 0 || bank == NoMemory ? 0xFFFFFFFFu : quint32(bank), true };
}

bool GroupId::parse(const QString& text, GroupId* out)
{
    const QString t = text.trimmed();
    bool ok = false;
    qint64 value = t.toLongLong(&ok, 0);
    if (!ok && t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        value = t.mid(2).toLongLong(&ok, 16);
    if (!ok || value < -1 || value > 0xFFFFFFFFLL)
        return false;
    if (value == -1)
        *out = { 0xFFFFFFFFu, true };
    else
        *out = { quint32(value), false };
    return true;
}

QString GroupId::hex() const
{
    if (legacy && raw == 0xFFFFFFFFu)
        return QStringLiteral("-1");
    return QStringLiteral("0x") + QString::number(raw, 16).toUpper();
}

QString GroupId::decimal() const
{
    return QString::number(signedValue());
}

QString GroupId::describe() const
{
    const QString bankText
        = isNoMemory() ? QStringLiteral("bank 0xFFFF (no memory)") : QStringLiteral("bank %1").arg(bank());
    if (legacy)
        return QStringLiteral("XRT 2.13 (no slot), ") + bankText;
    QString text = QStringLiteral("slot %1, ").arg(slot()) + bankText;
    if (flags())
        text += QStringLiteral(", flags 0x%1").arg(QString::number(flags(), 16));
    return text;
}

QString SlotMode::describe() const
{
    if (legacyXrt213)
        return QStringLiteral("XRT 2.13 (no slot)");
    if (slot == 1)
        return QStringLiteral("slot 1 (first hardware context)");
    return QStringLiteral("slot %1 (hardware context #%1 of the process)").arg(slot);
}

} // namespace xi
