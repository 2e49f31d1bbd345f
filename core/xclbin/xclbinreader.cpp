// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/xclbinreader.h"

#include "xclbin/binaryview.h"
#include "xclbin/embeddedmetadataparser.h"
#include "xclbin/sectionkind.h"

#include <QFile>
#include <QUuid>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace xi {

namespace {

// Layout constants (XRT xclbin.h; docs/domain.md section 5).
constexpr quint64 kHeaderOffset = 304;
constexpr quint64 kSectionTableOffset = 456;
constexpr quint64 kSectionHeaderSize = 40;
constexpr quint32 kMaxSections = 10000;
constexpr quint64 kMaxTextSection = 64ull << 20; // larger text sections stay raw, read on demand
constexpr quint64 kMaxDecodedSection = 256ull << 20;
constexpr quint64 kFirstRead = 256ull << 10; // one read covers a typical file whole; the rest is read as needed

QUuid uuidAt(const BinaryView& v, quint64 at)
{
    v.require(at, 16, QStringLiteral("a 16-byte UUID"));
    return QUuid::fromRfc4122(QByteArrayView(v.bytes().constData() + at, 16));
}

class Reader {
public:
    explicit Reader(QString path)
        : m_path(std::move(path))
    {
    }

    ~Reader()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    // Plain POSIX reads: a QFile costs more than a small file's whole parse.
    XclbinPtr run()
    {
        m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
        struct stat st { };
        if (m_fd < 0 || ::fstat(m_fd, &st) != 0)
            error(XclbinError::Kind::CannotOpen, -1, XclbinError::systemReason(systemError()));
        if (S_ISDIR(st.st_mode))
            error(XclbinError::Kind::CannotOpen, -1, QStringLiteral("it is a folder, not a file"));
        auto x = std::make_shared<Xclbin>();
        x->filePath = m_path;
        x->fileSize = quint64(st.st_size);
        m_head = readFromFile(0, qMin(x->fileSize, kFirstRead));
        readHeader(*x);
        readSectionTable(*x);
        for (const SectionHeader& s : std::as_const(x->sections))
            decodeSection(*x, s);
        return x;
    }

private:
    [[noreturn]] void error(XclbinError::Kind kind, qint64 offset, const QString& expected) const
    {
        throw XclbinException({ kind, m_path, offset, expected });
    }

    static QString systemError() { return QString::fromLocal8Bit(std::strerror(errno)); }

    // From the first read when it holds the range, else from the file.
    QByteArray readRange(quint64 offset, quint64 size)
    {
        const quint64 held = quint64(m_head.size());
        if (offset <= held && size <= held - offset)
            return QByteArray(m_head.constData() + offset, qsizetype(size));
        return readFromFile(offset, size);
    }

