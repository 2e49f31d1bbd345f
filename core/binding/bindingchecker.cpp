// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/bindingchecker.h"

#include "binding/bindingcorrection.h"
#include "binding/correctedcall.h"

#include <QJsonArray>

#include <algorithm>

namespace xi {

namespace {

QString bankText(qint64 bank)
{
    if (bank < 0)
        return QStringLiteral("-1 (no memory)");
    if (bank == GroupId::NoMemory)
        return QStringLiteral("0xFFFF (no memory)");
    return QString::number(bank);
}

QString boName(const BoBinding& bo)
{
    return bo.name.isEmpty() ? QStringLiteral("a BO") : QStringLiteral("the BO '%1'").arg(bo.name);
}

QString groupSource(const BoBinding& bo)
{
    if (bo.groupArgument >= 0)
        return QStringLiteral("kernel.group_id(%1)").arg(bo.groupArgument);
    if (bo.rawGroup)
        return QStringLiteral("group %1").arg(*bo.rawGroup);
    return QStringLiteral("an unknown group");
}

QString banksText(const ArgumentGroup& ag)
{
    QStringList parts;
    for (int i = 0; i < ag.banks.size(); ++i)
        parts << QStringLiteral("%1 (%2)").arg(ag.banks.at(i)).arg(ag.memoryTags.value(i));
    return parts.join(QStringLiteral(", "));
}

// The slot-aware mode to compare with: the given slot, or the first hardware context for XRT 2.13.
SlotMode slotAware(SlotMode mode)
{
    return mode.legacyXrt213 ? SlotMode {} : mode;
}

class Check {
public:
    Check(const Xclbin& xclbin, const Kernel& kernel, const BindingPlan& plan, const BindingCheckOptions& options,
          BindingReport& report)
        : m_kernel(kernel)
        , m_plan(plan)
        , m_options(options)
        , m_report(report)
        , m_groups(ArgumentGroups::compute(xclbin, kernel, options.slot))
        , m_groups213(ArgumentGroups::compute(xclbin, kernel, SlotMode::xrt213()))
        , m_groupsSlot(ArgumentGroups::compute(xclbin, kernel, slotAware(options.slot)))
    {
        m_report.convention = m_groups.convention;
        m_memoryCount = int(xclbin.memories().size());
        m_instr = CorrectedCall::instructionIndex(kernel, m_groups.convention);
        m_count = CorrectedCall::instructionCountIndex(kernel, m_groups.convention);
        m_noConnectivity = !plan.connectivityChecked();
    }

    void run()
    {
        if (m_noConnectivity) {
            // xrt::ext::kernel / xrt::module: XRT compares no BO bank with the kernel's connectivity, and k(3, 0, 0,
            // bo0, ...) is how these flows are called (docs/domain.md section 8); the positions still matter.
            add(Severity::Info, -1, QStringLiteral("no-connectivity-check"),
                QStringLiteral("The program uses the %1 flow: XRT makes no connectivity check there, so group IDs, "
                               "banks and the instruction arguments (0 and 0 are correct) are not compared; only "
                               "what is passed at each index of %2 is.")
                    .arg(m_plan.flow, m_kernel.name),
                m_plan.call);
        }
        if (m_plan.helperCall) {
            add(Severity::Info, -1, QStringLiteral("helper-layer"),
                QStringLiteral("The call is made inside %1; checked what it passes (%2) against %3.")
                    .arg(m_plan.flow, m_plan.toQuick(), m_kernel.name),
                m_plan.call);
        }
        if (m_plan.predictedSlot >= 2 && !m_options.slot.legacyXrt213) {
            add(Severity::Info, -1, QStringLiteral("hw-context-slot"),
                QStringLiteral("This kernel is made in hardware context %1 of the process: its group IDs print "
                               "0x%2xxxx (slot %2), which is not a broken bank.")
                    .arg(m_plan.hwContext + 1)
                    .arg(m_plan.predictedSlot),
                m_plan.call);
        }
        checkConventionMix();
        int last = int(m_plan.arguments.size());
        for (const ArgumentGroup& ag : m_groups.arguments)
            last = qMax(last, ag.index + 1);
        for (int i = 0; i < last; ++i)
            checkArgument(i);
        checkInstructionBuffer();
        checkBufferCount();
        if (!m_noConnectivity) {
            m_report.predictedWarnings = predict(m_groups, m_options.slot);
            m_report.predictedWarningsXrt213 = predict(m_groups213, SlotMode::xrt213());
            m_report.predictedWarningsSlotAware = predict(m_groupsSlot, slotAware(m_options.slot));
        }
        std::stable_sort(m_report.findings.begin(), m_report.findings.end(),
                         [](const BindingFinding& a, const BindingFinding& b) { return a.argument < b.argument; });
    }

private:
    HostLocation where(const ArgBinding* a) const
    {
        if (a && a->location.isValid())
            return a->location;
        if (a && a->isBuffer() && a->bo.allocation.isValid())
            return a->bo.allocation;
        return m_plan.call;
    }

