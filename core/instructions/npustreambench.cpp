// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustreambench.h"
#include "instructions/npustreamchecker.h"
#include "instructions/npustreamreader.h"
#include "instructions/npustreamwriter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <vector>

namespace xi {

QByteArray NpuStreamBench::syntheticTxn(qsizetype bytes)
{
    NpuStreamWriter w(NpuFormat::Txn01);
    // One group: BD blockwrite (48 B), patch (48 B), push (24 B), and for outputs a sync (16 B).
    constexpr qsizetype groupBytes = 48 + 48 + 24 + 16;
    qsizetype used = 16;
    for (int i = 0; used + groupBytes <= bytes; ++i) {
        const int column = i % 4;
        const int bd = i / 4 % 16;
        const bool output = i % 3 == 2;
        NpuBufferDescriptor d;
        d.words = { 1024, 0, 0, quint32(16) << 20 | 0, quint32(32) << 20 | 127, 0x02000000 | 15, 0, 0x02000000 };
        w.writeBd(column, bd, d);
        w.patchBd(column, bd, quint64(i % 3), quint64(i % 64) * 4096);
        const NpuChannel channel = output ? NpuChannel::S2MM0 : (i % 2 ? NpuChannel::MM2S1 : NpuChannel::MM2S0);
        w.push(column, channel, bd, 2, output);
        used += 48 + 48 + 24;
        if (output) {
            w.sync(column, 0, channel);
            used += 16;
        }
    }
    return w.bytes();
}

double NpuStreamBench::medianDecodeMs(int runs, qsizetype bytes)
{
    const QByteArray stream = syntheticTxn(bytes);
    std::vector<double> times;
    times.reserve(size_t(std::max(runs, 1)));
    for (int i = 0; i < std::max(runs, 1); ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto decoded = NpuStreamReader::read(stream);
        const auto findings = decoded ? NpuStreamChecker::check(*decoded) : QList<NpuFinding>();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!decoded || !findings.isEmpty())
            return -1;
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace xi
