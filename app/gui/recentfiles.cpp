// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace xi {

namespace {
const QString Key = QStringLiteral("RecentFiles/paths");
}

RecentFiles::RecentFiles(QObject* parent)
    : QObject(parent)
{
}

QStringList RecentFiles::files() const
{
    QStringList existing;
    for (const QString& path : QSettings().value(Key).toStringList()) {
        if (QFileInfo::exists(path) && !existing.contains(path))
            existing << path;
    }
    return existing.mid(0, MaxFiles);
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    save(list.mid(0, MaxFiles));
}

void RecentFiles::clear()
{
    save({});
}

void RecentFiles::save(const QStringList& files)
{
    QSettings().setValue(Key, files);
    emit changed();
}

void RecentFiles::populate(QMenu* menu)
{
    menu->clear();
    const QStringList list = files();
    for (int i = 0; i < list.size(); ++i) {
        const QString& path = list[i];
        auto action = menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    if (list.isEmpty())
        menu->addAction(tr("(none)"))->setEnabled(false);
    menu->addSeparator();
    auto clearAction = menu->addAction(tr("Clear recent files"));
    clearAction->setEnabled(!list.isEmpty());
    connect(clearAction, &QAction::triggered, this, &RecentFiles::clear);
}

} // namespace xi
