// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUuid>

namespace xi {

// "0x1FFFF": addresses, offsets and IDs in the views, the diff and the CLI tables.
QString hexUpper(quint64 value);
// "0x1ffff": xclbinutil's spelling, where our output must match its dumps.
QString hexLower(quint64 value);
// A UUID as xclbinutil and XRT print it: no braces.
QString uuidText(const QUuid& uuid);

} // namespace xi
