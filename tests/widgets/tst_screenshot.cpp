// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include <QImage>
#include <QProcess>
#include <QtTest>

// `xclbin-inspector --screenshot OUT.png [--view NAME] FILE` and `--diff A B`, run as a user would.
using namespace xi;

class TestScreenshot : public QObject {
    Q_OBJECT
private:
    static int run(const QStringList& args, QString* err = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(XI_GUI_PATH), args);
        if (!p.waitForFinished(60000))
            return -1;
        if (err)
            *err = QString::fromUtf8(p.readAllStandardError());
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
        for (const char* v : { "overview", "arguments", "diagram", "partition", "metadata", "decoder", "issues" })
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

    void diffScreenshot()
    {
        const QString out = test::outputDir() + QStringLiteral("/cli-screenshot-diff.png");
        QCOMPARE(run({ QStringLiteral("--screenshot"), out, QStringLiteral("--diff"),
                       test::xclbinFixturePath(QStringLiteral("iron-single-add")),
                       test::xclbinFixturePath(QStringLiteral("iron-fused-add-add")) }),
                 0);
        QVERIFY(!QImage(out).isNull());
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
