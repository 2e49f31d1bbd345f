// SPDX-License-Identifier: GPL-3.0-or-later
#include "instructions/npustreamchecker.h"

#include <QStringList>

#include <algorithm>
#include <map>

namespace xi {

namespace {

QString family(int generation)
{
    switch (generation) {
    case 3: return QStringLiteral("npu1");
    case 4:
    case 8:
    case 9: return QStringLiteral("npu2");
    case 2: return QStringLiteral("AIE-ML");
    default: return QStringLiteral("generation %1").arg(generation);
    }
}

class Checker {
public:
    Checker(const NpuStream& stream, const NpuStreamContext& context)
        : m_s(stream)
        , m_c(context)
    {
    }

    QList<NpuFinding> run()
    {
        if (!m_s.isDecoded()) {
            add(QStringLiteral("not-decodable"), Severity::Info, -1, -1,
                QStringLiteral("expected a TXN or legacy instruction stream to decode, found %1 (%2); its arguments, "
                               "sizes and syncs are not checked")
                    .arg(npuFormatName(m_s.format), m_s.recognisedAs));
            return m_findings;
        }
        checkArguments();
        checkTransfers();
        checkOutputsWaited();
        checkSyncTokens();
        checkDevice();
        checkColumns();
        checkNinstr();
        return m_findings;
    }

private:
    const NpuStream& m_s;
    const NpuStreamContext& m_c;
    QList<NpuFinding> m_findings;

    void add(const QString& code, Severity severity, qint64 argument, int op, const QString& message)
    {
        m_findings.append(NpuFinding { code, severity, argument, op, message });
    }

    QString pushName(const NpuTransfer& t) const
    {
        return QStringLiteral("col %1 %2 BD%3").arg(t.column).arg(t.channelName()).arg(t.bd);
    }

    QString argumentUse(const NpuArgument& a) const
    {
        if (a.read && a.written)
            return QStringLiteral("reads and writes");
        return a.written ? QStringLiteral("writes") : QStringLiteral("reads");
    }

    void checkArguments()
    {
        for (const NpuArgument& a : m_s.arguments) {
            const NpuTransfer& needs = m_s.transfers.at(a.minBytesTransfer);
            if (!m_c.argumentKinds.isEmpty()) {
                const bool beyond = a.xrtArgument >= m_c.argumentKinds.size();
                const auto kind = beyond ? NpuStreamContext::ArgumentKind::Absent : m_c.argumentKinds.at(a.xrtArgument);
                if (kind == NpuStreamContext::ArgumentKind::Scalar) {
                    add(QStringLiteral("patched-scalar"), Severity::Error, a.xrtArgument, needs.patchOpIndex,
                        QStringLiteral("expected XRT argument %1 to be a buffer because the stream patches a DMA "
                                       "address with it (arg_idx %2), found a scalar in the xclbin")
                            .arg(a.xrtArgument)
                            .arg(a.argIndex));
                } else if (kind == NpuStreamContext::ArgumentKind::Absent) {
                    add(QStringLiteral("patched-absent"), Severity::Error, a.xrtArgument, needs.patchOpIndex,
                        QStringLiteral(
                            "expected the kernel to have an XRT argument %1 because the stream patches a DMA "
                            "address with it (arg_idx %2), found %3")
                            .arg(a.xrtArgument)
                            .arg(a.argIndex)
                            .arg(beyond ? QStringLiteral("only %1 argument(s) (0-%2)")
                                              .arg(m_c.argumentKinds.size())
                                              .arg(m_c.argumentKinds.size() - 1)
                                        : QStringLiteral("no argument at that index")));
                }
            }
            if (m_c.hostBufferIndices && !m_c.hostBufferIndices->contains(a.xrtArgument)) {
                add(QStringLiteral("argument-not-passed"), Severity::Error, a.xrtArgument, a.firstOpIndex,
                    QStringLiteral("expected a host buffer at XRT index %1 because the stream %2 it (%3 bytes needed), "
                                   "found none passed there")
                        .arg(a.xrtArgument)
                        .arg(argumentUse(a))
                        .arg(a.minBytes));
            } else if (const auto size = m_c.hostBufferSizes.constFind(a.xrtArgument);
                       size != m_c.hostBufferSizes.cend() && *size < a.minBytes) {
                add(QStringLiteral("buffer-too-small"), Severity::Error, a.xrtArgument, needs.opIndex,
                    QStringLiteral("expected the host buffer at XRT index %1 to hold at least %2 bytes (%3 touches "
                                   "bytes [%4, %5)), found %6 bytes")
                        .arg(a.xrtArgument)
                        .arg(a.minBytes)
                        .arg(pushName(needs))
                        .arg(needs.extent.first)
                        .arg(needs.extent.end)
                        .arg(*size));
            }
        }
    }

