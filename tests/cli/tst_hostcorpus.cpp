// SPDX-License-Identifier: GPL-3.0-or-later
// The host-program corpus of issue 10 (tests/data/host/corpus): each program carries its expected verdict in a
// label comment, and `check XCLBIN --host PROGRAM --json` must give that verdict under the documented contract.
#include "clirunner.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>
#include <utility>

using namespace xi::test;

namespace {

QString corpusDir()
{
    return hostProgramPath(QStringLiteral("corpus"));
}

const QStringList& statuses()
{
    static const QStringList s = strings({ "ok", "warning", "error", "unresolved" });
    return s;
}

// The labels of one corpus program, from its leading comment lines:
//   # expect: STATUS        (within the first 5 lines; `//` in C++)
//   # codes: a-code, b-code (finding codes that must appear)
//   # xclbin: FIXTURE       (a folder under fixtures/xclbin)
//   # insts: FILE           (an instruction file next to the program, passed as --insts)
//   # slots: 1, 2           (predicted_slot of each call, in call order)
//   # flow: NAME            (the top-level flow)
//   # fix: TEXT             (text the corrected call must contain: the program's own expressions, nothing moved)
//   # why: what the program exercises
struct Labels {
    QString expect;
    QStringList codes;
    QString xclbin;
    QString insts;
    QStringList callSlots;
    QString flow;
    QString fix;
    QString why;
    QString error; // what is wrong with the labels themselves
};

QStringList listLabel(const QString& value)
{
    QStringList out;
    for (const QString& item : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            out << item.trimmed();
    }
    return out;
}

Labels readLabels(const QString& path)
{
    Labels l;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        l.error = QStringLiteral("%1 cannot be opened").arg(path);
        return l;
    }
    static const QRegularExpression label(
        QStringLiteral("^\\s*(?:#|//)\\s*(expect|codes|xclbin|insts|slots|flow|fix|why):"
                       "\\s*(.*?)\\s*$"));
    int expectLine = 0;
    for (int n = 1; n <= 12 && !f.atEnd(); ++n) {
        const QString line = QString::fromUtf8(f.readLine());
        const QRegularExpressionMatch m = label.match(line);
        if (!m.hasMatch())
            continue;
        const QString key = m.captured(1), value = m.captured(2);
        if (key == QLatin1String("expect")) {
            l.expect = value;
            expectLine = n;
        } else if (key == QLatin1String("codes")) {
            l.codes = listLabel(value);
        } else if (key == QLatin1String("xclbin")) {
            l.xclbin = value;
        } else if (key == QLatin1String("insts")) {
            l.insts = value;
        } else if (key == QLatin1String("slots")) {
            l.callSlots = listLabel(value);
        } else if (key == QLatin1String("flow")) {
            l.flow = value;
        } else if (key == QLatin1String("fix")) {
            l.fix = value;
        } else {
            l.why = value;
        }
    }
    const QString name = QFileInfo(path).fileName();
    if (expectLine == 0 || expectLine > 5) {
        l.error = QStringLiteral("%1: expected an 'expect: STATUS' label in the first 5 lines, found %2")
                      .arg(name,
                           expectLine == 0 ? QStringLiteral("none") : QStringLiteral("it on line %1").arg(expectLine));
    } else if (!statuses().contains(l.expect)) {
        l.error = QStringLiteral("%1: expected the status ok, warning, error or unresolved, found '%2'")
                      .arg(name, l.expect);
    } else if (l.xclbin.isEmpty() || !QFileInfo::exists(xclbinFixturePath(l.xclbin))) {
        l.error = QStringLiteral("%1: expected an 'xclbin:' label naming a fixture, found '%2'").arg(name, l.xclbin);
    } else if (!l.insts.isEmpty() && !QFileInfo::exists(corpusDir() + QLatin1Char('/') + l.insts)) {
        l.error
            = QStringLiteral("%1: the 'insts:' label names %2, which is not in the corpus folder").arg(name, l.insts);
    } else if (l.why.isEmpty()) {
        l.error = QStringLiteral("%1: expected a 'why:' label saying what the program exercises").arg(name);
    }
    return l;
}

QStringList corpusPrograms()
{
    return QDir(corpusDir()).entryList(strings({ "*.py", "*.cpp" }), QDir::Files, QDir::Name);
}

