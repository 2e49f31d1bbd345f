// SPDX-License-Identifier: GPL-3.0-or-later
#include "groups/argumentgroups.h"
#include "testsupport.h"
#include "widgets/issues/issuesmodel.h"
#include "xclbin/xclbinreader.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace xi;

// Every finding once: repeated findings are one row with the places and a count.
class TestIssuesModel : public QObject {
    Q_OBJECT

private:
    static QList<Issue> issuesOf(const QString& path)
    {
        const XclbinPtr x = XclbinReader::read(path);
        return IssuesModel::collect(*x, ArgumentGroups::computeAll(*x));
    }

private Q_SLOTS:
    void repeatedFindingsAreGrouped()
    {
        XI_REQUIRE_FIXTURES();
        IssuesModel model;
        QAbstractItemModelTester tester(&model);
        model.setIssues(issuesOf(test::xclbinFixturePath(QStringLiteral("ryzenai-1x4-1mb"))));
        QCOMPARE(model.total(Severity::Warning), 0);
        QCOMPARE(model.total(Severity::Error), 0);
        // 16 kernels, but one convention note per convention: opcode, none (11 DPU kernels and vadd), legacy.
        QCOMPARE(model.rowCount(), 3);
        int kernels = 0;
        for (const Issue& i : model.issues())
            kernels += i.count;
        QCOMPARE(kernels, 16);
        const QModelIndex twelve = model.index(int(std::find_if(model.issues().cbegin(), model.issues().cend(),
                                                                [](const Issue& i) { return i.count == 12; })
                                                   - model.issues().cbegin()),
                                               IssuesModel::MessageColumn);
        QVERIFY(twelve.data().toString().endsWith(QStringLiteral("(12\u00d7)")));
        QVERIFY(model.index(twelve.row(), IssuesModel::LocationColumn)
                    .data()
                    .toString()
                    .endsWith(QLatin1String("and 9 more")));
    }

    void brokenDemoFindings()
    {
        IssuesModel model;
        model.setIssues(issuesOf(test::demoXclbin(QStringLiteral("attention-64x64-broken"))));
        QCOMPARE(model.total(Severity::Error), 2);
        QCOMPARE(model.total(Severity::Warning), 1);
        QCOMPARE(model.issues().first().severity, Severity::Error);
        QCOMPARE(model.issues().first().argumentIndex, 4);
    }

    void softwareEmulationAndNoKernelsSayWhatTheyAre_data()
    {
        test::addFixtureRows(test::strings({ "alveo-u200-vadd-sw-emu", "pynq-default", "xrt-unittest-valid" }));
    }
    void softwareEmulationAndNoKernelsSayWhatTheyAre()
    {
        XI_REQUIRE_FIXTURES();
        QFETCH(QString, name);
        IssuesModel model;
        model.setIssues(issuesOf(test::xclbinFixturePath(name)));
        QCOMPARE(model.total(Severity::Error), 0);
        QCOMPARE(model.total(Severity::Warning), 0);
        QVERIFY(model.rowCount() >= 1);
        QCOMPARE(model.issues().first().area, QStringLiteral("file"));
    }
};

QTEST_MAIN(TestIssuesModel)
#include "tst_issuesmodel.moc"
