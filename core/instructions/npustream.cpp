// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustream.h"

#include <QJsonArray>
#include <QStringList>

namespace xi {

namespace {

QString hex32(quint32 v)
{
    return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}

QString hex(quint64 v)
{
    return QStringLiteral("0x") % QString::number(v, 16);
}

QString dimsText(const NpuTransfer& t)
{
    std::array<NpuDim, 3> dims;
    const int n = t.dims(dims);
    QStringList parts;
    for (int i = 0; i < n; ++i)
        parts << QString::number(dims[size_t(i)].size) % QLatin1Char('@')
                % QString::number(dims[size_t(i)].strideWords);
    return parts.join(QStringLiteral(" x "));
}

QJsonValue headerValue(qint64 v)
{
    return v < 0 ? QJsonValue() : QJsonValue(double(v));
}

} // namespace

QString npuFormatName(NpuFormat format)
{
    switch (format) {
    case NpuFormat::Txn01: return QStringLiteral("txn-0.1");
    case NpuFormat::Txn10: return QStringLiteral("txn-1.0");
    case NpuFormat::Legacy: return QStringLiteral("legacy");
    case NpuFormat::Elf: return QStringLiteral("elf");
    case NpuFormat::ControlPackets: return QStringLiteral("control-packets");
    case NpuFormat::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString npuEncodingName(NpuEncoding encoding)
{
    return encoding == NpuEncoding::HexText ? QStringLiteral("hex-text") : QStringLiteral("binary");
}

QString npuOpcodeName(NpuFormat format, quint16 opcode)
{
    if (format == NpuFormat::Legacy) {
        switch (opcode) {
        case 2: return QStringLiteral("WRITE32");
        case 3: return QStringLiteral("SYNC");
        case 6: return QStringLiteral("WRITEBD_EXTEND_SHIMTILE");
        default: return QStringLiteral("OP_%1").arg(opcode);
        }
    }
    switch (opcode) {
    case 0: return QStringLiteral("WRITE");
    case 1: return QStringLiteral("BLOCKWRITE");
    case 2: return QStringLiteral("BLOCKSET");
    case 3: return QStringLiteral("MASKWRITE");
    case 4: return QStringLiteral("MASKPOLL");
    case 5: return QStringLiteral("NOOP");
    case 6: return QStringLiteral("PREEMPT");
    case 7: return QStringLiteral("MASKPOLL_BUSY");
    case 8: return QStringLiteral("LOADPDI");
    case 0x80: return QStringLiteral("SYNC");
    case 0x81: return QStringLiteral("DDR_PATCH");
    case 0x82: return QStringLiteral("READ_REGS");
    case 0x83: return QStringLiteral("RECORD_TIMER");
    case 0x84: return QStringLiteral("MERGE_SYNC");
    default: return QStringLiteral("OP_0x") % QString::number(opcode, 16);
    }
}

QString npuDeviceGenerationName(int generation)
{
    switch (generation) {
    case 2: return QStringLiteral("AIE-ML");
    case 3: return QStringLiteral("npu1 (AIE2IPU, Phoenix/Hawk Point)");
    case 4: return QStringLiteral("npu2 (AIE2P, Strix/Krackan)");
    case 8: return QStringLiteral("AIE2P Strix A0");
    case 9: return QStringLiteral("AIE2P Strix B0");
    default: return QStringLiteral("unknown");
    }
}

QString NpuSync::describe() const
{
    if (merged)
        return QStringLiteral("merged (every pending token)");
    const QString cols = columns > 1
        ? QString::number(column) % QLatin1Char('-') % QString::number(column + columns - 1)
        : QString::number(column);
    const QString ch = channelIndex <= 1
        ? NpuRegisters::channelName(channel())
        : (toNpu ? QStringLiteral("MM2S") : QStringLiteral("S2MM")) % QString::number(channelIndex);
    return QStringLiteral("col ") % cols % QLatin1Char(' ') % ch;
}

QString NpuArgument::directionName() const
{
    if (read && written)
        return QStringLiteral("both");
    return written ? QStringLiteral("from_npu") : QStringLiteral("to_npu");
}

const NpuArgument* NpuStream::argument(qint64 xrtArgument) const
{
    for (const NpuArgument& a : arguments) {
        if (a.xrtArgument == xrtArgument)
            return &a;
    }
    return nullptr;
}

QString NpuStream::opName(int index) const
{
    if (index < 0 || index >= ops.size())
        return {};
    return npuOpcodeName(format, ops.at(index).opcode);
}

QString NpuStream::opRegisterName(int index) const
{
    if (index < 0 || index >= ops.size())
        return {};
    const NpuOp& op = ops.at(index);
    const int memRows = memTileRows >= 0 ? memTileRows : 1;
    if (format == NpuFormat::Legacy) {
        if (op.opcode == 2)
            return NpuRegisters::registerName(op.column, op.row, quint32(op.address & 0xFFFFF), memRows);
        if (op.opcode == 6)
            return NpuRegisters::tileName(op.column, 0, memRows) % QStringLiteral(".BD")
                % QString::number(NpuRegisters::shimBd(NpuRegisters::offset(op.address)));
        return {};
    }
    switch (op.opcode) {
    case 0:
    case 1:
    case 3:
    case 4:
    case 7:
    case 0x81: return NpuRegisters::registerName(op.address, memRows);
    default: return {};
    }
}

QString NpuStream::opDetail(int index) const
{
    if (index < 0 || index >= ops.size())
        return {};
    const NpuOp& op = ops.at(index);
    const QString reg = opRegisterName(index);
    auto syncText = [&] {
        const QString dir = (op.value & 1) ? QStringLiteral("MM2S") : QStringLiteral("S2MM");
        return QStringLiteral("col %1 row %2 %3%4 x%5cols x%6rows")
            .arg(op.value >> 16 & 0xFF)
            .arg(op.value >> 8 & 0xFF)
            .arg(dir)
            .arg(op.mask >> 24)
            .arg(op.mask >> 16 & 0xFF)
            .arg(op.mask >> 8 & 0xFF);
    };
    if (format == NpuFormat::Legacy) {
        switch (op.opcode) {
        case 2: return reg % QStringLiteral(" = ") % hex32(op.value);
        case 3: return syncText();
        case 6:
            return reg
                % QStringLiteral(" <- ddr_id %1 (XRT %2) + %3, %4 words")
                      .arg(op.argIndex)
                      .arg(op.argIndex + 2)
                      .arg(hex(op.argPlus))
                      .arg(op.dataCount >= 3 ? words.value(op.dataWord + 2) : 0);
        default: return {};
        }
    }
    switch (op.opcode) {
    case 0: return reg % QStringLiteral(" = ") % hex32(op.value);
    case 1: return reg % QStringLiteral(" [%1 words]").arg(op.dataCount);
    case 3: return reg % QStringLiteral(" = ") % hex32(op.value) % QStringLiteral(" & ") % hex32(op.mask);
    case 4:
    case 7: return reg % QStringLiteral(" until & ") % hex32(op.mask) % QStringLiteral(" == ") % hex32(op.value);
    case 6: return QStringLiteral("level %1").arg(op.value);
    case 8: return QStringLiteral("PDI %1, %2 bytes at %3").arg(op.value).arg(op.mask).arg(hex(op.address));
    case 0x80: return syncText();
    case 0x81:
        return reg
            % QStringLiteral(" <- &arg_idx[%1] + %2 (XRT %3)")
                  .arg(op.argIndex)
                  .arg(hex(op.argPlus))
                  .arg(op.argIndex + 3);
    case 0x84: return QStringLiteral("waits on every pending token");
    default: return op.size > 4 ? QStringLiteral("%1 bytes").arg(op.size) : QString();
    }
}

QString NpuStream::describeOpIndex(quint32 txnOpIdx) const
{
    if (txnOpIdx == 0xFFFFFFFFu)
        return QStringLiteral("txn_op_idx 0xFFFFFFFF: no op had started yet, or every op completed (the firmware "
                              "reports this value before execution starts and after a successful run)");
    if (!isDecoded()) {
        return QStringLiteral("op %1: the stream is %2 and was not decoded, so its ops cannot be named")
            .arg(txnOpIdx)
            .arg(npuFormatName(format));
    }
    if (txnOpIdx >= quint32(ops.size())) {
        return QStringLiteral("op %1 does not exist: this stream has %2 ops (0-%3), so the NPU ran a different "
                              "stream than this file")
            .arg(txnOpIdx)
            .arg(ops.size())
            .arg(ops.size() - 1);
    }
    const int index = int(txnOpIdx);
    const QString name = opName(index);
    QString head = QStringLiteral("op %1: %2").arg(index).arg(name);
    for (const NpuSync& s : syncs) {
        if (s.opIndex != index)
            continue;
        QStringList pushes;
        for (int t : s.waitsFor)
            pushes << QStringLiteral("BD%1 pushed at op %2").arg(transfers.at(t).bd).arg(transfers.at(t).opIndex);
        const QString what = !s.missingTokens.isEmpty()
            ? QStringLiteral("waiting for a completion token that no earlier push on that channel issued")
            : s.toNpu ? QStringLiteral("waiting for an input transfer to finish")
                      : QStringLiteral("waiting for output that never came");
        return head % QLatin1Char(' ') % s.describe() % QStringLiteral(" — ") % what
            % (pushes.isEmpty() ? QStringLiteral(" (no push on that channel before it)")
                                : QStringLiteral(" (") % pushes.join(QStringLiteral(", ")) % u')');
    }
    const NpuOp& op = ops.at(index);
    if (isTxn() && op.opcode == 0x81) {
        return head
            % QStringLiteral(" arg_idx %1 (XRT argument %2) into %3 — patching that buffer's address")
                  .arg(op.argIndex)
                  .arg(op.argIndex + 3)
                  .arg(opRegisterName(index));
    }
    for (const NpuTransfer& t : transfers) {
        if (t.opIndex != index || t.chainStep != 0)
            continue;
        const QString arg
            = t.patched ? QStringLiteral("XRT argument %1").arg(t.xrtArgument) : QStringLiteral("no address patch");
        return head % QLatin1Char(' ') % opDetail(index)
            % QStringLiteral(" — starts col %1 %2 BD%3 (%4)").arg(t.column).arg(t.channelName()).arg(t.bd).arg(arg);
    }
    const QString detail = opDetail(index);
    return detail.isEmpty() ? head : head % QLatin1Char(' ') % detail;
}

QString NpuStream::transferText(const NpuTransfer& t) const
{
    QString text = QStringLiteral("col %1 %2 %3 BD%4: ")
                       .arg(t.column)
                       .arg(t.channelName())
                       .arg(t.toNpu() ? QStringLiteral("host->NPU") : QStringLiteral("NPU->host"))
                       .arg(t.bd);
    if (t.chainStep > 0)
        text = QStringLiteral("(chained) ") % text;
    if (t.patched)
        text += QStringLiteral("arg_idx %1 (XRT %2) +%3; ").arg(t.argIndex).arg(t.xrtArgument).arg(hex(t.offset));
    else
        text += QStringLiteral("no DDR patch; ");
    text += QStringLiteral("len %1 words (%2 B) x %3 run(s); dims %4")
                .arg(t.descriptor.lengthWords())
                .arg(4 * quint64(t.descriptor.lengthWords()))
                .arg(t.runs)
                .arg(dimsText(t));
    if (t.descriptor.iterates()) {
        text += QStringLiteral("; iter wrap %1 step %2")
                    .arg(t.descriptor.iterationWrap())
                    .arg(t.descriptor.iterationStride());
    }
    text
        += QStringLiteral("; touches bytes [%1, %2); token %3").arg(t.extent.first).arg(t.extent.end).arg(int(t.token));
    return text;
}

QString NpuStream::summaryText() const
{
    switch (format) {
    case NpuFormat::Txn01:
    case NpuFormat::Txn10:
        return QStringLiteral("TXN v%1 dev_gen %2 (%3), %4 rows x %5 cols, %6 mem-tile row(s), %7 ops, TxnSize %8 B "
                              "(file %9 B)")
            .arg(format == NpuFormat::Txn01 ? QStringLiteral("0.1") : QStringLiteral("1.0"))
            .arg(deviceGeneration)
            .arg(npuDeviceGenerationName(deviceGeneration))
            .arg(rows)
            .arg(columns)
            .arg(memTileRows)
            .arg(ops.size())
            .arg(txnSize)
            .arg(byteCount());
    case NpuFormat::Legacy:
        return QStringLiteral("legacy IPU sequence, prolog %1 words (word 0 = prolog length), %2 ops")
            .arg(prologWords)
            .arg(ops.size());
    default: return npuFormatName(format) % QStringLiteral(": ") % recognisedAs % QStringLiteral("; not decoded");
    }
}

QString NpuStream::toText(bool withOps, const QList<NpuFinding>& findings) const
{
    QStringList lines;
    const QString name = path.isEmpty() ? QStringLiteral("stream") : path;
    lines << QStringLiteral("%1: %2 words (%3 B), %4, format %5")
                 .arg(name)
                 .arg(wordCount())
                 .arg(byteCount())
                 .arg(npuEncodingName(encoding))
                 .arg(npuFormatName(format));
    lines << QStringLiteral("  ") % summaryText();
    if (withOps && !ops.isEmpty()) {
        lines << QStringLiteral("  ops:");
        for (int i = 0; i < ops.size(); ++i) {
            lines << QStringLiteral("    %1 @ %2  %3 %4")
                         .arg(i, 4)
                         .arg(ops.at(i).byteOffset, 5)
                         .arg(opName(i))
                         .arg(opDetail(i));
        }
    }
    if (isDecoded()) {
        if (chainsCut > 0)
            lines << QStringLiteral("  %1 USE_NEXT_BD chain(s) not followed to the end (too many chained BDs)")
                         .arg(chainsCut);
        lines << QStringLiteral("  transfers (queue pushes, in stream order):");
        for (const NpuTransfer& t : transfers)
            lines << QStringLiteral("    ") % transferText(t);
        QStringList syncNames;
        for (const NpuSync& s : syncs)
            syncNames << s.describe();
        lines << QStringLiteral("  syncs: ")
                % (syncNames.isEmpty() ? QStringLiteral("none") : syncNames.join(QStringLiteral(", ")));
        lines << QStringLiteral("  per host argument:");
        for (const NpuArgument& a : arguments) {
            lines << QStringLiteral("    XRT arg %1 (arg_idx %2): %3, %4 queue push(es), %5 B moved, needs >= %6 B")
                         .arg(a.xrtArgument)
                         .arg(a.argIndex)
                         .arg(a.read && a.written ? QStringLiteral("MM2S and S2MM (read and written by NPU)")
                                  : a.written     ? QStringLiteral("S2MM (written by NPU)")
                                                  : QStringLiteral("MM2S (read by NPU)"))
                         .arg(a.pushes)
                         .arg(a.bytesMoved)
                         .arg(a.minBytes);
        }
    }
    if (!findings.isEmpty()) {
        lines << QStringLiteral("  findings:");
        for (const NpuFinding& f : findings)
            lines << QStringLiteral("    ") % f.toText();
    }
    return lines.join(QLatin1Char('\n')) % QLatin1Char('\n');
}

QJsonObject NpuStream::toJson(bool withOps, const QList<NpuFinding>& findings) const
{
    QJsonObject o;
    o[QStringLiteral("path")] = path;
    o[QStringLiteral("format")] = npuFormatName(format);
    o[QStringLiteral("encoding")] = npuEncodingName(encoding);
    o[QStringLiteral("recognised_as")] = recognisedAs;
    o[QStringLiteral("device_generation")] = headerValue(deviceGeneration);
    o[QStringLiteral("device_generation_name")]
        = deviceGeneration < 0 ? QJsonValue() : QJsonValue(npuDeviceGenerationName(deviceGeneration));
    o[QStringLiteral("rows")] = headerValue(rows);
    o[QStringLiteral("columns")] = headerValue(columns);
    o[QStringLiteral("mem_tile_rows")] = headerValue(memTileRows);
    o[QStringLiteral("words")] = double(wordCount());
    o[QStringLiteral("bytes")] = double(byteCount());
    o[QStringLiteral("input_bytes")] = double(inputBytes);
    o[QStringLiteral("op_count")] = double(ops.size());
    o[QStringLiteral("header_op_count")] = headerValue(headerOpCount);
    o[QStringLiteral("txn_size")] = headerValue(txnSize);
    o[QStringLiteral("prolog_words")] = prologWords;
    o[QStringLiteral("chains_cut")] = chainsCut;

    if (withOps) {
        QJsonArray list;
        for (int i = 0; i < ops.size(); ++i) {
            const NpuOp& op = ops.at(i);
            list.append(QJsonObject { { QStringLiteral("index"), i },
                                      { QStringLiteral("byte_offset"), double(op.byteOffset) },
                                      { QStringLiteral("size"), double(op.size) },
                                      { QStringLiteral("opcode"), op.opcode },
                                      { QStringLiteral("name"), opName(i) },
                                      { QStringLiteral("column"), op.column },
                                      { QStringLiteral("row"), op.row },
                                      { QStringLiteral("register"), opRegisterName(i) },
                                      { QStringLiteral("detail"), opDetail(i) } });
        }
        o[QStringLiteral("ops")] = list;
    }

    QJsonArray transferList;
    for (const NpuTransfer& t : transfers) {
        std::array<NpuDim, 3> dims;
        const int n = t.dims(dims);
        QJsonArray dimList;
        for (int i = 0; i < n; ++i)
            dimList.append(QJsonObject { { QStringLiteral("size"), double(dims[size_t(i)].size) },
                                         { QStringLiteral("stride_words"), double(dims[size_t(i)].strideWords) } });
        QJsonObject j;
        j[QStringLiteral("op_index")] = t.opIndex;
        j[QStringLiteral("column")] = t.column;
        j[QStringLiteral("channel")] = t.channelName();
        j[QStringLiteral("direction")] = t.directionName();
        j[QStringLiteral("bd")] = t.bd;
        j[QStringLiteral("chain_step")] = t.chainStep;
        j[QStringLiteral("patched")] = t.patched;
        j[QStringLiteral("arg_idx")] = double(t.argIndex);
        j[QStringLiteral("xrt_argument")] = double(t.xrtArgument);
        j[QStringLiteral("offset")] = double(t.offset);
        j[QStringLiteral("patch_op_index")] = t.patchOpIndex;
        j[QStringLiteral("length_words")] = double(t.descriptor.lengthWords());
        j[QStringLiteral("runs")] = t.runs;
        j[QStringLiteral("bytes")] = double(t.bytes);
        j[QStringLiteral("first_byte")] = double(t.extent.first);
        j[QStringLiteral("end_byte")] = double(t.extent.end);
        j[QStringLiteral("dims")] = dimList;
        j[QStringLiteral("iteration")]
            = QJsonObject { { QStringLiteral("current"), double(t.descriptor.iterationCurrent()) },
                            { QStringLiteral("wrap"), double(t.descriptor.iterationWrap()) },
                            { QStringLiteral("stride_words"), double(t.descriptor.iterationStride()) } };
        j[QStringLiteral("token")] = t.token;
        j[QStringLiteral("packet")] = t.descriptor.enablePacket();
        j[QStringLiteral("waited_by_sync")] = t.waitedBySync;
        transferList.append(j);
    }
    o[QStringLiteral("transfers")] = transferList;

    QJsonArray argumentList;
    for (const NpuArgument& a : arguments) {
        argumentList.append(QJsonObject { { QStringLiteral("xrt_argument"), double(a.xrtArgument) },
                                          { QStringLiteral("arg_idx"), double(a.argIndex) },
                                          { QStringLiteral("direction"), a.directionName() },
                                          { QStringLiteral("bytes_moved"), double(a.bytesMoved) },
                                          { QStringLiteral("min_bytes"), double(a.minBytes) },
                                          { QStringLiteral("pushes"), a.pushes },
                                          { QStringLiteral("first_op_index"), a.firstOpIndex } });
    }
    o[QStringLiteral("arguments")] = argumentList;

    QJsonArray syncList;
    for (const NpuSync& s : syncs) {
        QJsonArray waits;
        for (int t : s.waitsFor)
            waits.append(t);
        QJsonArray missing;
        for (int c : s.missingTokens)
            missing.append(c);
        QJsonArray covers;
        if (!s.merged && s.channelIndex <= 1) {
            for (int c = s.column; c < s.column + std::max(s.columns, 1) && c < NpuRegisters::maxColumns; ++c)
                covers.append(QStringLiteral("col %1 %2").arg(c).arg(NpuRegisters::channelName(s.channel())));
        }
        syncList.append(QJsonObject {
            { QStringLiteral("op_index"), s.opIndex },
            { QStringLiteral("column"), s.column },
            { QStringLiteral("row"), s.row },
            { QStringLiteral("columns"), s.columns },
            { QStringLiteral("rows"), s.rows },
            { QStringLiteral("channel"), s.merged ? QString() : NpuRegisters::channelName(s.channel()) },
            { QStringLiteral("direction"), s.toNpu ? QStringLiteral("to_npu") : QStringLiteral("from_npu") },
            { QStringLiteral("merged"), s.merged },
            { QStringLiteral("covers"), covers },
            { QStringLiteral("waits_for"), waits },
            { QStringLiteral("missing_tokens"), missing } });
    }
    o[QStringLiteral("syncs")] = syncList;

    QJsonArray findingList;
    for (const NpuFinding& f : findings)
        findingList.append(f.toJson());
    o[QStringLiteral("findings")] = findingList;
    return o;
}

} // namespace xi
