// SPDX-License-Identifier: GPL-3.0-or-later
// Every fixture truncated and corrupted at many offsets, and hand-made malformed files: the reader never
// crashes, never hangs, never sizes an allocation by an unchecked count, and every failure is a typed
// XclbinError that names the file and an offset inside it.
#include "groups/argumentgroups.h"
#include "testsupport.h"
#include "xclbin/sectionjson.h"
#include "xclbin/sectionkind.h"
#include "xclbin/xclbinreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

using namespace xi;

// ---- the largest single allocation made while a load runs (glibc; not under ASan, which owns malloc) -------------

#if !XI_TEST_ASAN
#define XI_TRACK_ALLOCATIONS 1
extern "C" {
void* __libc_malloc(size_t);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void __libc_free(void*);
}

namespace {
std::atomic<bool> g_tracking { false };
std::atomic<size_t> g_largestAllocation { 0 };

void noteAllocation(size_t n)
{
    if (!g_tracking.load(std::memory_order_relaxed))
        return;
    size_t seen = g_largestAllocation.load(std::memory_order_relaxed);
    while (n > seen && !g_largestAllocation.compare_exchange_weak(seen, n, std::memory_order_relaxed)) { }
}
} // namespace

extern "C" {
void* malloc(size_t n)
{
    noteAllocation(n);
    return __libc_malloc(n);
}
void* calloc(size_t count, size_t n)
{
    noteAllocation(count * n);
    return __libc_calloc(count, n);
}
void* realloc(void* p, size_t n)
{
    noteAllocation(n);
    return __libc_realloc(p, n);
}
void free(void* p)
{
    __libc_free(p);
}
}
#endif

namespace {

// A hang detector, not a timer: aborts with the case's name when one load runs for minutes.
class Watchdog {
public:
    explicit Watchdog(std::chrono::seconds limit)
        : m_limit(limit)
        , m_thread([this] { watch(); })
    {
    }
    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    void arm(const QString& what)
    {
        std::lock_guard lock(m_mutex);
        m_case = what.toUtf8();
        m_since = std::chrono::steady_clock::now();
    }

private:
    void watch()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            m_wake.wait_for(lock, std::chrono::seconds(1));
            if (!m_case.isEmpty() && std::chrono::steady_clock::now() - m_since > m_limit) {
                std::fprintf(stderr, "HANG: one load ran for more than %lld s: %s\n", qlonglong(m_limit.count()),
                             m_case.constData());
                std::abort();
            }
        }
    }

    std::chrono::seconds m_limit;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    QByteArray m_case;
    std::chrono::steady_clock::time_point m_since;
    std::thread m_thread;
};

bool offsetMayBeMissing(XclbinError::Kind kind)
{
    return kind == XclbinError::Kind::CannotOpen;
}

template<typename T>
void put(QByteArray* bytes, quint64 at, T value)
{
    if (at + sizeof(T) <= quint64(bytes->size()))
        qToLittleEndian(value, bytes->data() + at);
}

template<typename T>
T get(const QByteArray& bytes, quint64 at)
{
    return at + sizeof(T) <= quint64(bytes.size()) ? qFromLittleEndian<T>(bytes.constData() + at) : T(0);
}

struct SectionRef {
    quint32 kind;
    quint64 offset;
    quint64 size;
};

// The section table read straight from the bytes, to aim corruptions (independent of the reader).
QList<SectionRef> sectionTable(const QByteArray& bytes)
{
    QList<SectionRef> refs;
    const quint32 count = get<quint32>(bytes, 304 + 144);
    for (quint32 i = 0; i < count && 456 + quint64(i + 1) * 40 <= quint64(bytes.size()); ++i) {
        const quint64 at = 456 + quint64(i) * 40;
        refs.append({ get<quint32>(bytes, at), get<quint64>(bytes, at + 24), get<quint64>(bytes, at + 32) });
    }
    return refs;
}

