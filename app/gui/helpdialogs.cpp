// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpdialogs.h"

#include "util/buildconfig.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace xi {

namespace {

QDialog* browserDialog(const QString& title, QWidget* parent, QTextBrowser** browser, const QSize& size)
{
    auto dialog = new QDialog(parent);
    dialog->setWindowTitle(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    *browser = new QTextBrowser(dialog);
    (*browser)->setOpenExternalLinks(true);
    (*browser)->setAccessibleName(title);
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto layout = new QVBoxLayout(dialog);
    layout->addWidget(*browser);
    layout->addWidget(buttons);
    dialog->resize(size);
    return dialog;
}

QString sourceDocsDir()
{
#ifdef XI_SOURCE_DOCS_DIR
    return QStringLiteral(XI_SOURCE_DOCS_DIR);
#else
    return {};
#endif
}

} // namespace

QString HelpDialogs::userGuidePath()
{
    const QString name = QStringLiteral("user-guide.md");
    QStringList dirs {
        qEnvironmentVariable("XI_DOCS_DIR"), sourceDocsDir(),
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/doc/xclbin-inspector"))
    };
    for (const QString& dir : std::as_const(dirs)) {
        if (!dir.isEmpty() && QFileInfo::exists(QDir(dir).filePath(name)))
            return QDir::cleanPath(QDir(dir).filePath(name));
    }
    return {};
}

QDialog* HelpDialogs::userGuide(QWidget* parent)
{
    QTextBrowser* browser = nullptr;
    QDialog* dialog = browserDialog(QObject::tr("xclbin inspector user guide"), parent, &browser, QSize(960, 760));
    const QString path = userGuidePath();
    if (path.isEmpty()) {
        browser->setHtml(QObject::tr("<p>The user guide (user-guide.md) was not found next to the program, in the "
                                     "source tree or under share/doc/xclbin-inspector. Set XI_DOCS_DIR to the folder "
                                     "that holds it.</p>"));
        return dialog;
    }
    browser->setSearchPaths({ QFileInfo(path).absolutePath() });
    browser->setSource(QUrl::fromLocalFile(path), QTextDocument::MarkdownResource);
    return dialog;
}

QString HelpDialogs::shortcutsHtml(const QList<QAction*>& actions)
{
    QString rows;
    for (const QAction* action : actions) {
        if (action->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        rows += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>")
                    .arg(QString(action->text()).remove(u'&').toHtmlEscaped(),
                         keys.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    rows += QObject::tr("<tr><td>Clear the filter of a table</td><td><b>Esc</b></td></tr>");
    return QObject::tr("<h3>Keyboard shortcuts</h3><table cellpadding=\"4\">%1</table>").arg(rows);
}

QDialog* HelpDialogs::shortcuts(const QList<QAction*>& actions, QWidget* parent)
{
    QTextBrowser* browser = nullptr;
    QDialog* dialog = browserDialog(QObject::tr("Keyboard shortcuts"), parent, &browser, QSize(520, 640));
    browser->setHtml(shortcutsHtml(actions));
    return dialog;
}

QString HelpDialogs::aboutHtml()
{
    return QObject::tr("<p><b>xclbin inspector</b> %1</p>"
                       "<p>Inspect .xclbin files, XRT group IDs and NPU kernel bindings.</p>"
                       "<p>Qt %2 (built with Qt %3)<br>XRT %4 (the version this build links; runs load it in a "
                       "child process)</p>"
                       "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
        .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             QStringLiteral(XI_XRT_VERSION));
}

} // namespace xi
