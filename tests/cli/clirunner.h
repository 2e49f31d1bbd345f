// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace xi::test {

// One run of the built xclbin-inspector-cli, for the CLI tests.
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QString err;

    QString text() const { return QString::fromUtf8(out); }
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    // For QVERIFY2 messages.
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + ", stderr: " + err.toUtf8(); }
};

inline CliRun runCli(const QStringList& args, const QByteArray& input = {})
{
    QProcess process;
    process.start(cliPath(), args);
    CliRun run;
    if (!process.waitForStarted(30000)) {
        run.err = QStringLiteral("the CLI did not start: ") + process.errorString();
        return run;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    // `bench attention` runs the 8x1500x64 float reference: over two minutes under ASan on a busy machine.
    const int limitMs = XI_TEST_ASAN ? 600000 : 120000;
    if (!process.waitForFinished(limitMs) || process.exitStatus() != QProcess::NormalExit) {
        run.err = QStringLiteral("the CLI did not finish normally: ") + process.errorString();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace xi::test