int expectedExitCode(const QString& status)
{
    if (status == QLatin1String("error"))
        return 1;
    if (status == QLatin1String("unresolved"))
        return 3;
    return 0;
}

// Every finding of the program: the top-level list and each call's.
QList<QJsonObject> allFindings(const QJsonObject& o)
{
    QList<QJsonObject> out;
    for (const auto& v : o.value(QLatin1String("findings")).toArray())
        out << v.toObject();
    for (const auto& call : o.value(QLatin1String("calls")).toArray()) {
        for (const auto& v : call.toObject().value(QLatin1String("findings")).toArray())
            out << v.toObject();
    }
    return out;
}

QString describeFinding(const QJsonObject& f)
{
    return QStringLiteral("%1 %2 (%3)")
        .arg(f.value(QLatin1String("severity")).toString(), f.value(QLatin1String("code")).toString(),
             f.value(QLatin1String("message")).toString());
}

// Every string inside a JSON value (a corrected call is an object of its Python and C++ forms).
void collectStrings(const QJsonValue& v, QStringList& out)
{
    if (v.isString()) {
        out << v.toString();
    } else if (v.isArray()) {
        for (const auto& e : v.toArray())
            collectStrings(e, out);
    } else if (v.isObject()) {
        for (const auto& e : v.toObject())
            collectStrings(e, out);
    }
}

// What the CLI's answer breaks of the contract for this program (empty: judged right).
QStringList contractProblems(const Labels& l, const CliRun& run, const QJsonObject& o, bool isJson)
{
    QStringList p;
    if (run.exitCode < 0)
        return { QStringLiteral("the CLI did not run to its end: %1").arg(run.err) };
    if (!isJson)
        return { QStringLiteral("expected a JSON object on stdout, found: %1").arg(run.text().left(200)) };
    const QString status = o.value(QLatin1String("status")).toString();
    if (status != l.expect)
        p << QStringLiteral("expected status '%1', found '%2'").arg(l.expect, status);
    if (run.exitCode != expectedExitCode(l.expect)) {
        p << QStringLiteral("expected exit code %1 for '%2', found %3")
                 .arg(expectedExitCode(l.expect))
                 .arg(l.expect)
                 .arg(run.exitCode);
    }
    for (const char* key : { "binding_plan", "findings", "flow", "calls", "unresolved" }) {
        if (!o.contains(QLatin1String(key)))
            p << QStringLiteral("expected the top-level key '%1', found none").arg(QLatin1String(key));
    }
    for (const char* key : { "findings", "calls", "unresolved" }) {
        if (o.contains(QLatin1String(key)) && !o.value(QLatin1String(key)).isArray())
            p << QStringLiteral("expected '%1' to be a list").arg(QLatin1String(key));
    }

    const QList<QJsonObject> findings = allFindings(o);
    QStringList codes;
    for (const QJsonObject& f : findings)
        codes << f.value(QLatin1String("code")).toString();
    for (const QString& code : l.codes) {
        if (!codes.contains(code))
            p << QStringLiteral("expected the finding code '%1', found [%2]")
                     .arg(code, codes.join(QLatin1String(", ")));
    }

    const QJsonArray calls = o.value(QLatin1String("calls")).toArray();
    if (l.expect == QLatin1String("unresolved")) {
        // Could not read: no finding and no corrected call built from guesses; the lines it could not follow instead.
        const QJsonArray top = o.value(QLatin1String("findings")).toArray();
        if (!top.isEmpty()) {
            p << QStringLiteral("expected no findings for an unresolved program, found %1, first: %2")
                     .arg(top.size())
                     .arg(describeFinding(top.first().toObject()));
        }
        const QJsonValue corrected = o.value(QLatin1String("corrected_call"));
        if (!corrected.isUndefined() && !corrected.isNull())
            p << QStringLiteral("expected no corrected_call for an unresolved program, found one");
        const QJsonArray unresolved = o.value(QLatin1String("unresolved")).toArray();
        if (unresolved.isEmpty())
            p << QStringLiteral("expected a non-empty 'unresolved' list of {line, what}, found none");
        for (const auto& v : unresolved) {
            const QJsonObject u = v.toObject();
            if (u.value(QLatin1String("line")).toInt() <= 0
                || u.value(QLatin1String("what")).toString().trimmed().isEmpty()) {
                p << QStringLiteral("expected each unresolved item to have a line and a 'what', found %1")
                         .arg(QString::fromUtf8(QJsonDocument(u).toJson(QJsonDocument::Compact)));
                break;
            }
        }
    } else {
        if (o.value(QLatin1String("flow")).toString().isEmpty())
            p << QStringLiteral("expected the flow the program uses to be named, found none");
        if (calls.isEmpty())
            p << QStringLiteral("expected at least one judged call in 'calls', found none");
        for (const auto& v : calls) {
            const QJsonObject c = v.toObject();
            for (const char* key :
                 { "line", "kernel", "hw_context", "predicted_slot", "status", "binding_plan", "findings" }) {
                if (!c.contains(QLatin1String(key))) {
                    p << QStringLiteral("expected each call to have '%1', found a call without it")
                             .arg(QLatin1String(key));
                }
            }
        }
    }
    if (l.expect == QLatin1String("ok")) {
        // A correct program gets no alarm; notes (info) may say what could not be checked.
        for (const QJsonObject& f : findings) {
            const QString severity = f.value(QLatin1String("severity")).toString();
            if (severity == QLatin1String("error") || severity == QLatin1String("warning"))
                p << QStringLiteral("expected no error or warning for a correct program, found %1")
                         .arg(describeFinding(f));
        }
    }
    if (!l.callSlots.isEmpty()) {
        QStringList got;
        for (const auto& v : calls)
            got << QString::number(v.toObject().value(QLatin1String("predicted_slot")).toInt());
        if (got != l.callSlots)
            p << QStringLiteral("expected the calls' predicted slots [%1], found [%2]")
                     .arg(l.callSlots.join(QLatin1String(", ")), got.join(QLatin1String(", ")));
    }
    if (!l.fix.isEmpty()) {
        QStringList corrected;
        collectStrings(o.value(QLatin1String("corrected_call")), corrected);
        for (const auto& v : calls)
            collectStrings(v.toObject().value(QLatin1String("corrected_call")), corrected);
        const bool found = std::any_of(corrected.cbegin(), corrected.cend(),
                                       [&](const QString& text) { return text.contains(l.fix); });
        if (!found)
            p << QStringLiteral("expected a corrected call containing '%1', found [%2]")
                     .arg(l.fix, corrected.join(QLatin1String(" | ")));
    }
    if (!l.flow.isEmpty() && o.value(QLatin1String("flow")).toString() != l.flow)
        p << QStringLiteral("expected the flow '%1', found '%2'")
                 .arg(l.flow, o.value(QLatin1String("flow")).toString());
    return p;
}

