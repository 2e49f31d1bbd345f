// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshotrunner.h"

#include "documentview.h"
#include "mainwindow.h"
#include "startupactions.h"
#include "widgets/compare/compareview.h"

#include <QApplication>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>

namespace xi {

namespace {
constexpr int PollMs = 50;
constexpr int MaxPolls = 1200; // a minute: the reader is fast, this is only a safety net
} // namespace

ScreenshotRunner::ScreenshotRunner(MainWindow* window, QString output, QString view, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_output(std::move(output))
    , m_view(std::move(view))
{
}

void ScreenshotRunner::start()
{
    QTimer::singleShot(0, this, &ScreenshotRunner::poll);
}

void ScreenshotRunner::poll()
{
    bool busy = false;
    for (int i = 0; i < m_window->documentCount(); ++i)
        busy = busy || m_window->document(i)->isLoading();
    for (int i = 0; i < m_window->tabs()->count(); ++i) {
        if (auto compare = qobject_cast<CompareView*>(m_window->tabs()->widget(i)))
            busy = busy || compare->isLoading();
    }
    if (busy && ++m_polls < MaxPolls) {
        QTimer::singleShot(PollMs, this, &ScreenshotRunner::poll);
        return;
    }
    if (m_actions) {
        connect(m_actions, &StartupActions::finished, this, &ScreenshotRunner::capture, Qt::SingleShotConnection);
        m_actions->start();
        return;
    }
    capture();
}

void ScreenshotRunner::capture()
{
    QTextStream err(stderr);
    int code = 0;
    for (int i = 0; i < m_window->documentCount(); ++i) {
        if (!m_window->document(i)->errorText().isEmpty()) {
            err << m_window->document(i)->errorText() << '\n';
            code = 2;
        }
    }
    if (code == 0 && m_actions && !m_actions->error().isEmpty())
        code = 1; // the caller reports why
    if (!m_view.isEmpty() && !m_window->setCurrentView(m_view)) {
        err << QStringLiteral("unknown view \"%1\"; views: %2, compare\n")
                   .arg(m_view,
                        (m_window->currentDocument() ? m_window->currentDocument()->allViewNames()
                                                     : DocumentView::viewNames())
                            .join(QStringLiteral(", ")));
        QApplication::exit(64);
        return;
    }
    // Let layouts and the diagram settle before grabbing.
    QApplication::processEvents();
    QTimer::singleShot(100, this, [this, code] {
        if (!m_window->grab().save(m_output)) {
            QTextStream(stderr) << QStringLiteral("cannot write %1\n").arg(m_output);
            QApplication::exit(1);
            return;
        }
        QApplication::exit(code);
    });
}

} // namespace xi
