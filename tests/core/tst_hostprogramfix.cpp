// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/bindingchecker.h"
#include "hostprogram/hostprogramfix.h"
#include "hostprogram/hostprogramreader.h"
#include "testsupport.h"
#include "util/safefilewriter.h"
#include "xclbin/xclbinreader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace xi;

namespace {

struct Checked {
    XclbinPtr xclbin;
    BindingPlan plan;
    BindingCheckOptions options;
    BindingReport report;
};

QString fixtureFile(const QString& fixture, const QString& suffix)
{
    return test::fixturesDir() + QStringLiteral("/xclbin/") + fixture + QLatin1Char('/') + fixture + suffix;
}

// Reads and checks a host program the way `check --host` does, with the fixture's instruction stream.
Checked check(const QString& fixture, const QString& program)
{
    Checked c;
    c.xclbin = XclbinReader::read(fixtureFile(fixture, QStringLiteral(".xclbin")));
    QString error;
    const auto plan = HostProgramReader::read(program, &error);
    if (!plan)
        qFatal("%s", qPrintable(error));
    c.plan = *plan;
    const bool riallto = fixture.startsWith(QLatin1String("riallto"));
    c.options.instructions = BindingInstructions::load(
        fixtureFile(fixture, riallto ? QStringLiteral(".seq") : QStringLiteral(".insts.bin")));
    c.report = BindingChecker::check(*c.xclbin, c.plan, c.options);
    return c;
}

QString describe(const BindingReport& r)
{
    QStringList lines;
    for (const BindingFinding& f : r.findings)
        lines << QStringLiteral("%1 %2: %3").arg(severityName(f.severity), f.code, f.message);
    return lines.join(QLatin1Char('\n'));
}

QString copyInto(const QTemporaryDir& dir, const QString& name)
{
    const QString copy = dir.filePath(name);
    if (!QFile::copy(test::hostProgramPath(name), copy))
        qFatal("cannot copy %s", qPrintable(name));
    return copy;
}

} // namespace