    QByteArray readFromFile(quint64 offset, quint64 size)
    {
        QByteArray bytes(qsizetype(size), Qt::Uninitialized);
        quint64 done = 0;
        while (done < size) {
            const ssize_t n = ::pread(m_fd, bytes.data() + done, size_t(size - done), off_t(offset + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                error(XclbinError::Kind::SectionOutOfFile, qint64(offset),
                      QStringLiteral("%1 readable bytes, found %2 (%3)")
                          .arg(size)
                          .arg(done)
                          .arg(n < 0 ? systemError() : QStringLiteral("the file ends there")));
            done += quint64(n);
        }
        return bytes;
    }

    void readHeader(Xclbin& x)
    {
        if (x.fileSize < kSectionTableOffset) {
            error(XclbinError::Kind::TooSmall, qint64(x.fileSize),
                  QStringLiteral("at least %1 bytes (the axlf header), found %2: this is not a whole xclbin")
                      .arg(kSectionTableOffset)
                      .arg(x.fileSize));
        }
        const BinaryView v(readRange(0, kSectionTableOffset), 0, m_path, QStringLiteral("axlf header"));
        AxlfHeader& h = x.header;
        h.magic = v.slice(0, 8);
        if (h.magic != QByteArray("xclbin2\0", 8)) {
            error(
                XclbinError::Kind::BadMagic, 0,
                QStringLiteral("the magic \"xclbin2\\0\", found \"%1\"").arg(QString::fromLatin1(h.magic.toHex(' '))));
        }
        h.magic.chop(1);
        h.signatureLength = v.i32(8);
        h.uniqueId = v.u64(296);
        const quint64 b = kHeaderOffset;
        h.length = v.u64(b + 0);
        h.timestamp = v.u64(b + 8);
        h.featureRomTimestamp = v.u64(b + 16);
        h.versionPatch = v.u16(b + 24);
        h.versionMajor = v.u8(b + 26);
        h.versionMinor = v.u8(b + 27);
        h.mode = v.u16(b + 28);
        h.actionMask = v.u16(b + 30);
        h.interfaceUuid = uuidAt(v, b + 32);
        h.platformVbnv = v.fixedString(b + 48, 64);
        h.xclbinUuid = uuidAt(v, b + 112);
        h.debugBin = v.slice(b + 128, 16);
        h.sectionCount = v.u32(b + 144);
        if (h.length != x.fileSize)
            error(
                XclbinError::Kind::LengthMismatch, qint64(b),
                QStringLiteral("the header length to equal the file size (%1 bytes), found %2: %3")
                    .arg(x.fileSize)
                    .arg(h.length)
                    .arg(h.length > x.fileSize
                             ? QStringLiteral("the copy was cut short")
                             : QStringLiteral("%1 bytes follow the end the header gives").arg(x.fileSize - h.length)));
        if (h.sectionCount > kMaxSections)
            error(XclbinError::Kind::TooManySections, qint64(b + 144),
                  QStringLiteral("at most %1 sections, found %2 in the header").arg(kMaxSections).arg(h.sectionCount));
    }

    void readSectionTable(Xclbin& x)
    {
        const quint64 tableSize = quint64(x.header.sectionCount) * kSectionHeaderSize;
        if (kSectionTableOffset + tableSize > x.fileSize) {
            error(XclbinError::Kind::SectionOutOfFile, qint64(kSectionTableOffset),
                  QStringLiteral("a section table of %1 entries (%2 bytes) inside the %3-byte file")
                      .arg(x.header.sectionCount)
                      .arg(tableSize)
                      .arg(x.fileSize));
        }
        const BinaryView v(readRange(kSectionTableOffset, tableSize), kSectionTableOffset, m_path,
                           QStringLiteral("section table"));
        for (quint32 i = 0; i < x.header.sectionCount; ++i) {
            const quint64 at = quint64(i) * kSectionHeaderSize;
            SectionHeader s;
            s.index = int(i);
            s.kind = v.u32(at);
            s.name = v.fixedString(at + 4, 16);
            s.offset = v.u64(at + 24);
            s.size = v.u64(at + 32);
            if (s.offset > x.fileSize || s.size > x.fileSize - s.offset) {
                error(XclbinError::Kind::SectionOutOfFile, qint64(kSectionTableOffset + at + 24),
                      QStringLiteral("section %1 (%2) at 0x%3 with %4 bytes to lie inside the %5-byte file")
                          .arg(i)
                          .arg(sectionKindDisplayName(s.kind))
                          .arg(QString::number(s.offset, 16))
                          .arg(s.size)
                          .arg(x.fileSize));
            }
            x.sections.append(s);
        }
    }

    BinaryView view(const SectionHeader& s)
    {
        return BinaryView(readRange(s.offset, s.size), s.offset, m_path, [index = s.index, kind = s.kind] {
            return QStringLiteral("section %1 (%2)").arg(index).arg(SectionHeader { index, kind, {}, 0, 0 }.kindName());
        });
    }

    bool firstOfKind(Xclbin& x, const SectionHeader& s) const
    {
        if (x.section(s.kind) == &s)
            return true;
        x.warnings << QStringLiteral("section %1 (%2) repeats an earlier section of the same kind; only the first is "
                                     "decoded, as XRT does")
                          .arg(s.index)
                          .arg(s.kindName());
        return false;
    }

    void decodeSection(Xclbin& x, const SectionHeader& s)
    {
        const bool decoded = s.kind == MEM_TOPOLOGY || s.kind == ASK_GROUP_TOPOLOGY || s.kind == CONNECTIVITY
            || s.kind == ASK_GROUP_CONNECTIVITY || s.kind == IP_LAYOUT || s.kind == AIE_PARTITION;
        if (decoded || s.kind == EMBEDDED_METADATA) {
            if (!firstOfKind(x, s))
                return;
            if (s.size > kMaxDecodedSection) {
                error(XclbinError::Kind::CountOverflow, qint64(s.offset),
                      QStringLiteral("a %1 section of at most %2 bytes, found %3")
                          .arg(s.kindName())
                          .arg(kMaxDecodedSection)
                          .arg(s.size));
            }
        }
        switch (s.kind) {
        case MEM_TOPOLOGY: x.memTopology = readMemories(view(s)); return;
        case ASK_GROUP_TOPOLOGY: x.groupTopology = readMemories(view(s)); return;
        case CONNECTIVITY: x.connectivity = readConnections(view(s)); return;
        case ASK_GROUP_CONNECTIVITY: x.groupConnectivity = readConnections(view(s)); return;
        case IP_LAYOUT: x.ipLayout = readIpLayout(view(s)); return;
        case AIE_PARTITION: x.aiePartition = readAiePartition(view(s)); return;
        case EMBEDDED_METADATA: {
            x.embeddedMetadataXml = readRange(s.offset, s.size);
            x.kernels = EmbeddedMetadataParser::parse(x.embeddedMetadataXml, s.offset, m_path);
            return;
        }
        default: break;
        }
        if (sectionKindIsText(s.kind) && !x.textSections.contains(s.kindName())) {
            if (s.size <= kMaxTextSection)
                x.textSections.insert(s.kindName(), QString::fromUtf8(readRange(s.offset, s.size)).remove(QChar(0)));
            else
                x.warnings << QStringLiteral("%1 is %2 bytes; it is not shown as text").arg(s.kindName()).arg(s.size);
        }
    }

    // The counted arrays of MEM_TOPOLOGY, CONNECTIVITY and IP_LAYOUT: int32 count at 0, entries at arrayAt.
    template<typename Entry, typename ReadEntry>
    static QList<Entry> readCountedArray(const BinaryView& v, quint64 arrayAt, quint64 entrySize, const QString& field,
                                         ReadEntry readEntry)
    {
        const qint32 count = v.i32(0);
        v.requireArray(arrayAt, count, entrySize, field);
        QList<Entry> list;
        list.reserve(count);
        for (qint32 i = 0; i < count; ++i)
            list.append(readEntry(i, arrayAt + quint64(i) * entrySize));
        return list;
    }

    static QList<MemoryEntry> readMemories(const BinaryView& v)
    {
        return readCountedArray<MemoryEntry>(v, 8, 40, QStringLiteral("the memory array"), [&v](int i, quint64 at) {
            MemoryEntry m;
            m.index = i;
            m.type = v.u8(at);
            m.used = v.u8(at + 1) != 0;
            m.sizeKiB = v.u64(at + 8);
            m.baseAddress = v.u64(at + 16);
            m.tag = v.fixedString(at + 24, 16);
            return m;
        });
    }

    static QList<Connection> readConnections(const BinaryView& v)
    {
        return readCountedArray<Connection>(v, 4, 12, QStringLiteral("the connection array"), [&v](int, quint64 at) {
            return Connection { v.i32(at), v.i32(at + 4), v.i32(at + 8) };
        });
    }

    static QList<IpEntry> readIpLayout(const BinaryView& v)
    {
        return readCountedArray<IpEntry>(v, 8, 80, QStringLiteral("the IP array"), [&v](int i, quint64 at) {
            IpEntry ip;
            ip.index = i;
            ip.type = v.u32(at);
            ip.properties = v.u32(at + 4);
            ip.baseAddress = v.u64(at + 8);
            ip.name = v.fixedString(at + 16, 64);
            return ip;
        });
    }

    // {u32 count, u32 offset} arrays inside AIE_PARTITION, offsets relative to the section.
    // The arrays of a well-formed partition do not overlap, so together they fit in the section: `budget` holds
    // the bytes left. Without it, PDIs and CDO groups pointing at each other multiply into billions of entries.
    static std::pair<quint32, quint32> arrayRef(const BinaryView& v, quint64 at, quint64 entrySize,
                                                const QString& field, quint64* budget)
    {
        const quint32 count = v.u32(at);
        const quint32 offset = v.u32(at + 4);
        v.requireArray(offset, qint64(count), entrySize, field);
        const quint64 bytes = quint64(count) * entrySize;
        if (bytes > *budget) {
            v.fail(XclbinError::Kind::CountOverflow, at,
                   QStringLiteral("%1 of %2 entries to fit in the section beside the other arrays (arrays may not "
                                  "overlap)")
                       .arg(field)
                       .arg(count));
        }
        *budget -= bytes;
        return { count, offset };
    }

    static AiePartition readAiePartition(const BinaryView& v)
    {
        v.require(0, 184, QStringLiteral("the 184-byte aie_partition header"));
        AiePartition p;
        p.schemaVersion = v.u8(0);
        p.name = v.cString(v.u32(4), QStringLiteral("the partition name"));
        p.operationsPerCycle = v.u32(8);
        p.inferenceFingerprint = v.u64(16);
        p.prePostFingerprint = v.u64(24);
        p.columnWidth = v.u16(32);
        quint64 budget = v.size();
        const auto [columns, columnsAt] = arrayRef(v, 32 + 8, 2, QStringLiteral("the start-column array"), &budget);
        for (quint32 i = 0; i < columns; ++i)
            p.startColumns.append(v.u16(columnsAt + quint64(i) * 2));
        const quint32 commitAt = v.u32(128);
        if (commitAt)
            p.kernelCommitId = v.cString(commitAt, QStringLiteral("the kernel commit id"));
        const auto [pdis, pdisAt] = arrayRef(v, 120, 96, QStringLiteral("the PDI array"), &budget);
        for (quint32 i = 0; i < pdis; ++i) {
            const quint64 at = pdisAt + quint64(i) * 96;
            PdiEntry pdi;
            pdi.uuid = uuidAt(v, at);
            const auto [imageSize, imageAt] = arrayRef(v, at + 16, 1, QStringLiteral("a PDI image"), &budget);
            pdi.imageOffset = v.base() + imageAt;
            pdi.imageSize = imageSize;
            const auto [groups, groupsAt] = arrayRef(v, at + 24, 96, QStringLiteral("a CDO group array"), &budget);
            for (quint32 g = 0; g < groups; ++g)
                pdi.cdoGroups.append(readCdoGroup(v, groupsAt + quint64(g) * 96, &budget));
            p.pdis.append(pdi);
        }
        return p;
    }

    static CdoGroup readCdoGroup(const BinaryView& v, quint64 at, quint64* budget)
    {
        CdoGroup g;
        g.name = v.cString(v.u32(at), QStringLiteral("a CDO group name"));
        g.type = v.u8(at + 4);
        g.pdiId = v.u64(at + 8);
        const auto [ids, idsAt] = arrayRef(v, at + 16, 8, QStringLiteral("a DPU kernel id array"), budget);
        for (quint32 i = 0; i < ids; ++i)
            g.kernelIds.append(v.u64(idsAt + quint64(i) * 8));
        // xclbinutil writes and dumps pre-CDO-group ids as u64, though XRT's header comment says u32.
        const auto [pre, preAt] = arrayRef(v, at + 24, 8, QStringLiteral("a pre-CDO-group array"), budget);
        for (quint32 i = 0; i < pre; ++i)
            g.preCdoGroups.append(v.u64(preAt + quint64(i) * 8));
        return g;
    }

    QString m_path;
    int m_fd = -1;
    QByteArray m_head; // the file's first kFirstRead bytes
};

} // namespace

XclbinPtr XclbinReader::read(const QString& path)
{
    return Reader(path).run();
}

XclbinLoadResult XclbinReader::load(const QString& path) noexcept
{
    try {
        return { read(path), std::nullopt };
    } catch (const XclbinException& e) {
        return { nullptr, e.error() };
    } catch (const std::bad_alloc&) {
        return { nullptr,
                 XclbinError { XclbinError::Kind::Other, path, -1, QStringLiteral("enough memory to read it") } };
    } catch (const std::exception& e) {
        return { nullptr, XclbinError { XclbinError::Kind::Other, path, -1, QString::fromLocal8Bit(e.what()) } };
    }
}

} // namespace xi
