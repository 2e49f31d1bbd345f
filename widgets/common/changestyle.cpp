// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/changestyle.h"

#include "widgets/common/verdictstyle.h"

namespace xi {

QColor ChangeStyle::background(DiffRecord::Change change, const QPalette& palette)
{
    const bool dark = VerdictStyle::isDark(palette);
    switch (change) {
    case DiffRecord::Change::Added: return dark ? QColor(0x15, 0x4a, 0x4e) : QColor(0xcd, 0xee, 0xf0);
    case DiffRecord::Change::Removed: return dark ? QColor(0x4a, 0x3a, 0x2a) : QColor(0xee, 0xe2, 0xd4);
    case DiffRecord::Change::Changed: break;
    }
    return dark ? QColor(0x3f, 0x2f, 0x5c) : QColor(0xe6, 0xdb, 0xf7);
}

QString ChangeStyle::name(DiffRecord::Change change)
{
    switch (change) {
    case DiffRecord::Change::Added: return QObject::tr("added (teal)");
    case DiffRecord::Change::Removed: return QObject::tr("removed (sand)");
    case DiffRecord::Change::Changed: break;
    }
    return QObject::tr("changed (violet)");
}

} // namespace xi
