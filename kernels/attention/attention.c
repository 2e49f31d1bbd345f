// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention.h"

/* round(2^15 * 2^(-i/256)), i = 0..256: 2^-t for the 8-bit fraction of t. */
static const uint16_t kExp2NegQ15[257] = {
    32768, 32679, 32591, 32503, 32415, 32327, 32240, 32153, 32066, 31979, 31893, 31806, 31720, 31635, 31549, 31464,
    31379, 31294, 31209, 31125, 31041, 30957, 30873, 30790, 30706, 30623, 30541, 30458, 30376, 30293, 30212, 30130,
    30048, 29967, 29886, 29805, 29725, 29644, 29564, 29484, 29405, 29325, 29246, 29167, 29088, 29009, 28931, 28852,
    28774, 28697, 28619, 28542, 28464, 28388, 28311, 28234, 28158, 28082, 28006, 27930, 27855, 27779, 27704, 27629,
    27554, 27480, 27406, 27332, 27258, 27184, 27110, 27037, 26964, 26891, 26818, 26746, 26674, 26601, 26530, 26458,
    26386, 26315, 26244, 26173, 26102, 26031, 25961, 25891, 25821, 25751, 25681, 25612, 25543, 25474, 25405, 25336,
    25268, 25199, 25131, 25063, 24995, 24928, 24860, 24793, 24726, 24659, 24593, 24526, 24460, 24394, 24328, 24262,
    24196, 24131, 24066, 24001, 23936, 23871, 23806, 23742, 23678, 23614, 23550, 23486, 23423, 23359, 23296, 23233,
    23170, 23108, 23045, 22983, 22921, 22859, 22797, 22735, 22674, 22613, 22552, 22491, 22430, 22369, 22309, 22248,
    22188, 22128, 22068, 22009, 21949, 21890, 21831, 21772, 21713, 21654, 21595, 21537, 21479, 21421, 21363, 21305,
    21247, 21190, 21133, 21076, 21019, 20962, 20905, 20849, 20792, 20736, 20680, 20624, 20568, 20513, 20457, 20402,
    20347, 20292, 20237, 20182, 20127, 20073, 20019, 19965, 19911, 19857, 19803, 19750, 19696, 19643, 19590, 19537,
    19484, 19431, 19379, 19326, 19274, 19222, 19170, 19118, 19066, 19015, 18963, 18912, 18861, 18810, 18759, 18708,
    18658, 18607, 18557, 18507, 18457, 18407, 18357, 18308, 18258, 18209, 18160, 18110, 18061, 18013, 17964, 17915,
    17867, 17819, 17770, 17722, 17674, 17627, 17579, 17531, 17484, 17437, 17390, 17343, 17296, 17249, 17202, 17156,
    17109, 17063, 17017, 16971, 16925, 16879, 16834, 16788, 16743, 16697, 16652, 16607, 16562, 16518, 16473, 16428,
    16384,
};

/* (2^16 * log2(e))^2: the exponent scale is sqrt of this over dim. */
static const uint64_t kLog2eQ16Squared = 8939411704ull;

typedef struct {
    int32_t expScale; /* Q16 log2(e) / sqrt(dim) */
    int32_t maxGap; /* larger score gaps give weight 0 */
    int weightShift; /* extra right shift of every weight for long rows */
} SoftmaxParams;

/* Without a 64-bit divide (a library call on the AIE scalar unit): the largest c with
 * c^2 * dim <= (2^16 log2 e)^2, found bit by bit, then rounded to nearest. */
int32_t attention_int8_exp_scale_q16(int dim)
{
    if (dim < 1 || dim > ATTENTION_INT8_MAX_DIM)
        return 0;
    const uint64_t n = (uint64_t)dim;
    uint64_t c = 0;
    for (uint64_t bit = 1ull << 17; bit != 0; bit >>= 1) {
        if ((c + bit) * (c + bit) * n <= kLog2eQ16Squared)
            c += bit;
    }
    if ((2 * c + 1) * (2 * c + 1) * n <= 4 * kLog2eQ16Squared)
        ++c;
    return (int32_t)c;
}

/* num / den by shift and subtract, so that the kernel needs no runtime library for division
 * (den < 2^31). */
static uint32_t udiv32(uint32_t num, uint32_t den)
{
    uint32_t quotient = 0;
    uint32_t rest = 0;
    for (int bit = 31; bit >= 0; --bit) {
        rest = (rest << 1) | ((num >> bit) & 1u);
        if (rest >= den) {
            rest -= den;
            quotient |= 1u << bit;
        }
    }
    return quotient;
}