    void add(Severity s, int arg, const QString& code, QString message, const HostLocation& loc)
    {
        if (!message.isEmpty())
            message[0] = message.at(0).toUpper();
        m_report.findings << BindingFinding { s, arg, code, message, loc };
    }

    int lastPassed() const
    {
        int last = -1;
        for (const ArgBinding& a : m_plan.arguments)
            last = a.isNone() ? last : a.index;
        return last;
    }

    QString role(int index) const { return CorrectedCall::role(m_kernel, m_groups.convention, index); }

    void checkConventionMix()
    {
        const ArgBinding* a0 = m_plan.argument(0);
        const ArgBinding* a1 = m_plan.argument(1);
        if (!a0)
            return;
        if (m_groups.convention == Convention::Opcode && a0->isBuffer() && (!a1 || !a1->isBuffer())) {
            add(Severity::Error, 0, QStringLiteral("legacy-convention-mix"),
                QStringLiteral("The call starts with a buffer, as in the old convention kernel(instr, ninstr, in, tmp, "
                               "out) (mlir-aie before mid-2024, Riallto), but this kernel starts with the scalar "
                               "'opcode': every argument lands one index too early."),
                where(a0));
        } else if (m_groups.convention == Convention::Legacy && a0->isScalar() && a1 && a1->isBuffer()) {
            add(Severity::Error, 0, QStringLiteral("legacy-convention-mix"),
                QStringLiteral("The call starts with a scalar, as in the opcode convention kernel(3, instr, n_words, "
                               "bo0, ...), but this kernel has no opcode (old convention instr, ninstr, in, tmp, out): "
                               "every argument lands one index too late."),
                where(a0));
        }
    }

    void checkArgument(int i)
    {
        const ArgumentGroup* ag = m_groups.argument(i);
        const ArgBinding* a = m_plan.argument(i);
        if (a && a->unresolved)
            return; // reported through plan.unresolved
        if (!ag) {
            if (a && !a->isNone()) {
                add(Severity::Error, i, QStringLiteral("too-many-arguments"),
                    QStringLiteral("The host passes '%1' at index %2, but kernel %3 has only %4 arguments: XRT rejects "
                                   "the call.")
                        .arg(a->text.isEmpty() ? argKindName(a->kind) : a->text)
                        .arg(i)
                        .arg(m_kernel.name)
                        .arg(m_kernel.arguments.size()),
                    where(a));
            }
            return;
        }
        if (ag->argument.isBuffer())
            checkBufferArgument(*ag, a);
        else
            checkScalarArgument(*ag, a);
    }

