// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "xclbin/xclbinreader.h"

#include <QObject>

namespace xi {

// Reads an xclbin off the GUI thread. Starting a new load makes every earlier one outdated: its result is dropped
// when it arrives (a generation counter, as in hotspot's job tracker).
class LoadJob : public QObject {
    Q_OBJECT
public:
    explicit LoadJob(QObject* parent = nullptr);
    ~LoadJob() override;

    void load(const QString& path);
    // Drops the result of the running load (reading a file cannot be interrupted, only ignored); emits cancelled().
    void cancel();
    bool isRunning() const { return m_running > 0; }
    quint64 generation() const { return m_generation; }
    QString path() const { return m_path; }

signals:
    void started(const QString& path);
    void loaded(xi::XclbinPtr xclbin);
    void failed(const xi::XclbinError& error);
    void finished(); // after loaded or failed of the newest job
    void cancelled();

private:
    quint64 m_generation = 0;
    int m_running = 0;
    QString m_path;
};

} // namespace xi