    void checkTransfers()
    {
        for (const NpuTransfer& t : m_s.transfers) {
            if (t.patched)
                continue;
            QString found;
            if (t.patchLostAtOp >= 0) {
                found = QStringLiteral("its patch was overwritten when op %1 rewrote the BD's address words")
                            .arg(t.patchLostAtOp);
            } else if (t.bdWriteOpIndex >= 0) {
                found = QStringLiteral("no patch after the BD was written at op %1").arg(t.bdWriteOpIndex);
            } else {
                found = QStringLiteral("a BD the stream never wrote nor patched");
            }
            add(QStringLiteral("unpatched-bd"), Severity::Error, -1, t.opIndex,
                QStringLiteral("expected a DDR address patch for %1%2 started at op %3, found %4")
                    .arg(pushName(t))
                    .arg(t.chainStep > 0 ? QStringLiteral(" (chained)") : QString())
                    .arg(t.opIndex)
                    .arg(found));
        }
    }

    void checkOutputsWaited()
    {
        // One finding per output channel, naming its first push that no later sync covers.
        std::map<std::pair<int, int>, QList<const NpuTransfer*>> unwaited;
        for (const NpuTransfer& t : m_s.transfers) {
            if (!t.toNpu() && t.chainStep == 0 && t.waitedBySync < 0)
                unwaited[{ t.column, int(t.channel) }].append(&t);
        }
        for (const auto& [key, list] : unwaited) {
            const NpuTransfer& t = *list.first();
            add(QStringLiteral("output-not-waited"), Severity::Error, t.xrtArgument, t.opIndex,
                QStringLiteral("expected a SYNC on col %1 %2 after op %3 so the host reads %4 only once the data has "
                               "landed, found %5 output push(es) on that channel with no later sync")
                    .arg(t.column)
                    .arg(t.channelName())
                    .arg(t.opIndex)
                    .arg(t.patched ? QStringLiteral("XRT argument %1").arg(t.xrtArgument)
                                   : QStringLiteral("the output"))
                    .arg(list.size()));
        }
    }

    void checkSyncTokens()
    {
        for (const NpuSync& s : m_s.syncs) {
            // Only shim channels are modelled: a sync on mem-tile or core channels waits on pushes not decoded.
            if (s.missingTokens.isEmpty() || s.row != 0 || s.rows > 1)
                continue;
            QStringList channels;
            for (int column : s.missingTokens)
                channels << QStringLiteral("col %1 %2").arg(column).arg(NpuRegisters::channelName(s.channel()));
            add(QStringLiteral("sync-without-token"), Severity::Error, -1, s.opIndex,
                QStringLiteral("expected an earlier push with ENABLE_TOKEN_ISSUE on %1 for the SYNC at op %2 to "
                               "consume, found none, so the sync waits for a token that never comes")
                    .arg(channels.join(QStringLiteral(", ")))
                    .arg(s.opIndex));
        }
    }

