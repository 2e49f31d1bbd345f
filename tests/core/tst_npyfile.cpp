// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/testvectors.h"
#include "testsupport.h"
#include "util/npyfile.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace xi;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

// Runs /usr/bin/python3 -c SCRIPT ARGS...; returns stdout, fails the test on an error.
QByteArray python(const QString& script, const QStringList& args)
{
    QProcess p;
    p.start(kPython, QStringList { QStringLiteral("-c"), script } + args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("python failed: %s", p.readAllStandardError().constData());
        return QByteArray("PYTHON FAILED");
    }
    return p.readAllStandardOutput();
}

// A version 1.0 file with the given header dict and data bytes, as a hostile or odd writer makes it.
QByteArray npyWithHeader(const QByteArray& dict, const QByteArray& data = {})
{
    QByteArray header = dict;
    while ((10 + header.size() + 1) % 64 != 0)
        header.append(' ');
    header.append('\n');
    QByteArray out("\x93NUMPY\x01\x00", 8);
    out.append(char(header.size() & 0xff));
    out.append(char(header.size() >> 8));
    return out + header + data;
}

QByteArray int8Header(const char* shape)
{
    return QByteArray("{'descr': '|i1', 'fortran_order': False, 'shape': (") + shape + "), }";
}

} // namespace

class TestNpyFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void headerIsVersion1PaddedTo64();
    void roundTripAllTypes();
    void numpyLoadsOurFiles();
    void weLoadNumpysFiles();
    void errorsNameFileAndOffset_data();
    void errorsNameFileAndOffset();
    void zeroDimensionIsEmpty();
    void existingFileIsBackedUp();

private:
    QTemporaryDir m_dir;
    bool m_numpy = false;
};

void TestNpyFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Debian's python3-numpy serves /usr/bin/python3 (a dependency the build scripts install).
    QVERIFY2(QFile::exists(kPython), "/usr/bin/python3 is missing: install python3-numpy");
    QCOMPARE(python(QStringLiteral("import numpy; print('ok')"), {}).trimmed(), QByteArray("ok"));
}

void TestNpyFile::headerIsVersion1PaddedTo64()
{
    const QByteArray bytes = NpyFile::encode(NpyArray::fromMatrix(MatrixI8(MatrixI8::Zero(3, 5))));
    QVERIFY(bytes.startsWith("\x93NUMPY\x01\x00"));
    const int headerLen = quint8(bytes[8]) | (quint8(bytes[9]) << 8);
    QCOMPARE((10 + headerLen) % 64, 0);
    QCOMPARE(bytes[10 + headerLen - 1], '\n');
    QVERIFY(bytes.contains("'descr': '|i1', 'fortran_order': False, 'shape': (3, 5), }"));
    QCOMPARE(bytes.size(), 10 + headerLen + 15);
}

void TestNpyFile::roundTripAllTypes()
{
    const TestVectors t = TestVectors::random(7, 9, 3);
    const QString p8 = m_dir.filePath(QStringLiteral("a.npy"));
    QVERIFY(NpyFile::write(p8, NpyArray::fromMatrix(t.q)));
    QCOMPARE(*NpyFile::read(p8).toMatrixI8(), t.q);

    MatrixI32 i32 = t.k.cast<int32_t>() * 100000;
    const QString p32 = m_dir.filePath(QStringLiteral("b.npy"));
    QVERIFY(NpyFile::write(p32, NpyArray::fromMatrix(i32)));
    QCOMPARE(*NpyFile::read(p32).toMatrixI32(), i32);

    MatrixF f = t.v.cast<float>() / 3.0f;
    const QString pf = m_dir.filePath(QStringLiteral("c.npy"));
    QVERIFY(NpyFile::write(pf, NpyArray::fromMatrix(f)));
    const NpyArray back = NpyFile::read(pf);
    QCOMPARE(back.dtype, NpyArray::DType::Float32);
    QCOMPARE(back.shape, (QList<qint64> { 7, 9 }));
    QCOMPARE(*back.toMatrixF(), f);
    QVERIFY(!back.toMatrixI8()); // wrong dtype is refused, not reinterpreted
}

void TestNpyFile::numpyLoadsOurFiles()
{
    const TestVectors t = TestVectors::random(64, 64, 1);
    const QString p8 = m_dir.filePath(QStringLiteral("q.npy"));
    const QString pf = m_dir.filePath(QStringLiteral("f.npy"));
    QVERIFY(NpyFile::write(p8, NpyArray::fromMatrix(t.q)));
    MatrixF f = t.q.cast<float>() * 0.25f;
    QVERIFY(NpyFile::write(pf, NpyArray::fromMatrix(f)));
    const QByteArray out = python(QStringLiteral("import numpy as np, sys\n"
                                                 "a = np.load(sys.argv[1]); b = np.load(sys.argv[2])\n"
                                                 "print(a.dtype, a.shape, int(a.astype(np.int64).sum()), a[3, 7])\n"
                                                 "print(b.dtype, b.shape, bool((b == a * np.float32(0.25)).all()))"),
                                  { p8, pf });
    const QByteArray expected = QByteArrayLiteral("int8 (64, 64) ") + QByteArray::number(t.q.cast<qint64>().sum()) + ' '
        + QByteArray::number(t.q(3, 7)) + "\nfloat32 (64, 64) True\n";
    QCOMPARE(out, expected);
}

