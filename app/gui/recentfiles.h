// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace xi {

// The recently opened files (newest first, at most 9, files that no longer exist dropped), kept in QSettings
// under RecentFiles/paths, with a menu that reopens them.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int MaxFiles = 9;

    explicit RecentFiles(QObject* parent = nullptr);

    void add(const QString& path);
    void clear();
    QStringList files() const; // missing files dropped
    void populate(QMenu* menu);

signals:
    void openRequested(const QString& path);
    void changed();

private:
    void save(const QStringList& files);
};

} // namespace xi