    void checkBufferArgument(const ArgumentGroup& ag, const ArgBinding* a)
    {
        const int i = ag.index;
        if (!a || a->isNone()) {
            if (i != m_instr && i < lastPassed()) {
                add(Severity::Info, i, QStringLiteral("missing-argument"),
                    QStringLiteral("Nothing is passed at index %1 (%2): fine when the design uses fewer buffers.")
                        .arg(i)
                        .arg(role(i)),
                    m_plan.call);
            }
            return;
        }
        if (a->isScalar() && i == m_instr && m_noConnectivity && a->scalarValue == 0)
            return; // the ELF carries the instructions: 0 is correct
        if (a->isScalar() && i != m_instr && a->scalarValue == 0) {
            add(Severity::Info, i, QStringLiteral("zero-for-unused-buffer"),
                QStringLiteral("Index %1 (%2) gets 0: fine for a buffer slot the design does not use (XRT skips "
                               "the connectivity check for a value).")
                    .arg(i)
                    .arg(role(i)),
                where(a));
            return;
        }
        if (a->isScalar()) {
            add(Severity::Error, i, QStringLiteral("scalar-at-buffer"),
                QStringLiteral("Index %1 is %2, a buffer in bank %3, but the host passes the scalar '%4': the kernel "
                               "receives a number where it expects a buffer address.")
                    .arg(i)
                    .arg(role(i), banksText(ag),
                         a->text.isEmpty() ? QString::number(a->scalarValue.value_or(0)) : a->text),
                where(a));
            return;
        }
        if (m_noConnectivity)
            return;
        checkBoGroup(a->bo, i, where(a));
        const std::optional<qint64> bank = BindingChecker::boBank(a->bo, m_groups, m_options.slot);
        const quint16 bank16 = bank ? quint16(*bank) : 0;
        if (bank && outsideMemoryTable(*bank)) {
            add(Severity::Error, i, QStringLiteral("bank-out-of-range"),
                QStringLiteral("%1 at index %2 (%3) was allocated with %4, bank %5, outside the %6-entry memory "
                               "table: XRT 2.13 throws std::out_of_range when it is passed and the run never starts; "
                               "allocate it with kernel.group_id(%2).")
                    .arg(boName(a->bo))
                    .arg(i)
                    .arg(role(i), groupSource(a->bo), bankText(*bank))
                    .arg(m_memoryCount),
                where(a));
        } else if (bank && !ag.banks.contains(int(*bank < 0 ? GroupId::NoMemory : bank16))) {
            add(Severity::Error, i, QStringLiteral("bank-not-connected"),
                QStringLiteral("%1 at index %2 (%3) was allocated with %4, bank %5, but the compute unit connects this "
                               "argument to bank %6: XRT warns, runs the kernel on a copy in the connected bank, and "
                               "never copies it back%7.")
                    .arg(boName(a->bo))
                    .arg(i)
                    .arg(role(i), groupSource(a->bo), bankText(*bank), banksText(ag),
                         a->bo.readBack ? QStringLiteral(" (this output stays all zeros)")
                                        : QStringLiteral(" (an output passed like this stays all zeros)")),
                where(a));
        }
        if (i == m_instr && a->bo.instructions && !a->bo.flagsUnknown && a->bo.flags != BoFlags::Cacheable) {
            add(Severity::Warning, i, QStringLiteral("instr-not-cacheable"),
                QStringLiteral("The instruction BO '%1' is allocated %2; mlir-aie hosts allocate it cacheable "
                               "(xrt.bo.flags.cacheable / XCL_BO_FLAGS_CACHEABLE).")
                    .arg(a->bo.name, boFlagsName(a->bo.flags)),
                where(a));
        }
        if (i == m_instr)
            checkInstructionBoSize(a->bo, where(a));
    }

    void checkInstructionBoSize(const BoBinding& bo, const HostLocation& loc)
    {
        if (bo.sizeIsWordCount) {
            add(Severity::Error, m_instr, QStringLiteral("instr-bo-too-small"),
                QStringLiteral(
                    "The instruction BO '%1' is allocated with '%2' bytes, the stream's word count: it holds "
                    "a quarter of the stream (allocate the word count times 4).")
                    .arg(bo.name, bo.sizeText),
                loc);
            return;
        }
        if (!m_options.instructions || bo.size == 0 || bo.size >= m_options.instructions->byteCount())
            return;
        add(Severity::Error, m_instr, QStringLiteral("instr-bo-too-small"),
            QStringLiteral("The instruction BO holds %1 bytes, but the instruction file has %2 words (%3 bytes).")
                .arg(bo.size)
                .arg(m_options.instructions->wordCount())
                .arg(m_options.instructions->byteCount()),
            loc);
    }