// One temporary copy of a fixture, changed in place and restored, so a sweep writes bytes, not files.
class PatchedCopy {
public:
    PatchedCopy(const QString& path, const QByteArray& original)
        : m_file(path)
        , m_original(original)
    {
        if (!m_file.open(QIODevice::ReadWrite | QIODevice::Truncate) || m_file.write(original) != original.size()
            || !m_file.flush())
            qFatal("cannot write %s", qPrintable(path));
    }
    QString path() const { return m_file.fileName(); }
    quint64 size() const { return quint64(m_file.size()); }
    QByteArray original(quint64 at, qsizetype n) const { return m_original.mid(qsizetype(at), n); }
    void write(quint64 at, const QByteArray& bytes)
    {
        if (!m_file.seek(qint64(at)) || m_file.write(bytes) != bytes.size() || !m_file.flush())
            qFatal("cannot patch %s", qPrintable(m_file.fileName()));
    }
    void restore(quint64 at, qsizetype n) { write(at, original(at, n)); }
    void resize(qint64 n)
    {
        if (!m_file.resize(n))
            qFatal("cannot resize %s", qPrintable(m_file.fileName()));
    }

private:
    QFile m_file;
    QByteArray m_original;
};

const SectionRef* findSection(const QList<SectionRef>& refs, quint32 kind)
{
    for (const SectionRef& r : refs) {
        if (r.kind == kind)
            return &r;
    }
    return nullptr;
}

// Absolute offsets of every count / offset field of AIE_PARTITION's arrays, walked from the original bytes.
QList<quint64> aieArrayFields(const QByteArray& bytes, const SectionRef& s)
{
    QList<quint64> fields
        = { s.offset + 4, s.offset + 40, s.offset + 44, s.offset + 120, s.offset + 124, s.offset + 128 };
    const quint32 pdis = get<quint32>(bytes, s.offset + 120);
    const quint32 pdisAt = get<quint32>(bytes, s.offset + 124);
    for (quint32 p = 0; p < pdis && p < 64; ++p) {
        const quint64 pdi = s.offset + pdisAt + quint64(p) * 96;
        fields << pdi + 16 << pdi + 20 << pdi + 24 << pdi + 28;
        const quint32 groups = get<quint32>(bytes, pdi + 24);
        const quint32 groupsAt = get<quint32>(bytes, pdi + 28);
        for (quint32 g = 0; g < groups && g < 64; ++g) {
            const quint64 group = s.offset + groupsAt + quint64(g) * 96;
            fields << group << group + 16 << group + 20 << group + 24 << group + 28;
        }
    }
    return fields;
}

} // namespace

class TestXclbinRobustness : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Watchdog m_watchdog { std::chrono::seconds(120) };
    QStringList m_failures;
    int m_loads = 0;
    int m_rejected = 0;
    QMap<QString, int> m_kinds;

    QString writeTemp(const QByteArray& bytes, const QString& name = QStringLiteral("case.xclbin"))
    {
        const QString path = m_dir.filePath(name);
        if (!test::writeFile(path, bytes))
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // Loads `bytes` from a temporary file and records every way the outcome breaks the contract.
    XclbinLoadResult check(const QByteArray& bytes, const QString& what)
    {
        return checkFile(writeTemp(bytes), quint64(bytes.size()), what);
    }

    XclbinLoadResult checkFile(const QString& path, quint64 size, const QString& what)
    {
        m_watchdog.arm(what);
#ifdef XI_TRACK_ALLOCATIONS
        g_largestAllocation = 0;
        g_tracking = true;
#endif
        const XclbinLoadResult result = XclbinReader::load(path);
#ifdef XI_TRACK_ALLOCATIONS
        g_tracking = false;
        // Decoded tables are a small multiple of the bytes they come from; never a claimed count.
        const size_t limit = size_t(4 * size) + (1 << 20);
        if (g_largestAllocation > limit)
            m_failures << QStringLiteral("%1: an allocation of %2 bytes for a %3-byte file")
                              .arg(what)
                              .arg(g_largestAllocation.load())
                              .arg(size);
#endif
        ++m_loads;
        verifyContract(result, path, size, what);
        if (result.ok())
            exercise(*result.xclbin, what);
        m_watchdog.arm({});
        return result;
    }

    void verifyContract(const XclbinLoadResult& result, const QString& path, quint64 size, const QString& what)
    {
        if (result.ok() == result.error.has_value()) {
            m_failures << what + QStringLiteral(": a result must be either a model or an error");
            return;
        }
        if (result.ok())
            return;
        const XclbinError& e = *result.error;
        ++m_rejected;
        ++m_kinds[e.kindName()];
        if (e.kind == XclbinError::Kind::Other)
            m_failures << what + QStringLiteral(": untyped error: ") + e.message();
        if (e.file != path || !e.message().contains(path))
            m_failures << what + QStringLiteral(": the error does not name the file: ") + e.message();
        if (e.expected.isEmpty())
            m_failures << what + QStringLiteral(": the error does not say what was expected: ") + e.message();
        if (e.offset < 0 && !offsetMayBeMissing(e.kind))
            m_failures << what + QStringLiteral(": no offset: ") + e.message();
        if (e.offset > qint64(size))
            m_failures << what + QStringLiteral(": offset past the end of the %1-byte file: ").arg(size) + e.message();
    }

    // Whatever loads must also survive what every view does with it next.
    void exercise(const Xclbin& x, const QString& what)
    {
        for (const KernelGroups& groups : ArgumentGroups::computeAll(x))
            (void)groups.hasInvalid();
        (void)ArgumentGroups::computeAll(x, SlotMode::xrt213());
        for (const SectionHeader& s : x.sections) {
            if (!SectionJson::supports(s.kind) || x.section(s.kind) != &s)
                continue;
            try {
                (void)SectionJson::json(x, s);
            } catch (const XclbinException& e) {
                if (e.error().kind == XclbinError::Kind::Other)
                    m_failures << what + QStringLiteral(": dump-section: untyped error: ") + e.error().message();
            }
        }
    }

    void report(const QString& fixture)
    {
        qInfo().noquote() << fixture << m_loads << "loads," << m_rejected << "rejected" << m_kinds;
        const QStringList first = m_failures.mid(0, 25);
        QVERIFY2(m_failures.isEmpty(),
                 qPrintable(QStringLiteral("%1 contract violations, first ones:\n").arg(m_failures.size())
                            + first.join(QLatin1Char('\n'))));
    }

    // Loads the fixture with `change` applied and expects an error of `kind` at an offset in [low, high].
    void expectError(const QByteArray& bytes, XclbinError::Kind kind, qint64 low, qint64 high)
    {
        const XclbinLoadResult r = check(bytes, QString::fromUtf8(QTest::currentDataTag()));
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(QLatin1Char('\n'))));
        QVERIFY2(!r.ok(), "a malformed file was accepted");
        QVERIFY2(r.error->kind == kind, qPrintable(r.error->message()));
        QVERIFY2(r.error->offset >= low && r.error->offset <= high, qPrintable(r.error->message()));
    }

    static void fixtureRows()
    {
        test::addFixtureRows(test::xclbinFixtureNames(), "fixture");
    }

