// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/*
 * int8 scaled dot-product attention for one AIE compute tile, also compiled for the host.
 *
 *   out = softmax(Q K^T / sqrt(dim)) V
 *
 * Plain C11 with <stdint.h> only: no floats, no libc calls, no malloc, so Peano (the AIE LLVM
 * compiler) and a host compiler build the very same source.
 *
 * Layout: Q, K, V and out are row-major int8 matrices of seq rows x dim columns. The 64x64 and
 * 32x32 entry points take Q, K and V packed one after the other in a single buffer (the design's
 * input object FIFO: 3 * 4096 = 12288 bytes for 64x64).
 *
 * Quantization (all integer):
 *  - Scores: s_ij = sum_d Q_id * K_jd, exact in int32 (|s| <= dim * 2^14).
 *  - Softmax: per query row, m = max_j s_ij and z_j = m - s_ij >= 0. The exponent
 *    t_j = z_j * log2(e) / sqrt(dim) is formed in Q16 fixed point with the constant
 *    c = round(2^16 * log2(e) / sqrt(dim)) (11819 for dim 64, a relative error below 5e-5);
 *    z_j is clamped first so that t_j stays below 17 (such weights are 0 anyway), which keeps
 *    the product inside int32.
 *  - Weights: w_j = 2^-t_j in Q15 (1.0 = 32768): a 257-entry table of round(2^15 * 2^(-f/256))
 *    indexed by the rounded 8-bit fraction of t_j, shifted right by the integer part (at most
 *    0.14 % relative error per weight before the shift, truncation by the shift). Rows longer
 *    than 64 keys drop ceil(log2(seq / 64)) further low bits of each weight so that the int32
 *    sums below cannot overflow.
 *  - Output: acc_d = sum_j w_j * V_jd and W = sum_j w_j in int32; out_d = acc_d / W rounded to
 *    nearest (halves away from zero, by shift-and-subtract division: no runtime library call)
 *    and saturated to [-128, 127]. The output uses the same
 *    scale as V (1:1): with the usual inputs in [-64, 64) the float result lies in [-64, 64)
 *    and out is round(float result). A convex combination of int8 values never leaves the int8
 *    range, so saturation is only a guard.
 *  - Stack: 64 int32 scores and 128 int32 accumulators (768 bytes) plus a few words: the design
 *    gives the core a 2 KiB stack. Rows longer than 64 keys are processed in chunks of 64 keys
 *    (their scores computed twice: once for the row maximum, once for the weights).
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    ATTENTION_INT8_CHUNK = 64, /* keys whose scores are held at once */
    ATTENTION_INT8_MAX_DIM = 128, /* largest head dimension the accumulators hold */
    ATTENTION_INT8_MAX_SEQ = 64 << 15, /* longest row whose shifted weights stay non-zero */
};

/* Q16 fixed-point log2(e) / sqrt(dim) the softmax uses; 0 if dim is out of range. */
int32_t attention_int8_exp_scale_q16(int dim);

/* The size-generic kernel. 1 <= seq <= ATTENTION_INT8_MAX_SEQ, 1 <= dim <= ATTENTION_INT8_MAX_DIM;
 * returns 0 on success, -1 (and writes nothing) when a size is out of range. */
int attention_int8(const int8_t* q, const int8_t* k, const int8_t* v, int8_t* out, int seq, int dim);

/* The tile entry points: qkv = Q, K, V packed (3 * n * n bytes), out = n * n bytes. */
void attention_int8_64x64(const int8_t* qkv, int8_t* out);
void attention_int8_32x32(const int8_t* qkv, int8_t* out);

#ifdef __cplusplus
}
#endif
