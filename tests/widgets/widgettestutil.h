// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testsupport.h"
#include "xclbin/xclbinreader.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QWidget>
#include <QtEndian>

// Helpers shared by the GUI tests (header-only: each test is one executable).
namespace xi::test {

inline QString saveScreenshot(QWidget* widget, const QString& name)
{
    const QString path = outputDir() + QLatin1Char('/') + name + QStringLiteral(".png");
    // Let pending layout requests run so the picture shows what a user would see.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    widget->grab().save(path);
    return path;
}

// A copy of a fixture with bytes replaced at the given offsets (a deliberately broken file).
inline QString patchedCopy(const QTemporaryDir& dir, const QString& fixture, const QString& name,
                           const QList<QPair<qint64, QByteArray>>& patches)
{
    QByteArray bytes = readFile(xclbinFixturePath(fixture));
    for (const auto& [offset, data] : patches)
        bytes.replace(offset, data.size(), data);
    const QString path = dir.filePath(name);
    return writeFile(path, bytes) ? path : QString();
}

inline QByteArray le32(qint32 value)
{
    QByteArray b(4, '\0');
    qToLittleEndian(value, b.data());
    return b;
}

inline QByteArray le64(quint64 value)
{
    QByteArray b(8, '\0');
    qToLittleEndian(value, b.data());
    return b;
}

// iron-single-add with bo0 connected to SRAM (a warning: aiecc puts buffers on HOST) and bo1 connected to a
// memory index outside the table (invalid), in GROUP_CONNECTIVITY, which XRT reads first.
inline QString wronglyConnectedCopy(const QTemporaryDir& dir)
{
    const QString fixture = QStringLiteral("iron-single-add");
    const XclbinPtr x = XclbinReader::read(xclbinFixturePath(fixture));
    const SectionHeader* s = x->section(27); // ASK_GROUP_CONNECTIVITY
    if (!s)
        return {};
    const QByteArray section = x->readSection(*s);
    const qint32 count = qFromLittleEndian<qint32>(section.constData());
    QList<QPair<qint64, QByteArray>> patches;
    for (qint32 i = 0; i < count; ++i) {
        const qint64 entry = 4 + 12 * i;
        const qint32 arg = qFromLittleEndian<qint32>(section.constData() + entry);
        if (arg == 3)
            patches.append({ qint64(s->offset) + entry + 8, le32(1) });
        if (arg == 4)
            patches.append({ qint64(s->offset) + entry + 8, le32(7) });
    }
    return patchedCopy(dir, fixture, QStringLiteral("wrongly-connected.xclbin"), patches);
}

// A copy whose first section header points far outside the file.
inline QString sectionOutsideCopy(const QTemporaryDir& dir)
{
    return patchedCopy(dir, QStringLiteral("iron-single-add"), QStringLiteral("section-outside.xclbin"),
                       { { 456 + 24, le64(0x7FFFFF00ull) } });
}

} // namespace xi::test
