// SPDX-License-Identifier: GPL-3.0-or-later
// `xclbin-inspector --bench-startup FILE`, run as a user would: one JSON object with the launch-to-table time and
// the stalls per phase, the run done; a file that does not load ends it with exit code 2. No timing is asserted
// here: the figures belong to the benchmark.
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace xi;

class TestStartupBench : public QObject {
    Q_OBJECT
private:
    static int run(const QStringList& args, QByteArray* out, QString* err)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(XI_GUI_PATH), args);
        if (!p.waitForFinished(300000))
            return -1;
        *out = p.readAllStandardOutput();
        *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitCode();
    }

private slots:
    void printsTheFiguresAsJson()
    {
        XI_REQUIRE_FIXTURES();
        QByteArray out;
        QString err;
        const QString file = test::xclbinFixturePath(QStringLiteral("ryzenai-1x4-1mb"));
        QCOMPARE(run({ QStringLiteral("--bench-startup"), file }, &out, &err), 0);
        QJsonParseError parseError;
        const QJsonObject o = QJsonDocument::fromJson(out, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, out.constData());
        QCOMPARE(o.value(QLatin1String("file")).toString(), file);
        QCOMPARE(o.value(QLatin1String("first_view")).toString(), QStringLiteral("summary"));
        for (const char* key : { "launch_to_table_ms", "launch_to_table_cpu_ms", "main_to_table_ms", "longest_stall_ms",
                                 "longest_busy_ms" })
            QVERIFY2(o.value(QLatin1String(key)).toDouble(-1) >= 0, key);
        QVERIFY(o.value(QLatin1String("launch_to_table_ms")).toDouble()
                >= o.value(QLatin1String("main_to_table_ms")).toDouble() - 10); // the kernel's clock ticks 10 ms
        const QJsonObject phases = o.value(QLatin1String("longest_stall_ms_by_phase")).toObject();
        for (const char* phase : { "launch", "open", "idle", "run-view", "run" })
            QVERIFY2(phases.contains(QLatin1String(phase)), phase);
        QVERIFY(o.value(QLatin1String("run_succeeded")).toBool());
        const QJsonObject run = o.value(QLatin1String("run")).toObject();
        QCOMPARE(run.value(QLatin1String("shape")).toVariant().toList(), QVariantList({ 1500, 64 }));
        QVERIFY(run.value(QLatin1String("start_to_painted_ms")).toDouble() > 0);
    }

    void aFileThatDoesNotLoadEndsIt()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.xclbin"));
        QVERIFY(test::writeFile(bad, QByteArray(600, 'x')));
        QByteArray out;
        QString err;
        QCOMPARE(run({ QStringLiteral("--bench-startup"), bad }, &out, &err), 2);
        QVERIFY(out.isEmpty());
        QVERIFY2(err.contains(QStringLiteral("expected the magic")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestStartupBench)
#include "tst_startupbench.moc"
