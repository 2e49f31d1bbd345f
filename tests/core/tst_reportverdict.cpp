// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionbackend.h"
#include "report/reportverdict.h"
#include "testsupport.h"

#include <QtTest>

using namespace xi;

// The words a report opens with: one sentence per run, one line for a before/after pair.
class TestReportVerdict : public QObject {
    Q_OBJECT

private:
    static AttentionRun good()
    {
        AttentionRunOptions o;
        o.backend = AttentionBackendKind::Cpu;
        AttentionRun run = AttentionBackend::run(o);
        run.backend = QStringLiteral("emulated");
        return run;
    }
    static AttentionRun zero(const QString& warning)
    {
        AttentionRun run = good();
        run.output = MatrixI8::Zero(64, 64);
        if (!warning.isEmpty())
            run.xrtMessages << warning;
        run.computeReferences();
        run.evaluateChecklist(std::nullopt);
        return run;
    }
    static QString warningAt(int index)
    {
        return QStringLiteral("WARNING: Kernel MLIR_AIE has no compute units with connectivity required for global "
                              "argument at index %1. The argument is allocated in bank 1, the compute unit is "
                              "connected to bank -1.")
            .arg(index);
    }

private Q_SLOTS:
    void warnedArguments()
    {
        AttentionRun run = zero(warningAt(0));
        run.xrtMessages << warningAt(2) << warningAt(0) << QStringLiteral("INFO: something else");
        QCOMPARE(ReportVerdict::warnedArguments(run), (QList<int> { 0, 2 }));
        QCOMPARE(ReportVerdict::argumentList({ 0, 2 }), QStringLiteral("arguments 0 and 2"));
        QCOMPARE(ReportVerdict::argumentList({ 3 }), QStringLiteral("argument 3"));
    }

    void fixVerified()
    {
        const AttentionRun before = zero(warningAt(0));
        const AttentionRun after = good();
        QVERIFY(ReportVerdict::isFixed(before, after));
        QCOMPARE(
            ReportVerdict::comparison(before, after),
            QStringLiteral("Fix verified: 0/4096 -> %1/4096 non-zero, XRT's warning gone").arg(after.metrics.nonzero));
        QCOMPARE(ReportVerdict::outcome(before),
                 QStringLiteral("0/4096 non-zero (all zero), XRT warned about argument 0"));
    }

    void notFixedAndWorse()
    {
        const AttentionRun bad = zero(warningAt(0));
        QVERIFY(
            ReportVerdict::comparison(bad, bad).startsWith(QLatin1String("Not fixed yet: 0/4096 -> 0/4096 non-zero, "
                                                                         "XRT still warns about argument 0")));
        QVERIFY(ReportVerdict::comparison(good(), bad).startsWith(QLatin1String("Worse after the change")));
        QVERIFY(ReportVerdict::comparison(good(), good()).startsWith(QLatin1String("Both runs pass")));
    }

    // A run that never started says why, and a pair with one never says the numbers it does not have.
    void didNotRun()
    {
        AttentionRun never = good();
        never.state.clear();
        never.output.reset();
        never.error = QStringLiteral("The run did not start. The instruction file insts.bin is not there");
        QCOMPARE(ReportVerdict::outcome(never),
                 QStringLiteral("did not run: The run did not start. The instruction file insts.bin is not there"));
        QVERIFY(ReportVerdict::comparison(zero(warningAt(0)), never)
                    .startsWith(QLatin1String("Not fixed yet: the after run did not run")));
    }

    // The noop device runs no kernel: the output is not judged, only XRT's check.
    void noopIsNotJudged()
    {
        AttentionRun noop = good();
        noop.backend = QStringLiteral("xrt-noop");
        noop.output.reset();
        noop.scope.outputJudged = false;
        noop.scope.outputNotJudged = QStringLiteral("binding check only: no kernel runs");
        QCOMPARE(ReportVerdict::outcome(noop),
                 QStringLiteral("output not judged (binding check only: no kernel runs), no XRT warning"));
        QVERIFY(ReportVerdict::sentence(noop).startsWith(QLatin1String("xrt-noop")));
    }
};

QTEST_GUILESS_MAIN(TestReportVerdict)
#include "tst_reportverdict.moc"