    void checkBoGroup(const BoBinding& bo, int i, const HostLocation& loc)
    {
        if (bo.groupArgument >= 0 && bo.groupContext >= 0 && m_plan.hwContext >= 0
            && bo.groupContext != m_plan.hwContext && !m_options.slot.legacyXrt213) {
            // the bank matches, so XRT's connectivity check passes and the driver ignores the slot: a BO shared
            // between the contexts of a pipeline is correct; only what its group prints differs
            add(Severity::Info, i, QStringLiteral("group-from-other-context"),
                QStringLiteral(
                    "%1 is allocated with the group_id(%2) of a kernel in hardware context %3 (slot %4) and "
                    "passed to a kernel in context %5 (slot %6): the bank is the same, so XRT accepts it and "
                    "the driver ignores the slot; its group prints slot %4, not %6.")
                    .arg(boName(bo))
                    .arg(bo.groupArgument)
                    .arg(bo.groupContext)
                    .arg(bo.groupContext + 1)
                    .arg(m_plan.hwContext)
                    .arg(m_plan.hwContext + 1),
                bo.allocation.isValid() ? bo.allocation : loc);
        }
        if (bo.groupArgument >= 0) {
            const ArgumentGroup* src = m_groups.argument(bo.groupArgument);
            if (!src) {
                add(Severity::Error, i, QStringLiteral("bad-group-index"),
                    QStringLiteral("%1 is allocated with kernel.group_id(%2), but kernel %3 has no argument %2: XRT "
                                   "throws.")
                        .arg(boName(bo))
                        .arg(bo.groupArgument)
                        .arg(m_kernel.name),
                    loc);
            } else if (src->banks.isEmpty()) {
                // XRT rejects it (clones it, or 2.13 throws) where the argument it is passed at is not connected to
                // that bank; elsewhere it merely works.
                const ArgumentGroup* at = m_groups.argument(i);
                const std::optional<qint64> bank = BindingChecker::boBank(bo, m_groups, m_options.slot);
                const bool rejected = at && at->argument.isBuffer()
                    && (!bank || outsideMemoryTable(*bank) || !at->banks.contains(int(quint16(*bank))));
                add(rejected ? Severity::Error : Severity::Warning, i, QStringLiteral("bo-from-scalar-group"),
                    QStringLiteral("%1 is allocated with kernel.group_id(%2) of %3, which has no memory (bank 0xFFFF, "
                                   "-1 in XRT 2.13)%4: allocate it with group_id of the argument it is passed at.")
                        .arg(boName(bo))
                        .arg(bo.groupArgument)
                        .arg(role(bo.groupArgument),
                             rejected ? QStringLiteral(", so XRT does not accept it at index %1 and runs the kernel on "
                                                       "a copy")
                                            .arg(i)
                                      : QStringLiteral("; XRT accepts it here, but only by chance")),
                    bo.allocation.isValid() ? bo.allocation : loc);
            }
            return;
        }
        if (!bo.rawGroup) {
            add(Severity::Info, i, QStringLiteral("unresolved"),
                QStringLiteral("The group %1 was allocated with is unknown: its bank cannot be checked.")
                    .arg(boName(bo)),
                bo.allocation.isValid() ? bo.allocation : loc);
            return;
        }
        const qint64 raw = *bo.rawGroup;
        const int slot = int((raw >> 16) & 0xFF);
        if (!m_options.slot.legacyXrt213 && raw >= 0 && slot != m_options.slot.slot) {
            add(Severity::Warning, i, QStringLiteral("slot-mismatch"),
                QStringLiteral("%1 uses the raw group %2 (slot %3), but the kernel's hardware context is slot %4: "
                               "group numbers must come from kernel.group_id(), never be typed in.")
                    .arg(boName(bo))
                    .arg(raw)
                    .arg(slot)
                    .arg(m_options.slot.slot),
                bo.allocation.isValid() ? bo.allocation : loc);
        }
    }

    void checkScalarArgument(const ArgumentGroup& ag, const ArgBinding* a)
    {
        const int i = ag.index;
        const bool required = (m_groups.convention == Convention::Opcode && i == 0) || i == m_count;
        if (!a || a->isNone()) {
            add(required ? Severity::Error : Severity::Warning, i, QStringLiteral("missing-argument"),
                QStringLiteral("Nothing is passed at index %1, %2: XRT leaves it 0.").arg(i).arg(role(i)), m_plan.call);
            return;
        }
        if (a->isBuffer()) {
            add(Severity::Error, i, QStringLiteral("bo-at-scalar"),
                QStringLiteral("Index %1 is %2, but the host passes %3: XRT checks every BO, finds no memory "
                               "connected to a scalar, and runs the kernel on a copy; the data never reaches the "
                               "kernel and outputs stay zero.")
                    .arg(i)
                    .arg(role(i), boName(a->bo)),
                where(a));
            if (!m_noConnectivity)
                checkBoGroup(a->bo, i, where(a));
            return;
        }
        if (m_noConnectivity && i == m_count && a->scalarValue == 0)
            return; // the ELF carries the instructions: 0 is correct
        if (m_groups.convention == Convention::Opcode && i == 0)
            checkOpcode(*a);
        else if (i == m_count)
            checkInstructionCount(*a);
    }

    void checkOpcode(const ArgBinding& a)
    {
        if (!a.scalarValue) {
            add(Severity::Warning, 0, QStringLiteral("opcode-not-3"),
                QStringLiteral("The opcode '%1' could not be resolved; mlir-aie hosts pass 3.").arg(a.text), where(&a));
        } else if (*a.scalarValue != 3) {
            add(Severity::Error, 0, QStringLiteral("opcode-not-3"),
                QStringLiteral("The opcode is %1; every mlir-aie/IRON host passes 3%2.")
                    .arg(*a.scalarValue)
                    .arg(*a.scalarValue == 2 ? QStringLiteral(" (XRT calls 2 the deprecated legacy TXN flow)")
                                             : QString()),
                where(&a));
        }
    }

