// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/reportpaths.h"
#include "testsupport.h"

#include <QtTest>

using namespace xi;

// A report never carries the absolute paths of the machine it was made on.
class TestReportPaths : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void relativeToTheReport()
    {
        const ReportPaths paths(QStringLiteral("/data/reports/r.html"));
        QCOMPARE(paths.display(QStringLiteral("/data/build/a.xclbin")), QStringLiteral("../build/a.xclbin"));
        QCOMPARE(paths.display(QStringLiteral("/data/reports/a.xclbin")), QStringLiteral("a.xclbin"));
        QCOMPARE(paths.display(QString()), QString());
    }

    void fileNamesWithoutAReport()
    {
        const ReportPaths paths;
        QCOMPARE(paths.display(QStringLiteral("/data/build/a.xclbin")), QStringLiteral("a.xclbin"));
    }

    void scrubsFreeText()
    {
        ReportPaths paths(QStringLiteral("/data/reports/r.html"));
        paths.add(QStringLiteral("/data/build/demo/a.xclbin"));
        QCOMPARE(paths.scrub(QStringLiteral("XRT could not load /data/build/demo/a.xclbin from /data/build/demo.")),
                 QStringLiteral("XRT could not load ../build/demo/a.xclbin from ../build/demo."));
        // A longer name that only starts like a known folder is left alone.
        QCOMPARE(paths.scrub(QStringLiteral("/data/build/demo-2/x")), QStringLiteral("/data/build/demo-2/x"));
    }

    void leavesDataUrisAlone()
    {
        ReportPaths paths;
        paths.add(QStringLiteral("/root/a.xclbin"));
        const QString html = QStringLiteral("<p>/root/a.xclbin</p><img src=\"data:image/png;base64,AB/root/CD==\">");
        QCOMPARE(paths.scrubHtml(html),
                 QStringLiteral("<p>a.xclbin</p><img src=\"data:image/png;base64,AB/root/CD==\">"));
    }
};

QTEST_GUILESS_MAIN(TestReportPaths)
#include "tst_reportpaths.moc"
