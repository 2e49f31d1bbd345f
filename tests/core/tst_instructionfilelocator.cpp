// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/instructionfilelocator.h"
#include "testsupport.h"

#include <QTemporaryDir>

using namespace xi;

// The one rule every front end uses to pick the instruction stream.
class TestInstructionFileLocator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nextToTheXclbinForATypedCall()
    {
        XI_REQUIRE_FIXTURES();
        const BindingPlan typed;
        const auto single
            = InstructionFileLocator::locate({}, typed, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QCOMPARE(single.source, InstructionFileChoice::Source::NextToXclbin);
        QVERIFY(single.path.endsWith(QLatin1String("iron-single-add.insts.bin")));
        const auto riallto = InstructionFileLocator::locate(
            {}, typed, test::xclbinFixturePath(QStringLiteral("riallto-color-detect-720p")));
        QVERIFY(riallto.path.endsWith(QLatin1String("riallto-color-detect-720p.seq")));
        const auto none = InstructionFileLocator::locate({}, typed, test::attentionXclbin());
        QCOMPARE(none.source, InstructionFileChoice::Source::None);
        QVERIFY(!none.found());
        QVERIFY(none.describe().contains(QLatin1String("left out")));
    }

    void givenWins()
    {
        BindingPlan plan;
        plan.sourceFile = QStringLiteral("/somewhere/test.py");
        plan.instructionFile = QStringLiteral("insts.bin");
        const auto choice = InstructionFileLocator::locate(QStringLiteral("/x/mine.bin"), plan, {});
        QCOMPARE(choice.source, InstructionFileChoice::Source::Given);
        QCOMPARE(choice.path, QStringLiteral("/x/mine.bin"));
    }

    // A host program's call uses only the file that program loads: never the one lying next to the xclbin.
    void hostProgramUsesOnlyWhatItNames()
    {
        XI_REQUIRE_FIXTURES();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString xclbin = test::xclbinFixturePath(QStringLiteral("iron-single-add"));
        BindingPlan plan;
        plan.sourceFile = dir.filePath(QStringLiteral("test.py"));

        const auto notNamed = InstructionFileLocator::locate({}, plan, xclbin);
        QCOMPARE(notNamed.source, InstructionFileChoice::Source::NotNamed);
        QVERIFY(!notNamed.found());

        plan.instructionFile = QStringLiteral("build/aie.insts.bin");
        const auto missing = InstructionFileLocator::locate({}, plan, xclbin);
        QCOMPARE(missing.source, InstructionFileChoice::Source::NamedButMissing);
        QVERIFY(!missing.found());
        QVERIFY(missing.describe().contains(QLatin1String("build/aie.insts.bin")));

        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("build")));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("build/aie.insts.bin")), QByteArray(8, '\0')));
        const auto named = InstructionFileLocator::locate({}, plan, xclbin);
        QCOMPARE(named.source, InstructionFileChoice::Source::NamedByHost);
        QCOMPARE(named.path, dir.filePath(QStringLiteral("build/aie.insts.bin")));
    }

    // The same file name next to the xclbin being checked counts as the one the program names.
    void namedFileNextToTheXclbin()
    {
        XI_REQUIRE_FIXTURES();
        BindingPlan plan;
        plan.sourceFile = QStringLiteral("/nonexistent/host/test.py");
        plan.instructionFile = QStringLiteral("build/iron-single-add.insts.bin");
        const auto choice
            = InstructionFileLocator::locate({}, plan, test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        QCOMPARE(choice.source, InstructionFileChoice::Source::NamedByHost);
        QVERIFY(choice.path.endsWith(QLatin1String("iron-single-add/iron-single-add.insts.bin")));
    }

    void genericNamesNextToTheXclbin()
    {
        QTemporaryDir dir;
        const QString xclbin = dir.filePath(QStringLiteral("final.xclbin"));
        QVERIFY(test::writeFile(xclbin, QByteArray("x")));
        QVERIFY(InstructionFileLocator::findNextTo(xclbin).isEmpty());
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("other.seq")), QByteArray("0")));
        QVERIFY(InstructionFileLocator::findNextTo(xclbin).endsWith(QLatin1String("other.seq")));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("insts.bin")), QByteArray("0")));
        QVERIFY(InstructionFileLocator::findNextTo(xclbin).endsWith(QLatin1String("/insts.bin")));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("final.insts.txt")), QByteArray("0")));
        QVERIFY(InstructionFileLocator::findNextTo(xclbin).endsWith(QLatin1String("final.insts.txt")));
        QVERIFY(test::writeFile(dir.filePath(QStringLiteral("final.insts.bin")), QByteArray("0")));
        QVERIFY(InstructionFileLocator::findNextTo(xclbin).endsWith(QLatin1String("final.insts.bin")));
    }
};

QTEST_GUILESS_MAIN(TestInstructionFileLocator)
#include "tst_instructionfilelocator.moc"
