// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/aieccflagset.h"

#include <QRegularExpression>

namespace xi {

namespace {

bool offers(const QString& help, const QString& flag)
{
    // The flag as a whole word: --aie-generate-npu must not match --aie-generate-npu-insts.
    const QRegularExpression re(QRegularExpression::escape(flag) + QStringLiteral("(?![\\w-])"));
    return re.match(help).hasMatch();
}

} // namespace

AieccFlagSet AieccFlagSet::forGeneration(Generation generation)
{
    AieccFlagSet set;
    set.m_generation = generation;
    set.m_xclbinFlag = QStringLiteral("--aie-generate-xclbin");
    set.m_xclbinName = QStringLiteral("--xclbin-name");
    set.m_instsName = QStringLiteral("--npu-insts-name");
    switch (generation) {
    case Generation::Unknown: return AieccFlagSet();
    case Generation::Ipu:
        set.m_instsFlag = QStringLiteral("--aie-generate-ipu");
        set.m_instsName = QStringLiteral("--ipu-insts-name");
        break;
    case Generation::Npu: set.m_instsFlag = QStringLiteral("--aie-generate-npu"); break;
    case Generation::NpuInsts: set.m_instsFlag = QStringLiteral("--aie-generate-npu-insts"); break;
    case Generation::Get:
        set.m_xclbinFlag = QStringLiteral("--get-xclbin");
        set.m_instsFlag = QStringLiteral("--get-npu-insts");
        break;
    }
    return set;
}

AieccFlagSet AieccFlagSet::fromHelp(const QString& helpText)
{
    Generation generation = Generation::Unknown;
    if (offers(helpText, QStringLiteral("--get-xclbin")) || offers(helpText, QStringLiteral("--get-npu-insts")))
        generation = Generation::Get;
    else if (offers(helpText, QStringLiteral("--aie-generate-npu-insts")))
        generation = Generation::NpuInsts;
    else if (offers(helpText, QStringLiteral("--aie-generate-npu")))
        generation = Generation::Npu;
    else if (offers(helpText, QStringLiteral("--aie-generate-ipu")))
        generation = Generation::Ipu;
    AieccFlagSet set = forGeneration(generation);
    if (!set.isKnown())
        return set;
    if (offers(helpText, QStringLiteral("--alloc-scheme")))
        set.m_extra << QStringLiteral("--alloc-scheme=basic-sequential");
    for (const char* flag : { "--no-compile-host", "--no-xchesscc", "--no-xbridge" }) {
        if (offers(helpText, QLatin1String(flag)))
            set.m_extra << QLatin1String(flag);
    }
    // Verbose output traces every step: it is what the log view streams and the progress counts.
    if (offers(helpText, QStringLiteral("--verbose")))
        set.m_extra << QStringLiteral("--verbose");
    return set;
}

QString AieccFlagSet::generationName(Generation generation)
{
    switch (generation) {
    case Generation::Unknown: return QStringLiteral("unknown");
    case Generation::Ipu: return QStringLiteral("ipu");
    case Generation::Npu: return QStringLiteral("npu");
    case Generation::NpuInsts: return QStringLiteral("npu-insts");
    case Generation::Get: return QStringLiteral("get");
    }
    return {};
}

QString AieccFlagSet::description() const
{
    switch (m_generation) {
    case Generation::Unknown:
        return QStringLiteral("aiecc's --help names none of --aie-generate-ipu, --aie-generate-npu, "
                              "--aie-generate-npu-insts, --get-npu-insts: the command line cannot be chosen");
    case Generation::Ipu: return QStringLiteral("2023-2024 aiecc.py flags: --aie-generate-ipu, --ipu-insts-name");
    case Generation::Npu: return QStringLiteral("mid-2024 aiecc.py flags: --aie-generate-npu, --npu-insts-name");
    case Generation::NpuInsts:
        return QStringLiteral("2025 aiecc.py flags: --aie-generate-xclbin, --aie-generate-npu-insts, --npu-insts-name");
    case Generation::Get: return QStringLiteral("C++ aiecc flags: --get-xclbin, --get-npu-insts");
    }
    return {};
}

QString AieccFlagSet::instructionsFileName(const QString& baseName) const
{
    const bool text = m_generation == Generation::Ipu || m_generation == Generation::Npu;
    return baseName + (text ? QStringLiteral(".insts.txt") : QStringLiteral(".insts.bin"));
}

QStringList AieccFlagSet::arguments(const QString& designPath, const QString& xclbinName,
                                    const QString& instsName) const
{
    if (!isKnown())
        return {};
    QStringList args = m_extra;
    args << m_xclbinFlag << m_instsFlag << m_xclbinName + QLatin1Char('=') + xclbinName
         << m_instsName + QLatin1Char('=') + instsName << designPath;
    return args;
}

} // namespace xi
