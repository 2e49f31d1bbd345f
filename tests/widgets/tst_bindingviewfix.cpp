// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"
#include "util/safefilewriter.h"
#include "widgets/binding/bindingview.h"
#include "xclbin/xclbinreader.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

using namespace xi;

// The Binding view's "Apply fix to file…" on a copy of a bug-class host program.
class TestBindingViewFix : public QObject {
    Q_OBJECT

private:
    XclbinPtr m_xclbin;
    QString m_insts;

    QString copyInto(const QTemporaryDir& dir, const QString& name)
    {
        const QString copy = dir.filePath(name);
        if (!QFile::copy(test::hostProgramPath(name), copy))
            qFatal("cannot copy %s", qPrintable(name));
        return copy;
    }

    // Clicks the button of the fix dialog once it is shown (it runs modally).
    static void answerDialog(QDialogButtonBox::StandardButton button, QString* shown)
    {
        QTimer::singleShot(0, qApp, [button, shown] {
            auto dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (!dialog) {
                answerDialog(button, shown);
                return;
            }
            if (auto text = dialog->findChild<QPlainTextEdit*>())
                *shown = text->toPlainText();
            if (button == QDialogButtonBox::Apply) // for a person to look at
                dialog->grab().save(test::outputDir() + QStringLiteral("/binding-fix-dialog.png"));
            dialog->findChild<QDialogButtonBox*>()->button(button)->click();
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        XI_REQUIRE_FIXTURES();
        m_xclbin = XclbinReader::read(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
        m_insts = test::fixturesDir() + QStringLiteral("/xclbin/iron-single-add/iron-single-add.insts.bin");
    }

    void applyAfterConfirming()
    {
        QTemporaryDir dir;
        const QString path = copyInto(dir, QStringLiteral("bug_seed_guide_call.cpp"));
        const QByteArray original = test::readFile(path);
        BindingView view;
        view.setXclbin(m_xclbin);
        view.setInstructionFile(m_insts);
        QVERIFY(!view.fixButton()->isEnabled());
        QVERIFY(!view.fixButton()->toolTip().isEmpty());
        QVERIFY(view.importHostProgram(path));
        QVERIFY(view.report().hasErrors());
        QVERIFY(view.fixButton()->isEnabled());

        QString shown;
        answerDialog(QDialogButtonBox::Cancel, &shown);
        view.fixButton()->click();
        QVERIFY2(shown.contains(QStringLiteral("--- %1\n").arg(path)), qPrintable(shown));
        QVERIFY(shown.contains(QLatin1String("-  auto run = kernel(bo_instr, ")));
        QCOMPARE(test::readFile(path), original);
        QVERIFY(!QFile::exists(SafeFileWriter::backupPath(path)));

        answerDialog(QDialogButtonBox::Apply, &shown);
        view.fixButton()->click();
        QCOMPARE(test::readFile(SafeFileWriter::backupPath(path)), original);
        QVERIFY(test::readFile(path).contains("auto run = kernel(3, bo_instr, "));
        // Imported again: the view shows the fixed program, clean.
        QVERIFY(!view.report().hasErrors());
        QCOMPARE(view.report().count(Severity::Warning), 0);
        QVERIFY(view.hostSource()->toPlainText().contains(QLatin1String("auto run = kernel(3, bo_instr, ")));
        QVERIFY(!view.fixButton()->isEnabled());
    }

    void refusedWhenChangedSinceImport()
    {
        QTemporaryDir dir;
        const QString path = copyInto(dir, QStringLiteral("bug_opcode2.py"));
        BindingView view;
        view.setXclbin(m_xclbin);
        QVERIFY(view.importHostProgram(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write("# edited meanwhile\n");
        f.close();
        const QByteArray edited = test::readFile(path);
        QString error;
        QVERIFY(!view.prepareFix(&error));
        QVERIFY2(error.contains(QLatin1String("changed since it was imported")), qPrintable(error));
        QCOMPARE(test::readFile(path), edited);
    }
};

QTEST_MAIN(TestBindingViewFix)
#include "tst_bindingviewfix.moc"
