// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace xi {

// The 32-bit word xrt::kernel::group_id() returns (docs/domain.md section 1):
// bits 0-15 bank (0xFFFF = no memory), bits 16-23 hardware-context slot, bits 24-31 BO flags.
struct GroupId {
    static constexpr quint16 NoMemory = 0xFFFF;

    quint32 raw = 0;
    // XRT 2.13 returns the plain memory index, -1 for scalars, with no slot field.
    bool legacy = false;

    static GroupId compose(int slot, quint16 bank, quint8 flags = 0);
    // XRT 2.13 form: the bank index, or -1 (0xFFFFFFFF) for no memory.
    static GroupId legacyBank(int bank);
    // Parses "131071", "0x1FFFF", "-1".
    static bool parse(const QString& text, GroupId* out);

    quint16 bank() const
    {
        return legacy ? quint16(raw == 0xFFFFFFFFu ? NoMemory : raw & 0xFFFF) : quint16(raw & 0xFFFF);
    }
    int slot() const { return legacy ? -1 : int((raw >> 16) & 0xFF); }
    int flags() const { return legacy ? 0 : int((raw >> 24) & 0xFF); }
    bool isNoMemory() const { return bank() == NoMemory; }
    qint64 signedValue() const { return legacy && raw == 0xFFFFFFFFu ? -1 : qint64(raw); }

    QString hex() const; // "0x1FFFF"; "-1" in legacy mode for scalars
    QString decimal() const; // "131071"
    // "slot 1, bank 0xFFFF (no memory)"
    QString describe() const;
};

// Which XRT the numbers are for: slot-aware (slot >= 0; 1 = first hw_context) or XRT 2.13 with no slot.
struct SlotMode {
    int slot = 1;
    bool legacyXrt213 = false;

    static SlotMode xrt213() { return { 0, true }; }
    QString describe() const; // "slot 1 (first hardware context)" / "XRT 2.13 (no slot)"
};

} // namespace xi
