// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "util/safefilewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>
#include <sys/stat.h>
#include <csignal>

using namespace xi;
using namespace xi::test;

namespace {

unsigned modeOf(const QString& path)
{
    struct stat st { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

QStringList entries(const QTemporaryDir& dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

QByteArray pattern(int size)
{
    return QByteArray(size, 'x');
}

} // namespace

class TestSafeFileWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void replacesAndKeepsBackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.bin"));
        QString error;
        QVERIFY2(SafeFileWriter::write(path, "first", &error), qPrintable(error));
        QCOMPARE(entries(dir), strings({ "out.bin" }));
        QVERIFY2(SafeFileWriter::write(path, "second", &error), qPrintable(error));
        QCOMPARE(readFile(path), QByteArray("second"));
        QCOMPARE(readFile(path + QStringLiteral(".bak")), QByteArray("first"));
        QVERIFY2(SafeFileWriter::write(path, "third", &error), qPrintable(error));
        QCOMPARE(readFile(path + QStringLiteral(".bak")), QByteArray("second"));
        QCOMPARE(entries(dir), strings({ "out.bin", "out.bin.bak" })); // no temporary left behind
    }

    // /dev/full is a real ENOSPC: the error says the system's reason, never "Unknown error".
    void fullDeviceSaysNoSpace_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("small, under any buffer") << 100;
        QTest::newRow("1 MiB") << (1 << 20);
    }
    void fullDeviceSaysNoSpace()
    {
        QFETCH(int, size);
        QTemporaryDir dir;
        const QString link = dir.filePath(QStringLiteral("out.xclbin"));
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), link));
        for (const QString& path : { QStringLiteral("/dev/full"), link }) {
            QString error;
            QVERIFY(!SafeFileWriter::write(path, pattern(size), &error));
            QVERIFY2(error.startsWith(QStringLiteral("cannot write %1: ").arg(path)), qPrintable(error));
            QVERIFY2(error.contains(QLatin1String("No space left on device")), qPrintable(error));
            QVERIFY2(!error.contains(QLatin1String("Unknown error")), qPrintable(error));
        }
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(entries(dir), strings({ "out.xclbin" }));
    }

    // The write fails after part of the data went to disk: the good file stays whole, nothing else remains.
    void failedWriteLeavesTargetUntouched_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("10 KiB (inside a 16 KiB buffer)") << 10 * 1024;
        QTest::newRow("1 MiB") << (1 << 20);
    }
    void failedWriteLeavesTargetUntouched()
    {
        QFETCH(int, size);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.xclbin"));
        const QByteArray good = QByteArray("good content\n").repeated(100);
        QVERIFY(writeFile(path, good));
        QString error;
        bool written = true;
        {
            FileSizeLimit limit(4096);
            QVERIFY(limit.ok());
            written = SafeFileWriter::write(path, pattern(size), &error);
        }
        QVERIFY(!written);
        QVERIFY2(error.contains(QLatin1String("File too large")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("the existing file was left unchanged")), qPrintable(error));
        QCOMPARE(readFile(path), good);
        QCOMPARE(entries(dir), strings({ "out.xclbin" }));

        // A new file that cannot be written completely is not created at all.
        const QString fresh = dir.filePath(QStringLiteral("new.xclbin"));
        {
            FileSizeLimit limit(4096);
            written = SafeFileWriter::write(fresh, pattern(size), &error);
        }
        QVERIFY(!written);
        QVERIFY(!QFile::exists(fresh));
        QCOMPARE(entries(dir), strings({ "out.xclbin" }));
    }

    void keepsMode_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0755 script") << 0755;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0600") << 0600;
    }
    void keepsMode()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("host.py"));
        QVERIFY(writeFile(path, "old"));
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
        QString error;
        QVERIFY2(SafeFileWriter::write(path, "new", &error), qPrintable(error));
        QCOMPARE(readFile(path), QByteArray("new"));
        QCOMPARE(modeOf(path), unsigned(mode));
    }

    // Refused before anything is written (also as root, for whom the permission bits do not stop a write).
    void readOnlyIsRefusedWithoutBackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("host.py"));
        QVERIFY(writeFile(path, "old"));
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0444), 0);
        QString error;
        QVERIFY(!SafeFileWriter::write(path, "new", &error));
        QCOMPARE(error,
                 QStringLiteral("cannot write %1: the file is read-only (mode 0444); it was left unchanged").arg(path));
        QCOMPARE(readFile(path), QByteArray("old"));
        QCOMPARE(modeOf(path), 0444u);
        QCOMPARE(entries(dir), strings({ "host.py" }));
    }

    void symlinkKeepsPointingAtNewContent()
    {
        QTemporaryDir dir;
        const QString real = dir.filePath(QStringLiteral("real.json"));
        const QString link = dir.filePath(QStringLiteral("link.json"));
        QVERIFY(writeFile(real, "old"));
        QVERIFY(QFile::link(real, link));
        QString error;
        QVERIFY2(SafeFileWriter::write(link, "new", &error), qPrintable(error));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(readFile(real), QByteArray("new"));
        QCOMPARE(readFile(real + QStringLiteral(".bak")), QByteArray("old"));
    }

    void folderIsRefused()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!SafeFileWriter::write(dir.path(), "x", &error));
        QVERIFY2(error.contains(QLatin1String("it is a folder")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSafeFileWriter)
#include "tst_safefilewriter.moc"
