// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/unifieddiff.h"

#include <QtTest>

using namespace xi;

namespace {

QString numbered(int from, int to)
{
    QStringList lines;
    for (int i = from; i <= to; ++i)
        lines << QStringLiteral("line %1").arg(i);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

class TestUnifiedDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void equalTextsGiveNothing()
    {
        QVERIFY(UnifiedDiff::text(numbered(1, 5), numbered(1, 5), QStringLiteral("a"), QStringLiteral("b")).isEmpty());
    }

    void oneChangedLine()
    {
        QString after = numbered(1, 10);
        after.replace(QLatin1String("line 5\n"), QLatin1String("line five\n"));
        QCOMPARE(UnifiedDiff::text(numbered(1, 10), after, QStringLiteral("a.py"), QStringLiteral("b.py")),
                 QStringLiteral("--- a.py\n+++ b.py\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n"
                                " line 6\n line 7\n line 8\n"));
    }

    // Changes more than twice the context apart make two hunks; closer ones one.
    void hunks()
    {
        QString after = numbered(1, 30);
        after.replace(QLatin1String("line 3\n"), QLatin1String("line 3\ninserted\n"));
        after.replace(QLatin1String("line 25\n"), QString());
        const QString d = UnifiedDiff::text(numbered(1, 30), after, QStringLiteral("a"), QStringLiteral("b"));
        QCOMPARE(d.count(QLatin1String("\n@@ ")), 2);
        QVERIFY2(d.contains(QLatin1String("@@ -1,6 +1,7 @@\n line 1\n line 2\n line 3\n+inserted\n line 4\n")),
                 qPrintable(d));
        QVERIFY2(d.contains(QLatin1String("@@ -22,7 +23,6 @@\n line 22\n line 23\n line 24\n-line 25\n line 26\n")),
                 qPrintable(d));

        after = numbered(1, 30);
        after.replace(QLatin1String("line 10\n"), QLatin1String("ten\n"));
        after.replace(QLatin1String("line 16\n"), QLatin1String("sixteen\n"));
        QCOMPARE(UnifiedDiff::text(numbered(1, 30), after, QStringLiteral("a"), QStringLiteral("b"))
                     .count(QLatin1String("\n@@ ")),
                 1);
    }

    void lineAddedToAnEmptyText()
    {
        QCOMPARE(UnifiedDiff::text(QString(), QStringLiteral("x\n"), QStringLiteral("a"), QStringLiteral("b")),
                 QStringLiteral("--- a\n+++ b\n@@ -1,1 +1,1 @@\n-\n+x\n"));
    }
};

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "tst_unifieddiff.moc"