static SoftmaxParams softmax_params(int seq, int dim)
{
    SoftmaxParams p;
    p.expScale = attention_int8_exp_scale_q16(dim);
    p.maxGap = (int32_t)udiv32(17u << 16, (uint32_t)p.expScale);
    p.weightShift = 0;
    while ((seq - 1) >> p.weightShift >= ATTENTION_INT8_CHUNK)
        ++p.weightShift;
    return p;
}

static int32_t dot_int8(const int8_t* a, const int8_t* b, int n)
{
    int32_t sum = 0;
    for (int i = 0; i < n; ++i)
        sum += (int32_t)a[i] * (int32_t)b[i];
    return sum;
}

/* 2^(-gap * log2(e) / sqrt(dim)) in Q15, shifted for long rows. */
static int32_t softmax_weight(int32_t gap, const SoftmaxParams* p)
{
    if (gap > p->maxGap)
        return 0;
    const int32_t t = gap * p->expScale;
    const int32_t whole = t >> 16;
    if (whole >= 16)
        return 0;
    const int32_t index = ((t & 0xFFFF) + 128) >> 8;
    int32_t w = (int32_t)kExp2NegQ15[index] >> whole;
    if (p->weightShift > 0)
        w = (w + (1 << (p->weightShift - 1))) >> p->weightShift;
    return w;
}

static int8_t divide_round_saturate(int32_t num, int32_t den)
{
    const uint32_t half = (uint32_t)den >> 1;
    int32_t q = num >= 0 ? (int32_t)udiv32((uint32_t)num + half, (uint32_t)den)
                         : -(int32_t)udiv32((uint32_t)-num + half, (uint32_t)den);
    if (q > 127)
        q = 127;
    if (q < -128)
        q = -128;
    return (int8_t)q;
}

static void attention_row(const int8_t* qRow, const int8_t* k, const int8_t* v, int8_t* outRow, int seq, int dim,
                          const SoftmaxParams* p)
{
    int32_t scores[ATTENTION_INT8_CHUNK];
    int32_t acc[ATTENTION_INT8_MAX_DIM];
    int32_t rowMax = INT32_MIN;
    for (int j = 0; j < seq; ++j) {
        const int32_t s = dot_int8(qRow, k + j * dim, dim);
        if (j < ATTENTION_INT8_CHUNK)
            scores[j] = s;
        if (s > rowMax)
            rowMax = s;
    }
    for (int d = 0; d < dim; ++d)
        acc[d] = 0;
    int32_t weightSum = 0;
    for (int j0 = 0; j0 < seq; j0 += ATTENTION_INT8_CHUNK) {
        const int n = seq - j0 < ATTENTION_INT8_CHUNK ? seq - j0 : ATTENTION_INT8_CHUNK;
        if (j0 > 0) {
            for (int jj = 0; jj < n; ++jj)
                scores[jj] = dot_int8(qRow, k + (j0 + jj) * dim, dim);
        }
        for (int jj = 0; jj < n; ++jj) {
            const int32_t w = softmax_weight(rowMax - scores[jj], p);
            if (w == 0)
                continue;
            weightSum += w;
            const int8_t* vRow = v + (j0 + jj) * dim;
            for (int d = 0; d < dim; ++d)
                acc[d] += w * (int32_t)vRow[d];
        }
    }
    for (int d = 0; d < dim; ++d)
        outRow[d] = divide_round_saturate(acc[d], weightSum);
}

int attention_int8(const int8_t* q, const int8_t* k, const int8_t* v, int8_t* out, int seq, int dim)
{
    if (seq < 1 || dim < 1 || dim > ATTENTION_INT8_MAX_DIM || seq > ATTENTION_INT8_MAX_SEQ)
        return -1;
    const SoftmaxParams p = softmax_params(seq, dim);
    for (int i = 0; i < seq; ++i)
        attention_row(q + i * dim, k, v, out + i * dim, seq, dim, &p);
    return 0;
}

void attention_int8_64x64(const int8_t* qkv, int8_t* out)
{
    attention_int8(qkv, qkv + 64 * 64, qkv + 2 * 64 * 64, out, 64, 64);
}

void attention_int8_32x32(const int8_t* qkv, int8_t* out)
{
    attention_int8(qkv, qkv + 32 * 32, qkv + 2 * 32 * 32, out, 32, 32);
}
