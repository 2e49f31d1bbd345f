// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace xi {

// The flags one aiecc version understands, read from its `--help`: the names changed between versions
// (docs/domain.md section 7), so the command line is built from what the tool itself says it accepts.
class AieccFlagSet {
public:
    enum class Generation {
        Unknown, // none of the known flag names: the command cannot be built
        Ipu, // 2023 - early 2024 aiecc.py: --aie-generate-ipu, --ipu-insts-name (default ipu_insts.txt)
        Npu, // mid 2024 aiecc.py: --aie-generate-npu, --npu-insts-name
        NpuInsts, // 2025 aiecc.py: --aie-generate-npu-insts, --npu-insts-name (default {0}_{1}.bin)
        Get, // 2026 C++ aiecc: --get-xclbin, --get-npu-insts
    };

    static AieccFlagSet fromHelp(const QString& helpText);
    static AieccFlagSet forGeneration(Generation generation);

    Generation generation() const { return m_generation; }
    bool isKnown() const { return m_generation != Generation::Unknown; }
    static QString generationName(Generation generation); // "ipu", "npu", "npu-insts", "get", "unknown"
    QString description() const; // one sentence naming the flags chosen

    QString xclbinFlag() const { return m_xclbinFlag; }
    QString xclbinNameOption() const { return m_xclbinName; }
    QString instructionsFlag() const { return m_instsFlag; }
    QString instructionsNameOption() const { return m_instsName; }
    QStringList extraFlags() const { return m_extra; } // --no-compile-host, --no-xchesscc, ... when offered

    // The instruction file name this generation writes for a design base name ("attention_64x64.insts.bin";
    // .txt for the text-era generations).
    QString instructionsFileName(const QString& baseName) const;
    // Every argument after the aiecc command: the flags, the output names and the design last.
    QStringList arguments(const QString& designPath, const QString& xclbinName, const QString& instsName) const;

private:
    Generation m_generation = Generation::Unknown;
    QString m_xclbinFlag;
    QString m_xclbinName;
    QString m_instsFlag;
    QString m_instsName;
    QStringList m_extra;
};

} // namespace xi
