// SPDX-License-Identifier: GPL-3.0-or-later
#include "startupactions.h"

#include "documentview.h"
#include "mainwindow.h"
#include "widgets/binding/bindingview.h"
#include "widgets/decoder/decoderview.h"
#include "widgets/run/runview.h"

#include <QLabel>
#include <QTabWidget>

namespace xi {

StartupActions::StartupActions(MainWindow* window, QObject* parent)
    : QObject(parent)
    , m_window(window)
{
}

void StartupActions::start()
{
    m_document = m_window->document(0);
    if (!m_document) {
        fail(tr("--decode, --call and --run need a file, and none is open"));
        return;
    }
    const QString notLoaded = tr("%1 did not load: nothing to decode, check or run").arg(m_document->path());
    if (!m_document->isLoading()) {
        if (m_document->xclbin())
            begin();
        else
            fail(notLoaded);
        return;
    }
    connect(m_document, &DocumentView::loaded, this, &StartupActions::begin, Qt::SingleShotConnection);
    connect(
        m_document, &DocumentView::loadFailed, this, [this, notLoaded] { fail(notLoaded); }, Qt::SingleShotConnection);
}

void StartupActions::begin()
{
    disconnect(m_document, nullptr, this, nullptr);
    m_window->tabs()->setCurrentWidget(m_document);
    auto binding = m_document->view<BindingView>(QStringLiteral("binding"));
    auto run = m_document->view<RunView>(QStringLiteral("run"));
    if (!binding || !run) {
        fail(tr("%1 has no Binding or Run view").arg(m_document->path()));
        return;
    }
    if (!m_decode.isEmpty())
        m_document->decoder()->setInput(m_decode);
    QString why;
    if (!m_call.isEmpty()) {
        if (!binding->setQuickPlan(m_call, &why)) {
            fail(tr("--call \"%1\": %2").arg(m_call, why));
            return;
        }
        run->setBindingSource(RunView::BindingSource::BindingView);
    }
    if (!m_view.isEmpty())
        m_window->setCurrentView(m_view);
    else if (m_backend)
        m_document->setCurrentView(QStringLiteral("run"));
    if (!m_backend) {
        emit finished();
        return;
    }
    run->setBackend(*m_backend);
    connect(run, &RunView::runFinished, this, &StartupActions::onRunFinished, Qt::SingleShotConnection);
    run->run();
    if (!run->isRunning()) {
        disconnect(run, nullptr, this, nullptr);
        fail(run->status()->text());
    }
}

void StartupActions::onRunFinished(const AttentionRun& run)
{
    QStringList lines { tr("%1 run of %2, call \"%3\": %4")
                            .arg(run.backend, run.xclbinPath, run.call,
                                 run.succeeded() ? tr("every check passed") : tr("a check failed")) };
    if (!run.error.isEmpty())
        lines << run.error;
    lines << run.xrtMessages;
    m_summary = lines.join(u'\n');
    emit finished();
}

void StartupActions::fail(const QString& why)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_error = why;
    emit finished();
}

} // namespace xi
