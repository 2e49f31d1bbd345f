// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/canceltoken.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace xi {

// One background job at a time for one owner (loading a file, a run, a recompile), as in hotspot's job tracker:
// a generation counter plus a cancel flag the job itself sees. Starting a job cancels the previous one; the
// result of a job that is no longer current is dropped; results come back queued on the context object's
// thread, and never after the context is gone.
//
// Work on the thread pool: start(work, done). Work elsewhere (a child process): begin(onCancel) ... finish().
class JobTracker {
public:
    explicit JobTracker(QObject* context)
        : m_context(context)
        , m_state(std::make_shared<State>())
    {
    }
    ~JobTracker() { cancel(); }
    JobTracker(const JobTracker&) = delete;
    JobTracker& operator=(const JobTracker&) = delete;

    // Runs work(token) on the global thread pool; done(result) on the context's thread if the job is still
    // current when it ends. A cancelled job calls neither done nor anything else.
    template<typename Result>
    void start(std::function<Result(const CancelToken&)> work, std::function<void(Result)> done)
    {
        const CancelToken token = begin({});
        const quint64 generation = m_state->generation;
        QPointer<QObject> context = m_context;
        std::shared_ptr<State> state = m_state;
        QThreadPool::globalInstance()->start(
            [work = std::move(work), done = std::move(done), token, generation, context, state]() mutable {
                Result result = work(token);
                if (token.isCancelled() || !context)
                    return;
                QMetaObject::invokeMethod(
                    context.data(),
                    [done = std::move(done), result = std::move(result), generation, state]() mutable {
                        if (state->generation != generation || !state->running)
                            return;
                        state->running = false;
                        done(std::move(result));
                    },
                    Qt::QueuedConnection);
            });
    }

    // Marks the start of a job that runs elsewhere; `onCancel` stops it (kills the process tree, ...).
    // Returns the job's token. Cancels the previous job.
    CancelToken begin(std::function<void()> onCancel)
    {
        cancel();
        ++m_state->generation;
        m_state->running = true;
        m_state->token = CancelToken();
        m_state->onCancel = std::move(onCancel);
        return m_state->token;
    }
    // Ends the current job normally (a begin() job's own end); false if it was cancelled or superseded.
    bool finish(quint64 generation)
    {
        if (!isCurrent(generation))
            return false;
        m_state->running = false;
        m_state->onCancel = {};
        return true;
    }
    // Stops the current job: its token reports cancelled, its onCancel runs, its result will be dropped.
    // Returns false when nothing was running.
    bool cancel()
    {
        if (!m_state->running)
            return false;
        m_state->running = false;
        ++m_state->generation;
        m_state->token.cancel();
        if (auto stop = std::exchange(m_state->onCancel, {}))
            stop();
        return true;
    }

    bool isRunning() const { return m_state->running; }
    quint64 generation() const { return m_state->generation; }
    bool isCurrent(quint64 generation) const { return m_state->running && m_state->generation == generation; }
    CancelToken token() const { return m_state->token; }

private:
    // Shared with the queued result, which may arrive after the tracker is gone.
    struct State {
        quint64 generation = 0;
        bool running = false;
        CancelToken token;
        std::function<void()> onCancel;
    };
    QPointer<QObject> m_context;
    std::shared_ptr<State> m_state;
};

} // namespace xi
