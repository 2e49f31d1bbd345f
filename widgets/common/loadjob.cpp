// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/loadjob.h"

namespace xi {

LoadJob::LoadJob(QObject* parent)
    : QObject(parent)
    , m_jobs(this)
{
}

LoadJob::~LoadJob() = default;

void LoadJob::load(const QString& path)
{
    m_path = path;
    emit started(path);
    m_jobs.start<XclbinLoadResult>([path](const CancelToken&) { return XclbinReader::load(path); },
                                   [this](const XclbinLoadResult& result) {
                                       if (result.ok())
                                           emit loaded(result.xclbin);
                                       else
                                           emit failed(result.error.value_or(XclbinError {}));
                                       emit finished();
                                   });
}

void LoadJob::cancel()
{
    if (m_jobs.cancel())
        emit cancelled();
}

} // namespace xi
