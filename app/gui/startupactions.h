// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/attentionbackend.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace xi {

class DocumentView;
class MainWindow;

// What the command line asks of the first file once it has loaded: `--decode TEXT` into its Decoder view,
// `--call QUICK` into its Binding view (which the Run view then uses), and `--run BACKEND` started in its Run view.
// The file's tab is then shown, on `--view NAME` if given, else on the Run view when running.
class StartupActions : public QObject {
    Q_OBJECT
public:
    explicit StartupActions(MainWindow* window, QObject* parent = nullptr);
    void setDecode(const QString& text) { m_decode = text; }
    void setCall(const QString& quick) { m_call = quick; }
    void setRun(AttentionBackendKind backend) { m_backend = backend; }
    void setView(const QString& name) { m_view = name; }
    bool isEmpty() const { return m_decode.isEmpty() && m_call.isEmpty() && !m_backend; }

    void start(); // now when the file has loaded, else when it does
    QString error() const { return m_error; } // why an action failed; empty when all succeeded
    QString summary() const { return m_summary; } // the finished run: backend, call, verdict, XRT's messages

signals:
    void finished(); // every action done (the run finished), or one failed (error() says why)

private:
    void begin();
    void onRunFinished(const AttentionRun& run);
    void fail(const QString& why);

    MainWindow* m_window;
    QPointer<DocumentView> m_document;
    QString m_decode;
    QString m_call;
    QString m_view;
    std::optional<AttentionBackendKind> m_backend;
    QString m_error;
    QString m_summary;
};

} // namespace xi