void TestNpyFile::weLoadNumpysFiles()
{
    const QString dir = m_dir.path();
    python(QStringLiteral("import numpy as np, sys\n"
                          "d = sys.argv[1]\n"
                          "np.save(d + '/np8.npy', np.arange(-60, 60, dtype=np.int8).reshape(10, 12))\n"
                          "np.save(d + '/np32.npy', (np.arange(6, dtype=np.int32) * -70000).reshape(2, 3))\n"
                          "np.save(d + '/npf.npy', np.linspace(0, 1, 5, dtype=np.float32))\n"
                          "np.save(d + '/npf64.npy', np.zeros(3))\n"),
           { dir });
    const MatrixI8 a = *NpyFile::read(dir + QStringLiteral("/np8.npy")).toMatrixI8();
    QCOMPARE(a.rows(), 10);
    QCOMPARE(a(0, 0), int8_t(-60));
    QCOMPARE(a(9, 11), int8_t(59));
    const MatrixI32 b = *NpyFile::read(dir + QStringLiteral("/np32.npy")).toMatrixI32();
    QCOMPARE(b(1, 2), -350000);
    const NpyArray f = NpyFile::read(dir + QStringLiteral("/npf.npy"));
    QCOMPARE(f.shape, QList<qint64> { 5 });
    QCOMPARE((*f.toMatrixF())(0, 4), 1.0f);
    QString error;
    QVERIFY(!NpyFile::load(dir + QStringLiteral("/npf64.npy"), &error));
    QVERIFY2(error.contains(QLatin1String("npf64.npy")) && error.contains(QLatin1String("'<f8'")), qPrintable(error));
}

void TestNpyFile::errorsNameFileAndOffset_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const QByteArray good = NpyFile::encode(NpyArray::fromMatrix(MatrixI8(MatrixI8::Zero(2, 2))));
    QTest::newRow("not npy") << QByteArray("PK\x03\x04 zip") << QStringLiteral("at offset 0: expected the .npy magic");
    QByteArray version = good;
    version[6] = 9;
    QTest::newRow("version") << version << QStringLiteral("at offset 6: expected format version 1, 2 or 3, found 9");
    QTest::newRow("truncated header") << good.left(40) << QStringLiteral("at offset 10: expected a 118-byte header");
    QTest::newRow("truncated data") << good.left(
        good.size() - 1) << QStringLiteral("at offset 128: expected 4 bytes of data for shape (2, 2), found 3");
    QByteArray fortran = good;
    fortran.replace("False", "True ");
    QTest::newRow("fortran") << fortran << QStringLiteral("expected C order");
    // Shapes whose element count wraps or does not fit memory are refused from the header, before any allocation.
    QTest::newRow("product wraps to 0") << npyWithHeader(int8Header("4294967296, 4294967296"))
                                        << QStringLiteral("at offset 10: expected at most 268435456 elements, found "
                                                          "shape (4294967296, 4294967296)");
    QTest::newRow("2^40 elements") << npyWithHeader(int8Header(
        "1099511627776,")) << QStringLiteral("expected at most 268435456 elements, found shape (1099511627776,)");
    QTest::newRow("zero times huge") << npyWithHeader(int8Header("0, 9223372036854775807"))
                                     << QStringLiteral("expected dimensions of at most 268435456, found "
                                                       "9223372036854775807 in shape (0, 9223372036854775807)");
    QTest::newRow("product overflows int64") << npyWithHeader(int8Header("65536, 65536, 65536, 65536, 2"))
                                             << QStringLiteral("expected at most 268435456 elements");
    QTest::newRow("negative") << npyWithHeader(int8Header("-1, 4"))
                              << QStringLiteral("expected non-negative integer dimensions, found (-1, 4)");
}

void TestNpyFile::errorsNameFileAndOffset()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(QStringLiteral("bad.npy"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
    f.close();
    QString error;
    QVERIFY(!NpyFile::load(path, &error));
    QVERIFY2(error.startsWith(path + QLatin1Char(':')), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(!NpyFile::load(m_dir.filePath(QStringLiteral("missing.npy")), &error));
    QVERIFY(error.contains(QLatin1String("missing.npy: cannot open")));
}

// A zero dimension is a valid, empty array: read without copying into a null buffer, and refused as a matrix
// only where one is needed.
void TestNpyFile::zeroDimensionIsEmpty()
{
    const QString path = m_dir.filePath(QStringLiteral("empty.npy"));
    QVERIFY(test::writeFile(path, npyWithHeader(int8Header("0, 64"))));
    const NpyArray a = NpyFile::read(path);
    QCOMPARE(a.shape, (QList<qint64> { 0, 64 }));
    QCOMPARE(a.elementCount(), qint64(0));
    const std::optional<MatrixI8> m = a.toMatrixI8();
    QVERIFY(m);
    QCOMPARE(m->rows(), Eigen::Index(0));
    QCOMPARE(m->cols(), Eigen::Index(64));
}

void TestNpyFile::existingFileIsBackedUp()
{
    const QString path = m_dir.filePath(QStringLiteral("keep.npy"));
    QVERIFY(NpyFile::write(path, NpyArray::fromMatrix(MatrixI8(MatrixI8::Constant(1, 1, 5)))));
    QVERIFY(NpyFile::write(path, NpyArray::fromMatrix(MatrixI8(MatrixI8::Constant(1, 1, 6)))));
    QCOMPARE((*NpyFile::read(path).toMatrixI8())(0, 0), int8_t(6));
    QCOMPARE((*NpyFile::read(path + QStringLiteral(".bak")).toMatrixI8())(0, 0), int8_t(5));
}

QTEST_GUILESS_MAIN(TestNpyFile)
#include "tst_npyfile.moc"
