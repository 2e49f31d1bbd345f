// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "groups/groupid.h"
#include "xclbin/xclbin.h"

#include <QJsonObject>
#include <QList>

namespace xi {

// One difference between two xclbins ("before" A, "after" B).
struct DiffRecord {
    enum class Area { Header, Section, Memory, Connection, Kernel, Argument, GroupId };
    enum class Change { Added, Removed, Changed };

    Area area = Area::Header;
    QString key; // what is compared: "MEM_TOPOLOGY[1] SRAM", "MLIR_AIE arg 3 (bo0)"
    QString field; // which property of it changed ("size", "offset"); empty for added/removed
    QString before; // empty when added
    QString after; // empty when removed
    Change change = Change::Changed;

    QJsonObject toJson() const;
    friend bool operator==(const DiffRecord&, const DiffRecord&) = default;
};
QString diffAreaName(DiffRecord::Area area); // "header", "section", "memory", ...
QString diffChangeName(DiffRecord::Change change); // "added", "removed", "changed"

struct DiffOptions {
    SlotMode slotMode; // group IDs are compared for this slot
    // Leave out what every rebuild changes: the xclbin UUID, the timestamp and the unique id.
    bool ignoreBuildStamp = false;
    // Compare section bytes (not only sizes); reads both files' sections.
    bool compareBytes = true;
};

// Compares two xclbin models: header fields, sections (matched by kind and name), memories, connections,
// kernels, arguments and group IDs. The same records feed the CLI's `diff` and the GUI's compare view.
class XclbinDiff {
public:
    // Throws XclbinException only when compareBytes is set and a file cannot be read any more.
    static QList<DiffRecord> compare(const Xclbin& before, const Xclbin& after, const DiffOptions& options = {});
};

} // namespace xi
