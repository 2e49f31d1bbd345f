// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/attentionbench.h"

#include "attention.h"
#include "attention/attentionbatch.h"
#include "attention/attentionreference.h"
#include "attention/testvectors.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>
#include <functional>
#include <vector>

namespace xi {

namespace {

struct Shape {
    int heads;
    int seq;
    int dim;
};

constexpr Shape kShapes[] = { { 1, 64, 64 }, { 8, 1500, 64 } };

double medianMs(const std::function<void()>& fn, int repeats)
{
    fn(); // warm-up
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// heads x seq x dim per matrix, from the seed's distribution.
struct HeadVectors {
    std::vector<TestVectors> heads;
    std::vector<float> q, k, v;
};

HeadVectors makeVectors(const Shape& s)
{
    HeadVectors h;
    for (int i = 0; i < s.heads; ++i) {
        h.heads.push_back(TestVectors::random(s.seq, s.dim, quint32(i + 1)));
        const TestVectors& t = h.heads.back();
        for (const MatrixI8* m : { &t.q, &t.k, &t.v }) {
            std::vector<float>& dst = m == &t.q ? h.q : m == &t.k ? h.k : h.v;
            for (Eigen::Index j = 0; j < m->size(); ++j)
                dst.push_back(float(m->data()[j]));
        }
    }
    return h;
}

} // namespace

double AttentionBenchEntry::gflops() const
{
    return ms > 0 ? 4.0 * heads * double(seq) * seq * dim / (ms * 1e6) : 0;
}

QJsonObject AttentionBenchEntry::toJson() const
{
    QJsonObject o { { QStringLiteral("name"), name },
                    { QStringLiteral("shape"), QJsonArray { heads, seq, dim } },
                    { QStringLiteral("ms"), ms },
                    { QStringLiteral("repeats"), repeats },
                    { QStringLiteral("gflops"), gflops() } };
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

QList<AttentionBenchEntry> AttentionBench::run(const AttentionBenchOptions& options, QString* error)
{
    QList<AttentionBenchEntry> entries;
    const QString isa = AttentionBatch::instructionSet();
    for (const Shape& s : kShapes) {
        const bool large = s.seq > 64;
        const int repeats = options.repeats > 0 ? options.repeats : (large ? 5 : 50);
        const HeadVectors h = makeVectors(s);
        const float scale = AttentionReference::defaultScale(s.dim);
        auto add = [&](const QString& name, int reps, const std::function<void()>& fn, const QString& note = {}) {
            entries.append({ name, s.heads, s.seq, s.dim, medianMs(fn, reps), reps, note });
        };
        std::vector<MatrixF> fq, fk, fv;
        for (const TestVectors& t : h.heads) {
            fq.emplace_back(t.q.cast<float>());
            fk.emplace_back(t.k.cast<float>());
            fv.emplace_back(t.v.cast<float>());
        }
        add(QStringLiteral("float reference (Eigen)"), repeats, [&] {
            for (size_t i = 0; i < fq.size(); ++i)
                AttentionReference::attention(fq[i], fk[i], fv[i], scale);
        });
        std::vector<float> out(h.q.size());
        add(
            QStringLiteral("float attention batch"), repeats,
            [&] { AttentionBatch::run(h.q.data(), h.k.data(), h.v.data(), out.data(), s.heads, s.seq, s.dim, scale); },
            QStringLiteral("%1, fused softmax, heads in parallel").arg(isa));
        if (!large || options.kernelModelLarge) {
            std::vector<int8_t> o8(h.q.size());
            add(
                QStringLiteral("int8 kernel model"), large ? std::min(repeats, 3) : repeats,
                [&] {
                    for (size_t i = 0; i < h.heads.size(); ++i) {
                        const TestVectors& t = h.heads[i];
                        attention_int8(t.q.data(), t.k.data(), t.v.data(), o8.data() + i * t.q.size(), s.seq, s.dim);
                    }
                },
                QStringLiteral("kernels/attention built for the host (scalar C, as on the AIE)"));
        }
    }
    if (options.numpy) {
        QString numpyError;
        const QList<AttentionBenchEntry> numpy = runNumpy(options, &numpyError);
        if (numpy.isEmpty() && error)
            *error = numpyError;
        entries += numpy;
    }
    return entries;
}

QString AttentionBench::findNumpyScript()
{
    const QString name = QStringLiteral("scripts/bench-attention-numpy.py");
    const QDir exe(QCoreApplication::applicationDirPath());
    const QStringList candidates { QStringLiteral("../") + name, QStringLiteral("../../") + name,
                                   QStringLiteral("../share/xclbin-inspector/") + name };
    for (const QString& rel : candidates) {
        const QString path = exe.filePath(rel);
        if (QFileInfo::exists(path))
            return QFileInfo(path).canonicalFilePath();
    }
    return {};
}

QList<AttentionBenchEntry> AttentionBench::runNumpy(const AttentionBenchOptions& options, QString* error)
{
    const QString script = options.numpyScript.isEmpty() ? findNumpyScript() : options.numpyScript;
    if (script.isEmpty()) {
        *error = QStringLiteral("scripts/bench-attention-numpy.py not found next to the executable");
        return {};
    }
    QStringList args { script, QStringLiteral("--json") };
    if (options.repeats > 0)
        args << QStringLiteral("--repeat") << QString::number(options.repeats);
    QProcess p;
    p.start(options.python, args);
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed: %3")
                     .arg(options.python, script,
                          QString::fromLocal8Bit(p.readAllStandardError()).trimmed() + p.errorString());
        return {};
    }
    QList<AttentionBenchEntry> entries;
    const QJsonArray array = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    for (const QJsonValue& v : array) {
        const QJsonObject o = v.toObject();
        const QJsonArray shape = o.value(QLatin1String("shape")).toArray();
        entries.append(
            { o.value(QLatin1String("name")).toString(), shape[0].toInt(), shape[1].toInt(), shape[2].toInt(),
              o.value(QLatin1String("ms")).toDouble(), o.value(QLatin1String("repeats")).toInt(),
              QStringLiteral("numpy %1, /usr/bin/python3").arg(o.value(QLatin1String("numpy")).toString()) });
    }
    if (entries.isEmpty())
        *error = QStringLiteral("%1 printed no results").arg(script);
    return entries;
}

QJsonArray AttentionBench::toJson(const QList<AttentionBenchEntry>& entries)
{
    QJsonArray a;
    for (const AttentionBenchEntry& e : entries)
        a.append(e.toJson());
    return a;
}

QString AttentionBench::table(const QList<AttentionBenchEntry>& entries)
{
    auto numpyMs = [&](const AttentionBenchEntry& e) {
        for (const AttentionBenchEntry& n : entries) {
            if (n.name.startsWith(QLatin1String("numpy")) && n.heads == e.heads && n.seq == e.seq && n.dim == e.dim)
                return n.ms;
        }
        return 0.0;
    };
    QString text = QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(QStringLiteral("benchmark"), -28)
                       .arg(QStringLiteral("heads x seq x dim"), -18)
                       .arg(QStringLiteral("median ms"), 12)
                       .arg(QStringLiteral("GFLOP/s"), 9)
                       .arg(QStringLiteral("vs numpy"), 9);
    for (const AttentionBenchEntry& e : entries) {
        const double np = numpyMs(e);
        const QString speedup = np > 0 && !e.name.startsWith(QLatin1String("numpy"))
            ? QStringLiteral("%1x").arg(np / e.ms, 0, 'f', 1)
            : QString();
        text += QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                    .arg(e.name, -28)
                    .arg(QStringLiteral("%1 x %2 x %3").arg(e.heads).arg(e.seq).arg(e.dim), -18)
                    .arg(e.ms, 12, 'f', 3)
                    .arg(e.gflops(), 9, 'f', 1)
                    .arg(speedup, 9)
                    .arg(e.note);
    }
    return text;
}

} // namespace xi
