// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace xi;
using test::runCli;

// Truncated and corrupted copies of every fixture through the inspector's commands: every run ends
// normally with 0, 1 or 2, and an exit 2 names the file.
class TestCliRobustness : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }
    void damagedFiles_data();
    void damagedFiles();

private:
    QTemporaryDir m_dir;
};

void TestCliRobustness::damagedFiles_data()
{
    test::addFixtureRows(test::xclbinFixtureNames());
}

void TestCliRobustness::damagedFiles()
{
    QFETCH(QString, name);
    const QString original = test::xclbinFixturePath(name);
    const QByteArray bytes = test::readFile(original);
    QVERIFY(bytes.size() > 500);
    QRandomGenerator random(qHash(name)); // the same damage on every run
    QList<QByteArray> copies { bytes.left(300), bytes.left(bytes.size() / 2), bytes.left(bytes.size() - 1) };
    for (int i = 0; i < 3; ++i) {
        QByteArray damaged = bytes;
        for (int n = 0; n < 1 + 7 * i; ++n)
            damaged[random.bounded(qsizetype(296), damaged.size())] = char(random.bounded(256));
        copies << damaged;
    }
    for (qsizetype c = 0; c < copies.size(); ++c) {
        const QString path = m_dir.filePath(QStringLiteral("%1-%2.xclbin").arg(name).arg(c));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(copies[c]) == copies[c].size());
        f.close();
        const QList<QStringList> commands = {
            { QStringLiteral("info"), path, QStringLiteral("--json") },
            { QStringLiteral("groups"), path },
            { QStringLiteral("dump-section"), path, QStringLiteral("MEM_TOPOLOGY") },
            { QStringLiteral("dump-section"), path, QStringLiteral("AIE_PARTITION") },
            { QStringLiteral("diff"), original, path, QStringLiteral("--json") },
        };
        for (const QStringList& args : commands) {
            const test::CliRun run = runCli(args);
            const QString what = args.join(QLatin1Char(' ')) + QLatin1String(": ") + QString::fromUtf8(run.describe());
            QVERIFY2(run.exitCode >= 0 && run.exitCode <= 2, qPrintable(what));
            if (run.exitCode == 2)
                QVERIFY2(run.err.contains(path) && run.err.startsWith(QLatin1String("error: ")), qPrintable(what));
        }
    }
}

QTEST_GUILESS_MAIN(TestCliRobustness)
#include "tst_clirobustness.moc"
