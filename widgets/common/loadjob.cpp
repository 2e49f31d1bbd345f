// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/loadjob.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace xi {

LoadJob::LoadJob(QObject* parent)
    : QObject(parent)
{
}

LoadJob::~LoadJob()
{
    // Outstanding watchers are children: deleting them detaches from the futures; results are dropped.
    ++m_generation;
}

void LoadJob::load(const QString& path)
{
    const quint64 generation = ++m_generation;
    m_path = path;
    ++m_running;
    auto watcher = new QFutureWatcher<XclbinLoadResult>(this);
    connect(watcher, &QFutureWatcher<XclbinLoadResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        --m_running;
        if (generation != m_generation)
            return;
        const XclbinLoadResult result = watcher->result();
        if (result.ok())
            emit loaded(result.xclbin);
        else
            emit failed(result.error.value_or(XclbinError {}));
        emit finished();
    });
    emit started(path);
    watcher->setFuture(QtConcurrent::run([path] { return XclbinReader::load(path); }));
}

} // namespace xi

namespace xi {

void LoadJob::cancel()
{
    if (m_running == 0)
        return;
    ++m_generation;
    emit cancelled();
}

} // namespace xi
