// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attention/testvectors.h"
#include "util/attentionmatrix.h"

namespace xi {

// The references a run is compared against, all on the CPU.
class AttentionReference {
public:
    // softmax(Q K^T * scale) V in float, with a stable (max-subtracted) softmax.
    static MatrixF attention(const MatrixF& q, const MatrixF& k, const MatrixF& v, float scale);
    // softmax(Q K^T * scale): the attention weights (rows sum to 1).
    static MatrixF weights(const MatrixF& q, const MatrixF& k, float scale);
    // The float reference of a run: softmax(Q K^T / sqrt(dim)) V.
    static MatrixF floatReference(const TestVectors& t);
    static MatrixF floatWeights(const TestVectors& t);
    // Our int8 kernel (kernels/attention, the source the NPU runs) built for the host.
    static MatrixI8 kernelModel(const TestVectors& t);
    // The seed guide's option 3 exactly as written: a 2x2 grid of tiles of Q, K and V;
    // output tile (i, j) = softmax(Q_ij K_ij^T) V_ij with no 1/sqrt(dim) scale. Not attention:
    // each output tile sees half the keys and half of every dot product.
    static MatrixF guideTiledWorkaround(const TestVectors& t);
    // Exact tiled attention: keys and values in blocks of `blockSize` rows with an online
    // softmax (running max and sum rescaled per block). Equals attention() to float rounding.
    static MatrixF tiledOnlineSoftmax(const MatrixF& q, const MatrixF& k, const MatrixF& v, float scale, int blockSize);
    static MatrixF tiledOnlineSoftmax(const TestVectors& t, int blockSize);

    static MatrixF toFloat(const MatrixI8& m) { return m.cast<float>(); }
    static float defaultScale(int dim);
};

} // namespace xi
