// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/argumentgroups.h"
#include "groups/groupid.h"
#include "xclbin/xclbin.h"

#include <QJsonObject>

#include <optional>

namespace xi {

// A kernel argument whose group ID has the decoded bank.
struct GroupIdMatch {
    QString kernelName;
    int index = 0;
    QString argumentName;
    Verdict verdict = Verdict::Valid;
};

// What one raw number means (docs/domain.md section 1), against an xclbin when one is given.
struct DecodedGroupId {
    QString text; // as given
    GroupId groupId;
    QString slotMeaning; // "slot 2: the second hardware context ..."
    QString bankMeaning; // "bank 0 = HOST (MEM_DRAM) of this xclbin"
    QString flagsMeaning; // empty when the flag bits are 0
    std::optional<MemoryEntry> memory; // with an xclbin and a bank in its memory table
    bool bankOutOfRange = false; // with an xclbin: the bank is not in its memory table
    QList<GroupIdMatch> arguments; // with an xclbin: arguments whose group_id() has this bank

    int slot() const { return groupId.slot(); }
    int bank() const { return groupId.bank(); }
    int flags() const { return groupId.flags(); }
    // "131072 = 0x20000: slot 2, bank 0 (HOST)"
    QString summary() const;
    // Every line a person needs: summary, slot, bank, flags, matching arguments.
    QStringList explanation() const;
    QJsonObject toJson() const;
};

// Decodes group ID numbers ("131072", "0x1FFFF", "-1") and names banks after an xclbin's memories.
class GroupIdDecoder {
public:
    explicit GroupIdDecoder(XclbinPtr xclbin = {});

    const XclbinPtr& xclbin() const { return m_xclbin; }
    std::optional<DecodedGroupId> decode(const QString& text, QString* error = nullptr) const;
    DecodedGroupId decode(GroupId id, const QString& text = {}) const;

    static QString slotMeaning(const GroupId& id);
    // "1 (SRAM)" with an xclbin, "1" without; "0xFFFF (no memory)" for scalars.
    QString bankLabel(int bank) const;
    const MemoryEntry* memory(int bank) const;
    // Arguments of this xclbin whose group_id() reports that bank (NoMemory = the scalars).
    QList<GroupIdMatch> argumentsWithBank(int bank) const;
    const QList<KernelGroups>& kernelGroups() const { return m_groups; }

private:
    XclbinPtr m_xclbin;
    QList<KernelGroups> m_groups;
};

} // namespace xi
