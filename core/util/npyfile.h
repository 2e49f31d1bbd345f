// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/attentionmatrix.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <stdexcept>

namespace xi {

// A numpy array as stored in a .npy file: little-endian, C order.
struct NpyArray {
    enum class DType { Int8, Int32, Float32 };

    DType dtype = DType::Int8;
    QList<qint64> shape;
    QByteArray data; // elementCount() * elementSize(dtype) bytes

    qint64 elementCount() const; // -1 when the product overflows
    QString shapeText() const; // as numpy prints it: "(64, 64)", "(5,)"
    static int elementSize(DType dtype);
    static QString descr(DType dtype); // "|i1", "<i4", "<f4"
    static QString dtypeName(DType dtype); // "int8", "int32", "float32"

    static NpyArray fromMatrix(const MatrixI8& m);
    static NpyArray fromMatrix(const MatrixI32& m);
    static NpyArray fromMatrix(const MatrixF& m);
    // 2-D view (a 1-D array becomes one row); nullopt for other ranks or another dtype.
    std::optional<MatrixI8> toMatrixI8() const;
    std::optional<MatrixI32> toMatrixI32() const;
    std::optional<MatrixF> toMatrixF() const;
    // Any dtype as float (2-D as above); nullopt for other ranks.
    std::optional<MatrixF> toFloat() const;
};

class NpyException : public std::runtime_error {
public:
    explicit NpyException(const QString& message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }
    QString message() const { return m_message; }

private:
    QString m_message;
};

// .npy format 1.0 writer (header padded to a multiple of 64 bytes) and 1.0/2.0/3.0 reader.
class NpyFile {
public:
    // Bounds on what is read: 2^28 elements is 1 GiB of float32, far beyond any attention matrix.
    static constexpr qint64 MaxElements = qint64(1) << 28;
    static constexpr int MaxRank = 32; // numpy's own limit
    static constexpr qint64 MaxHeaderBytes = qint64(1) << 20;

    static QByteArray encode(const NpyArray& array);
    // `name` is used in error messages (a file name). Throws NpyException naming the offset.
    static NpyArray decode(const QByteArray& bytes, const QString& name);
    static NpyArray read(const QString& path); // throws NpyException
    static std::optional<NpyArray> load(const QString& path, QString* error = nullptr) noexcept;
    // Keeps an existing file as <path>.bak (SafeFileWriter).
    static bool write(const QString& path, const NpyArray& array, QString* error = nullptr);
};

} // namespace xi