    void checkInstructionCount(const ArgBinding& a)
    {
        const std::optional<BindingInstructions>& insts = m_options.instructions;
        const QString name = role(m_count);
        if (a.instructionBytes) {
            bytesForWords(a, a.text, insts ? QStringLiteral(" (%1)").arg(insts->byteCount()) : QString());
            return;
        }
        if (a.instructionWords) {
            if (!insts) {
                add(Severity::Info, m_count, QStringLiteral("ninstr-mismatch"),
                    QStringLiteral("'%1' is the instruction word count; give the instruction file to check it.")
                        .arg(a.text),
                    where(&a));
            }
            return;
        }
        if (!a.scalarValue) {
            add(Severity::Info, m_count, QStringLiteral("unresolved"),
                QStringLiteral("The instruction count '%1' could not be resolved.").arg(a.text), where(&a));
            return;
        }
        const qint64 v = *a.scalarValue;
        if (insts && v == insts->wordCount())
            return;
        if (insts && v == qint64(insts->byteCount())) {
            bytesForWords(a, QString::number(v), QStringLiteral(" (%1 words)").arg(insts->wordCount()));
        } else if (insts || v <= 0) {
            add(Severity::Error, m_count, QStringLiteral("ninstr-mismatch"),
                insts ? QStringLiteral("%1 is %2, but the instruction file %3 has %4 words.")
                            .arg(name)
                            .arg(v)
                            .arg(insts->path)
                            .arg(insts->wordCount())
                      : QStringLiteral("%1 is %2: the NPU runs no instruction.").arg(name).arg(v),
                where(&a));
        } else {
            add(Severity::Info, m_count, QStringLiteral("ninstr-mismatch"),
                QStringLiteral("%1 is %2; give the instruction file to check it against its word count.")
                    .arg(name)
                    .arg(v),
                where(&a));
        }
    }

    // ninstr given in bytes: a TXN stream carries its own size and current firmware runs it (a warning: the ABI
    // says words); a legacy stream has no header, so there the count decides what runs (an error).
    void bytesForWords(const ArgBinding& a, const QString& text, const QString& detail)
    {
        const std::optional<BindingInstructions>& insts = m_options.instructions;
        // without the stream the kernel's convention tells: the old convention (no opcode, Riallto) runs legacy
        // streams, the opcode convention transaction streams
        const bool txn = insts ? isTxnStream(*insts) : m_groups.convention == Convention::Opcode;
        const bool legacy = insts ? !txn : m_groups.convention == Convention::Legacy;
        QString why;
        if (insts && legacy) {
            why = QStringLiteral("The stream %1 has no transaction header, so the NPU reads 4 times too many words.")
                      .arg(insts->path);
        } else if (insts) {
            why = QStringLiteral("The stream is a transaction stream whose header carries its own size, so current "
                                 "firmware runs it; the ABI still says words.");
        } else if (legacy) {
            why = QStringLiteral("Kernels of the old convention run legacy streams, which have no header: the NPU "
                                 "reads 4 times too many words.");
        } else {
            why = QStringLiteral("A transaction stream (mlir-aie's today) carries its own size and runs; a legacy "
                                 "stream would not (give the instruction file to tell).");
        }
        add(legacy ? Severity::Error : Severity::Warning, m_count, QStringLiteral("ninstr-mismatch"),
            QStringLiteral("'%1' is the instruction file's size in bytes%2, but %3 counts 32-bit words: divide by 4. "
                           "%4")
                .arg(text, detail, role(m_count), why),
            where(&a));
        Q_UNUSED(txn);
    }

    static bool isTxnStream(const BindingInstructions& insts)
    {
        if (insts.isMlirAieStream())
            return true;
        // TXN header: word 0 = rows<<24 | devGen<<16 | minor<<8 | major, word 3 = the stream's size in bytes
        return insts.words.size() >= 4 && insts.words.at(3) == insts.byteCount() && (insts.words.first() & 0xFF) <= 1;
    }

    void checkInstructionBuffer()
    {
        if (m_instr < 0 || m_noConnectivity)
            return;
        const ArgBinding* a = m_plan.argument(m_instr);
        if (a && a->unresolved)
            return;
        if (a && a->isBuffer()) {
            // A BO here that is not marked as the instruction stream still counts when nothing says otherwise
            // and its bank fits (a quick plan's bo:1).
            const ArgumentGroup* ag = m_groups.argument(m_instr);
            const auto bank = BindingChecker::boBank(a->bo, m_groups, m_options.slot);
            const bool fits = !bank || (ag && ag->banks.contains(int(*bank)));
            if (a->bo.instructions || (m_plan.instructionBufferIndex() < 0 && fits))
                return;
        }
        const int elsewhere = m_plan.instructionBufferIndex();
        add(Severity::Error, m_instr, QStringLiteral("missing-instr"),
            QStringLiteral("No instruction buffer is passed at index %1 (%2)%3: the NPU has nothing to run.")
                .arg(m_instr)
                .arg(role(m_instr),
                     elsewhere >= 0 ? QStringLiteral("; the instruction BO is at index %1 instead").arg(elsewhere)
                                    : QString()),
            where(a));
    }

