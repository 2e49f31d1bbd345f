// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/npyfile.h"

#include "util/safefilewriter.h"

#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QtEndian>

#include <cstring>
#include <limits>

namespace xi {

namespace {

const char kMagic[] = "\x93NUMPY";
constexpr int kMagicSize = 6;

template<typename Matrix>
NpyArray arrayFrom(const Matrix& m, NpyArray::DType dtype)
{
    NpyArray a;
    a.dtype = dtype;
    a.shape = { qint64(m.rows()), qint64(m.cols()) };
    a.data = QByteArray(reinterpret_cast<const char*>(m.data()), qsizetype(m.size() * sizeof(typename Matrix::Scalar)));
    return a;
}

template<typename Matrix>
std::optional<Matrix> matrixFrom(const NpyArray& a, NpyArray::DType dtype)
{
    if (a.dtype != dtype || a.shape.size() > 2 || a.shape.isEmpty())
        return std::nullopt;
    const qint64 rows = a.shape.size() == 2 ? a.shape[0] : 1;
    const qint64 cols = a.shape.back();
    if (rows * cols * qint64(sizeof(typename Matrix::Scalar)) != a.data.size())
        return std::nullopt; // an array not made by decode() whose data does not fit its shape
    Matrix m(rows, cols);
    if (m.size() > 0) // an empty matrix has no buffer to copy into
        std::memcpy(m.data(), a.data.constData(), size_t(a.data.size()));
    return m;
}

std::optional<NpyArray::DType> parseDescr(const QString& descr)
{
    if (descr == QLatin1String("|i1") || descr == QLatin1String("<i1") || descr == QLatin1String("i1"))
        return NpyArray::DType::Int8;
    if (descr == QLatin1String("<i4"))
        return NpyArray::DType::Int32;
    if (descr == QLatin1String("<f4"))
        return NpyArray::DType::Float32;
    return std::nullopt;
}

QString headerText(const NpyArray& a)
{
    return QStringLiteral("{'descr': '%1', 'fortran_order': False, 'shape': %2, }")
        .arg(NpyArray::descr(a.dtype), a.shapeText());
}

} // namespace

qint64 NpyArray::elementCount() const
{
    qint64 n = 1;
    for (qint64 d : shape) {
        if (d < 0 || (d > 0 && n > std::numeric_limits<qint64>::max() / d))
            return -1;
        n *= d;
    }
    return n;
}

QString NpyArray::shapeText() const
{
    QStringList dims;
    for (qint64 d : shape)
        dims << QString::number(d);
    return QLatin1Char('(') + (dims.size() == 1 ? dims.first() + QLatin1Char(',') : dims.join(QStringLiteral(", ")))
        + QLatin1Char(')');
}

int NpyArray::elementSize(DType dtype)
{
    return dtype == DType::Int8 ? 1 : 4;
}

QString NpyArray::descr(DType dtype)
{
    switch (dtype) {
    case DType::Int32: return QStringLiteral("<i4");
    case DType::Float32: return QStringLiteral("<f4");
    case DType::Int8: break;
    }
    return QStringLiteral("|i1");
}

QString NpyArray::dtypeName(DType dtype)
{
    switch (dtype) {
    case DType::Int32: return QStringLiteral("int32");
    case DType::Float32: return QStringLiteral("float32");
    case DType::Int8: break;
    }
    return QStringLiteral("int8");
}

NpyArray NpyArray::fromMatrix(const MatrixI8& m)
{
    return arrayFrom(m, DType::Int8);
}

NpyArray NpyArray::fromMatrix(const MatrixI32& m)
{
    return arrayFrom(m, DType::Int32);
}

NpyArray NpyArray::fromMatrix(const MatrixF& m)
{
    return arrayFrom(m, DType::Float32);
}

std::optional<MatrixI8> NpyArray::toMatrixI8() const
{
    return matrixFrom<MatrixI8>(*this, DType::Int8);
}

std::optional<MatrixI32> NpyArray::toMatrixI32() const
{
    return matrixFrom<MatrixI32>(*this, DType::Int32);
}

std::optional<MatrixF> NpyArray::toMatrixF() const
{
    return matrixFrom<MatrixF>(*this, DType::Float32);
}

std::optional<MatrixF> NpyArray::toFloat() const
{
    switch (dtype) {
    case DType::Int8:
        if (auto m = toMatrixI8())
            return MatrixF(m->cast<float>());
        break;
    case DType::Int32:
        if (auto m = toMatrixI32())
            return MatrixF(m->cast<float>());
        break;
    case DType::Float32: return toMatrixF();
    }
    return std::nullopt;
}

QByteArray NpyFile::encode(const NpyArray& array)
{
    QByteArray header = headerText(array).toLatin1();
    const int prefix = kMagicSize + 2 + 2;
    const qsizetype total = (prefix + header.size() + 1 + 63) / 64 * 64;
    header.append(QByteArray(total - prefix - header.size() - 1, ' '));
    header.append('\n');
    QByteArray out(kMagic, kMagicSize);
    out.append(char(1));
    out.append(char(0));
    const quint16 len = qToLittleEndian(quint16(header.size()));
    out.append(reinterpret_cast<const char*>(&len), 2);
    out.append(header);
    out.append(array.data);
    return out;
}

NpyArray NpyFile::decode(const QByteArray& bytes, const QString& name)
{
    auto fail = [&](qint64 offset, const QString& what) {
        throw NpyException(QStringLiteral("%1: at offset %2: %3").arg(name).arg(offset).arg(what));
    };
    if (bytes.size() < kMagicSize + 4 || !bytes.startsWith(QByteArray(kMagic, kMagicSize)))
        fail(0, QStringLiteral("expected the .npy magic \\x93NUMPY"));
    const int major = quint8(bytes[kMagicSize]);
    if (major < 1 || major > 3)
        fail(kMagicSize, QStringLiteral("expected format version 1, 2 or 3, found %1").arg(major));
    const int lenSize = major == 1 ? 2 : 4;
    const int headerStart = kMagicSize + 2 + lenSize;
    if (bytes.size() < headerStart)
        fail(kMagicSize + 2, QStringLiteral("expected a %1-byte header length, the file ends").arg(lenSize));
    const auto* lenPtr = reinterpret_cast<const uchar*>(bytes.constData() + kMagicSize + 2);
    const qint64 headerLen = lenSize == 2 ? qFromLittleEndian<quint16>(lenPtr) : qFromLittleEndian<quint32>(lenPtr);
    if (headerLen > MaxHeaderBytes) {
        fail(kMagicSize + 2,
             QStringLiteral("expected a header of at most %1 bytes, found %2").arg(MaxHeaderBytes).arg(headerLen));
    }
    if (headerStart + headerLen > bytes.size()) {
        fail(headerStart,
             QStringLiteral("expected a %1-byte header, the file has %2 bytes left")
                 .arg(headerLen)
                 .arg(bytes.size() - headerStart));
    }
    const QString header = QString::fromLatin1(bytes.mid(headerStart, headerLen));
    static const QRegularExpression descrRe(QStringLiteral(R"('descr'\s*:\s*'([^']*)')"));
    static const QRegularExpression fortranRe(QStringLiteral(R"('fortran_order'\s*:\s*(True|False))"));
    static const QRegularExpression shapeRe(QStringLiteral(R"('shape'\s*:\s*\(([^)]*)\))"));
    const auto descr = descrRe.match(header);
    const auto fortran = fortranRe.match(header);
    const auto shape = shapeRe.match(header);
    if (!descr.hasMatch() || !fortran.hasMatch() || !shape.hasMatch()) {
        fail(headerStart,
             QStringLiteral("expected a header dict with 'descr', 'fortran_order' and 'shape', found %1")
                 .arg(header.trimmed()));
    }
    NpyArray a;
    const auto dtype = parseDescr(descr.captured(1));
    if (!dtype) {
        fail(headerStart,
             QStringLiteral("expected dtype int8 (|i1), int32 (<i4) or float32 (<f4), found '%1'")
                 .arg(descr.captured(1)));
    }
    a.dtype = *dtype;
    if (fortran.captured(1) == QLatin1String("True"))
        fail(headerStart, QStringLiteral("expected C order, found fortran_order True"));
    const QStringList dims = shape.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (dims.size() > MaxRank)
        fail(headerStart, QStringLiteral("expected at most %1 dimensions, found %2").arg(MaxRank).arg(dims.size()));
    // Each dimension and the running product are bounded, so nothing wraps (a wrapped product once passed as 0
    // elements) and nothing is allocated for a shape the file cannot hold.
    qint64 count = 1;
    for (const QString& d : dims) {
        bool ok = false;
        const qint64 v = d.trimmed().toLongLong(&ok);
        if (!ok || v < 0)
            fail(headerStart,
                 QStringLiteral("expected non-negative integer dimensions, found (%1)").arg(shape.captured(1)));
        if (v > 0 && count > MaxElements / v) {
            fail(headerStart,
                 QStringLiteral("expected at most %1 elements, found shape (%2)")
                     .arg(MaxElements)
                     .arg(shape.captured(1).trimmed()));
        }
        if (v > MaxElements) { // beside a zero dimension: an empty array, but no loop may run to such a bound
            fail(headerStart,
                 QStringLiteral("expected dimensions of at most %1, found %2 in shape (%3)")
                     .arg(MaxElements)
                     .arg(v)
                     .arg(shape.captured(1).trimmed()));
        }
        count *= v;
        a.shape << v;
    }
    const qint64 dataStart = headerStart + headerLen;
    const qint64 need = count * NpyArray::elementSize(a.dtype);
    if (bytes.size() - dataStart != need) {
        fail(dataStart,
             QStringLiteral("expected %1 bytes of data for shape (%2), found %3")
                 .arg(need)
                 .arg(shape.captured(1).trimmed())
                 .arg(bytes.size() - dataStart));
    }
    a.data = bytes.mid(dataStart);
    return a;
}

NpyArray NpyFile::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw NpyException(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    // Refused before it is read into memory: no accepted shape needs more.
    const qint64 maxBytes = MaxElements * 4 + MaxHeaderBytes;
    if (file.size() > maxBytes) {
        throw NpyException(
            QStringLiteral("%1: the file is %2 bytes, expected at most %3 (%4 elements of 4 bytes and "
                           "a header)")
                .arg(path, QString::number(file.size()), QString::number(maxBytes), QString::number(MaxElements)));
    }
    return decode(file.readAll(), path);
}

std::optional<NpyArray> NpyFile::load(const QString& path, QString* error) noexcept
{
    try {
        return read(path);
    } catch (const NpyException& e) {
        if (error)
            *error = e.message();
    } catch (const std::exception& e) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(e.what()));
    }
    return std::nullopt;
}

bool NpyFile::write(const QString& path, const NpyArray& array, QString* error)
{
    return SafeFileWriter::write(path, encode(array), error);
}

} // namespace xi