private Q_SLOTS:
    void initTestCase()
    {
        XI_REQUIRE_FIXTURES();
        QVERIFY(m_dir.isValid());
    }
    void init()
    {
        m_failures.clear();
        m_loads = m_rejected = 0;
        m_kinds.clear();
    }

    void truncated_data()
    {
        fixtureRows();
    }
    void truncated();
    void corrupted_data()
    {
        fixtureRows();
    }
    void corrupted();
    void handMade_data();
    void handMade();
    void legalEdgeCases();
    void cannotOpen();
    void hugeCountsAllocateNothing();
    void badBuildMetadataJson();
    void overlappingArraysDoNotMultiply();
};

void TestXclbinRobustness::truncated()
{
    QFETCH(QString, fixture);
    const QByteArray original = test::readFile(test::xclbinFixturePath(fixture));
    QVERIFY(!original.isEmpty());
    const qsizetype size = original.size();

    QList<qsizetype> lengths;
    for (qsizetype n = 0; n <= qMin<qsizetype>(600, size - 1); ++n)
        lengths << n;
    for (int i = 1; i < 64; ++i)
        lengths << size * i / 64;
    for (const SectionRef& s : sectionTable(original)) {
        for (qint64 edge : { qint64(s.offset), qint64(s.offset + s.size) }) {
            for (qint64 d : { -1, 0, 1 })
                lengths << qsizetype(edge + d);
        }
    }
    lengths << size - 1;
    std::sort(lengths.begin(), lengths.end());
    lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());

    std::sort(lengths.begin(), lengths.end(), std::greater<>());
    PatchedCopy copy(m_dir.filePath(QStringLiteral("truncated.xclbin")), original);
    QByteArray length(8, '\0');
    QElapsedTimer hangGuard;
    hangGuard.start();
    for (qsizetype n : std::as_const(lengths)) {
        if (n < 0 || n >= size)
            continue;
        if (copy.size() >= 312)
            copy.restore(304, 8);
        copy.resize(n);
        const XclbinLoadResult r
            = checkFile(copy.path(), quint64(n), QStringLiteral("%1 truncated to %2").arg(fixture).arg(n));
        if (r.ok())
            m_failures << QStringLiteral("%1 truncated to %2 bytes was accepted").arg(fixture).arg(n);
        // The same cut with the header length fixed up: now the section table and sections must catch it.
        if (n >= 456) {
            qToLittleEndian(quint64(n), length.data());
            copy.write(304, length);
            checkFile(copy.path(), quint64(n), QStringLiteral("%1 truncated to %2, length fixed").arg(fixture).arg(n));
        }
    }
    QVERIFY2(hangGuard.elapsed() < 600000, "hang detector: the truncation sweep took more than 10 minutes");
    report(fixture);
}

