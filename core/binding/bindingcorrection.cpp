// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/bindingcorrection.h"

#include "binding/correctedcall.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace xi {

namespace {

QString kernelVariable(const BindingPlan& plan)
{
    static const QRegularExpression re(QStringLiteral("^\\s*([A-Za-z_]\\w*)\\s*\\("));
    const auto m = re.match(plan.callText);
    return m.hasMatch() ? m.captured(1) : QStringLiteral("kernel");
}

// True when the plan was read from a program in the other language: its expressions do not carry over.
bool foreign(const BindingPlan& plan, HostLanguage lang)
{
    HostLanguage source;
    return !plan.sourceFile.isEmpty() && hostLanguageFromPath(plan.sourceFile, &source) && source != lang;
}

bool portable(const QString& expression)
{
    static const QRegularExpression re(QStringLiteral("^(?:[A-Za-z_]\\w*|\\d+)$"));
    return re.match(expression).hasMatch();
}

QString allocation(const BoBinding& bo, int index, bool instructions, HostLanguage lang, const QString& kernelVar,
                   bool foreignPlan)
{
    const BoFlags flags = instructions ? BoFlags::Cacheable : BoFlags::HostOnly;
    const bool keepText = !bo.sizeText.isEmpty() && (!foreignPlan || portable(bo.sizeText));
    const QString size = keepText ? bo.sizeText
        : bo.size                 ? QString::number(bo.size)
                                  : bo.name + QStringLiteral("_size");
    const QString group = QStringLiteral("%1.group_id(%2)").arg(kernelVar).arg(index);
    if (lang == HostLanguage::Python)
        return QStringLiteral("%1 = xrt.bo(device, %2, %3, %4)").arg(bo.name, size, boFlagsPython(flags), group);
    return QStringLiteral("xrt::bo %1(device, %2, %3, %4);").arg(bo.name, size, boFlagsCpp(flags), group);
}

bool needsAllocation(const BoBinding& bo, int index, bool instructions)
{
    const BoFlags wanted = instructions ? BoFlags::Cacheable : BoFlags::HostOnly;
    return bo.groupArgument != index || (instructions && bo.flags != wanted);
}

QString countExpression(const BindingPlan& plan, HostLanguage lang, const std::optional<BindingInstructions>& insts)
{
    if (foreign(plan, lang))
        return insts ? QString::number(insts->wordCount()) : QString();
    for (const ArgBinding& a : plan.arguments) {
        if (a.isScalar() && a.instructionWords && !a.text.isEmpty() && a.text != QLatin1String("ninstr"))
            return a.text;
    }
    for (const ArgBinding& a : plan.arguments) {
        if (a.isScalar() && a.instructionBytes && !a.text.isEmpty() && a.text != QLatin1String("nbytes"))
            return lang == HostLanguage::Python ? a.text + QStringLiteral(" // 4") : a.text + QStringLiteral(" / 4");
    }
    if (insts)
        return QString::number(insts->wordCount());
    return {};
}

} // namespace

QString BindingCorrection::Result::callExpression() const
{
    return QStringLiteral("%1(%2)").arg(kernelVariable, arguments.join(QStringLiteral(", ")));
}

QStringList BindingCorrection::lines(const Kernel& kernel, Convention convention, const BindingPlan& plan,
                                     HostLanguage language, const std::optional<BindingInstructions>& instructions)
{
    return correct(kernel, convention, plan, language, instructions).lines;
}

