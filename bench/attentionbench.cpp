// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/attentionbench.h"

#include "attention.h"
#include "attention/attentionbatch.h"
#include "attention/attentionreference.h"
#include "attention/testvectors.h"
#include "bench/fmapeak.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>
#include <ctime>
#include <functional>
#include <thread>
#include <vector>

namespace xi {

namespace {

struct Shape {
    int heads;
    int seq;
    int dim;
};

constexpr Shape kShapes[] = { { 1, 64, 64 }, { 8, 1500, 64 } };

struct Timing {
    double medianMs = 0;
    double bestMs = 0;
    double cpuMs = 0;
};

double processCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

Timing time(const std::function<void()>& fn, int repeats)
{
    fn(); // warm-up
    std::vector<double> times;
    std::vector<double> cpu;
    for (int i = 0; i < repeats; ++i) {
        const double cpuStart = processCpuMs();
        QElapsedTimer t;
        t.start();
        fn();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
        cpu.push_back(processCpuMs() - cpuStart);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    return { times[times.size() / 2], times.front(), cpu[cpu.size() / 2] };
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

double AttentionBenchEntry::flopCount() const
{
    return flops > 0 ? flops : 4.0 * heads * double(seq) * seq * dim;
}

double AttentionBenchEntry::gflops() const
{
    return ms > 0 ? flopCount() / (ms * 1e6) : 0;
}

double AttentionBenchEntry::bestGflops() const
{
    return bestMs > 0 ? flopCount() / (bestMs * 1e6) : 0;
}

double AttentionBenchEntry::gflopsPerCore() const
{
    return cpuMs > 0 ? flopCount() / (cpuMs * 1e6) : 0;
}

QJsonObject AttentionBenchEntry::toJson() const
{
    QJsonObject o { { QStringLiteral("name"), name },
                    { QStringLiteral("shape"), QJsonArray { heads, seq, dim } },
                    { QStringLiteral("ms"), ms },
                    { QStringLiteral("best_ms"), bestMs },
                    { QStringLiteral("cpu_ms"), cpuMs },
                    { QStringLiteral("repeats"), repeats },
                    { QStringLiteral("gflops"), gflops() },
                    { QStringLiteral("best_gflops"), bestGflops() },
                    { QStringLiteral("gflops_per_core"), gflopsPerCore() },
                    { QStringLiteral("threads"), threads } };
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

AttentionBenchEntry AttentionBench::measurePeak(int threads, int repeats)
{
    threads = std::max(1, threads);
    constexpr qint64 Rounds = 4'000'000;
    double flops = 0;
    auto once = [&] {
        std::vector<double> done(size_t(threads), 0.0);
        std::vector<std::thread> pool;
        for (int t = 1; t < threads; ++t)
            pool.emplace_back([&done, t] { done[size_t(t)] = FmaPeak::run(Rounds); });
        done[0] = FmaPeak::run(Rounds);
        for (std::thread& t : pool)
            t.join();
        flops = 0;
        for (double d : done)
            flops += d;
    };
    const Timing t = time(once, repeats);
    AttentionBenchEntry e;
    e.name = QStringLiteral("FMA peak");
    e.heads = e.seq = e.dim = 0;
    e.ms = t.medianMs;
    e.bestMs = t.bestMs;
    e.cpuMs = t.cpuMs;
    e.repeats = repeats;
    e.note = QStringLiteral("%1, %2 thread(s), FMA-only loop").arg(FmaPeak::instructionSet()).arg(threads);
    e.flops = flops;
    e.threads = threads;
    return e;
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
        auto add = [&](const QString& name, int reps, const std::function<void()>& fn, const QString& note = {},
                       int threads = 1) {
            const Timing t = time(fn, reps);
            AttentionBenchEntry e { name, s.heads, s.seq, s.dim, t.medianMs, reps, note, t.bestMs, t.cpuMs };
            e.threads = threads;
            entries.append(e);
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
        const int threads = std::min(options.threads, s.heads);
        add(
            QStringLiteral("float attention batch"), repeats,
            [&] {
                AttentionBatch::run(h.q.data(), h.k.data(), h.v.data(), out.data(), s.heads, s.seq, s.dim, scale,
                                    threads);
            },
            QStringLiteral("%1, fused softmax, heads in parallel").arg(isa), threads);
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
    entries.append(measurePeak(options.threads));
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
    for (const QJsonValue v : array) {
        const QJsonObject o = v.toObject();
        const QJsonArray shape = o.value(QLatin1String("shape")).toArray();
        entries.append({ o.value(QLatin1String("name")).toString(), shape[0].toInt(), shape[1].toInt(),
                         shape[2].toInt(), o.value(QLatin1String("ms")).toDouble(),
                         o.value(QLatin1String("repeats")).toInt(),
                         QStringLiteral("numpy %1, /usr/bin/python3").arg(o.value(QLatin1String("numpy")).toString()),
                         o.value(QLatin1String("best_ms")).toDouble(), o.value(QLatin1String("cpu_ms")).toDouble() });
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
    const AttentionBenchEntry* peak = nullptr;
    for (const AttentionBenchEntry& e : entries) {
        if (e.name == QLatin1String("FMA peak"))
            peak = &e;
    }
    QString text = QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                       .arg(QStringLiteral("benchmark"), -24)
                       .arg(QStringLiteral("heads x seq x dim"), -17)
                       .arg(QStringLiteral("median ms"), 10)
                       .arg(QStringLiteral("best ms"), 9)
                       .arg(QStringLiteral("cpu ms"), 9)
                       .arg(QStringLiteral("GFLOP/s"), 8)
                       .arg(QStringLiteral("per core"), 8)
                       .arg(QStringLiteral("vs numpy"), 8)
                       .arg(QStringLiteral("peak / this"), 12);
    for (const AttentionBenchEntry& e : entries) {
        const double np = numpyMs(e);
        const QString speedup = np > 0 && !e.name.startsWith(QLatin1String("numpy"))
            ? QStringLiteral("%1x").arg(np / e.ms, 0, 'f', 1)
            : QString();
        // Best wall time and per-core rate against the peak on as many threads.
        const QString fromPeak
            = peak && &e != peak && e.name.contains(QLatin1String("batch")) && e.threads == peak->threads
            ? QStringLiteral("%1 / %2")
                  .arg(peak->bestGflops() / e.bestGflops(), 0, 'f', 2)
                  .arg(peak->gflopsPerCore() / e.gflopsPerCore(), 0, 'f', 2)
            : QString();
        const QString shape
            = e.seq > 0 ? QStringLiteral("%1 x %2 x %3").arg(e.heads).arg(e.seq).arg(e.dim) : QStringLiteral("-");
        text += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9  %10\n")
                    .arg(e.name, -24)
                    .arg(shape, -17)
                    .arg(e.ms, 10, 'f', 3)
                    .arg(e.bestMs, 9, 'f', 3)
                    .arg(e.cpuMs, 9, 'f', 3)
                    .arg(e.gflops(), 8, 'f', 1)
                    .arg(e.gflopsPerCore(), 8, 'f', 1)
                    .arg(speedup, 8)
                    .arg(fromPeak, 12)
                    .arg(e.note);
    }
    return text;
}

} // namespace xi