// A JSON without `status` (the check command before this contract): the verdict its error and warning counts imply,
// so the summary can show what such a tool says.
QString preContractVerdict(const QJsonObject& o)
{
    if (o.value(QLatin1String("errors")).toInt() > 0)
        return QStringLiteral("error");
    return o.value(QLatin1String("warnings")).toInt() > 0 ? QStringLiteral("warning") : QStringLiteral("ok");
}

} // namespace

class TestHostCorpus : public QObject {
    Q_OBJECT

    struct Outcome {
        QString file;
        QString expected;
        QString got; // the JSON status, or what came instead
        int exitCode = -1;
        bool statusRight = false;
        bool contractKept = false;
        bool preContractRight = false;
    };
    QList<Outcome> m_outcomes;

private Q_SLOTS:
    void initTestCase() { XI_REQUIRE_FIXTURES(); }

    // The corpus itself: labelled, large enough, and balanced between languages and verdicts.
    void corpusIsLabelled()
    {
        const QStringList programs = corpusPrograms();
        QStringList problems;
        QHash<QString, int> byStatus;
        int python = 0;
        for (const QString& name : programs) {
            const Labels l = readLabels(corpusDir() + QLatin1Char('/') + name);
            if (!l.error.isEmpty())
                problems << l.error;
            byStatus[l.expect] += 1;
            python += name.endsWith(QLatin1String(".py")) ? 1 : 0;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(programs.size() >= 48, qPrintable(QStringLiteral("%1 programs").arg(programs.size())));
        const int cpp = int(programs.size()) - python;
        QVERIFY2(python * 3 >= programs.size() && cpp * 3 >= programs.size(),
                 qPrintable(QStringLiteral("%1 Python, %2 C++").arg(python).arg(cpp)));
        const int wrong = byStatus.value(QStringLiteral("error")) + byStatus.value(QStringLiteral("warning"));
        QVERIFY2(
            byStatus.value(QStringLiteral("ok")) * 3 >= programs.size() && wrong * 3 >= programs.size(),
            qPrintable(QStringLiteral("%1 correct, %2 wrong").arg(byStatus.value(QStringLiteral("ok"))).arg(wrong)));
        for (const QString& s : statuses())
            QVERIFY2(byStatus.value(s) > 0, qPrintable(QStringLiteral("no program expects '%1'").arg(s)));
    }

    void judgment_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& name : corpusPrograms())
            QTest::newRow(qPrintable(name)) << name;
    }

    void judgment()
    {
        QFETCH(QString, file);
        const QString path = corpusDir() + QLatin1Char('/') + file;
        const Labels l = readLabels(path);
        QVERIFY2(l.error.isEmpty(), qPrintable(l.error));

        QStringList args = { QStringLiteral("check"), xclbinFixturePath(l.xclbin), QStringLiteral("--host"), path,
                             QStringLiteral("--json") };
        if (!l.insts.isEmpty())
            args << QStringLiteral("--insts") << corpusDir() + QLatin1Char('/') + l.insts;
        const CliRun run = runCli(args);
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &parseError);
        const bool isJson = parseError.error == QJsonParseError::NoError && doc.isObject();
        const QJsonObject o = doc.object();
        const QStringList problems = contractProblems(l, run, o, isJson);

        Outcome outcome { file, l.expect, QString(), run.exitCode, false, problems.isEmpty() };
        if (!isJson)
            outcome.got = QStringLiteral("(no JSON)");
        else if (o.value(QLatin1String("status")).isString())
            outcome.got = o.value(QLatin1String("status")).toString();
        else
            outcome.got = QStringLiteral("(%1)").arg(preContractVerdict(o));
        outcome.statusRight = outcome.got == l.expect && run.exitCode == expectedExitCode(l.expect);
        outcome.preContractRight = outcome.statusRight || outcome.got == QStringLiteral("(%1)").arg(l.expect);
        m_outcomes << outcome;

        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 (%2):\n  %3").arg(file, l.why, problems.join(QLatin1String("\n  ")))));
    }

    // Last: the table of verdicts, so the count of correct judgments is visible whatever failed above.
    void summary()
    {
        if (m_outcomes.isEmpty())
            QSKIP("no corpus row ran in this invocation (run the judgment rows to get the table)");
        QString table = QStringLiteral("\n%1  %2  %3  %4  %5\n")
                            .arg(QStringLiteral("program"), -44)
                            .arg(QStringLiteral("expected"), -10)
                            .arg(QStringLiteral("got"), -12)
                            .arg(QStringLiteral("exit"), 4)
                            .arg(QStringLiteral("contract"));
        int statusRight = 0, contractKept = 0, preContractRight = 0;
        for (const Outcome& o : std::as_const(m_outcomes)) {
            statusRight += o.statusRight ? 1 : 0;
            contractKept += o.contractKept ? 1 : 0;
            preContractRight += o.preContractRight ? 1 : 0;
            table += QStringLiteral("%1  %2  %3  %4  %5\n")
                         .arg(o.file, -44)
                         .arg(o.expected, -10)
                         .arg(o.got, -12)
                         .arg(o.exitCode, 4)
                         .arg(o.contractKept ? QStringLiteral("kept") : QStringLiteral("broken"));
        }
        table += QStringLiteral("\nverdict and exit code right: %1 of %2; whole contract kept: %3 of %2\n")
                     .arg(statusRight)
                     .arg(m_outcomes.size())
                     .arg(contractKept);
        if (preContractRight > statusRight) {
            table
                += QStringLiteral("(a status in parentheses is read from the errors/warnings counts of a JSON without "
                                  "'status': %1 of %2 right that way)\n")
                       .arg(preContractRight)
                       .arg(m_outcomes.size());
        }
        qInfo().noquote() << table;
        QVERIFY(writeFile(outputDir() + QStringLiteral("/hostcorpus-summary.txt"), table.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestHostCorpus)
#include "tst_hostcorpus.moc"
