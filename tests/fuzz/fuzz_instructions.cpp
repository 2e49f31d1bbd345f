// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer entry: sniff, decode, check (with a context that exercises every check), render.
// Build: cmake -DXI_FUZZ=ON with clang; run: build-fuzz/tests/fuzz_instructions -max_total_time=60
#include "instructions/npustreamchecker.h"
#include "instructions/npustreamreader.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    xi::NpuStreamError error;
    const auto stream = xi::NpuStreamReader::read(bytes, QStringLiteral("fuzz.bin"), &error);
    if (!stream) {
        (void)error.message();
        return 0;
    }
    xi::NpuStreamContext context;
    using Kind = xi::NpuStreamContext::ArgumentKind;
    context.argumentKinds = { Kind::Scalar, Kind::Buffer, Kind::Scalar, Kind::Buffer, Kind::Buffer, Kind::Scalar };
    context.partitionColumns = 2;
    context.deviceName = QStringLiteral("npu2");
    context.hostBufferSizes = { { 3, 4096 }, { 4, 0 } };
    context.hostBufferIndices = QSet<qint64> { 1, 3 };
    context.ninstr = qint64(size / 4);
    const QList<xi::NpuFinding> findings = xi::NpuStreamChecker::check(*stream, context);
    (void)QJsonDocument(stream->toJson(true, findings)).toJson(QJsonDocument::Compact);
    (void)stream->toText(true, findings);
    const qsizetype ops = stream->ops.size();
    for (quint32 i : { quint32(0), quint32(ops / 2), quint32(ops), 0xFFFFFFFFu })
        (void)stream->describeOpIndex(i);
    return 0;
}
