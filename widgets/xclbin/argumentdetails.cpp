// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/xclbin/argumentdetails.h"

#include "binding/correctedcall.h"
#include "util/textformat.h"
#include "widgets/common/verdictstyle.h"

namespace xi {

namespace {

const MemoryEntry* memoryAt(const Xclbin& xclbin, int bank)
{
    const QList<MemoryEntry>& memories = xclbin.memories();
    return bank >= 0 && bank < memories.size() ? &memories[bank] : nullptr;
}

QString escaped(const QString& s)
{
    return s.toHtmlEscaped();
}

QString connectionsHtml(const Xclbin& xclbin, const KernelGroups& kernel, const ArgumentGroup& arg)
{
    QStringList items;
    for (const Connection& c : xclbin.connections()) {
        if (c.argIndex != arg.index || c.ipLayoutIndex != kernel.computeUnit)
            continue;
        const MemoryEntry* memory = memoryAt(xclbin, c.memDataIndex);
        items << QStringLiteral("<li>arg %1 &rarr; compute unit %2 &rarr; memory %3 %4</li>")
                     .arg(QString::number(c.argIndex), QString::number(c.ipLayoutIndex),
                          QString::number(c.memDataIndex), memory ? escaped(memory->tag) : QStringLiteral("(missing)"));
    }
    if (items.isEmpty())
        return QObject::tr("<p>No connection on the first compute unit.</p>");
    return QStringLiteral("<ul>") + items.join(QString()) + QStringLiteral("</ul>");
}

QString memoryHtml(const Xclbin& xclbin, const ArgumentGroup& arg)
{
    const MemoryEntry* m = memoryAt(xclbin, arg.bank);
    if (!m)
        return QObject::tr("<p>No memory: XRT reports bank 0xFFFF for this argument.</p>");
    return QObject::tr("<p>Memory %1: tag <b>%2</b>, type %3, %4, %5 KiB at 0x%6</p>")
        .arg(QString::number(m->index), escaped(m->tag), escaped(m->typeName()),
             m->used ? QObject::tr("used") : QObject::tr("unused"), QString::number(m->sizeKiB),
             QString::number(m->baseAddress, 16).toUpper());
}

QString computationHtml(const ArgumentGroup& arg, SlotMode mode)
{
    const QString bank
        = arg.bank == GroupId::NoMemory ? QStringLiteral("0xFFFF (no memory)") : QString::number(arg.bank);
    if (mode.legacyXrt213) {
        return QObject::tr("<p>XRT 2.13 has no slot: group_id() returns the memory index, -1 for no memory. "
                           "Bank %1 &rArr; <b>%2</b>.</p>")
            .arg(bank, escaped(arg.groupId.hex()));
    }
    return QObject::tr("<p>XRT takes the largest memory index connected to this argument on the kernel's first "
                       "compute unit (bank %1) and puts the hardware-context slot (%2) in bits 16-23: "
                       "(%2 &lt;&lt; 16) | %3 = <b>%4</b> (%5).</p>")
        .arg(bank, QString::number(mode.slot), hexUpper(arg.groupId.bank()), escaped(arg.groupId.hex()),
             arg.groupId.decimal());
}

} // namespace

ArgumentDetails::ArgumentDetails(QWidget* parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setToolTip(tr("Details of the selected argument: connections, memory, group ID computation and host code"));
    setAccessibleName(tr("Details of the selected argument"));
    clearArgument();
}

void ArgumentDetails::clearArgument()
{
    setHtml(tr("<p><i>Select an argument to see its connections, its memory, how XRT computes its group ID and "
               "the host code that allocates a matching buffer.</i></p>"));
}

void ArgumentDetails::showArgument(const Xclbin& xclbin, const KernelGroups& kernel, const ArgumentGroup& arg,
                                   SlotMode mode, const QString& streamText)
{
    setHtml(html(xclbin, kernel, arg, mode, streamText));
}

QString ArgumentDetails::hostCode(const Xclbin& xclbin, const KernelGroups& kernel, const ArgumentGroup& arg,
                                  HostLanguage language)
{
    const Kernel* k = xclbin.kernel(kernel.kernelName);
    if (!k)
        return {};
    const QString line = CorrectedCall::boAllocation(*k, kernel.convention, arg.index, language);
    if (!line.isEmpty())
        return line;
    const QString comment = language == HostLanguage::Python ? QStringLiteral("# ") : QStringLiteral("// ");
    return comment
        + tr("%1 is %2: pass a value, not a BO, at position %3")
              .arg(arg.argument.name, CorrectedCall::role(*k, kernel.convention, arg.index))
              .arg(arg.index);
}

QString ArgumentDetails::callLine(const Xclbin& xclbin, const KernelGroups& kernel, HostLanguage language)
{
    const Kernel* k = xclbin.kernel(kernel.kernelName);
    return k ? CorrectedCall::call(*k, kernel.convention, language) : QString();
}

QString ArgumentDetails::html(const Xclbin& xclbin, const KernelGroups& kernel, const ArgumentGroup& arg, SlotMode mode,
                              const QString& streamText)
{
    const QColor accent = VerdictStyle::accent(arg.verdict);
    QString out = QStringLiteral("<h3>%1 &mdash; argument %2 <code>%3</code></h3>")
                      .arg(escaped(kernel.kernelName), QString::number(arg.index), escaped(arg.argument.name));
    out += QStringLiteral("<p><span style=\"color:%1\"><b>%2</b></span>: %3</p>")
               .arg(accent.name(), VerdictStyle::label(arg.verdict), escaped(arg.reason));
    out += tr("<p>%1 <code>%2</code>, offset 0x%3, %4 bytes. Group ID <b>%5</b> = %6.</p>")
               .arg(escaped(arg.argument.addressQualifierName()), escaped(arg.argument.type),
                    QString::number(arg.argument.offset, 16).toUpper(), QString::number(arg.argument.size),
                    escaped(arg.groupId.hex()), escaped(arg.groupId.describe()));
    if (!streamText.isEmpty())
        out += tr("<p>Instruction stream next to the file: <b>%1</b>.</p>").arg(escaped(streamText));
    out += tr("<h4>Connections</h4>") + connectionsHtml(xclbin, kernel, arg);
    out += tr("<h4>Memory</h4>") + memoryHtml(xclbin, arg);
    out += tr("<h4>How XRT computes the ID</h4>") + computationHtml(arg, mode);
    out += tr("<h4>Host code</h4><p>Python (pyxrt):</p><pre style=\"white-space: "
              "pre-wrap\">%1\n%2</pre><p>C++:</p><pre style=\"white-space: pre-wrap\">%3\n%4</pre>")
               .arg(escaped(hostCode(xclbin, kernel, arg, HostLanguage::Python)),
                    escaped(callLine(xclbin, kernel, HostLanguage::Python)),
                    escaped(hostCode(xclbin, kernel, arg, HostLanguage::Cpp)),
                    escaped(callLine(xclbin, kernel, HostLanguage::Cpp)));
    return out;
}

} // namespace xi
