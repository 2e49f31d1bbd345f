// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace xi::test;

namespace {

QString copyInto(const QTemporaryDir& dir, const QString& name)
{
    const QString copy = dir.filePath(name);
    if (!QFile::copy(hostProgramPath(name), copy))
        qFatal("cannot copy %s", qPrintable(name));
    return copy;
}

// The copies name build/insts.bin, which is not beside them: the stream is given, as a user does then.
QStringList checkArgs(const QString& program, const QStringList& more = {})
{
    const QString xclbin = xclbinFixturePath(QStringLiteral("iron-single-add"));
    return QStringList {
        QStringLiteral("check"),   xclbin,
        QStringLiteral("--host"),  program,
        QStringLiteral("--insts"), QFileInfo(xclbin).dir().filePath(QStringLiteral("iron-single-add.insts.bin"))
    }
    + more;
}

unsigned modeOf(const QString& path)
{
    struct stat st { };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : 0;
}

} // namespace

// `check FILE.xclbin --host PROGRAM --fix [--dry-run]` on copies of our bug-class host programs.
class TestCheckFix : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    void bugPrograms_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList bugs = QDir(QFileInfo(hostProgramPath(QStringLiteral("correct.py"))).dir())
                                     .entryList({ QStringLiteral("bug_*") }, QDir::Files, QDir::Name);
        QVERIFY(bugs.size() >= 18);
        for (const QString& name : bugs)
            QTest::newRow(qPrintable(name)) << name;
    }

    void bugPrograms()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = copyInto(dir, name);
        const QByteArray original = readFile(path);
        const QString backup = path + QStringLiteral(".bak");

        CliRun run = runCli(checkArgs(path));
        // ninstr in bytes for a TXN stream is a warning (exit 0); every other bug here is an error
        const bool warningOnly = path.contains(QLatin1String("bug_ninstr_bytes"));
        QVERIFY2(run.exitCode == (warningOnly ? 0 : 1), run.describe());

        run = runCli(checkArgs(path, { QStringLiteral("--fix"), QStringLiteral("--dry-run") }));
        QVERIFY2(run.exitCode == 0, QByteArray(run.describe() + run.out));
        QVERIFY2(run.text().contains(QStringLiteral("--- %1\n+++ %1 (fixed)\n@@ -").arg(path)), run.out);
        QVERIFY(run.text().contains(QStringLiteral("Dry run: %1 not written.").arg(path)));
        QVERIFY2(run.text().contains(QLatin1String("Findings after the fix (of the text above):\n  none\n")), run.out);
        QCOMPARE(readFile(path), original);
        QVERIFY(!QFile::exists(backup));
        const QString diff = run.text().mid(run.text().indexOf(QLatin1String("\n--- ")));

        run = runCli(checkArgs(path, { QStringLiteral("--fix") }));
        QVERIFY2(run.exitCode == 0, QByteArray(run.describe() + run.out));
        QVERIFY(run.text().contains(QStringLiteral("Wrote %1 (the original kept as %2)").arg(path, backup)));
        QVERIFY2(run.text().contains(QLatin1String("Findings after the fix:\n  none\n\n0 error(s), 0 warning(s)")),
                 run.out);
        QVERIFY(run.text().contains(diff.left(diff.indexOf(QLatin1String("\nDry run")))));
        QCOMPARE(readFile(backup), original);
        QVERIFY(readFile(path) != original);

        run = runCli(checkArgs(path));
        QVERIFY2(run.exitCode == 0, QByteArray(run.describe() + run.out));
        run = runCli(checkArgs(path, { QStringLiteral("--fix") }));
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(run.text().contains(QLatin1String("nothing to fix")), run.out);
        QCOMPARE(readFile(backup), original); // nothing written, the first backup stays
    }

    void seedGuideCallDiff()
    {
        QTemporaryDir dir;
        const QString path = copyInto(dir, QStringLiteral("bug_seed_guide_call.py"));
        const CliRun run = runCli(checkArgs(path, { QStringLiteral("--fix"), QStringLiteral("--dry-run") }));
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(run.text().contains(QLatin1String("\n@@ -27,7 +27,7 @@\n input_bo.write(data, 0)\n")), run.out);
        QVERIFY(
            run.text().contains(QLatin1String("\n-run = kernel(instr_bo, len(insts), 0, input_bo, output_bo)\n"
                                              "+run = kernel(3, instr_bo, len(insts) // 4, input_bo, output_bo)\n")));
    }

    // Of several calls, --fix edits the one the program is judged by: the timed call that drops ninstr, not the
    // correct warm-up call before it.
    void severalCallsFixTheWorst()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("multi.py"));
        QVERIFY(QFile::copy(hostProgramPath(QStringLiteral("corpus/bug_multi_call_second_wrong.py")), path));
        const CliRun run = runCli(checkArgs(path, { QStringLiteral("--fix"), QStringLiteral("--dry-run") }));
        QVERIFY2(run.text().contains(QStringLiteral("-    run = kernel(3, instr_bo, in_bo, out_bo)")), run.describe());
        QVERIFY2(!run.text().contains(QStringLiteral("-warmup")), run.describe());
        QVERIFY2(!run.text().contains(QStringLiteral("changed since it was read")), run.describe());
    }

    void correctProgramIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = copyInto(dir, QStringLiteral("correct.cpp"));
        const CliRun run = runCli(checkArgs(path, { QStringLiteral("--fix") }));
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY(run.text().contains(QStringLiteral("%1: nothing to fix").arg(path)));
        QCOMPARE(readFile(path), readFile(hostProgramPath(QStringLiteral("correct.cpp"))));
        QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
    }

    // Refused before anything is written, also as root: no backup appears and the mode stays (issue 13).
    void readOnlyProgramIsRefusedWithoutBackup()
    {
        QTemporaryDir dir;
        const QString path = copyInto(dir, QStringLiteral("bug_opcode2.py"));
        const QByteArray original = readFile(path);
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const CliRun run = runCli(checkArgs(path, { QStringLiteral("--fix") }));
        QVERIFY2(run.exitCode == 1, run.describe());
        QVERIFY2(
            run.err.contains(
                QStringLiteral("cannot write %1: the file is read-only (mode 0444); it was left unchanged").arg(path)),
            qPrintable(run.err));
        QVERIFY(!run.text().contains(QLatin1String("Wrote")));
        QCOMPARE(readFile(path), original);
        QCOMPARE(modeOf(path), 0444u);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList { QStringLiteral("bug_opcode2.py") });
    }

    // A fixed script stays executable.
    void fixKeepsTheMode()
    {
        QTemporaryDir dir;
        const QString path = copyInto(dir, QStringLiteral("bug_opcode2.py"));
        const auto mode = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadGroup | QFileDevice::ExeGroup;
        QVERIFY(QFile::setPermissions(path, mode));
        const CliRun run = runCli(checkArgs(path, { QStringLiteral("--fix") }));
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY(QFile::exists(path + QStringLiteral(".bak")));
        QCOMPARE(modeOf(path), 0750u);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString x = xclbinFixturePath(QStringLiteral("iron-single-add"));
        const QString host = hostProgramPath(QStringLiteral("bug_opcode2.py"));
        QTest::newRow("dry-run alone") << QStringList { QStringLiteral("check"), x, QStringLiteral("--host"), host,
                                                        QStringLiteral("--dry-run") }
                                       << QStringLiteral("--dry-run goes with --fix");
        QTest::newRow("fix a typed plan")
            << QStringList { QStringLiteral("check"), x, QStringLiteral("--call"),
                             QStringLiteral("3, instr:1, ninstr, bo:3"), QStringLiteral("--fix") }
            << QStringLiteral("--fix needs --host PROGRAM");
        QTest::newRow("fix with json") << QStringList { QStringLiteral("check"),  x,
                                                        QStringLiteral("--host"), host,
                                                        QStringLiteral("--fix"),  QStringLiteral("--json") }
                                       << QStringLiteral("--fix prints text");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun run = runCli(args);
        QVERIFY2(run.exitCode == 64, run.describe());
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCheckFix)
#include "tst_checkfix.moc"