class TestHostProgramFix : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    // Every bug-class program of tests/data/host, Python and C++, fixed in a copy.
    void bugPrograms_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("fixture");
        const QStringList bugs = QDir(QFileInfo(test::hostProgramPath(QStringLiteral("correct.py"))).dir())
                                     .entryList({ QStringLiteral("bug_*") }, QDir::Files, QDir::Name);
        QVERIFY(bugs.size() >= 18);
        for (const QString& name : bugs)
            QTest::newRow(qPrintable(name)) << name << QStringLiteral("iron-single-add");
        QTest::newRow("old_mlir_aie_test.py on IRON")
            << QStringLiteral("old_mlir_aie_test.py") << QStringLiteral("iron-single-add");
        QTest::newRow("riallto_opcode_call.py")
            << QStringLiteral("riallto_opcode_call.py") << QStringLiteral("riallto-color-detect-720p");
    }

    void bugPrograms()
    {
        QFETCH(QString, name);
        QFETCH(QString, fixture);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = copyInto(dir, name);
        const QByteArray original = test::readFile(path);
        const Checked before = check(fixture, path);
        // every bug is an error, except ninstr in bytes for a TXN stream (a warning): the fix corrects both
        QVERIFY2(before.report.status == BindingStatus::Error || before.report.status == BindingStatus::Warning,
                 qPrintable(describe(before.report)));

        const HostProgramFix fix
            = HostProgramFix::prepare(*before.xclbin, before.plan, before.report, before.options.instructions);
        QVERIFY2(fix.isValid(), qPrintable(fix.error()));
        QVERIFY(fix.changesFile());
        QVERIFY(!fix.changes().isEmpty());
        const QString diff = fix.diff();
        QVERIFY(diff.startsWith(QStringLiteral("--- %1\n+++ ").arg(path)));
        // The diff shows the call's line as it was (or the first run.set_arg next to which one is added);
        // when only allocations are wrong (a scalar's group), their lines instead.
        const QStringList lines = QString::fromUtf8(original).split(QLatin1Char('\n'));
        const QString callLine = lines.at(before.plan.call.line - 1);
        const QString changes = fix.changes().join(QLatin1Char('\n'));
        const bool callChanged
            = changes.contains(QLatin1String("the kernel call")) || changes.contains(QLatin1String("set_arg"));
        if (callChanged || name.startsWith(QLatin1String("bug_missing_instr")))
            QVERIFY2(diff.contains(QLatin1Char('-') + callLine + QLatin1Char('\n'))
                         || diff.contains(QLatin1Char(' ') + callLine + QLatin1Char('\n')),
                     qPrintable(diff));
        else
            QVERIFY2(name.startsWith(QLatin1String("bug_scalar_group")) && diff.contains(QLatin1String("group_id(3)"))
                         && diff.contains(QLatin1String("group_id(0)")),
                     qPrintable(diff));
        // Outside the call statement and the allocations, nothing moved: the text before the first changed
        // line is the original's.
        QVERIFY(fix.patchedText().startsWith(lines.first() + QLatin1Char('\n')));

        QString error;
        QVERIFY2(fix.apply(&error), qPrintable(error));
        QCOMPARE(test::readFile(SafeFileWriter::backupPath(path)), original);
        QCOMPARE(QString::fromUtf8(test::readFile(path)), fix.patchedText());

        const Checked after = check(fixture, path);
        QVERIFY2(!after.report.hasErrors(), qPrintable(fix.diff() + describe(after.report)));
        QCOMPARE(after.report.count(Severity::Warning), 0);
        QVERIFY(after.report.predictedWarnings.isEmpty());
        // Fixing again changes nothing.
        const HostProgramFix again
            = HostProgramFix::prepare(*after.xclbin, after.plan, after.report, after.options.instructions);
        QVERIFY2(again.isValid(), qPrintable(again.error()));
        QVERIFY(!again.changesFile());
        QVERIFY(again.diff().isEmpty());
    }

    // The seed guide's call: only the call expression changes, `run = ` and the rest of the line stay.
    void seedGuideCallKeepsTheLine()
    {
        QTemporaryDir dir;
        const QString path = copyInto(dir, QStringLiteral("bug_seed_guide_call.py"));
        QFile f(path);
        QByteArray text = test::readFile(path);
        text.replace("run = kernel(instr_bo, len(insts), 0, input_bo, output_bo)\n",
                     "run = kernel(instr_bo, len(insts),\n             0, input_bo, output_bo)  # the guide's call\n");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        const Checked c = check(QStringLiteral("iron-single-add"), path);
        const HostProgramFix fix = HostProgramFix::prepare(*c.xclbin, c.plan, c.report, c.options.instructions);
        QVERIFY2(fix.isValid(), qPrintable(fix.error()));
        QVERIFY2(fix.patchedText().contains(QLatin1String(
                     "\nrun = kernel(3, instr_bo, len(insts) // 4, input_bo, output_bo)  # the guide's call\n")),
                 qPrintable(fix.diff()));
        QCOMPARE(fix.changes().size(), 1);
        QVERIFY(fix.diff().contains(QLatin1String("-             0, input_bo, output_bo)  # the guide's call\n")));
    }

    // A file with Windows line ends keeps them, on the lines the fix adds too.
    void windowsLineEnds()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crlf.cpp"));
        QByteArray text = test::readFile(test::hostProgramPath(QStringLiteral("bug_missing_instr.cpp")));
        text.replace("\n", "\r\n");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();
        const Checked c = check(QStringLiteral("iron-single-add"), path);
        const HostProgramFix fix = HostProgramFix::prepare(*c.xclbin, c.plan, c.report, c.options.instructions);
        QVERIFY2(fix.isValid(), qPrintable(fix.error()));
        QVERIFY(fix.apply());
        const QByteArray fixed = test::readFile(path);
        QVERIFY(fixed.contains("  run.set_arg(1, bo_instr);\r\n"));
        QCOMPARE(fixed.count("\r\n"), fixed.count('\n'));
        QVERIFY(!check(QStringLiteral("iron-single-add"), path).report.hasErrors());
    }

    void correctProgramsChangeNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("fixture");
        QTest::newRow("correct.py") << QStringLiteral("correct.py") << QStringLiteral("iron-single-add");
        QTest::newRow("correct.cpp") << QStringLiteral("correct.cpp") << QStringLiteral("iron-single-add");
        QTest::newRow("correct_riallto.py")
            << QStringLiteral("correct_riallto.py") << QStringLiteral("riallto-color-detect-720p");
    }

    void correctProgramsChangeNothing()
    {
        QFETCH(QString, name);
        QFETCH(QString, fixture);
        QTemporaryDir dir;
        const QString path = copyInto(dir, name);
        const Checked c = check(fixture, path);
        QVERIFY2(!c.report.hasErrors(), qPrintable(describe(c.report)));
        const HostProgramFix fix = HostProgramFix::prepare(*c.xclbin, c.plan, c.report, c.options.instructions);
        QVERIFY2(fix.isValid(), qPrintable(fix.error()));
        QVERIFY(!fix.changesFile());
        QVERIFY(fix.diff().isEmpty());
        QVERIFY(fix.changes().isEmpty());
        QVERIFY(fix.apply());
        QVERIFY(!QFile::exists(SafeFileWriter::backupPath(path)));
        QCOMPARE(test::readFile(path), test::readFile(test::hostProgramPath(name)));
    }

    // A file edited after it was read is never overwritten: neither when the fix is prepared nor when written.
    void modifiedFileIsRefused()
    {
        QTemporaryDir dir;
        const QString path = copyInto(dir, QStringLiteral("bug_opcode_last.cpp"));
        const Checked c = check(QStringLiteral("iron-single-add"), path);
        auto edit = [&path](const QByteArray& prefix) {
            const QByteArray text = prefix + test::readFile(path);
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text);
        };

        const HostProgramFix fix = HostProgramFix::prepare(*c.xclbin, c.plan, c.report, c.options.instructions);
        QVERIFY2(fix.isValid(), qPrintable(fix.error()));
        edit("// edited in an editor meanwhile\n");
        const QByteArray edited = test::readFile(path);
        QString error;
        QVERIFY(!fix.apply(&error));
        QVERIFY2(error.contains(path) && error.contains(QLatin1String("changed since it was read")), qPrintable(error));
        QCOMPARE(test::readFile(path), edited);
        QVERIFY(!QFile::exists(SafeFileWriter::backupPath(path)));

        const HostProgramFix stale = HostProgramFix::prepare(*c.xclbin, c.plan, c.report, c.options.instructions);
        QVERIFY(!stale.isValid());
        QVERIFY2(stale.error().contains(QLatin1String("changed since it was read")), qPrintable(stale.error()));
        QVERIFY(!stale.apply(&error));
        QCOMPARE(test::readFile(path), edited);
    }

    void quickPlanIsNotAProgram()
    {
        const XclbinPtr x
            = XclbinReader::read(fixtureFile(QStringLiteral("iron-single-add"), QStringLiteral(".xclbin")));
        const auto plan = BindingPlan::parseQuick(QStringLiteral("instr:1, nbytes, 0, bo:3, bo:4"));
        QVERIFY(plan);
        const HostProgramFix fix = HostProgramFix::prepare(*x, *plan, BindingChecker::check(*x, *plan));
        QVERIFY(!fix.isValid());
        QVERIFY(!fix.apply());
    }
};

QTEST_GUILESS_MAIN(TestHostProgramFix)
#include "tst_hostprogramfix.moc"
