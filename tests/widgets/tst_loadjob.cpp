// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/common/loadjob.h"

#include "testsupport.h"

#include <QSignalSpy>
#include <QtTest>

using namespace xi;

class TestLoadJob : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    void loadsOffTheGuiThread()
    {
        LoadJob job;
        QSignalSpy loaded(&job, &LoadJob::loaded);
        job.load(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QVERIFY(job.isRunning());
        QVERIFY(loaded.wait(20000));
        QVERIFY(!job.isRunning());
        QCOMPARE(loaded.first().first().value<XclbinPtr>()->kernels.size(), 1);
    }

    void onlyTheNewestResultArrives()
    {
        LoadJob job;
        QSignalSpy loaded(&job, &LoadJob::loaded);
        QSignalSpy failed(&job, &LoadJob::failed);
        job.load(test::xclbinFixturePath(QStringLiteral("ryzenai-1x4-1mb")));
        job.load(QStringLiteral("/nonexistent/first.xclbin"));
        job.load(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QTRY_VERIFY_WITH_TIMEOUT(!job.isRunning(), 20000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(loaded.count(), 1);
        QVERIFY(loaded.first().first().value<XclbinPtr>()->filePath.endsWith(QStringLiteral("iron-single-add.xclbin")));
    }

    void failureNamesTheFile()
    {
        LoadJob job;
        QSignalSpy failed(&job, &LoadJob::failed);
        job.load(QStringLiteral("/nonexistent/x.xclbin"));
        QVERIFY(failed.wait(20000));
        const XclbinError error = failed.first().first().value<XclbinError>();
        QVERIFY(error.message().contains(QStringLiteral("/nonexistent/x.xclbin")));
    }

    void cancelDropsTheResult()
    {
        LoadJob job;
        QSignalSpy loaded(&job, &LoadJob::loaded);
        QSignalSpy cancelled(&job, &LoadJob::cancelled);
        job.load(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        job.cancel();
        QCOMPARE(cancelled.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!job.isRunning(), 20000);
        QCOMPARE(loaded.count(), 0);
        job.cancel(); // nothing running: no signal
        QCOMPARE(cancelled.count(), 1);
    }
};

QTEST_MAIN(TestLoadJob)
#include "tst_loadjob.moc"
