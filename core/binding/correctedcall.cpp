// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/correctedcall.h"

#include "binding/bindingplan.h"

#include <QFileInfo>

#include <algorithm>

namespace xi {

QString hostLanguageName(HostLanguage language)
{
    return language == HostLanguage::Python ? QStringLiteral("Python (pyxrt)") : QStringLiteral("C++");
}

namespace {

QList<KernelArgument> byIndex(const Kernel& kernel)
{
    QList<KernelArgument> args = kernel.arguments;
    std::stable_sort(args.begin(), args.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return args;
}

const KernelArgument* argument(const Kernel& kernel, int index)
{
    for (const KernelArgument& a : kernel.arguments) {
        if (a.id == index)
            return &a;
    }
    return nullptr;
}

QString identifier(const QString& name)
{
    QString id;
    for (const QChar c : name)
        id += (c.isLetterOrNumber() || c == QLatin1Char('_')) ? c : QLatin1Char('_');
    if (id.isEmpty() || id.front().isDigit())
        id.prepend(QLatin1String("arg_"));
    return id;
}

QString bufferVariable(const KernelArgument& arg, bool instructions)
{
    if (instructions)
        return QStringLiteral("instr_bo");
    const QString id = identifier(arg.name);
    return id.startsWith(QLatin1String("bo")) ? id : id + QStringLiteral("_bo");
}

QString joined(const QStringList& args)
{
    return args.join(QStringLiteral(", "));
}

} // namespace

int CorrectedCall::instructionIndex(const Kernel& kernel, Convention convention)
{
    const int index = convention == Convention::Opcode ? 1 : convention == Convention::Legacy ? 0 : -1;
    const KernelArgument* a = index >= 0 ? argument(kernel, index) : nullptr;
    return a && a->isBuffer() ? index : -1;
}

int CorrectedCall::instructionCountIndex(const Kernel& kernel, Convention convention)
{
    const int instr = instructionIndex(kernel, convention);
    const KernelArgument* a = instr >= 0 ? argument(kernel, instr + 1) : nullptr;
    return a && !a->isBuffer() ? instr + 1 : -1;
}

QStringList CorrectedCall::argumentExpressions(const Kernel& kernel, Convention convention)
{
    const int instr = instructionIndex(kernel, convention);
    const int count = instructionCountIndex(kernel, convention);
    QStringList exprs;
    for (const KernelArgument& a : byIndex(kernel)) {
        if (convention == Convention::Opcode && a.id == 0)
            exprs << QStringLiteral("3");
        else if (a.id == count)
            exprs << QStringLiteral("n_words");
        else if (a.isBuffer())
            exprs << bufferVariable(a, a.id == instr);
        else
            exprs << identifier(a.name);
    }
    return exprs;
}

QString CorrectedCall::call(const Kernel& kernel, Convention convention, HostLanguage language,
                            const QString& kernelVariable)
{
    const QString args = joined(argumentExpressions(kernel, convention));
    if (language == HostLanguage::Python)
        return QStringLiteral("run = %1(%2)").arg(kernelVariable, args);
    return QStringLiteral("auto run = %1(%2);").arg(kernelVariable, args);
}

QString CorrectedCall::boAllocation(const Kernel& kernel, Convention convention, int index, HostLanguage language,
                                    const QString& kernelVariable)
{
    const KernelArgument* a = argument(kernel, index);
    if (!a || !a->isBuffer())
        return {};
    const bool instructions = index == instructionIndex(kernel, convention);
    const QString var = bufferVariable(*a, instructions);
    const BoFlags flags = instructions ? BoFlags::Cacheable : BoFlags::HostOnly;
    const QString group = QStringLiteral("%1.group_id(%2)").arg(kernelVariable).arg(index);
    if (language == HostLanguage::Python) {
        const QString size = instructions ? QStringLiteral("len(insts)") : var + QStringLiteral("_size");
        return QStringLiteral("%1 = xrt.bo(device, %2, %3, %4)").arg(var, size, boFlagsPython(flags), group);
    }
    const QString size
        = instructions ? QStringLiteral("instr_v.size() * sizeof(uint32_t)") : var + QStringLiteral("_size");
    return QStringLiteral("xrt::bo %1(device, %2, %3, %4);").arg(var, size, boFlagsCpp(flags), group);
}

QStringList CorrectedCall::snippet(const Kernel& kernel, Convention convention, HostLanguage language,
                                   const QString& kernelVariable)
{
    QStringList lines;
    for (const KernelArgument& a : byIndex(kernel)) {
        const QString line = boAllocation(kernel, convention, a.id, language, kernelVariable);
        if (!line.isEmpty())
            lines << line;
    }
    if (instructionCountIndex(kernel, convention) >= 0) {
        lines << (language == HostLanguage::Python
                      ? QStringLiteral("n_words = len(insts) // 4  # 32-bit instruction words")
                      : QStringLiteral("std::uint32_t n_words = instr_v.size();  // 32-bit instruction words"));
    }
    lines << call(kernel, convention, language, kernelVariable);
    return lines;
}

QString CorrectedCall::role(const Kernel& kernel, Convention convention, int index)
{
    const KernelArgument* a = argument(kernel, index);
    if (!a)
        return QStringLiteral("no argument (the kernel has %1)").arg(kernel.arguments.size());
    if (convention == Convention::Opcode && index == 0)
        return QStringLiteral("the scalar '%1' (pass 3)").arg(a->name);
    if (index == instructionIndex(kernel, convention))
        return QStringLiteral("the instruction buffer '%1'").arg(a->name);
    if (index == instructionCountIndex(kernel, convention))
        return QStringLiteral("the scalar '%1' (the instruction word count)").arg(a->name);
    if (a->isBuffer())
        return QStringLiteral("the buffer '%1'").arg(a->name);
    return QStringLiteral("the scalar '%1'").arg(a->name);
}

bool hostLanguageFromPath(const QString& path, HostLanguage* out)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("py")) {
        *out = HostLanguage::Python;
        return true;
    }
    static const QStringList cpp = { QStringLiteral("cpp"), QStringLiteral("cc"), QStringLiteral("cxx"),
                                     QStringLiteral("c"),   QStringLiteral("h"),  QStringLiteral("hpp") };
    if (cpp.contains(suffix)) {
        *out = HostLanguage::Cpp;
        return true;
    }
    return false;
}

} // namespace xi