    void checkDevice()
    {
        const int want = m_c.effectiveGeneration();
        if (!m_s.isTxn() || want == 0 || family(m_s.deviceGeneration) == family(want))
            return;
        const QString device = m_c.deviceName.isEmpty() ? family(want) : m_c.deviceName;
        if (m_s.deviceGeneration == 3 && family(want) == QLatin1String("npu2") && m_s.format == NpuFormat::Txn10) {
            add(QStringLiteral("device-mismatch"), Severity::Warning, -1, -1,
                QStringLiteral("expected device generation %1 (%2) in the header, found 3 (npu1) in a TXN v1.0 stream; "
                               "mlir-aie wrote 3 even for npu2 in the TXN v1.0 era, so this is probably harmless")
                    .arg(want)
                    .arg(device));
            return;
        }
        add(QStringLiteral("device-mismatch"), Severity::Error, -1, -1,
            QStringLiteral("expected device generation %1 (%2, from the xclbin) in the stream header, found %3 (%4)")
                .arg(want)
                .arg(device)
                .arg(m_s.deviceGeneration)
                .arg(npuDeviceGenerationName(m_s.deviceGeneration)));
    }

    void checkColumns()
    {
        const int width = m_c.partitionColumns;
        if (width <= 0)
            return;
        if (m_s.isTxn() && m_s.columns != width) {
            add(QStringLiteral("column-mismatch"), Severity::Error, -1, -1,
                QStringLiteral("expected the stream header's column count to equal the AIE partition width of %1, "
                               "found %2 columns")
                    .arg(width)
                    .arg(m_s.columns));
        }
        int reported = -1;
        for (const NpuTransfer& t : m_s.transfers) {
            if (t.column < width || t.column == reported)
                continue;
            reported = t.column;
            add(QStringLiteral("column-mismatch"), Severity::Error, t.xrtArgument, t.opIndex,
                QStringLiteral("expected every transfer in columns 0-%1 of the %2-column partition, found %3 in "
                               "column %4")
                    .arg(width - 1)
                    .arg(width)
                    .arg(pushName(t))
                    .arg(t.column));
        }
        for (const NpuSync& s : m_s.syncs) {
            if (s.merged || s.column + std::max(s.columns, 1) <= width)
                continue;
            add(QStringLiteral("column-mismatch"), Severity::Error, -1, s.opIndex,
                QStringLiteral("expected every sync in columns 0-%1 of the %2-column partition, found a SYNC on %3")
                    .arg(width - 1)
                    .arg(width)
                    .arg(s.describe()));
        }
    }

    void checkNinstr()
    {
        if (!m_c.ninstr)
            return;
        const qint64 value = *m_c.ninstr;
        const qint64 words = m_s.wordCount();
        const qint64 argument = m_s.isTxn() ? 2 : 1; // (opcode, instr, ninstr, ...) or (instr, ninstr, ...)
        if (value == words)
            return;
        if (value == 0) {
            add(QStringLiteral("ninstr-mismatch"), Severity::Error, argument, -1,
                QStringLiteral("expected ninstr = %1 (the stream's word count), found 0, so the NPU is given no "
                               "instructions")
                    .arg(words));
        } else if (m_s.isTxn() && value == m_s.byteCount()) {
            add(QStringLiteral("ninstr-mismatch"), Severity::Warning, argument, -1,
                QStringLiteral("expected ninstr = %1 (the stream's word count), found %2, its byte count (the header "
                               "carries its own size; the ABI says words)")
                    .arg(words)
                    .arg(value));
        } else {
            add(QStringLiteral("ninstr-mismatch"), Severity::Error, argument, -1,
                QStringLiteral("expected ninstr = %1 (the stream's word count%2), found %3%4")
                    .arg(words)
                    .arg(m_s.isTxn()
                             ? QString()
                             : QStringLiteral("; a legacy sequence has no header, so the count decides what runs"))
                    .arg(value)
                    .arg(value == m_s.byteCount() ? QStringLiteral(", its byte count") : QString()));
        }
    }
};

} // namespace

int NpuStreamContext::generationFromDeviceName(const QString& name)
{
    const QString n = name.toLower();
    if (n.isEmpty())
        return 0;
    if (n.contains(QLatin1String("npu1")) || n.contains(QLatin1String("phoenix")) || n.contains(QLatin1String("hawk")))
        return 3;
    for (const char* key : { "npu2", "npu4", "npu5", "npu6", "strix", "krackan" }) {
        if (n.contains(QLatin1String(key)))
            return 4;
    }
    return 0;
}

QList<NpuFinding> NpuStreamChecker::check(const NpuStream& stream, const NpuStreamContext& context)
{
    return Checker(stream, context).run();
}

} // namespace xi