void TestXclbinRobustness::corrupted()
{
    QFETCH(QString, fixture);
    const QByteArray original = test::readFile(test::xclbinFixturePath(fixture));
    QVERIFY(!original.isEmpty());
    const QList<SectionRef> sections = sectionTable(original);

    PatchedCopy copy(m_dir.filePath(QStringLiteral("corrupted.xclbin")), original);
    const quint64 size = quint64(original.size());
    auto patch = [&](quint64 at, const QByteArray& change, const QString& what) {
        if (at + quint64(change.size()) > size)
            return;
        copy.write(at, change);
        checkFile(copy.path(), size, what);
        copy.restore(at, change.size());
    };
    auto mutateByte = [&](quint64 at, const QString& where) {
        if (at >= size)
            return;
        const char before = original.at(qsizetype(at));
        for (int m = 0; m < 4; ++m) {
            const char after = m == 0 ? char(0x00)
                : m == 1              ? char(0xFF)
                : m == 2              ? char(before ^ 0x01)
                                      : char(before ^ 0x80);
            if (after != before)
                patch(at, QByteArray(1, after),
                      QStringLiteral("%1: byte 0x%2 (%3) = 0x%4")
                          .arg(fixture, QString::number(at, 16), where, QString::number(quint8(after), 16)));
        }
    };
    auto writeU32 = [&](quint64 at, quint32 value, const QString& where) {
        QByteArray change(4, '\0');
        qToLittleEndian(value, change.data());
        patch(at, change,
              QStringLiteral("%1: u32 at 0x%2 (%3) = 0x%4")
                  .arg(fixture, QString::number(at, 16), where, QString::number(value, 16)));
    };

    QElapsedTimer hangGuard;
    hangGuard.start();

    // The fixed header and the whole section table, byte by byte.
    const quint64 headerEnd = 456 + quint64(sections.size()) * 40;
    for (quint64 at = 0; at < headerEnd; ++at)
        mutateByte(at, at < 456 ? QStringLiteral("header") : QStringLiteral("section table"));
    for (int i = 0; i < sections.size(); ++i) {
        const quint64 entry = 456 + quint64(i) * 40;
        for (quint32 v : { 0xFFFFFFFFu, 0x7FFFFFFFu, quint32(original.size()), quint32(original.size() - 1) }) {
            writeU32(entry + 24, v, QStringLiteral("section offset"));
            writeU32(entry + 32, v, QStringLiteral("section size"));
            writeU32(entry + 36, v, QStringLiteral("section size high"));
        }
    }
    for (quint32 v : { 10000u, 10001u, 0xFFFFFFFFu, quint32(sections.size() + 1) })
        writeU32(304 + 144, v, QStringLiteral("section count"));

    // The binary sections the reader decodes: their first bytes one by one, their counts set to extremes.
    const QList<quint32> decoded
        = { MEM_TOPOLOGY, ASK_GROUP_TOPOLOGY, CONNECTIVITY, ASK_GROUP_CONNECTIVITY, IP_LAYOUT, AIE_PARTITION };
    const QList<quint32> extremes = { 0x7FFFFFFF, 0xFFFFFFFF, 0x80000000, 0x10000, 0x100 };
    for (const SectionRef& s : sections) {
        if (!decoded.contains(s.kind))
            continue;
        const QString name = sectionKindDisplayName(s.kind);
        for (quint64 at = s.offset; at < s.offset + qMin<quint64>(s.size, 256); ++at)
            mutateByte(at, name);
        QList<quint64> countFields = { s.offset };
        if (s.kind == AIE_PARTITION)
            countFields = aieArrayFields(original, s);
        for (quint64 field : std::as_const(countFields)) {
            const quint32 was = get<quint32>(original, field);
            for (quint32 v : extremes)
                writeU32(field, v, name + QStringLiteral(" count/offset"));
            writeU32(field, was + 1, name + QStringLiteral(" count/offset + 1"));
            writeU32(field, quint32(s.size), name + QStringLiteral(" = section size"));
        }
    }

    // The XML: runs of NUL, 0xFF and markup characters spread through it, and its prolog bit by bit.
    if (const SectionRef* xml = findSection(sections, EMBEDDED_METADATA)) {
        for (quint64 at = xml->offset; at < xml->offset + qMin<quint64>(xml->size, 64); ++at)
            mutateByte(at, QStringLiteral("XML prolog"));
        for (int i = 0; i < 48; ++i) {
            const quint64 at = xml->offset + xml->size * quint64(i) / 48;
            for (char fill : { '\0', char(0xFF), '<', '"', '&' }) {
                for (int run : { 1, 4, 16 }) {
                    const qsizetype n = qsizetype(qMin<quint64>(quint64(run), xml->offset + xml->size - at));
                    patch(at, QByteArray(n, fill),
                          QStringLiteral("%1: XML +%2 run of %3 x 0x%4")
                              .arg(fixture)
                              .arg(at - xml->offset)
                              .arg(n)
                              .arg(QString::number(quint8(fill), 16)));
                }
            }
        }
    }
    QCOMPARE(test::readFile(copy.path()), original);
    QVERIFY2(hangGuard.elapsed() < 600000, "hang detector: the corruption sweep took more than 10 minutes");
    report(fixture);
}