BindingCorrection::Result BindingCorrection::correct(const Kernel& kernel, Convention convention,
                                                     const BindingPlan& plan, HostLanguage language,
                                                     const std::optional<BindingInstructions>& instructions)
{
    Result result;
    const QString kernelVar = kernelVariable(plan);
    const bool foreignPlan = foreign(plan, language);
    QStringList exprs = CorrectedCall::argumentExpressions(kernel, convention);
    const int instrIndex = CorrectedCall::instructionIndex(kernel, convention);
    const int countIndex = CorrectedCall::instructionCountIndex(kernel, convention);
    QList<int> bufferIndices;
    for (const KernelArgument& a : kernel.arguments) {
        if (a.isBuffer() && a.id != instrIndex)
            bufferIndices << a.id;
    }
    std::sort(bufferIndices.begin(), bufferIndices.end());

    QStringList& out = result.lines;
    auto add = [&](const QString& line) {
        out << line;
        result.newLines << line;
    };
    auto reallocate = [&](const BoBinding& bo, int index, bool instructions) {
        out << allocation(bo, index, instructions, language, kernelVar, foreignPlan);
        result.reallocations << Reallocation { bo.name, index, instructions };
    };
    const BoBinding* instr = nullptr;
    QList<const BoBinding*> data;
    // A BO passed at the call keeps the expression the program wrote there (buffers[2], kargv[1]), not a name made up.
    QHash<const BoBinding*, QString> written;
    for (const ArgBinding& a : plan.arguments) {
        if (!a.isBuffer())
            continue;
        // (a quick plan typed by hand has items such as bo:3 there, not expressions)
        written.insert(&a.bo, a.text.isEmpty() || plan.sourceFile.isEmpty() ? a.bo.name : a.text);
        if (a.bo.instructions && !instr)
            instr = &a.bo;
        else
            data << &a.bo;
    }
    auto expression = [&written](const BoBinding* bo) { return written.value(bo, bo->name); };
    for (const BoBinding& bo : plan.unpassedBuffers) { // allocated and filled, then never passed
        if (!instr && bo.instructions && !bo.name.isEmpty())
            instr = &bo;
    }
    if (instrIndex >= 0 && instrIndex < exprs.size()) {
        if (instr) {
            exprs[instrIndex] = expression(instr);
            if (needsAllocation(*instr, instrIndex, true))
                reallocate(*instr, instrIndex, true);
        } else {
            add(CorrectedCall::boAllocation(kernel, convention, instrIndex, language, kernelVar));
        }
    }
    int lastUsed = -1;
    for (int i = 0; i < data.size() && i < bufferIndices.size(); ++i) {
        const int index = bufferIndices.at(i);
        exprs[index] = expression(data.at(i));
        lastUsed = qMax(lastUsed, index);
        if (needsAllocation(*data.at(i), index, false))
            reallocate(*data.at(i), index, false);
    }
    if (countIndex >= 0 && countIndex < exprs.size()) {
        const QString count = countExpression(plan, language, instructions);
        if (!count.isEmpty())
            exprs[countIndex] = count;
        else {
            for (const QString& line : CorrectedCall::snippet(kernel, convention, language, kernelVar)) {
                if (line.contains(QLatin1String("n_words =")))
                    add(line);
            }
        }
    }
    for (const ArgBinding& a : plan.arguments) { // other scalars keep what the host passed at their index
        const KernelArgument* k = nullptr;
        for (const KernelArgument& ka : kernel.arguments)
            k = ka.id == a.index ? &ka : k;
        if (k && !k->isBuffer() && a.isScalar() && a.index != countIndex
            && !(convention == Convention::Opcode && a.index == 0) && !a.text.isEmpty())
            exprs[a.index] = a.text;
    }
    if (!data.isEmpty()) { // drop unused trailing bo bufferIndices
        while (!bufferIndices.isEmpty() && bufferIndices.last() > lastUsed
               && exprs.size() - 1 == bufferIndices.last()) {
            exprs.removeLast();
            bufferIndices.removeLast();
        }
    }
    if (data.size() > bufferIndices.size()) {
        QStringList left;
        for (qsizetype i = bufferIndices.size(); i < data.size(); ++i)
            left << expression(data.at(i));
        const QString prefix = language == HostLanguage::Python ? QStringLiteral("# ") : QStringLiteral("// ");
        add(prefix
            + QStringLiteral("%1 cannot be passed: kernel %2 has only %3 buffer slots")
                  .arg(left.join(QStringLiteral(", ")), kernel.name)
                  .arg(bufferIndices.size()));
    }
    result.arguments = exprs;
    result.kernelVariable = kernelVar;
    out << (language == HostLanguage::Python ? QStringLiteral("run = %1").arg(result.callExpression())
                                             : QStringLiteral("auto run = %1;").arg(result.callExpression()));
    return result;
}

} // namespace xi
