// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/reportpaths.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace xi {

ReportPaths::ReportPaths(const QString& reportPath)
    : m_reportDir(reportPath.isEmpty() ? QString() : QFileInfo(reportPath).absolutePath())
{
    add(QDir::currentPath() + QStringLiteral("/x"));
    add(QDir::homePath() + QStringLiteral("/x"));
}

namespace {
// Further away than this from the report, a relative path only spells out the machine's folders: the file name says
// as much.
constexpr int MaxLevelsUp = 2;

QString relativeOrEmpty(const QString& reportDir, const QString& absolute)
{
    if (reportDir.isEmpty())
        return {};
    const QString relative = QDir(reportDir).relativeFilePath(absolute);
    // Climbing to the root and down again would spell out the absolute path.
    const qsizetype up = relative.count(QLatin1String("../")) + (relative == QLatin1String("..") ? 1 : 0);
    const qsizetype depth = QDir::cleanPath(reportDir).count(u'/');
    return up > MaxLevelsUp || up >= depth || QDir::isAbsolutePath(relative) ? QString() : relative;
}
} // namespace

QString ReportPaths::display(const QString& path) const
{
    if (path.isEmpty())
        return path;
    const QFileInfo info(path);
    const QString relative = relativeOrEmpty(m_reportDir, info.absoluteFilePath());
    return relative.isEmpty() ? info.fileName() : relative;
}

void ReportPaths::add(const QString& path)
{
    if (path.isEmpty())
        return;
    const QString folder = QFileInfo(path).absolutePath();
    if (folder == QLatin1String("/"))
        return;
    for (const Folder& known : std::as_const(m_folders)) {
        if (known.absolute == folder)
            return;
    }
    // Near the report: its relative form ("" for the report's own folder); far from it: the folder's own name, and
    // files in it by their names.
    const QString relative = relativeOrEmpty(m_reportDir, folder);
    Folder f { folder, relative + u'/', relative };
    if (relative == QLatin1String(".")) {
        f.prefix.clear();
    } else if (relative.isEmpty()) {
        f.prefix.clear();
        f.bare = QFileInfo(folder).fileName();
    }
    m_folders.append(f);
    std::sort(m_folders.begin(), m_folders.end(),
              [](const Folder& a, const Folder& b) { return a.absolute.size() > b.absolute.size(); });
}

QString ReportPaths::scrub(QString text) const
{
    for (const Folder& f : m_folders)
        text.replace(f.absolute + u'/', f.prefix);
    for (const Folder& f : m_folders) {
        const QRegularExpression bare(QRegularExpression::escape(f.absolute) + QStringLiteral("(?![\\w-]|\\.\\w)"));
        text.replace(bare, f.bare);
    }
    return text;
}

QString ReportPaths::scrubHtml(const QString& html) const
{
    static const QRegularExpression data(QStringLiteral("data:[a-z/]+;base64,[A-Za-z0-9+/=]*"));
    QString out;
    qsizetype from = 0;
    for (auto it = data.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += scrub(html.mid(from, m.capturedStart() - from)) + m.captured();
        from = m.capturedEnd();
    }
    return out + scrub(html.mid(from));
}

} // namespace xi
