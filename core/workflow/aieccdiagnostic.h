// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace xi {

// One problem aiecc reported: an MLIR diagnostic (`file:line:col: error: message`), the step that failed
// (`Error encountered while running: <cmd>`), a Python exception, or a plain `Error: ...` line.
struct AieccDiagnostic {
    enum class Kind { Error, Warning, Note, Remark, FailedCommand, Exception };

    Kind kind = Kind::Error;
    QString file; // as printed; empty when the diagnostic has no location
    int line = 0; // 1-based; 0 = none
    int column = 0;
    QString message;
    QString command; // FailedCommand: the command line aiecc ran
    int logLine = 0; // 1-based line of the log it came from

    bool isError() const { return kind == Kind::Error || kind == Kind::FailedCommand || kind == Kind::Exception; }
    bool hasLocation() const { return !file.isEmpty() && line > 0; }
    static QString kindName(Kind kind); // "error", "warning", "note", "remark", "failed-command", "exception"
    QString text() const; // "design.mlir:12:5: error: ..." or "failed step: aie-opt ..."
    QJsonObject toJson() const; // {"kind", "file", "line", "column", "message", "command", "log_line"}
};

// Reads aiecc's log line by line as it streams: diagnostics, and the steps of `--verbose` output for progress.
class AieccLogParser {
public:
    struct Progress {
        int started = 0; // commands or pass pipelines traced so far
        int finished = 0; // "Done in ... sec" lines
        QString current; // the last step, shortened
    };

    // Returns the diagnostics this line completes (usually none or one).
    QList<AieccDiagnostic> feed(const QString& line);
    const QList<AieccDiagnostic>& diagnostics() const { return m_diagnostics; }
    const Progress& progress() const { return m_progress; }
    int lineCount() const { return m_lines; }

    static QList<AieccDiagnostic> parse(const QString& log);

private:
    void trackProgress(const QString& line);

    QList<AieccDiagnostic> m_diagnostics;
    Progress m_progress;
    int m_lines = 0;
    bool m_inTraceback = false;
};

} // namespace xi