// One hand-made file per error kind, made from a real aiecc file with sections
// MEM_TOPOLOGY, AIE_PARTITION, EMBEDDED_METADATA, IP_LAYOUT, CONNECTIVITY, GROUP_CONNECTIVITY, GROUP_TOPOLOGY.
void TestXclbinRobustness::handMade_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("low");
    QTest::addColumn<qint64>("high");
    if (!test::fixturesPresent())
        return;
    const QByteArray base = test::readFile(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
    const QList<SectionRef> sections = sectionTable(base);
    const qint64 size = base.size();
    auto at = [&](quint32 kind) { return *findSection(sections, kind); };
    auto row = [&](const char* name, const QByteArray& bytes, XclbinError::Kind kind, qint64 low, qint64 high) {
        QTest::newRow(name) << bytes << int(kind) << low << high;
    };
    using K = XclbinError::Kind;
    QByteArray b;

    row("empty file", QByteArray(), K::TooSmall, 0, 0);
    row("header cut at 455", base.left(455), K::TooSmall, 0, 455);
    b = base;
    b.replace(0, 8, QByteArray("xclbin1\0", 8));
    row("magic xclbin1", b, K::BadMagic, 0, 0);
    b = base;
    b.replace(0, 8, QByteArray("XCLBIN2\0", 8));
    row("magic upper case", b, K::BadMagic, 0, 0);
    b = base;
    b[7] = 'x';
    row("magic without NUL", b, K::BadMagic, 0, 0);
    b = base;
    put<quint64>(&b, 304, quint64(size + 1));
    row("length one more than the file", b, K::LengthMismatch, 304, 311);
    b = base;
    put<quint64>(&b, 304, quint64(size - 1));
    row("length one less than the file", b, K::LengthMismatch, 304, 311);
    b = base + QByteArray(1, '\0');
    row("a byte appended", b, K::LengthMismatch, 304, 311);
    b = base;
    put<quint32>(&b, 448, 10001);
    row("10001 sections", b, K::TooManySections, 448, 451);
    b = base;
    put<quint32>(&b, 448, 0xFFFFFFFF);
    row("2^32-1 sections", b, K::TooManySections, 448, 451);
    b = base;
    put<quint32>(&b, 448, 10000);
    row("10000 sections, table past the end", b, K::SectionOutOfFile, 456, 456);
    b = base;
    put<quint64>(&b, 456 + 24, quint64(size));
    row("section starts at the end of the file", b, K::SectionOutOfFile, 456, 456 + 40);
    b = base;
    put<quint64>(&b, 456 + 24, ~quint64(0) - 7);
    put<quint64>(&b, 456 + 32, 16);
    row("section offset + size wraps around", b, K::SectionOutOfFile, 456, 456 + 40);
    b = base;
    put<quint64>(&b, 456 + 32, quint64(size));
    row("section larger than the file", b, K::SectionOutOfFile, 456, 456 + 40);

    const SectionRef mem = at(MEM_TOPOLOGY);
    const qint64 memLow = qint64(mem.offset), memHigh = qint64(mem.offset + mem.size);
    b = base;
    put<qint32>(&b, mem.offset, 3);
    row("MEM_TOPOLOGY count one too many", b, K::CountOverflow, memLow, memHigh);
    b = base;
    put<qint32>(&b, mem.offset, -1);
    row("MEM_TOPOLOGY count negative", b, K::CountOverflow, memLow, memHigh);
    b = base;
    put<qint32>(&b, mem.offset, 0x7FFFFFFF);
    row("MEM_TOPOLOGY count 2^31-1", b, K::CountOverflow, memLow, memHigh);
    const SectionRef conn = at(CONNECTIVITY);
    b = base;
    put<quint32>(&b, conn.offset, 0x80000000);
    row("CONNECTIVITY count -2^31", b, K::CountOverflow, qint64(conn.offset), qint64(conn.offset + conn.size));
    b = base;
    put<quint32>(&b, conn.offset, 7);
    row("CONNECTIVITY count past the section", b, K::CountOverflow, qint64(conn.offset),
        qint64(conn.offset + conn.size));
    const SectionRef ip = at(IP_LAYOUT);
    b = base;
    put<quint32>(&b, ip.offset, 2);
    row("IP_LAYOUT count past the section", b, K::CountOverflow, qint64(ip.offset), qint64(ip.offset + ip.size));

    const SectionRef aie = at(AIE_PARTITION);
    const qint64 aieLow = qint64(aie.offset), aieHigh = qint64(aie.offset + aie.size);
    b = base;
    put<quint32>(&b, aie.offset + 120, 0xFFFFFFFF);
    row("AIE_PARTITION PDI count 2^32-1", b, K::CountOverflow, aieLow, aieHigh);
    b = base;
    put<quint32>(&b, aie.offset + 40, 4);
    put<quint32>(&b, aie.offset + 44, quint32(aie.size - 2));
    row("AIE_PARTITION start columns run past the section", b, K::ArrayOutOfSection, aieLow, aieHigh);
    b = base;
    put<quint32>(&b, aie.offset + 124, 0xFFFFFFF0);
    row("AIE_PARTITION PDI array offset far outside", b, K::ArrayOutOfSection, aieLow, aieHigh);
    b = base;
    put<quint32>(&b, aie.offset + 4, quint32(aie.size));
    row("AIE_PARTITION name offset at the section end", b, K::ArrayOutOfSection, aieLow, aieHigh);
    b = base;
    put<quint32>(&b, aie.offset + 4, quint32(aie.size - 1));
    b[qsizetype(aie.offset + aie.size - 1)] = 'A';
    row("AIE_PARTITION name without NUL", b, K::UnterminatedString, aieHigh - 1, aieHigh - 1);
    {
        b = base;
        const quint32 pdisAt = get<quint32>(base, aie.offset + 124);
        const quint32 groupsAt = get<quint32>(base, aie.offset + pdisAt + 28);
        put<quint32>(&b, aie.offset + groupsAt, quint32(aie.size - 1));
        b[qsizetype(aie.offset + aie.size - 1)] = 'A';
        row("CDO group name without NUL", b, K::UnterminatedString, aieHigh - 1, aieHigh - 1);
        b = base;
        put<quint32>(&b, aie.offset + groupsAt + 16, 0x20000000);
        row("CDO group kernel id count 2^29", b, K::CountOverflow, aieLow, aieHigh);
    }
    b = base;
    b.truncate(qsizetype(aie.offset + 100));
    put<quint64>(&b, 304, quint64(b.size()));
    put<quint64>(&b, 456 + 40 + 32, 100);
    put<quint32>(&b, 448, 2);
    row("AIE_PARTITION shorter than its header", b, K::ArrayOutOfSection, aieLow, aieLow + 100);

    const SectionRef xml = at(EMBEDDED_METADATA);
    const qint64 xmlLow = qint64(xml.offset), xmlHigh = qint64(xml.offset + xml.size);
    b = base;
    {
        const qsizetype close = b.indexOf("</project>", qsizetype(xml.offset));
        b.replace(close, 10, "</projekt>");
    }
    row("XML with a mismatched end tag", b, K::BadXml, xmlLow, xmlHigh);
    b = base;
    b[qsizetype(xml.offset + 200)] = '\0';
    row("XML with a NUL inside", b, K::BadXml, xmlLow + 200, xmlLow + 200);
    b = base;
    {
        const qsizetype id = b.indexOf("id=\"1\"", qsizetype(xml.offset));
        b.replace(id, 6, "id=\"x\"");
    }
    row("XML argument id not a number", b, K::BadXml, xmlLow, xmlHigh);
    b = base;
    b.replace(qsizetype(xml.offset), 5, "<?XmL");
    row("XML prolog broken", b, K::BadXml, xmlLow, xmlHigh);
    b = base;
    b.replace(qsizetype(xml.offset), qsizetype(xml.size), QByteArray(qsizetype(xml.size), '\0'));
    row("XML all NUL", b, K::BadXml, xmlLow, xmlHigh);
}

