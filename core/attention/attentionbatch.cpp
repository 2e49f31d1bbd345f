// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionbatch.h"

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

constexpr int kRows = 4; // query rows per register block
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

// s[r][j] = scale * q[r] . kt[:, j] for a block of kRows query rows; kt is dim x stride, zero-padded.
XI_CLONES void scoreBlock(const float* q, const float* kt, float* s, int stride, int seq, int dim, float scale)
{
    for (int j0 = 0; j0 < stride; j0 += kCols) {
        float acc[kRows][kCols] = {};
        for (int d = 0; d < dim; ++d) {
            const float* kRow = kt + size_t(d) * stride + j0;
            for (int r = 0; r < kRows; ++r) {
                const float qv = q[r * dim + d];
                for (int j = 0; j < kCols; ++j)
                    acc[r][j] += qv * kRow[j];
            }
        }
        const int n = std::min(kCols, seq - j0);
        for (int r = 0; r < kRows; ++r) {
            for (int j = 0; j < n; ++j)
                s[size_t(r) * stride + j0 + j] = acc[r][j] * scale;
        }
    }
}

// Stable softmax of one row in place. The reductions keep kLanes partial results so that they
// vectorize without reassociating float sums.
XI_CLONES void softmaxRow(float* s, int n)
{
    const int main = n / kLanes * kLanes;
    float laneMax[kLanes];
    std::fill(laneMax, laneMax + kLanes, s[0]);
    for (int j = 0; j < main; j += kLanes) {
        for (int l = 0; l < kLanes; ++l)
            laneMax[l] = std::max(laneMax[l], s[j + l]);
    }
    float m = *std::max_element(laneMax, laneMax + kLanes);
    for (int j = main; j < n; ++j)
        m = std::max(m, s[j]);
    float laneSum[kLanes] = {};
    for (int j = 0; j < main; j += kLanes) {
        for (int l = 0; l < kLanes; ++l) {
            s[j + l] = expNonPositive(s[j + l] - m);
            laneSum[l] += s[j + l];
        }
    }
    float sum = 0;
    for (int j = main; j < n; ++j) {
        s[j] = expNonPositive(s[j] - m);
        sum += s[j];
    }
    for (float x : laneSum)
        sum += x;
    const float inv = 1.0f / sum;
    for (int j = 0; j < n; ++j)
        s[j] *= inv;
}

// out[r] = p[r] V for a block of kRows rows, dim 64.
XI_CLONES void weightedSum64(const float* p, const float* v, float* out, int stride, int seq)
{
    float acc[kRows][64] = {};
    for (int j = 0; j < seq; ++j) {
        const float* vRow = v + size_t(j) * 64;
        for (int r = 0; r < kRows; ++r) {
            const float w = p[size_t(r) * stride + j];
            for (int d = 0; d < 64; ++d)
                acc[r][d] += w * vRow[d];
        }
    }
    std::memcpy(out, acc, sizeof acc);
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

void oneHead(const float* q, const float* k, const float* v, float* out, int seq, int dim, float scale)
{
    const int stride = (seq + kCols - 1) / kCols * kCols;
    std::vector<float> kt(size_t(dim) * stride, 0.0f);
    for (int j = 0; j < seq; ++j) {
        for (int d = 0; d < dim; ++d)
            kt[size_t(d) * stride + j] = k[size_t(j) * dim + d];
    }
    std::vector<float> s(size_t(kRows) * stride);
    std::vector<float> qBlock(size_t(kRows) * dim);
    std::vector<float> oBlock(size_t(kRows) * dim);
    for (int i0 = 0; i0 < seq; i0 += kRows) {
        const int rows = std::min(kRows, seq - i0);
        std::fill(qBlock.begin(), qBlock.end(), 0.0f);
        std::copy(q + size_t(i0) * dim, q + size_t(i0 + rows) * dim, qBlock.begin());
        scoreBlock(qBlock.data(), kt.data(), s.data(), stride, seq, dim, scale);
        for (int r = 0; r < kRows; ++r)
            softmaxRow(s.data() + size_t(r) * stride, seq);
        if (dim == 64)
            weightedSum64(s.data(), v, oBlock.data(), stride, seq);
        else
            weightedSumGeneric(s.data(), v, oBlock.data(), stride, seq, dim);
        std::copy(oBlock.begin(), oBlock.begin() + size_t(rows) * dim, out + size_t(i0) * dim);
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
        for (int h = first; h < heads; h += threads)
            oneHead(q + h * headSize, k + h * headSize, v + h * headSize, out + h * headSize, seq, dim, scale);
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
