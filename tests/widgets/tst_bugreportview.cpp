// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionbackend.h"
#include "binding/bindingchecker.h"
#include "util/safefilewriter.h"
#include "widgets/workflow/bugreportview.h"
#include "widgettestutil.h"
#include "xclbin/aieccdesign.h"
#include "xclbin/xclbinwriter.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>
#include <QUuid>

using namespace xi;

class TestBugReportView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsTheAssessmentAndTheMarkdown();
    void copyAndSave();
};

void TestBugReportView::showsTheAssessmentAndTheMarkdown()
{
    QTemporaryDir dir;
    AieccDesign design;
    design.memories = AieccDesign::mlirAieMemories();
    design.kernels << AieccDesign::mlirAieKernel();
    design.partition = AieccDesign::mlirAiePartition(QByteArray("test PDI"), QUuid::createUuid());
    const QString path = dir.filePath(QStringLiteral("attention.xclbin"));
    XclbinWriter().write(design, path, true);
    BugReportInput input;
    input.xclbin = XclbinReader::read(path);
    input.binding = BindingChecker::check(*input.xclbin,
                                          *BindingPlan::parseQuick(QStringLiteral("instr:1, ninstr, 0, bo:3, bo:4")));
    BugReportView view;
    view.resize(1200, 800);
    QVERIFY(view.assessment()->text().contains(QLatin1String("unknown"))); // nothing given yet
    view.setInput(input);
    QVERIFY2(view.assessment()->text().contains(QLatin1String("Where the evidence points: host.")),
             qPrintable(view.assessment()->text()));
    QCOMPARE(view.markdown(), BugReport::markdown(input));
    QVERIFY(view.text()->toPlainText().contains(QLatin1String("## Kernel arguments and group IDs")));
    test::saveScreenshot(&view, QStringLiteral("bug-report-host"));
}

void TestBugReportView::copyAndSave()
{
    BugReportView view;
    view.setInput({});
    view.text()->setPlainText(QStringLiteral("# edited by the user\n"));
    view.copyToClipboard();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("# edited by the user\n"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.md"));
    QVERIFY(test::writeFile(path, "an older report"));
    QString error;
    QVERIFY2(view.save(path, &error), qPrintable(error));
    QCOMPARE(test::readFile(path), QByteArray("# edited by the user\n"));
    QCOMPARE(test::readFile(SafeFileWriter::backupPath(path)), QByteArray("an older report"));
    QVERIFY(!view.save(dir.filePath(QStringLiteral("no/such/folder/r.md")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestBugReportView)
#include "tst_bugreportview.moc"