void TestXclbinRobustness::handMade()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, kind);
    QFETCH(qint64, low);
    QFETCH(qint64, high);
    expectError(bytes, XclbinError::Kind(kind), low, high);
}

// Full fixed-size fields without a NUL are legal: the text is the whole field.
void TestXclbinRobustness::legalEdgeCases()
{
    XI_REQUIRE_FIXTURES();
    const QByteArray base = test::readFile(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
    const QList<SectionRef> sections = sectionTable(base);
    QByteArray b = base;
    b.replace(456 + 4, 16, QByteArray(16, 'S'));
    b.replace(304 + 48, 64, QByteArray(64, 'V'));
    b.replace(qsizetype(findSection(sections, MEM_TOPOLOGY)->offset + 8 + 24), 16, QByteArray(16, 'T'));
    b.replace(qsizetype(findSection(sections, IP_LAYOUT)->offset + 8 + 16), 64, QByteArray(64, 'N'));
    const XclbinLoadResult r = check(b, QStringLiteral("full-width names"));
    QVERIFY2(r.ok(), r.error ? qPrintable(r.error->message()) : "");
    QCOMPARE(r.xclbin->sections.first().name, QString(16, QLatin1Char('S')));
    QCOMPARE(r.xclbin->header.platformVbnv, QString(64, QLatin1Char('V')));
    QCOMPARE(r.xclbin->memTopology->first().tag, QString(16, QLatin1Char('T')));
    QCOMPARE(r.xclbin->ipLayout->first().name, QString(64, QLatin1Char('N')));
    QVERIFY(m_failures.isEmpty());

    // A zero-length section at the very end of the file is inside it.
    b = base;
    put<quint64>(&b, 456 + 24, quint64(b.size()));
    put<quint64>(&b, 456 + 32, 0);
    put<quint32>(&b, 456, BITSTREAM);
    const XclbinLoadResult empty = check(b, QStringLiteral("empty section at the end"));
    QVERIFY2(empty.ok(), empty.error ? qPrintable(empty.error->message()) : "");
    QVERIFY(m_failures.isEmpty());
}

void TestXclbinRobustness::cannotOpen()
{
    const QString missing = m_dir.filePath(QStringLiteral("does-not-exist.xclbin"));
    const XclbinLoadResult r = XclbinReader::load(missing);
    QVERIFY(!r.ok());
    QCOMPARE(r.error->kind, XclbinError::Kind::CannotOpen);
    QCOMPARE(r.error->file, missing);
    QVERIFY(r.error->message().contains(missing));
    QVERIFY_THROWS_EXCEPTION(XclbinException, XclbinReader::read(missing));

    // A folder is not an xclbin either: it cannot be opened, or it is empty.
    const XclbinLoadResult dir = XclbinReader::load(m_dir.path());
    QVERIFY(!dir.ok());
    QVERIFY(dir.error->kind == XclbinError::Kind::CannotOpen || dir.error->kind == XclbinError::Kind::TooSmall);
}

// Counts near 2^31 must be refused before anything is sized by them: quickly, and with no large allocation.
void TestXclbinRobustness::hugeCountsAllocateNothing()
{
    XI_REQUIRE_FIXTURES();
#ifdef XI_TRACK_ALLOCATIONS
    // The tracker itself sees a large allocation (else the limits checked above would prove nothing).
    g_largestAllocation = 0;
    g_tracking = true;
    QByteArray large(64 << 20, '\0');
    g_tracking = false;
    QVERIFY(g_largestAllocation >= size_t(large.size()));
#endif
    const QByteArray base = test::readFile(test::xclbinFixturePath(QStringLiteral("iron-single-add")));
    const QList<SectionRef> sections = sectionTable(base);
    for (quint32 kind : { MEM_TOPOLOGY, CONNECTIVITY, ASK_GROUP_CONNECTIVITY, IP_LAYOUT, ASK_GROUP_TOPOLOGY }) {
        for (quint32 count : { 0x80000000u, 0x7FFFFFFFu, 0x01000000u }) {
            QByteArray b = base;
            put<quint32>(&b, findSection(sections, kind)->offset, count);
            const XclbinLoadResult r
                = check(b, QStringLiteral("%1 count 0x%2").arg(sectionKindDisplayName(kind)).arg(count, 0, 16));
            QVERIFY(!r.ok());
            QCOMPARE(r.error->kind, XclbinError::Kind::CountOverflow);
        }
    }
#ifndef XI_TRACK_ALLOCATIONS
    qInfo("allocation sizes are not tracked in this build (ASan owns malloc); ASan reports oversized requests itself");
#endif
    report(QStringLiteral("huge counts"));
}

// BUILD_METADATA is kept as text by the reader; its JSON form (dump-section) reports bad JSON as such.
void TestXclbinRobustness::badBuildMetadataJson()
{
    XI_REQUIRE_FIXTURES();
    QByteArray b = test::readFile(test::xclbinFixturePath(QStringLiteral("riallto-color-detect-720p")));
    const SectionRef build = *findSection(sectionTable(b), BUILD_METADATA);
    b[qsizetype(build.offset)] = 'x';
    const XclbinLoadResult r = check(b, QStringLiteral("BUILD_METADATA that is not JSON"));
    QVERIFY2(r.ok(), r.error ? qPrintable(r.error->message()) : "");
    QVERIFY(r.xclbin->textSections.contains(QStringLiteral("BUILD_METADATA")));
    try {
        SectionJson::json(*r.xclbin, BUILD_METADATA);
        QFAIL("malformed BUILD_METADATA JSON was dumped");
    } catch (const XclbinException& e) {
        QCOMPARE(e.error().kind, XclbinError::Kind::BadJson);
        QVERIFY(e.error().offset >= qint64(build.offset) && e.error().offset < qint64(build.offset + build.size));
        QVERIFY(e.error().message().contains(r.xclbin->filePath));
    }
    QVERIFY(m_failures.isEmpty());
}

// AIE_PARTITION arrays are {count, offset} pairs: one crafted 96-byte record that is both a PDI and a CDO group,
// repeated, makes every PDI point at all records as its CDO groups and every group at them again as pre-groups.
// Checked one by one each array fits; multiplied out it is billions of entries. Arrays that overlap must not
// multiply: the reader refuses more array bytes than the section holds.
void TestXclbinRobustness::overlappingArraysDoNotMultiply()
{
    XI_REQUIRE_FIXTURES();
    const QByteArray base = test::readFile(test::xclbinFixturePath(QStringLiteral("ryzenai-1x4-1mb")));
    const QList<SectionRef> sections = sectionTable(base);
    const SectionRef aie = *findSection(sections, AIE_PARTITION);
    QByteArray b = base;
    const quint64 s = aie.offset;
    const quint32 recordsAt = 192;
    const quint32 records = quint32((aie.size - recordsAt) / 96);
    const quint32 emptyName = recordsAt - 1;
    b.replace(qsizetype(s), qsizetype(aie.size), QByteArray(qsizetype(aie.size), '\0'));
    put<quint32>(&b, s + 4, emptyName);
    put<quint32>(&b, s + 120, records);
    put<quint32>(&b, s + 124, recordsAt);
    for (quint32 i = 0; i < records; ++i) {
        const quint64 r = s + recordsAt + quint64(i) * 96;
        put<quint32>(&b, r + 0, emptyName); // CDO group name offset (and the first uuid bytes)
        put<quint32>(&b, r + 24, records); // PDI: CDO groups; CDO group: pre-groups
        put<quint32>(&b, r + 28, recordsAt);
    }
    const XclbinLoadResult r = check(b, QStringLiteral("overlapping AIE_PARTITION arrays (%1 records)").arg(records));
    QVERIFY(!r.ok());
    QVERIFY2(r.error->kind == XclbinError::Kind::CountOverflow || r.error->kind == XclbinError::Kind::ArrayOutOfSection,
             qPrintable(r.error->message()));
    report(QStringLiteral("overlapping arrays"));
}

// The sweeps are data-driven functions of a few thousand loads per fixture: QtTest's 5-minute limit per function
// would count all rows together on a slow machine. Hangs are caught per load by the Watchdog above.
int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "1800000");
    QCoreApplication app(argc, argv);
    TestXclbinRobustness test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_xclbinrobustness.moc"
