// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/aieccdesign.h"
#include "xclbin/aieccinputerror.h"

#include <QByteArray>
#include <QUuid>

#include <optional>

namespace xi {

// Builds an .xclbin from aiecc's inputs exactly as xclbinutil 2.26 does for
// `--add-replace-section MEM_TOPOLOGY:JSON:... --add-kernel ... --add-replace-section AIE_PARTITION:JSON:...`:
// sections MEM_TOPOLOGY, AIE_PARTITION, EMBEDDED_METADATA, IP_LAYOUT, CONNECTIVITY, GROUP_CONNECTIVITY,
// GROUP_TOPOLOGY, 8-byte aligned, then xclbinutil's JSON mirror of the header and sections. Given the same
// UUID and timestamp the file equals xclbinutil's byte for byte.
class XclbinWriter {
public:
    // Random (a new one per build) unless set.
    void setUuid(const QUuid& uuid) { m_uuid = uuid; }
    // Seconds since the epoch; the build time unless set.
    void setTimestamp(quint64 secondsSinceEpoch) { m_timestamp = secondsSinceEpoch; }

    // The file image. Throws AieccInputException when the design is inconsistent (unknown memory tag,
    // unknown argument type, a DPU kernel id missing from every cdo group, a name too long, ...).
    QByteArray build(const AieccDesign& design) const;

    // Builds and writes. An existing file is replaced only with `overwrite`, and then kept as path + ".bak"
    // first. Throws AieccInputException (CannotWrite among others).
    void write(const AieccDesign& design, const QString& path, bool overwrite) const;

    // Writes bytes with the same overwrite and backup rule.
    static void writeFile(const QByteArray& bytes, const QString& path, bool overwrite);

    // xclbinutil's header version: 2.26.0.
    static constexpr quint8 VersionMajor = 2;
    static constexpr quint8 VersionMinor = 26;
    static constexpr quint16 VersionPatch = 0;

private:
    std::optional<QUuid> m_uuid;
    std::optional<quint64> m_timestamp;
};

} // namespace xi
