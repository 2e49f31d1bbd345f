// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionreference.h"

#include "attention.h"
#include "util/flushdenormals.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace xi {

namespace {

void softmaxRowsInPlace(MatrixF& s)
{
    const Eigen::VectorXf rowMax = s.rowwise().maxCoeff();
    s.colwise() -= rowMax;
    s = s.array().exp();
    const Eigen::VectorXf rowSum = s.rowwise().sum();
    s.array().colwise() /= rowSum.array();
}

} // namespace

float AttentionReference::defaultScale(int dim)
{
    return 1.0f / std::sqrt(float(dim));
}

MatrixF AttentionReference::weights(const MatrixF& q, const MatrixF& k, float scale)
{
    const FlushDenormals flush;
    MatrixF s = (q * k.transpose()) * scale;
    softmaxRowsInPlace(s);
    return s;
}

MatrixF AttentionReference::attention(const MatrixF& q, const MatrixF& k, const MatrixF& v, float scale)
{
    const FlushDenormals flush; // the weights' underflowed tail would slow the product with V tenfold
    return weights(q, k, scale) * v;
}

MatrixF AttentionReference::floatReference(const TestVectors& t)
{
    return attention(toFloat(t.q), toFloat(t.k), toFloat(t.v), defaultScale(t.dim()));
}

MatrixF AttentionReference::floatWeights(const TestVectors& t)
{
    return weights(toFloat(t.q), toFloat(t.k), defaultScale(t.dim()));
}

MatrixI8 AttentionReference::kernelModel(const TestVectors& t)
{
    MatrixI8 out = MatrixI8::Zero(t.seq(), t.dim());
    attention_int8(t.q.data(), t.k.data(), t.v.data(), out.data(), t.seq(), t.dim());
    return out;
}

MatrixF AttentionReference::guideTiledWorkaround(const TestVectors& t)
{
    const MatrixF q = toFloat(t.q);
    const MatrixF k = toFloat(t.k);
    const MatrixF v = toFloat(t.v);
    const int rows = t.seq() / 2;
    const int cols = t.dim() / 2;
    MatrixF out = MatrixF::Zero(t.seq(), t.dim());
    for (int i = 0; i < 2; ++i) {
        for (int j = 0; j < 2; ++j) {
            const MatrixF qTile = q.block(i * rows, j * cols, rows, cols);
            const MatrixF kTile = k.block(i * rows, j * cols, rows, cols);
            const MatrixF vTile = v.block(i * rows, j * cols, rows, cols);
            out.block(i * rows, j * cols, rows, cols) = weights(qTile, kTile, 1.0f) * vTile;
        }
    }
    return out;
}

MatrixF AttentionReference::tiledOnlineSoftmax(const MatrixF& q, const MatrixF& k, const MatrixF& v, float scale,
                                               int blockSize)
{
    const FlushDenormals flush;
    const Eigen::Index n = q.rows();
    const Eigen::Index keys = k.rows();
    blockSize = std::max(1, blockSize);
    Eigen::VectorXf runningMax = Eigen::VectorXf::Constant(n, -std::numeric_limits<float>::infinity());
    Eigen::VectorXf runningSum = Eigen::VectorXf::Zero(n);
    MatrixF acc = MatrixF::Zero(n, v.cols());
    for (Eigen::Index j0 = 0; j0 < keys; j0 += blockSize) {
        const Eigen::Index b = std::min<Eigen::Index>(blockSize, keys - j0);
        MatrixF s = (q * k.middleRows(j0, b).transpose()) * scale;
        const Eigen::VectorXf newMax = runningMax.cwiseMax(s.rowwise().maxCoeff());
        const Eigen::VectorXf correction = (runningMax - newMax).array().exp();
        s.colwise() -= newMax;
        s = s.array().exp();
        runningSum = runningSum.cwiseProduct(correction) + s.rowwise().sum();
        acc = correction.asDiagonal() * acc + s * v.middleRows(j0, b);
        runningMax = newMax;
    }
    return runningSum.cwiseInverse().asDiagonal() * acc;
}

MatrixF AttentionReference::tiledOnlineSoftmax(const TestVectors& t, int blockSize)
{
    return tiledOnlineSoftmax(toFloat(t.q), toFloat(t.k), toFloat(t.v), defaultScale(t.dim()), blockSize);
}

} // namespace xi
