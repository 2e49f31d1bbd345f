// SPDX-License-Identifier: GPL-3.0-or-later
#include "attention/attentionemulatedkernel.h"

#include "attention.h"

namespace xi {

QString AttentionEmulatedKernel::nameFor(int size)
{
    return QStringLiteral("attention-int8-%1x%1").arg(size);
}

QString AttentionEmulatedKernel::description() const
{
    return QStringLiteral("int8 attention %1x%1 (kernels/attention built for the host): Q, K, V from bo0 "
                          "(argument 3, %2 bytes), output to bo1 (argument 4, %3 bytes)")
        .arg(m_size)
        .arg(3 * m_size * m_size)
        .arg(m_size * m_size);
}

QString AttentionEmulatedKernel::run(EmulatedArguments& arguments) const
{
    const qsizetype n = qsizetype(m_size) * m_size;
    if (!arguments.buffers.contains(InputArgument))
        return QStringLiteral("no buffer at argument %1 (bo0, the Q, K, V input)").arg(InputArgument);
    if (!arguments.buffers.contains(OutputArgument))
        return QStringLiteral("no buffer at argument %1 (bo1, the output)").arg(OutputArgument);
    const QByteArray input = arguments.buffers.value(InputArgument);
    QByteArray& output = arguments.buffers[OutputArgument];
    if (input.size() < 3 * n) {
        return QStringLiteral("the buffer at argument %1 holds %2 bytes; Q, K, V need %3")
            .arg(InputArgument)
            .arg(input.size())
            .arg(3 * n);
    }
    if (output.size() < n) {
        return QStringLiteral("the buffer at argument %1 holds %2 bytes; the output needs %3")
            .arg(OutputArgument)
            .arg(output.size())
            .arg(n);
    }
    const auto* qkv = reinterpret_cast<const int8_t*>(input.constData());
    auto* out = reinterpret_cast<int8_t*>(output.data());
    if (attention_int8(qkv, qkv + n, qkv + 2 * n, out, m_size, m_size) != 0)
        return QStringLiteral("size %1 is outside what the kernel supports").arg(m_size);
    return {};
}

} // namespace xi
