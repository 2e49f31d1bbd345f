// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "util/buildconfig.h"

#include <QImage>
#include <QProcess>
#include <QtTest>

// `xclbin-inspector --screenshot OUT.png [--view NAME] [--run BACKEND [--call QUICK]] FILE` and `--diff A B`,
// run as a user would.
using namespace xi;

class TestScreenshot : public QObject {
    Q_OBJECT
private:
    static int run(const QStringList& args, QString* err = nullptr, QString* out = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(XI_GUI_PATH), args);
        if (!p.waitForFinished(180000))
            return -1;
        if (err)
            *err = QString::fromUtf8(p.readAllStandardError());
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput());
        return p.exitCode();
    }

private slots:
    void initTestCase()
    {
        XI_REQUIRE_FIXTURES();
        QVERIFY2(QFileInfo::exists(QStringLiteral(XI_GUI_PATH)), "build the xclbin-inspector target first");
    }

    void screenshotOfEveryView_data()
    {
        QTest::addColumn<QString>("view");
        for (const char* v :
             { "summary", "overview", "arguments", "diagram", "partition", "metadata", "decoder", "issues" })
            QTest::newRow(v) << QString::fromLatin1(v);
    }

    void screenshotOfEveryView()
    {
        QFETCH(QString, view);
        const QString out = test::outputDir() + QStringLiteral("/cli-screenshot-%1.png").arg(view);
        QFile::remove(out);
        QString err;
        QCOMPARE(run({ QStringLiteral("--screenshot"), out, QStringLiteral("--view"), view,
                       test::xclbinFixturePath(QStringLiteral("ryzenai-1x4")) },
                     &err),
                 0);
        const QImage image(out);
        QVERIFY2(!image.isNull(), qPrintable(err));
        QCOMPARE(image.size(), QSize(1400, 900));
    }

    // No file and no --demo: the welcome page, not the demo.
    void welcomeWithoutAFile()
    {
        const QString out = test::outputDir() + QStringLiteral("/cli-screenshot-welcome.png");
        QFile::remove(out);
        QString err;
        QCOMPARE(run({ QStringLiteral("--screenshot"), out, QStringLiteral("--size"), QStringLiteral("1280x800"),
                       QStringLiteral("--theme"), QStringLiteral("dark") },
                     &err),
                 0);
        const QImage image(out);
        QVERIFY2(!image.isNull(), qPrintable(err));
        QCOMPARE(image.size(), QSize(1280, 800));
        QVERIFY(image.pixelColor(5, 400).lightness() < 128); // the dark theme
    }

    void diffScreenshot()
    {
        const QString out = test::outputDir() + QStringLiteral("/cli-screenshot-diff.png");
        QCOMPARE(run({ QStringLiteral("--screenshot"), out, QStringLiteral("--diff"),
                       test::xclbinFixturePath(QStringLiteral("iron-single-add")),
                       test::xclbinFixturePath(QStringLiteral("iron-fused-add-add")) }),
                 0);
        QVERIFY(!QImage(out).isNull());
    }

    void runBeforeTheScreenshot_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("expected");
        QTest::newRow("correct call") << QString() << QStringLiteral("every check passed");
        // The seed guide's call: the instruction BO lands on the opcode, XRT warns and the output stays zero.
        QTest::newRow("seed guide's call")
            << QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4") << QStringLiteral("global argument at index 0");
    }

    void runBeforeTheScreenshot()
    {
        QFETCH(QString, call);
        QFETCH(QString, expected);
        const QString out = test::outputDir()
            + QStringLiteral("/cli-screenshot-run-%1.png").arg(call.isEmpty() ? u"correct" : u"seed-call");
        QFile::remove(out);
        QStringList args { QStringLiteral("--screenshot"), out,
                           QStringLiteral("--view"),       QStringLiteral("run"),
                           QStringLiteral("--run"),        QStringLiteral("emulated"),
                           QStringLiteral("--size"),       QStringLiteral("1600x1000"),
                           QStringLiteral("--demo") };
        if (!call.isEmpty())
            args << QStringLiteral("--call") << call;
        QString err, summary;
        QCOMPARE(run(args, &err, &summary), 0); // --demo: the bundled demo, its good file first
        QVERIFY2(summary.contains(QStringLiteral("emulated run of ")), qPrintable(summary + err));
        QVERIFY2(summary.contains(QStringLiteral("attention-64x64-good.xclbin")), qPrintable(summary));
        QVERIFY2(summary.contains(expected), qPrintable(summary));
        const QImage image(out);
        QVERIFY2(!image.isNull(), qPrintable(err));
        QCOMPARE(image.size(), QSize(1600, 1000));
    }

    void runErrors()
    {
        const QString out = test::outputDir() + QStringLiteral("/cli-screenshot-run-error.png");
        QString err;
        QCOMPARE(run({ QStringLiteral("--screenshot"), out, QStringLiteral("--run"), QStringLiteral("gpu") }, &err),
                 64);
        QVERIFY2(err.contains(QStringLiteral("emulated")), qPrintable(err));
        // A call that does not parse: the run does not start, the picture shows why, the exit code says so.
        QFile::remove(out);
        QCOMPARE(run({ QStringLiteral("--screenshot"), out, QStringLiteral("--run"), QStringLiteral("emulated"),
                       QStringLiteral("--call"), QStringLiteral("bo:3[size="), QStringLiteral("--demo") },
                     &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("--call")), qPrintable(err));
        QVERIFY(!QImage(out).isNull());
    }

    void callAndDecodeWithoutARun()
    {
        // --call fills the Binding view and --decode the Decoder view; without --run nothing runs.
        const QString out = test::outputDir() + QStringLiteral("/cli-screenshot-binding-seed-call.png");
        const QString good = test::xclbinFixturePath(QStringLiteral("iron-single-add"));
        QString err, summary;
        QCOMPARE(run({ QStringLiteral("--screenshot"), out, QStringLiteral("--view"), QStringLiteral("binding"),
                       QStringLiteral("--call"), QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4"),
                       QStringLiteral("--decode"), QStringLiteral("65536 131072 131071"), good },
                     &err, &summary),
                 0);
        QVERIFY2(summary.isEmpty(), qPrintable(summary));
        QVERIFY2(!QImage(out).isNull(), qPrintable(err));
        QCOMPARE(
            run({ QStringLiteral("--screenshot"), out, QStringLiteral("--call"), QStringLiteral("bo:3[size="), good },
                &err),
            1);
        QVERIFY2(err.contains(QStringLiteral("--call \"bo:3[size=\"")), qPrintable(err));
    }

    void helpWithoutADisplay()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" })
            env.remove(QString::fromLatin1(name));
        p.setProcessEnvironment(env);
        for (const char* option : { "--help", "--version" }) {
            p.start(QStringLiteral(XI_GUI_PATH), { QString::fromLatin1(option) });
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitCode(), 0);
            QVERIFY(p.readAllStandardOutput().contains(option[2] == 'h' ? "--run <BACKEND>" : XI_VERSION));
        }
    }

    void badInputExitsTwo()
    {
        const QString out = test::outputDir() + QStringLiteral("/cli-screenshot-missing.png");
        QString err;
        QCOMPARE(run({ QStringLiteral("--screenshot"), out, QStringLiteral("/nonexistent/x.xclbin") }, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("/nonexistent/x.xclbin")), qPrintable(err));
        QCOMPARE(run({ QStringLiteral("--screenshot"), out, QStringLiteral("--view"), QStringLiteral("nope"),
                       test::xclbinFixturePath(QStringLiteral("iron-single-add")) }),
                 64);
    }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
