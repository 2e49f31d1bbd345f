// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentiondesign.h"

#include "instructions/npustreamwriter.h"

namespace xi {

namespace {

const NpuArgument* argument(const NpuStream& stream, qint64 xrtArgument)
{
    for (const NpuArgument& a : stream.arguments) {
        if (a.xrtArgument == xrtArgument)
            return &a;
    }
    return nullptr;
}

NpuBufferDescriptor linear(quint32 bytes)
{
    NpuBufferDescriptor bd;
    bd.words[0] = bytes / 4;
    bd.words[4] = 0x80000000u; // burst length 256 B, as aiecc writes for npu1
    bd.words[5] = 0x02000000u; // AXCACHE 2 (NoC upsizing)
    bd.words[7] = 0x02000000u; // valid
    return bd;
}

} // namespace

AttentionDesign::Recognition AttentionDesign::recognise(const NpuStream& stream)
{
    Recognition r;
    if (!stream.isDecoded()) {
        r.why = QStringLiteral("the instruction stream could not be decoded (%1)").arg(npuFormatName(stream.format));
        return r;
    }
    const NpuArgument* in = argument(stream, InputArgument);
    const NpuArgument* out = argument(stream, OutputArgument);
    if (stream.arguments.size() != 2 || !in || !out || !in->read || in->written || out->read || !out->written) {
        QStringList seen;
        for (const NpuArgument& a : stream.arguments)
            seen << QStringLiteral("%1 %2").arg(a.xrtArgument).arg(a.directionName());
        r.why = QStringLiteral("the stream moves arguments %1, not our attention layout (argument 3 read, argument 4 "
                               "written)")
                    .arg(seen.isEmpty() ? QStringLiteral("none") : seen.join(QStringLiteral(", ")));
        return r;
    }
    for (int size : AttentionEmulatedKernel::sizes()) {
        const quint64 tile = quint64(size) * quint64(size);
        if (in->minBytes == 3 * tile && in->bytesMoved == 3 * tile && out->minBytes == tile
            && out->bytesMoved == tile) {
            r.size = size;
            r.why = QStringLiteral("the stream reads Q, K and V (%1 bytes) from argument 3 and writes the %2x%2 output "
                                   "(%3 bytes) to argument 4, the layout of kernels/attention's runtime sequence")
                        .arg(3 * tile)
                        .arg(size)
                        .arg(tile);
            return r;
        }
    }
    r.why
        = QStringLiteral("the stream reads %1 bytes from argument 3 and writes %2 bytes to argument 4, no size of our "
                         "attention kernel (3 S^2 and S^2 bytes for S = 16, 32 or 64)")
              .arg(in->minBytes)
              .arg(out->minBytes);
    return r;
}

QByteArray AttentionDesign::instructionStream(int size, int columns)
{
    const quint32 tile = quint32(size) * quint32(size);
    NpuStreamWriter w;
    w.setHeader(3, 6, columns, 1);
    w.writeBd(0, 0, linear(tile));
    w.patchBd(0, 0, OutputArgument - 3, 0);
    w.maskWrite(0x1D200, 0xF00, 0x1F00); // S2MM0 controller id, before the token push
    w.push(0, NpuChannel::S2MM0, 0, 1, true);
    w.writeBd(0, 1, linear(3 * tile));
    w.patchBd(0, 1, InputArgument - 3, 0);
    w.push(0, NpuChannel::MM2S0, 1);
    w.sync(0, 0, NpuChannel::S2MM0);
    return w.bytes();
}

} // namespace xi
