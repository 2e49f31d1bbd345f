// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/fmapeak.h"

#include <immintrin.h>

namespace xi {

namespace {

constexpr int Chains = 12; // more than FMA latency x FMA units, so the units never wait
volatile float g_sink;

__attribute__((target("avx512f"))) double fma512(qint64 rounds)
{
    __m512 acc[Chains];
    for (int i = 0; i < Chains; ++i)
        acc[i] = _mm512_set1_ps(float(i));
    const __m512 m = _mm512_set1_ps(0.999999f);
    const __m512 a = _mm512_set1_ps(1e-6f);
    for (qint64 r = 0; r < rounds; ++r) {
        for (auto& chain : acc)
            chain = _mm512_fmadd_ps(chain, m, a);
    }
    __m512 sum = acc[0];
    for (int i = 1; i < Chains; ++i)
        sum = _mm512_add_ps(sum, acc[i]);
    float lanes[16];
    _mm512_storeu_ps(lanes, sum);
    g_sink = lanes[0];
    return double(rounds) * Chains * 16 * 2;
}

__attribute__((target("avx2,fma"))) double fma256(qint64 rounds)
{
    __m256 acc[Chains];
    for (int i = 0; i < Chains; ++i)
        acc[i] = _mm256_set1_ps(float(i));
    const __m256 m = _mm256_set1_ps(0.999999f);
    const __m256 a = _mm256_set1_ps(1e-6f);
    for (qint64 r = 0; r < rounds; ++r) {
        for (auto& chain : acc)
            chain = _mm256_fmadd_ps(chain, m, a);
    }
    __m256 sum = acc[0];
    for (int i = 1; i < Chains; ++i)
        sum = _mm256_add_ps(sum, acc[i]);
    float lanes[8];
    _mm256_storeu_ps(lanes, sum);
    g_sink = lanes[0];
    return double(rounds) * Chains * 8 * 2;
}

double mulAdd128(qint64 rounds)
{
    __m128 acc[Chains];
    for (int i = 0; i < Chains; ++i)
        acc[i] = _mm_set1_ps(float(i));
    const __m128 m = _mm_set1_ps(0.999999f);
    const __m128 a = _mm_set1_ps(1e-6f);
    for (qint64 r = 0; r < rounds; ++r) {
        for (auto& chain : acc)
            chain = _mm_add_ps(_mm_mul_ps(chain, m), a);
    }
    __m128 sum = acc[0];
    for (int i = 1; i < Chains; ++i)
        sum = _mm_add_ps(sum, acc[i]);
    g_sink = _mm_cvtss_f32(sum);
    return double(rounds) * Chains * 4 * 2;
}

} // namespace

QString FmaPeak::instructionSet()
{
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
        return QStringLiteral("avx512f");
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return QStringLiteral("avx2+fma");
    return QStringLiteral("sse2");
}

double FmaPeak::run(qint64 rounds)
{
    const QString isa = instructionSet();
    if (isa == QLatin1String("avx512f"))
        return fma512(rounds);
    if (isa == QLatin1String("avx2+fma"))
        return fma256(rounds);
    return mulAdd128(rounds);
}

} // namespace xi