    void checkBufferCount()
    {
        int bufferSlots = 0;
        for (const ArgumentGroup& ag : m_groups.arguments)
            bufferSlots += ag.argument.isBuffer() && ag.index != m_instr ? 1 : 0;
        int data = 0;
        for (const ArgBinding& a : m_plan.arguments)
            data += a.isBuffer() && !a.bo.instructions ? 1 : 0;
        if (data > bufferSlots && bufferSlots > 0) {
            add(Severity::Error, -1, QStringLiteral("too-many-buffers"),
                QStringLiteral("The host passes %1 data buffers, but kernel %2 has only %3 buffer slots: a design with "
                               "more host buffers cannot be fully bound.")
                    .arg(data)
                    .arg(m_kernel.name)
                    .arg(bufferSlots),
                m_plan.call);
        }
    }

    // XRT sets the arguments in index order and validates each BO as it is set (docs/domain.md section 2).
    QList<PredictedXrtWarning> predict(const KernelGroups& groups, SlotMode mode) const
    {
        QList<PredictedXrtWarning> out;
        for (const ArgBinding& a : m_plan.arguments) {
            const ArgumentGroup* ag = groups.argument(a.index);
            if (!a.isBuffer() || !ag)
                continue;
            const std::optional<qint64> bank = BindingChecker::boBank(a.bo, groups, mode);
            if (!bank)
                continue;
            PredictedXrtWarning w;
            w.argument = a.index;
            w.boBank = *bank;
            if (outsideMemoryTable(*bank)) {
                if (!mode.legacyXrt213)
                    continue; // slot-aware XRT was not observed with such a BO: no prediction
                w.exception = true;
                w.text = BindingChecker::xrt213RangeErrorText(*bank < 0 ? 0xFFFFFF : quint64(*bank) & 0xFFFFFF,
                                                              m_memoryCount);
                out << w;
                break;
            }
            if (ag->banks.contains(int(*bank)))
                continue;
            w.connectedGroup = ag->groupId.signedValue();
            w.text = BindingChecker::xrtWarningText(m_kernel.name, a.index, w.boBank, w.connectedGroup);
            out << w;
        }
        return out;
    }

    bool outsideMemoryTable(qint64 bank) const { return bank < 0 || bank >= m_memoryCount; }

