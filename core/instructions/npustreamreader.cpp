// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustreamreader.h"
#include "instructions/npustreamdecoder.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <algorithm>
#include <bit>

namespace xi {

namespace {

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Only hex digits, the 0x prefix and white space: text (a file of nothing but white space is empty text).
bool looksLikeHexText(const QByteArray& bytes)
{
    for (char c : bytes) {
        if (!isHexDigit(c) && c != '\n' && c != '\r' && c != ' ' && c != '\t' && c != 'x' && c != 'X')
            return false;
    }
    return true;
}

// 1-based line of the word with the given index in hex text (blank lines are not words).
qint64 lineOfWord(const QByteArray& text, qint64 wordIndex)
{
    qint64 line = 1, words = 0;
    bool content = false;
    for (char c : text) {
        if (c == '\n') {
            if (content && words++ == wordIndex)
                return line;
            content = false;
            ++line;
        } else if (c != '\r' && c != ' ' && c != '\t') {
            content = true;
        }
    }
    return content && words == wordIndex ? line : -1;
}

NpuStreamError makeError(NpuStreamError::Code code, const QString& path, qint64 word, const QString& expected,
                         const QString& found)
{
    NpuStreamError e;
    e.code = code;
    e.path = path;
    e.wordOffset = word;
    e.expected = expected;
    e.found = found;
    return e;
}

std::optional<NpuStreamError> parseHexText(const QByteArray& bytes, const QString& path, QList<quint32>& words)
{
    words.reserve(bytes.size() / 9 + 1);
    qint64 line = 0;
    qsizetype start = 0;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        ++line;
        QByteArrayView text = QByteArrayView(bytes).sliced(start, end - start).trimmed();
        start = end + 1;
        if (text.isEmpty())
            continue;
        if (text.startsWith("0x") || text.startsWith("0X"))
            text = text.sliced(2);
        bool ok = !text.isEmpty() && text.size() <= 8;
        quint32 value = 0;
        for (char c : text) {
            if (!isHexDigit(c)) {
                ok = false;
                break;
            }
            value = value << 4 | quint32(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        if (!ok) {
            NpuStreamError e
                = makeError(NpuStreamError::Code::BadHexText, path, words.size(),
                            QStringLiteral("one 32-bit hex word (up to 8 hex digits, optional 0x)"),
                            QLatin1Char('\'') % QString::fromLatin1(text.first(std::min<qsizetype>(text.size(), 24)))
                                % QLatin1Char('\''));
            e.line = line;
            return e;
        }
        words.append(value);
    }
    return std::nullopt;
}

bool oddParity(quint32 w)
{
    return std::popcount(w) % 2 == 1;
}

} // namespace

std::optional<NpuStream> NpuStreamReader::load(const QString& path, NpuStreamError* error)
{
    auto fail = [&](NpuStreamError::Code code, const QString& expected, const QString& found) {
        if (error)
            *error = makeError(code, path, -1, expected, found);
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(NpuStreamError::Code::CannotOpen, QStringLiteral("a readable instruction file"),
                    file.errorString());
    if (file.size() > maxInputBytes) {
        return fail(NpuStreamError::Code::TooLarge,
                    QStringLiteral("an instruction stream of at most %1 bytes").arg(maxInputBytes),
                    QStringLiteral("%1 bytes").arg(file.size()));
    }
    const QByteArray bytes = file.read(maxInputBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(NpuStreamError::Code::CannotOpen, QStringLiteral("a readable instruction file"),
                    file.errorString());
    return read(bytes, path, error);
}

std::optional<NpuStream> NpuStreamReader::read(const QByteArray& bytes, const QString& path, NpuStreamError* error)
{
    auto fail = [&](NpuStreamError e) -> std::optional<NpuStream> {
        e.path = path;
        if (error)
            *error = e;
        return std::nullopt;
    };
    if (bytes.size() > maxInputBytes) {
        return fail(makeError(NpuStreamError::Code::TooLarge, path, -1,
                              QStringLiteral("an instruction stream of at most %1 bytes").arg(maxInputBytes),
                              QStringLiteral("%1 bytes").arg(bytes.size())));
    }
    if (bytes.isEmpty())
        return fail(makeError(NpuStreamError::Code::Empty, path, -1, QStringLiteral("32-bit instruction words"),
                              QStringLiteral("an empty file")));

    NpuStream s;
    s.path = path;
    s.inputBytes = bytes.size();
    if (bytes.startsWith("\x7f"
                         "ELF")) {
        s.format = NpuFormat::Elf;
        s.recognisedAs = QStringLiteral("an ELF container (aiebu insts.elf or aiecc full ELF: .ctrltext holds a TXN "
                                        "stream, .ctrldata control packets, .rela.dyn one patch per argument)");
        return s;
    }
    if (looksLikeHexText(bytes)) {
        s.encoding = NpuEncoding::HexText;
        if (auto e = parseHexText(bytes, path, s.words))
            return fail(*e);
    } else {
        if (bytes.size() % 4 != 0) {
            return fail(makeError(NpuStreamError::Code::NotWords, path, bytes.size() / 4,
                                  QStringLiteral("a whole number of little-endian 32-bit words"),
                                  QStringLiteral("%1 bytes (%2 left over)").arg(bytes.size()).arg(bytes.size() % 4)));
        }
        s.words.resize(bytes.size() / 4);
        qFromLittleEndian<quint32>(bytes.constData(), s.words.size(), s.words.data());
    }
    if (s.words.isEmpty())
        return fail(makeError(NpuStreamError::Code::Empty, path, -1, QStringLiteral("32-bit instruction words"),
                              QStringLiteral("none")));

    s.format = sniff(s.words);
    if (s.format == NpuFormat::ControlPackets) {
        s.recognisedAs = QStringLiteral("%1 control packet(s) (stream header and control header with odd parity, "
                                        "as mlir-aie writes them)")
                             .arg(controlPacketCount(s.words));
    } else if (s.format == NpuFormat::Unknown) {
        s.recognisedAs = QStringLiteral("no known instruction format (first word 0x%1)")
                             .arg(s.words.first(), 8, 16, QLatin1Char('0'));
    } else if (auto e = NpuStreamDecoder::decode(s)) {
        if (s.encoding == NpuEncoding::HexText)
            e->line = lineOfWord(bytes, e->wordOffset);
        return fail(*e);
    }
    return s;
}

NpuFormat NpuStreamReader::sniff(const QList<quint32>& words)
{
    if (words.isEmpty())
        return NpuFormat::Unknown;
    const quint32 w0 = words.first();
    // Word 0 = rows << 24 | devgen << 16 | minor << 8 | major; a real header has rows and a generation.
    if ((w0 & 0xFFFF) == 0x0100 && (w0 >> 16) != 0)
        return NpuFormat::Txn01;
    if ((w0 & 0xFFFF) == 0x0001 && (w0 >> 16) != 0)
        return NpuFormat::Txn10;
    if (w0 == 0x11)
        return NpuFormat::Legacy;
    if (w0 == 0x464C457F) // "\x7fELF" read as a little-endian word
        return NpuFormat::Elf;
    if (controlPacketCount(words) > 0)
        return NpuFormat::ControlPackets;
    return NpuFormat::Unknown;
}

int NpuStreamReader::controlPacketCount(const QList<quint32>& words)
{
    // Stream header: parity << 31 | pkt_type << 12 | pkt_id; control header: parity << 31 | stream_id << 24 |
    // opcode << 22 | (beats - 1) << 20 | address; then `beats` data words for a write (0) or block write (2).
    int packets = 0;
    qsizetype pos = 0;
    const qsizetype n = words.size();
    while (pos < n) {
        const quint32 header = words.at(pos);
        if (!oddParity(header) || (header & 0x7FFF8F00) != 0 || pos + 1 >= n)
            return 0;
        const quint32 control = words.at(pos + 1);
        const quint32 opcode = control >> 22 & 3;
        if (!oddParity(control) || opcode == 3)
            return 0;
        const qsizetype data = opcode == 0 || opcode == 2 ? qsizetype(control >> 20 & 3) + 1 : 0;
        pos += 2 + data;
        ++packets;
    }
    return pos == n ? packets : 0;
}

} // namespace xi
