// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "instructions/npufinding.h"
#include "instructions/npustream.h"
#include "util/jobtracker.h"
#include "xclbin/xclbin.h"

#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace xi {

class FindBar;
class NpuArgumentBars;
class NpuOpsModel;
class NpuTransfersModel;

// The instruction stream of a document: the stream found next to its xclbin, or one opened or dropped. First what
// the NPU reads and writes per XRT argument (bars), then the findings against the xclbin, the transfers, and every
// op with a filter. Decoding runs off the GUI thread, so a 10 MiB stream does not stop the window.
class InstructionsView : public QWidget {
    Q_OBJECT
public:
    explicit InstructionsView(QWidget* parent = nullptr);

    void setXclbin(XclbinPtr xclbin);
    // A stream chosen by the user (opened, dropped): kept across reloads of the xclbin.
    void setStreamFile(const QString& path);
    QString streamFile() const { return m_path; }

    std::shared_ptr<const NpuStream> stream() const { return m_stream; }
    const QList<NpuFinding>& findings() const { return m_findings; }
    bool isDecoding() const { return m_jobs.isRunning(); }
    QLabel* summary() const { return m_summary; }
    NpuArgumentBars* bars() const { return m_bars; }
    QTableView* transfers() const { return m_transfersView; }
    QTableView* ops() const { return m_opsView; }
    FindBar* filter() const { return m_filter; }

signals:
    void decoded(); // after every decode, successful or not

private:
    void decode();
    void showResult(std::shared_ptr<const NpuStream> stream, const QString& error);
    void browse();

    XclbinPtr m_xclbin;
    QString m_path;
    bool m_userChosen = false;
    std::shared_ptr<const NpuStream> m_stream;
    QList<NpuFinding> m_findings;
    JobTracker m_jobs;

    QLabel* m_summary;
    QPushButton* m_open;
    QListWidget* m_findingsList;
    NpuArgumentBars* m_bars;
    QScrollArea* m_barsScroll = nullptr;
    QTabWidget* m_tabs;
    NpuTransfersModel* m_transfers;
    NpuOpsModel* m_ops;
    QSortFilterProxyModel* m_opsProxy;
    QTableView* m_transfersView;
    QTableView* m_opsView;
    FindBar* m_filter;
};

} // namespace xi
