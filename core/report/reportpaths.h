// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace xi {

// Paths as a report shows them: relative to the report's folder when the file is near it (at most two levels up),
// else the bare file name. A report never carries the absolute paths of the machine it was made on.
class ReportPaths {
public:
    explicit ReportPaths(const QString& reportPath = {});

    // "../build/demo/a.xclbin", or "a.xclbin" when the report has no folder or the file is far from it
    QString display(const QString& path) const;
    // Remembers a file's folder, so that scrub() rewrites it wherever it appears in free text (XRT's messages, notes).
    void add(const QString& path);
    // Every remembered folder, and the current and home folders, replaced by their relative form.
    QString scrub(QString text) const;
    // scrub() over an HTML page, leaving its data: URIs alone.
    QString scrubHtml(const QString& html) const;

private:
    struct Folder {
        QString absolute;
        QString prefix; // replaces "absolute/"
        QString bare; // replaces the folder named alone
    };
    QString m_reportDir;
    QList<Folder> m_folders; // longest first
};

} // namespace xi
