// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionbatch.h"

#include "util/flushdenormals.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <thread>
#include <vector>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define XI_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define XI_CLONES
#endif

namespace xi {

namespace {

constexpr int kRows = 6; // query rows per register block: 6 x 64 sums fill 24 of the 32 AVX-512 registers
constexpr int kTileRows = 48; // query rows per tile: the blocks of K and V each tile reads are reused from L1
constexpr int kCols = 64; // key columns per register block
constexpr int kLanes = 16; // partial reductions, one AVX-512 register of floats

// e^x for the max-subtracted scores (x <= 0), written so that the compiler vectorizes it:
// 2^t = 2^whole * 2^f with f in [0, 1], a degree 6 fit of 2^f (relative error below 1e-7),
// results below 2^-126 flushed to 0.
inline float expNonPositive(float x)
{
    const float t = x * 1.44269504088896341f;
    int whole = int(t) - 1;
    whole = whole < -127 ? -127 : whole;
    float f = t - float(whole);
    f = f > 1.0f ? 1.0f : f;
    float p = 2.1690609e-4f;
    p = p * f + 1.24430819e-3f;
    p = p * f + 9.67847276e-3f;
    p = p * f + 5.54835238e-2f;
    p = p * f + 2.402298e-1f;
    p = p * f + 6.93147004e-1f;
    p = p * f + 1.0f;
    return p * std::bit_cast<float>((whole + 127) << 23);
}

// s[r][j] = scale * q[r] . k[j] for a tile of `blocks` x kRows query rows. kt holds K transposed in panels of
// kCols keys, each panel dim x kCols contiguous and zero-padded (with one dim x stride matrix, the rows of a panel
// would sit 6 KiB apart and fight over a few L1 sets). Panels outside, row blocks inside: each panel (16 KiB at
// dim 64) is read from L2 once per tile and then from L1 by every row block, at the FMA units' pace.
XI_CLONES void scoreTile(const float* q, const float* kt, float* s, int stride, int dim, float scale, int blocks)
{
    for (int j0 = 0; j0 < stride; j0 += kCols) {
        for (int b = 0; b < blocks; ++b) {
            const float* qb = q + size_t(b) * kRows * dim;
            // The first product initialises the sums: zeroing them first made GCC keep them in memory.
            const float* panel = kt + size_t(j0) * dim;
            float acc[kRows][kCols];
            for (int r = 0; r < kRows; ++r) {
                const float qv = qb[r * dim];
                for (int j = 0; j < kCols; ++j)
                    acc[r][j] = qv * panel[j];
            }
            for (int d = 1; d < dim; ++d) {
                const float* kRow = panel + size_t(d) * kCols;
                for (int r = 0; r < kRows; ++r) {
                    const float qv = qb[r * dim + d];
                    for (int j = 0; j < kCols; ++j)
                        acc[r][j] += qv * kRow[j];
                }
            }
            float* sb = s + size_t(b) * kRows * stride + j0;
            for (int r = 0; r < kRows; ++r) {
                for (int j = 0; j < kCols; ++j)
                    sb[size_t(r) * stride + j] = acc[r][j] * scale;
            }
        }
    }
}

// kLanes floats as one value (GCC vector extensions): one AVX-512 register in the x86-64-v4 clone, two or four
// narrower ones in the others. Never passed to or returned from a function, so no vector ABI is involved.
using Lanes = float __attribute__((vector_size(kLanes * sizeof(float))));
using IntLanes = int __attribute__((vector_size(kLanes * sizeof(int))));

// Stable softmax of one row in place, but for the division: e^(s - max), and the 1 / sum that the row's output is
// scaled by afterwards (one pass over the row less). Both passes run kLanes at a time: the max and the sum as
// kLanes partial results, the exponential as expNonPositive() lane by lane.
XI_CLONES float softmaxRow(float* s, int n)
{
    const int main = n / kLanes * kLanes;
    Lanes laneMax = Lanes {} + s[0];
    for (int j = 0; j < main; j += kLanes) {
        Lanes x;
        std::memcpy(&x, s + j, sizeof x);
        laneMax = x > laneMax ? x : laneMax;
    }
    float m = s[0];
    for (int l = 0; l < kLanes; ++l)
        m = std::max(m, laneMax[l]);
    for (int j = main; j < n; ++j)
        m = std::max(m, s[j]);
    Lanes laneSum = {};
    const Lanes one = Lanes {} + 1.0f;
    const IntLanes lowest = IntLanes {} - 127;
    for (int j = 0; j < main; j += kLanes) {
        Lanes x;
        std::memcpy(&x, s + j, sizeof x);
        const Lanes t = (x - m) * 1.44269504088896341f;
        IntLanes whole = __builtin_convertvector(t, IntLanes) - 1;
        whole = whole < lowest ? lowest : whole;
        Lanes f = t - __builtin_convertvector(whole, Lanes);
        f = f > one ? one : f;
        Lanes p = Lanes {} + 2.1690609e-4f;
        p = p * f + 1.24430819e-3f;
        p = p * f + 9.67847276e-3f;
        p = p * f + 5.54835238e-2f;
        p = p * f + 2.402298e-1f;
        p = p * f + 6.93147004e-1f;
        p = p * f + 1.0f;
        const IntLanes bits = (whole + 127) << 23;
        Lanes power;
        std::memcpy(&power, &bits, sizeof power);
        const Lanes e = p * power;
        std::memcpy(s + j, &e, sizeof e);
        laneSum += e;
    }
    float sum = 0;
    for (int j = main; j < n; ++j) {
        s[j] = expNonPositive(s[j] - m);
        sum += s[j];
    }
    for (int l = 0; l < kLanes; ++l)
        sum += laneSum[l];
    return 1.0f / sum;
}

// out[r] = p[r] V for a tile of `blocks` x kRows rows, dim 64. Key blocks outside as in scoreTile: a 64-key
// slice of V stays in L1 while every row block uses it; the row blocks' sums wait in `out` between slices.
XI_CLONES void weightedTile64(const float* p, const float* v, float* out, int stride, int seq, int blocks)
{
    for (int j0 = 0; j0 < seq; j0 += kCols) {
        const int j1 = std::min(seq, j0 + kCols);
        for (int b = 0; b < blocks; ++b) {
            const float* pb = p + size_t(b) * kRows * stride;
            float acc[kRows][64];
            if (j0 == 0) { // the first key starts the sums (see scoreTile)
                for (int r = 0; r < kRows; ++r) {
                    const float w = pb[size_t(r) * stride];
                    for (int d = 0; d < 64; ++d)
                        acc[r][d] = w * v[d];
                }
            } else {
                std::memcpy(acc, out + size_t(b) * kRows * 64, sizeof acc);
            }
            for (int j = std::max(j0, 1); j < j1; ++j) {
                const float* vRow = v + size_t(j) * 64;
                for (int r = 0; r < kRows; ++r) {
                    const float w = pb[size_t(r) * stride + j];
                    for (int d = 0; d < 64; ++d)
                        acc[r][d] += w * vRow[d];
                }
            }
            std::memcpy(out + size_t(b) * kRows * 64, acc, sizeof acc);
        }
    }
}

void weightedSumGeneric(const float* p, const float* v, float* out, int stride, int seq, int dim)
{
    std::fill(out, out + size_t(kRows) * dim, 0.0f);
    for (int j = 0; j < seq; ++j) {
        for (int r = 0; r < kRows; ++r) {
            const float w = p[size_t(r) * stride + j];
            for (int d = 0; d < dim; ++d)
                out[r * dim + d] += w * v[size_t(j) * dim + d];
        }
    }
}

// One thread's scratch memory, kept from head to head: no allocation (and no page faults) per head.
struct Workspace {
    std::vector<float> kt, s, qTile, oTile, inv;
};

void oneHead(const float* q, const float* k, const float* v, float* out, int seq, int dim, float scale, Workspace& w)
{
    const int stride = (seq + kCols - 1) / kCols * kCols;
    w.kt.assign(size_t(dim) * stride, 0.0f);
    for (int j = 0; j < seq; ++j) {
        float* panel = w.kt.data() + size_t(j / kCols) * kCols * dim;
        for (int d = 0; d < dim; ++d)
            panel[size_t(d) * kCols + j % kCols] = k[size_t(j) * dim + d];
    }
    w.s.resize(size_t(kTileRows) * stride);
    w.qTile.resize(size_t(kTileRows) * dim);
    w.oTile.resize(size_t(kTileRows) * dim);
    w.inv.resize(kTileRows);
    for (int i0 = 0; i0 < seq; i0 += kTileRows) {
        const int rows = std::min(kTileRows, seq - i0);
        const int blocks = (rows + kRows - 1) / kRows;
        std::fill(w.qTile.begin(), w.qTile.end(), 0.0f);
        std::copy(q + size_t(i0) * dim, q + size_t(i0 + rows) * dim, w.qTile.begin());
        scoreTile(w.qTile.data(), w.kt.data(), w.s.data(), stride, dim, scale, blocks);
        for (int r = 0; r < blocks * kRows; ++r)
            w.inv[size_t(r)] = softmaxRow(w.s.data() + size_t(r) * stride, seq);
        if (dim == 64) {
            weightedTile64(w.s.data(), v, w.oTile.data(), stride, seq, blocks);
        } else {
            for (int b = 0; b < blocks; ++b)
                weightedSumGeneric(w.s.data() + size_t(b) * kRows * stride, v, w.oTile.data() + size_t(b) * kRows * dim,
                                   stride, seq, dim);
        }
        for (int r = 0; r < rows; ++r) {
            const float* o = w.oTile.data() + size_t(r) * dim;
            float* dst = out + size_t(i0 + r) * dim;
            for (int d = 0; d < dim; ++d)
                dst[d] = o[d] * w.inv[size_t(r)];
        }
    }
}

} // namespace

void AttentionBatch::run(const float* q, const float* k, const float* v, float* out, int heads, int seq, int dim,
                         float scale, int threads)
{
    if (heads <= 0 || seq <= 0 || dim <= 0)
        return;
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::min(threads, heads);
    const size_t headSize = size_t(seq) * dim;
    auto work = [&](int first) {
        const FlushDenormals flush; // per thread: the mode is a register of each thread
        Workspace workspace;
        for (int h = first; h < heads; h += threads)
            oneHead(q + h * headSize, k + h * headSize, v + h * headSize, out + h * headSize, seq, dim, scale,
                    workspace);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work, t);
    work(0);
    for (std::thread& t : pool)
        t.join();
}

QString AttentionBatch::instructionSet()
{
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl"))
        return QStringLiteral("x86-64-v4");
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return QStringLiteral("x86-64-v3");
#endif
    return QStringLiteral("baseline");
}

} // namespace xi
