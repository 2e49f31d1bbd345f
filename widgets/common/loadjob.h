// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jobtracker.h"
#include "xclbin/xclbinreader.h"

#include <QObject>

namespace xi {

// Reads an xclbin off the GUI thread through a JobTracker: starting a new load cancels the earlier one, whose
// result is dropped. The reader reads only the header, the section table and the sections it decodes, so a load
// is short; cancel() makes its result outdated at once.
class LoadJob : public QObject {
    Q_OBJECT
public:
    explicit LoadJob(QObject* parent = nullptr);
    ~LoadJob() override;

    void load(const QString& path);
    // Stops the running load and drops its result; emits cancelled().
    void cancel();
    bool isRunning() const { return m_jobs.isRunning(); }
    quint64 generation() const { return m_jobs.generation(); }
    QString path() const { return m_path; }

signals:
    void started(const QString& path);
    void loaded(xi::XclbinPtr xclbin);
    void failed(const xi::XclbinError& error);
    void finished(); // after loaded or failed of the newest job
    void cancelled();

private:
    JobTracker m_jobs;
    QString m_path;
};

} // namespace xi
