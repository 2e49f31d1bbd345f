// SPDX-License-Identifier: GPL-3.0-or-later
#include "groups/groupiddecoder.h"

#include <QJsonArray>

namespace xi {

namespace {

QString ordinal(int n)
{
    static const char* const words[] = { "zeroth", "first", "second", "third", "fourth", "fifth" };
    if (n >= 0 && n < 6)
        return QLatin1String(words[n]);
    const int mod100 = n % 100;
    const char* suffix = (mod100 >= 11 && mod100 <= 13) ? "th"
        : n % 10 == 1                                   ? "st"
        : n % 10 == 2                                   ? "nd"
        : n % 10 == 3                                   ? "rd"
                                                        : "th";
    return QString::number(n) + QLatin1String(suffix);
}

} // namespace

QString DecodedGroupId::summary() const
{
    QString bankText;
    if (groupId.isNoMemory())
        bankText = QStringLiteral("no memory (a scalar argument)");
    else if (memory)
        bankText = QStringLiteral("bank %1 (%2)").arg(bank()).arg(memory->tag);
    else
        bankText = QStringLiteral("bank %1").arg(bank());
    const QString slotText
        = groupId.legacy ? QStringLiteral("XRT 2.13 form (no slot)") : QStringLiteral("slot %1").arg(slot());
    QString text = QStringLiteral("%1 = %2: %3, %4").arg(groupId.decimal(), groupId.hex(), slotText, bankText);
    if (flags())
        text += QStringLiteral(", flags 0x%1").arg(QString::number(flags(), 16).toUpper());
    return text;
}

QStringList DecodedGroupId::explanation() const
{
    QStringList lines { summary(), slotMeaning, bankMeaning };
    if (!flagsMeaning.isEmpty())
        lines << flagsMeaning;
    for (const GroupIdMatch& m : arguments) {
        lines << QStringLiteral("matches %1 argument %2 '%3' (%4)")
                     .arg(m.kernelName)
                     .arg(m.index)
                     .arg(m.argumentName, verdictName(m.verdict));
    }
    return lines;
}

QJsonObject DecodedGroupId::toJson() const
{
    QJsonObject o {
        { QStringLiteral("input"), text },
        { QStringLiteral("value"), double(groupId.signedValue()) },
        { QStringLiteral("hex"), groupId.hex() },
        { QStringLiteral("slot"), slot() },
        { QStringLiteral("bank"), bank() },
        { QStringLiteral("flags"), flags() },
        { QStringLiteral("no_memory"), groupId.isNoMemory() },
        { QStringLiteral("xrt213_form"), groupId.legacy },
        { QStringLiteral("summary"), summary() },
        { QStringLiteral("slot_meaning"), slotMeaning },
        { QStringLiteral("bank_meaning"), bankMeaning },
    };
    if (!flagsMeaning.isEmpty())
        o.insert(QStringLiteral("flags_meaning"), flagsMeaning);
    if (memory)
        o.insert(QStringLiteral("memory"), memory->toJson());
    if (bankOutOfRange)
        o.insert(QStringLiteral("bank_out_of_range"), true);
    QJsonArray args;
    for (const GroupIdMatch& m : arguments) {
        args.append(QJsonObject {
            { QStringLiteral("kernel"), m.kernelName },
            { QStringLiteral("index"), m.index },
            { QStringLiteral("name"), m.argumentName },
            { QStringLiteral("verdict"), verdictName(m.verdict) },
        });
    }
    o.insert(QStringLiteral("arguments"), args);
    return o;
}

GroupIdDecoder::GroupIdDecoder(XclbinPtr xclbin)
    : m_xclbin(std::move(xclbin))
{
    if (m_xclbin)
        m_groups = ArgumentGroups::computeAll(*m_xclbin);
}

std::optional<DecodedGroupId> GroupIdDecoder::decode(const QString& text, QString* error) const
{
    GroupId id;
    if (!GroupId::parse(text, &id)) {
        if (error) {
            *error = QStringLiteral("'%1' is not a group ID: expected a number from -1 to 4294967295, decimal or "
                                    "0x-prefixed hex (e.g. 131072 or 0x20000)")
                         .arg(text);
        }
        return std::nullopt;
    }
    return decode(id, text.trimmed());
}

DecodedGroupId GroupIdDecoder::decode(GroupId id, const QString& text) const
{
    DecodedGroupId d;
    d.text = text.isEmpty() ? id.decimal() : text;
    d.groupId = id;
    d.slotMeaning = slotMeaning(id);
    const int bank = id.bank();
    if (id.isNoMemory()) {
        d.bankMeaning = QStringLiteral("bank 0xFFFF: no memory, what XRT reports for a scalar argument; never "
                                       "allocate a BO with it and never pass a BO at that index");
    } else if (const MemoryEntry* m = memory(bank)) {
        d.memory = *m;
        d.bankMeaning = QStringLiteral("bank %1 = %2 (%3%4) of this xclbin")
                            .arg(bank)
                            .arg(m->tag, m->typeName(), m->used ? QString() : QStringLiteral(", marked unused"));
    } else if (m_xclbin) {
        d.bankOutOfRange = true;
        d.bankMeaning = QStringLiteral("bank %1: this xclbin has no such memory (its table has %2 entries), so "
                                       "the number does not come from this xclbin")
                            .arg(bank)
                            .arg(m_xclbin->memories().size());
    } else {
        d.bankMeaning = QStringLiteral("bank %1: index into the xclbin's memory table (for an mlir-aie xclbin 0 = "
                                       "HOST, 1 = SRAM); give the xclbin to name it")
                            .arg(bank);
    }
    if (id.flags()) {
        d.flagsMeaning = QStringLiteral("bits 24-31 = 0x%1: BO flags, which xrt::kernel::group_id() never sets; "
                                        "this number is a BO flags word, not a group ID")
                             .arg(QString::number(id.flags(), 16).toUpper());
    }
    if (m_xclbin && !d.bankOutOfRange)
        d.arguments = argumentsWithBank(bank);
    return d;
}

QString GroupIdDecoder::slotMeaning(const GroupId& id)
{
    if (id.legacy)
        return QStringLiteral("XRT 2.13 form: no slot field, -1 = no memory");
    const int slot = id.slot();
    if (slot == 0) {
        return QStringLiteral("slot 0: either XRT 2.13 (which returns the plain memory index) or the first hardware "
                              "context on an NPU driver built before Nov 2024");
    }
    return QStringLiteral("slot %1: the %2 hardware context the process created (the driver's context id); it says "
                          "nothing about the memory and cannot be judged from the xclbin")
        .arg(slot)
        .arg(ordinal(slot));
}

const MemoryEntry* GroupIdDecoder::memory(int bank) const
{
    if (!m_xclbin || bank < 0)
        return nullptr;
    const QList<MemoryEntry>& memories = m_xclbin->memories();
    return bank < memories.size() ? &memories[bank] : nullptr;
}

QString GroupIdDecoder::bankLabel(int bank) const
{
    if (bank < 0 || bank == GroupId::NoMemory)
        return QStringLiteral("0xFFFF (no memory)");
    if (const MemoryEntry* m = memory(bank))
        return QStringLiteral("%1 (%2)").arg(bank).arg(m->tag);
    return QString::number(bank);
}

QList<GroupIdMatch> GroupIdDecoder::argumentsWithBank(int bank) const
{
    QList<GroupIdMatch> matches;
    for (const KernelGroups& kernel : m_groups) {
        for (const ArgumentGroup& arg : kernel.arguments) {
            if (arg.bank == bank)
                matches.append({ kernel.kernelName, arg.index, arg.argument.name, arg.verdict });
        }
    }
    return matches;
}

} // namespace xi
