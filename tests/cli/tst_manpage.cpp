// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI's manual page: made from the commands themselves, valid troff, and the one the build installs.
#include "clirunner.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtTest>

using namespace xi::test;

namespace {

QStringList commandNames()
{
    // The command list of --help: two spaces, the name, spaces, the summary.
    QStringList names;
    static const QRegularExpression line(QStringLiteral("^  ([a-z][a-z-]+) +\\S"));
    for (const QString& l : runCli({ QStringLiteral("--help") }).text().split(u'\n')) {
        const QRegularExpressionMatch m = line.match(l);
        if (m.hasMatch())
            names << m.captured(1);
    }
    return names;
}

QByteArray run(const QString& program, const QStringList& args, const QByteArray& input, QString* err = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.readAllStandardOutput();
}

} // namespace

class TestManPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyCommandWithItsUsage();
    void groffReadsItWithoutWarnings();
    void theBuildInstallsTheSamePage();
};

void TestManPage::everyCommandWithItsUsage()
{
    const CliRun man = runCli({ QStringLiteral("--man") });
    QCOMPARE(man.exitCode, 0);
    const QString page = man.text();
    QVERIFY(page.startsWith(QLatin1String(".TH XCLBIN-INSPECTOR-CLI 1 ")));
    for (const char* section : { "NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS", "SEE ALSO" })
        QVERIFY2(page.contains(QStringLiteral("\n.SH ") + QLatin1String(section) + u'\n'), section);
    const QStringList names = commandNames();
    QVERIFY2(names.size() >= 10, qPrintable(names.join(u' ')));
    for (const QString& name : names) {
        QVERIFY2(page.contains(QStringLiteral("\n.SS ") + name + u'\n'), qPrintable(name));
        // The usage line as the command prints it (troff writes option hyphens as minus signs, \-).
        const QString usage = runCli({ name, QStringLiteral("--help") }).text().section(u'\n', 0, 0);
        QVERIFY2(QString(page).replace(QStringLiteral("\\-"), QStringLiteral("-")).contains(usage),
                 qPrintable(name + QStringLiteral(": ") + usage));
    }
}

void TestManPage::groffReadsItWithoutWarnings()
{
    const QByteArray page = runCli({ QStringLiteral("--man") }).out;
    QString warnings;
    const QByteArray text
        = run(QStringLiteral("groff"), { QStringLiteral("-man"), QStringLiteral("-ww"), QStringLiteral("-Tutf8") },
              page, &warnings);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings));
    QVERIFY(text.contains("analyze-mlir"));
}

void TestManPage::theBuildInstallsTheSamePage()
{
    const QString installed = QFileInfo(cliPath()).dir().filePath(QStringLiteral("../man/xclbin-inspector-cli.1.gz"));
    QVERIFY2(QFileInfo::exists(installed), qPrintable(installed + QStringLiteral(" was not made by the build")));
    const QByteArray unzipped = run(QStringLiteral("gzip"), { QStringLiteral("-dc"), installed }, {});
    QCOMPARE(unzipped, runCli({ QStringLiteral("--man") }).out);
}

QTEST_GUILESS_MAIN(TestManPage)
#include "tst_manpage.moc"
