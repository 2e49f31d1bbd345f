// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

class QAction;
class QDialog;
class QWidget;

namespace xi {

// Help > User guide, Keyboard shortcuts and About.
class HelpDialogs {
public:
    // docs/user-guide.md: XI_DOCS_DIR from the environment, the source tree, then the installed share/doc folder;
    // empty when none is found.
    static QString userGuidePath();
    // The guide rendered (Markdown, with its screenshots), or a page that says where it was looked for.
    static QDialog* userGuide(QWidget* parent);
    // Every action with a shortcut, as a table.
    static QDialog* shortcuts(const QList<QAction*>& actions, QWidget* parent);
    static QString shortcutsHtml(const QList<QAction*>& actions);
    // Version, licence, and the Qt and XRT versions.
    static QString aboutHtml();
};

} // namespace xi