    const Kernel& m_kernel;
    const BindingPlan& m_plan;
    const BindingCheckOptions& m_options;
    BindingReport& m_report;
    KernelGroups m_groups;
    KernelGroups m_groups213;
    KernelGroups m_groupsSlot;
    int m_instr = -1;
    int m_count = -1;
    int m_memoryCount = 0;
    bool m_noConnectivity = false; // an ELF flow: no bank, group or instruction-buffer check
};

QJsonArray warningsJson(const QList<PredictedXrtWarning>& list, bool exceptions = false)
{
    QJsonArray a;
    for (const PredictedXrtWarning& w : list) {
        if (w.exception == exceptions)
            a.append(w.text);
    }
    return a;
}

} // namespace

QJsonObject BindingFinding::toJson() const
{
    QJsonObject o { { QLatin1String("severity"), severityName(severity) },
                    { QLatin1String("argument"), argument },
                    { QLatin1String("code"), code },
                    { QLatin1String("message"), message } };
    o[QLatin1String("line")] = location.line > 0 ? QJsonValue(location.line) : QJsonValue();
    if (!location.file.isEmpty())
        o[QLatin1String("file")] = location.file;
    return o;
}

QString bindingStatusName(BindingStatus s)
{
    switch (s) {
    case BindingStatus::Ok: return QStringLiteral("ok");
    case BindingStatus::Warning: return QStringLiteral("warning");
    case BindingStatus::Error: return QStringLiteral("error");
    case BindingStatus::Unresolved: return QStringLiteral("unresolved");
    }
    return QString();
}

int bindingStatusRank(BindingStatus s)
{
    switch (s) {
    case BindingStatus::Ok: return 0;
    case BindingStatus::Warning: return 1;
    case BindingStatus::Unresolved: return 2;
    case BindingStatus::Error: return 3;
    }
    return 0;
}

void BindingReport::updateStatus()
{
    if (status == BindingStatus::Unresolved)
        return;
    status = count(Severity::Error) > 0 ? BindingStatus::Error
        : count(Severity::Warning) > 0  ? BindingStatus::Warning
                                        : BindingStatus::Ok;
}

QJsonArray BindingReport::unresolvedJson(const QList<UnresolvedItem>& items)
{
    QJsonArray list;
    for (const UnresolvedItem& u : items) {
        QString what = u.reason;
        if (!u.text.isEmpty() && !what.contains(u.text))
            what = QStringLiteral("'%1': %2").arg(u.text, what);
        if (!what.isEmpty())
            what[0] = what.at(0).toUpper();
        if (!what.endsWith(QLatin1Char('.')))
            what += QLatin1Char('.');
        QJsonObject o { { QLatin1String("line"), u.location.line > 0 ? QJsonValue(u.location.line) : QJsonValue() },
                        { QLatin1String("what"), what } };
        if (u.argument >= 0)
            o[QLatin1String("argument")] = u.argument;
        list.append(o);
    }
    return list;
}

bool BindingReport::hasErrors() const
{
    return count(Severity::Error) > 0;
}

int BindingReport::count(Severity s) const
{
    return int(
        std::count_if(findings.begin(), findings.end(), [s](const BindingFinding& f) { return f.severity == s; }));
}

QStringList BindingReport::predictedTexts() const
{
    QStringList texts;
    for (const PredictedXrtWarning& w : predictedWarnings) {
        if (!w.exception)
            texts << w.text;
    }
    return texts;
}

QJsonObject BindingReport::toJson() const
{
    QJsonObject o;
    o[QLatin1String("status")] = bindingStatusName(status);
    o[QLatin1String("unresolved")] = unresolvedJson(unresolved);
    o[QLatin1String("kernel")] = kernelName;
    o[QLatin1String("convention")] = conventionName(convention);
    o[QLatin1String("xrt")] = slot.describe();
    o[QLatin1String("plan")] = planQuick;
    QJsonArray list;
    for (const BindingFinding& f : findings)
        list.append(f.toJson());
    o[QLatin1String("findings")] = list;
    o[QLatin1String("errors")] = count(Severity::Error);
    o[QLatin1String("warnings")] = count(Severity::Warning);
    o[QLatin1String("predicted_xrt_warnings")] = warningsJson(predictedWarnings);
    o[QLatin1String("predicted_xrt_warnings_by_xrt")] = QJsonObject {
        { QLatin1String("xrt-2.13"), warningsJson(predictedWarningsXrt213) },
        { QLatin1String("slot-aware"), warningsJson(predictedWarningsSlotAware) },
    };
    o[QLatin1String("predicted_xrt_exceptions")] = warningsJson(predictedWarnings, true);
    o[QLatin1String("predicted_xrt_exceptions_by_xrt")] = QJsonObject {
        { QLatin1String("xrt-2.13"), warningsJson(predictedWarningsXrt213, true) },
        { QLatin1String("slot-aware"), warningsJson(predictedWarningsSlotAware, true) },
    };
    const QJsonObject corrected {
        { QLatin1String("python"), correctedPython },
        { QLatin1String("cpp"), correctedCpp },
        { QLatin1String("reference_python"), referencePython },
        { QLatin1String("reference_cpp"), referenceCpp },
    };
    // No corrected call from guesses, nor for a call that is not written in the program (a helper, an ELF flow).
    const bool none = status == BindingStatus::Unresolved || (correctedPython.isEmpty() && correctedCpp.isEmpty());
    o[QLatin1String("corrected_call")] = none ? QJsonValue() : QJsonValue(corrected);
    return o;
}

QString BindingChecker::xrtWarningText(const QString& kernel, int index, qint64 boBank, qint64 connectedGroup)
{
    return QStringLiteral("Kernel %1 has no compute units with connectivity required for global argument at index %2. "
                          "The argument is allocated in bank %3, the compute unit is connected to bank %4. "
                          "Allocating local copy of argument buffer in connected bank.")
        .arg(kernel)
        .arg(index)
        .arg(boBank)
        .arg(connectedGroup);
}

QString BindingChecker::xrt213RangeErrorText(quint64 memoryIndex, int memoryCount)
{
    return QStringLiteral("vector::_M_range_check: __n (which is %1) >= this->size() (which is %2)")
        .arg(memoryIndex)
        .arg(memoryCount);
}

std::optional<qint64> BindingChecker::boBank(const BoBinding& bo, const KernelGroups& groups, SlotMode mode)
{
    std::optional<qint64> group;
    if (bo.groupArgument >= 0) {
        const ArgumentGroup* ag = groups.argument(bo.groupArgument);
        if (!ag)
            return std::nullopt;
        group = ag->groupId.signedValue();
    } else if (bo.rawGroup) {
        group = *bo.rawGroup;
    }
    if (!group)
        return std::nullopt;
    if (mode.legacyXrt213)
        return *group < 0 ? -1 : *group;
    return *group < 0 ? qint64(GroupId::NoMemory) : (*group & 0xFFFF);
}

BindingReport BindingChecker::check(const Xclbin& xclbin, const BindingPlan& plan, const BindingCheckOptions& options)
{
    BindingReport report;
    report.slot = options.slot;
    report.planQuick = plan.toQuick();
    const Kernel* kernel
        = plan.kernelName.isEmpty() ? BindingChecker::defaultKernel(xclbin) : xclbin.kernel(plan.kernelName);
    if (!kernel) {
        QStringList names;
        for (const Kernel& k : xclbin.kernels)
            names << k.name;
        report.kernelName = plan.kernelName;
        if (!plan.unresolved.isEmpty()) {
            report.status = BindingStatus::Unresolved;
            report.unresolved = plan.unresolved;
            return report;
        }
        if (!plan.connectivityChecked()) {
            // a full ELF carries its own kernel: the xclbin's kernels are not what it runs
            report.findings << BindingFinding {
                Severity::Info, -1, QStringLiteral("no-connectivity-check"),
                QStringLiteral("The program uses the %1 flow with kernel '%2', which %3 does not define (a full ELF "
                               "carries its own): XRT makes no connectivity check there, so nothing is compared with "
                               "this xclbin.")
                    .arg(plan.flow, plan.kernelName, xclbin.filePath),
                plan.call
            };
            report.updateStatus();
            return report;
        }
        report.status = BindingStatus::Error;
        report.findings << BindingFinding {
            Severity::Error, -1, QStringLiteral("no-kernel"),
            QStringLiteral("%1 has no kernel %2 (kernels: %3).")
                .arg(xclbin.filePath, plan.kernelName.isEmpty() ? QStringLiteral("at all") : plan.kernelName,
                     names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))),
            plan.call
        };
        return report;
    }
    report.kernelName = kernel->name;
    if (!plan.unresolved.isEmpty()) {
        // The call could not be followed: no finding and no corrected call from guesses.
        report.status = BindingStatus::Unresolved;
        report.unresolved = plan.unresolved;
        report.convention = ArgumentGroups::detectConvention(*kernel);
        return report;
    }
    Check(xclbin, *kernel, plan, options, report).run();
    if (plan.kernelName.isEmpty() && xclbin.kernels.size() > 1) {
        report.findings.prepend(BindingFinding {
            Severity::Info, -1, QStringLiteral("kernel-chosen"),
            QStringLiteral("The plan names no kernel: checked %1, the first NPU kernel of the file.").arg(kernel->name),
            plan.call });
    }
    report.updateStatus();
    if (!plan.connectivityChecked() || plan.helperCall)
        return report; // nothing in the program's own text to correct
    const auto& insts = options.instructions;
    report.correctedPython = BindingCorrection::lines(*kernel, report.convention, plan, HostLanguage::Python, insts)
                                 .join(QLatin1Char('\n'));
    report.correctedCpp
        = BindingCorrection::lines(*kernel, report.convention, plan, HostLanguage::Cpp, insts).join(QLatin1Char('\n'));
    report.referencePython
        = CorrectedCall::snippet(*kernel, report.convention, HostLanguage::Python).join(QLatin1Char('\n'));
    report.referenceCpp = CorrectedCall::snippet(*kernel, report.convention, HostLanguage::Cpp).join(QLatin1Char('\n'));
    return report;
}

// Riallto and Ryzen AI files list a PL kernel first: prefer the first kernel with an mlir-aie convention, then the
// first NPU (type "dpu") kernel.
const Kernel* BindingChecker::defaultKernel(const Xclbin& xclbin)
{
    for (const Kernel& k : xclbin.kernels) {
        if (ArgumentGroups::detectConvention(k) != Convention::Other)
            return &k;
    }
    for (const Kernel& k : xclbin.kernels) {
        if (k.type == QLatin1String("dpu"))
            return &k;
    }
    return xclbin.kernels.isEmpty() ? nullptr : &xclbin.kernels.first();
}

} // namespace xi
