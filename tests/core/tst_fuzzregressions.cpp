// SPDX-License-Identifier: GPL-3.0-or-later
// Every input the fuzzers found (a crash, a hang, an out-of-memory, a sanitizer report), minimised and kept in
// tests/data/fuzz-regressions/<target>/ (each folder starts with an empty input), and the project's own seeds in
// tests/fuzz/seeds/<target>/, read again through the same entry the fuzzer used (tests/fuzz). In the asan preset
// the sanitizers judge each one as they did when it was found; in every build it must not crash.
#include "fuzztargets.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>

using namespace xi;

class TestFuzzRegressions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyTargetHasAFolder();
    void replay_data();
    void replay();
};

namespace {
QString regressionsDir()
{
    return QStringLiteral(XI_SOURCE_DIR "/tests/data/fuzz-regressions");
}
} // namespace

// A target's folder exists even before anything is found in it, so a new finding has an obvious home and a
// renamed target cannot silently drop its inputs.
void TestFuzzRegressions::everyTargetHasAFolder()
{
    QStringList names;
    for (const fuzz::Target& target : fuzz::targets()) {
        names << target.name;
        QVERIFY2(QFileInfo(regressionsDir() + QLatin1Char('/') + target.name).isDir(), qPrintable(target.name));
    }
    const QStringList folders = QDir(regressionsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& folder : folders)
        QVERIFY2(names.contains(folder), qPrintable(QStringLiteral("%1 is no fuzz target").arg(folder)));
}

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("target");
    const QList<fuzz::Target> targets = fuzz::targets();
    int rows = 0;
    for (int t = 0; t < targets.size(); ++t) {
        QStringList files;
        for (const QString& dir : { regressionsDir(), QStringLiteral(XI_SOURCE_DIR "/tests/fuzz/seeds") }) {
            QDirIterator it(dir + QLatin1Char('/') + targets[t].name, QDir::Files);
            while (it.hasNext())
                files << it.next();
        }
        files.sort();
        for (const QString& file : files) {
            const QString row = targets[t].name
                + (file.startsWith(regressionsDir()) ? QStringLiteral("/") : QStringLiteral("/seed/"))
                + QFileInfo(file).fileName();
            QTest::newRow(qPrintable(row)) << file << t;
            ++rows;
        }
    }
    // An empty table would pass without reading anything.
    QVERIFY(rows > 0);
}

void TestFuzzRegressions::replay()
{
    QFETCH(QString, path);
    QFETCH(int, target);
    const QByteArray input = test::readFile(path);
    QVERIFY2(QFileInfo(path).isFile(), qPrintable(path));
    const fuzz::Target entry = fuzz::targets().at(target);
    QCOMPARE(entry.entry(reinterpret_cast<const uint8_t*>(input.constData()), size_t(input.size())), 0);
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
