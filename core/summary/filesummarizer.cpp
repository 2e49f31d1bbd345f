// SPDX-License-Identifier: GPL-3.0-or-later
#include "summary/filesummarizer.h"

#include "binding/bindingchecker.h"
#include "binding/correctedcall.h"

#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>

namespace xi {

namespace {

struct ArgumentRef {
    const KernelGroups* kernel = nullptr;
    const ArgumentGroup* argument = nullptr;
};

// Findings that read the same apart from the argument they are about.
struct Group {
    Severity severity = Severity::Info;
    QString key;
    QString text; // the shared sentence
    QList<ArgumentRef> refs;
    QStringList kernels;
    QString view;
};

QString plural(qsizetype n, const char* one, const char* many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

Severity severityOf(Verdict v)
{
    return v == Verdict::Invalid ? Severity::Error : v == Verdict::Warning ? Severity::Warning : Severity::Info;
}

QStringList argumentNames(const QList<ArgumentRef>& refs)
{
    QStringList kernels;
    for (const ArgumentRef& r : refs) {
        if (!kernels.contains(r.kernel->kernelName))
            kernels << r.kernel->kernelName;
    }
    QStringList names;
    for (const ArgumentRef& r : refs) {
        names << (kernels.size() == 1 ? r.argument->argument.name
                                      : r.kernel->kernelName + u'.' + r.argument->argument.name);
    }
    return names;
}

// The merged class of an invalid or warning verdict, for the headline.
QString headlineClass(const ArgumentGroup& a)
{
    if (a.code == QLatin1String("no-connectivity") || a.code == QLatin1String("unused-memory-only"))
        return QStringLiteral("no-memory");
    return a.code;
}

QString headlineSentence(const QString& cls, const QList<ArgumentRef>& refs)
{
    const qsizetype n = refs.size();
    const QString names = FileSummarizer::nameList(argumentNames(refs));
    if (cls == QLatin1String("no-memory")) {
        return QStringLiteral("%1 %2 no memory: %3. Design fix: give %4 a memory connection and rebuild the xclbin.")
            .arg(plural(n, "buffer argument", "buffer arguments"),
                 n == 1 ? QStringLiteral("has") : QStringLiteral("have"), names,
                 n == 1 ? QStringLiteral("it") : QStringLiteral("each"));
    }
    if (cls == QLatin1String("memory-out-of-range")) {
        return QStringLiteral("%1 %2 to a memory index outside the memory table: %3. Design fix: rebuild the xclbin.")
            .arg(plural(n, "argument", "arguments"), n == 1 ? QStringLiteral("connects") : QStringLiteral("connect"),
                 names);
    }
    if (cls == QLatin1String("unexpected-memory")) {
        QStringList where;
        for (const ArgumentRef& r : refs)
            where << QStringLiteral("%1 on %2").arg(r.argument->argument.name, r.argument->memoryTags.value(0));
        return QStringLiteral("%1 not on the memory aiecc uses for %2: %3. XRT accepts it; check the design.")
            .arg(plural(n, "argument is", "arguments are"), n == 1 ? QStringLiteral("it") : QStringLiteral("them"),
                 FileSummarizer::nameList(where));
    }
    if (cls == QLatin1String("scalar-with-memory")) {
        return QStringLiteral("%1 %2 a memory connection: %3. Pass a value there, never a buffer.")
            .arg(plural(n, "scalar argument", "scalar arguments"),
                 n == 1 ? QStringLiteral("has") : QStringLiteral("have"), names);
    }
    return QStringLiteral("%1: %2").arg(names, refs.first().argument->reason);
}

QString conventionText(Convention c, bool npu)
{
    switch (c) {
    case Convention::Opcode: return QStringLiteral("opcode convention (mlir-aie since mid-2024)");
    case Convention::Legacy: return QStringLiteral("old convention, no opcode (mlir-aie before mid-2024, Riallto)");
    case Convention::Other: break;
    }
    return npu ? QStringLiteral("no mlir-aie convention") : QStringLiteral("PL kernel");
}

QString signature(const Kernel& k, Convention c)
{
    QStringList parts { conventionName(c), k.type };
    for (const KernelArgument& a : k.arguments)
        parts << QStringLiteral("%1:%2:%3").arg(a.id).arg(a.name).arg(a.addressQualifier);
    return parts.join(u'|');
}

QList<KernelCall> kernelCalls(const Xclbin& x, const QList<KernelGroups>& groups)
{
    const Kernel* first = BindingChecker::defaultKernel(x);
    QList<const Kernel*> order;
    if (first)
        order << first;
    for (bool npu : { true, false }) {
        for (const Kernel& k : x.kernels) {
            if (FileKind::isNpuKernel(k) == npu && !order.contains(&k))
                order << &k;
        }
    }
    QList<KernelCall> calls;
    QStringList keys;
    for (const Kernel* k : std::as_const(order)) {
        const auto g = std::find_if(groups.cbegin(), groups.cend(),
                                    [k](const KernelGroups& kg) { return kg.kernelName == k->name; });
        const Convention c = g != groups.cend() ? g->convention : ArgumentGroups::detectConvention(*k);
        const QString key = signature(*k, c);
        const qsizetype at = keys.indexOf(key);
        if (at >= 0) {
            calls[at].names << k->name;
            continue;
        }
        keys << key;
        KernelCall call;
        call.names << k->name;
        call.npu = FileKind::isNpuKernel(*k);
        call.convention = c;
        call.conventionText = conventionText(c, call.npu);
        call.python = CorrectedCall::call(*k, c, HostLanguage::Python);
        call.cpp = CorrectedCall::call(*k, c, HostLanguage::Cpp);
        calls << call;
    }
    return calls;
}

// Argument findings with the same sentence (the argument index taken out) become one point.
QList<Group> argumentGroups(const QList<KernelGroups>& groups)
{
    static const QRegularExpression index(QStringLiteral("group_id\\(\\d+\\)"));
    QList<Group> result;
    for (const KernelGroups& k : groups) {
        for (const ArgumentGroup& a : k.arguments) {
            if (a.verdict != Verdict::Invalid && a.verdict != Verdict::Warning && a.verdict != Verdict::Unknown)
                continue;
            const QString key = verdictName(a.verdict) + u'|' + a.code + u'|' + QString(a.reason).remove(index);
            auto it = std::find_if(result.begin(), result.end(), [&key](const Group& g) { return g.key == key; });
            if (it == result.end()) {
                Group g;
                g.severity = severityOf(a.verdict);
                g.key = key;
                g.text = a.reason;
                g.view = QStringLiteral("arguments");
                result << g;
                it = result.end() - 1;
            }
            it->refs << ArgumentRef { &k, &a };
        }
    }
    return result;
}

SummaryPoint argumentPoint(const Group& g)
{
    SummaryPoint p;
    p.severity = g.severity;
    p.count = int(g.refs.size());
    p.view = g.view;
    p.kernel = g.refs.first().kernel->kernelName;
    p.argument = g.refs.first().argument->index;
    p.text = QStringLiteral("%1: %2").arg(FileSummarizer::nameList(argumentNames(g.refs)), g.text);
    return p;
}

// Kernel notes (warnings) that differ only in the kernel's name become one point.
QList<SummaryPoint> kernelNotePoints(const QList<KernelGroups>& groups)
{
    QList<SummaryPoint> points;
    QStringList keys;
    QList<QStringList> kernels;
    for (const KernelGroups& k : groups) {
        for (const QString& note : k.notes) {
            const QString key = QString(note).replace(k.kernelName, QStringLiteral("%k"));
            qsizetype at = keys.indexOf(key);
            if (at < 0) {
                keys << key;
                kernels << QStringList();
                at = keys.size() - 1;
            }
            kernels[at] << k.kernelName;
        }
    }
    for (qsizetype i = 0; i < keys.size(); ++i) {
        SummaryPoint p;
        p.severity = Severity::Warning;
        p.count = int(kernels.at(i).size());
        p.view = QStringLiteral("issues");
        const QString who = FileSummarizer::nameList(kernels.at(i));
        p.text = p.count == 1
            ? QString(keys.at(i)).replace(QStringLiteral("%k"), who)
            : QStringLiteral("kernels %1: %2")
                  .arg(who, QString(keys.at(i)).replace(QStringLiteral("%k"), QStringLiteral("each")));
        points << p;
    }
    return points;
}

QList<SummaryPoint> conventionPoints(const QList<KernelCall>& calls)
{
    QList<SummaryPoint> points;
    for (const KernelCall& k : calls) {
        const QString who = FileSummarizer::nameList(k.names);
        if (k.convention == Convention::Legacy) {
            SummaryPoint p;
            p.count = int(k.names.size());
            p.view = QStringLiteral("binding");
            p.text = QStringLiteral("%1 %2 the old convention (no opcode): call as %3. A host written for "
                                    "kernel(3, instr_bo, n_words, bo0, ...) puts every buffer one index too far.")
                         .arg(who, k.names.size() == 1 ? QStringLiteral("uses") : QStringLiteral("use"), k.python);
            points << p;
        } else if (k.convention == Convention::Other && k.npu) {
            SummaryPoint p;
            p.count = int(k.names.size());
            p.view = QStringLiteral("arguments");
            p.text = QStringLiteral("%1 %2 neither mlir-aie convention: %3 judged by connectivity only.")
                         .arg(k.names.size() == 1 ? QStringLiteral("NPU kernel ") + who
                                                  : QStringLiteral("%1 NPU kernels (%2)").arg(k.names.size()).arg(who),
                              k.names.size() == 1 ? QStringLiteral("matches") : QStringLiteral("match"),
                              k.names.size() == 1 ? QStringLiteral("its arguments are")
                                                  : QStringLiteral("their arguments are"));
            points << p;
        }
    }
    return points;
}

QList<SummaryPoint> streamPoints(const StreamSummary& stream)
{
    QList<SummaryPoint> points;
    if (!stream.readable()) {
        points << SummaryPoint { Severity::Warning,
                                 QStringLiteral("The instruction stream %1").arg(stream.sentence()),
                                 1,
                                 QStringLiteral("instructions"),
                                 {},
                                 -1 };
        return points;
    }
    QStringList codes;
    for (const NpuFinding& f : stream.findings) {
        const qsizetype at = codes.indexOf(f.code);
        if (at >= 0) {
            ++points[at].count;
            continue;
        }
        codes << f.code;
        points << SummaryPoint { f.severity, QStringLiteral("%1: %2").arg(QFileInfo(stream.path).fileName(), f.message),
                                 1,          QStringLiteral("instructions"),
                                 {},         -1 };
    }
    return points;
}

QList<SummaryPoint> fileWarningPoints(const Xclbin& x)
{
    QList<SummaryPoint> points;
    for (const QString& w : x.warnings) {
        auto it = std::find_if(points.begin(), points.end(), [&w](const SummaryPoint& p) { return p.text == w; });
        if (it != points.end())
            ++it->count;
        else
            points << SummaryPoint { Severity::Warning, w, 1, QStringLiteral("overview"), {}, -1 };
    }
    return points;
}

void setHeadline(FileSummary& s, const Xclbin& x, const QList<KernelGroups>& groups,
                 const QList<SummaryPoint>& problems)
{
    // The worst class of argument finding leads; other problems are counted after it.
    QMap<QString, QList<ArgumentRef>> classes;
    QStringList order;
    for (Verdict wanted : { Verdict::Invalid, Verdict::Warning }) {
        for (const KernelGroups& k : groups) {
            for (const ArgumentGroup& a : k.arguments) {
                if (a.verdict != wanted)
                    continue;
                const QString cls = headlineClass(a);
                if (!order.contains(cls))
                    order << cls;
                classes[cls] << ArgumentRef { &k, &a };
            }
        }
    }
    const Severity argumentWorst = s.count(Verdict::Invalid) > 0 ? Severity::Error : Severity::Warning;
    const SummaryPoint* other = nullptr;
    for (const SummaryPoint& p : problems) {
        if (p.view != QLatin1String("arguments") && p.severity != Severity::Info
            && (!other || int(p.severity) < int(other->severity)))
            other = &p;
    }
    int covered = 0;
    if (!order.isEmpty() && (!other || int(argumentWorst) <= int(other->severity))) {
        const QList<ArgumentRef>& refs = classes.value(order.first());
        s.headline = headlineSentence(order.first(), refs);
        s.headlineView = QStringLiteral("arguments");
        s.headlineKernel = refs.first().kernel->kernelName;
        s.headlineArgument = refs.first().argument->index;
        covered = int(refs.size());
    } else if (other) {
        s.headline = other->text;
        s.headlineView = other->view;
        covered = other->count;
    }
    if (!s.headline.isEmpty()) {
        int all = 0;
        for (const SummaryPoint& p : problems)
            all += p.severity != Severity::Info ? p.count : 0;
        if (all > covered) {
            s.headline += QStringLiteral(" And %1 more %2.")
                              .arg(all - covered)
                              .arg(all - covered == 1 ? QStringLiteral("finding") : QStringLiteral("findings"));
        }
        return;
    }
    // Nothing wrong: say what the file is and how to call it.
    s.headlineView = QStringLiteral("summary");
    switch (s.kind) {
    case FileKind::NoKernels: s.headline = QStringLiteral("No kernels: this file has nothing to bind or run."); return;
    case FileKind::SoftwareEmulation:
        s.headline
            = QStringLiteral("A software-emulation file: %1 on the host; argument banks are not judged.")
                  .arg(x.kernels.size() == 1 ? QStringLiteral("its kernel runs") : QStringLiteral("its kernels run"));
        s.headlineView = QStringLiteral("arguments");
        return;
    case FileKind::Npu:
    case FileKind::Pl: break;
    }
    const QString args = QStringLiteral("%1, %2").arg(plural(s.count(Verdict::Valid), "valid buffer", "valid buffers"),
                                                      plural(s.count(Verdict::Scalar), "scalar", "scalars"));
    const KernelCall* lead = s.kernels.isEmpty() ? nullptr : &s.kernels.first();
    if (lead && lead->npu && lead->convention != Convention::Other && lead->names.size() == 1) {
        s.headline = QStringLiteral("Ready to call (%1): %2 as %3.")
                         .arg(args, lead->names.first(), QString(lead->python).remove(QStringLiteral("run = ")));
    } else if (s.kind == FileKind::Pl) {
        s.headline = QStringLiteral("Every argument is valid (%1); this FPGA (PL) file has no NPU kernel.").arg(args);
    } else {
        s.headline = QStringLiteral("Every argument of the %1 is valid (%2).")
                         .arg(plural(x.kernels.size(), "kernel", "kernels"), args);
    }
    s.headlineView = QStringLiteral("arguments");
}

} // namespace

QString FileSummarizer::nameList(const QStringList& names, int shown)
{
    if (names.size() <= shown + 1)
        return names.join(QStringLiteral(", "));
    return QStringLiteral("%1 and %2 more")
        .arg(names.mid(0, shown).join(QStringLiteral(", ")))
        .arg(names.size() - shown);
}

FileSummary FileSummarizer::summarize(const Xclbin& xclbin, SlotMode mode)
{
    return summarize(xclbin, ArgumentGroups::computeAll(xclbin, mode),
                     StreamSummary::nextTo(xclbin, BindingChecker::defaultKernel(xclbin)));
}

FileSummary FileSummarizer::summarize(const Xclbin& x, const QList<KernelGroups>& groups,
                                      const std::optional<StreamSummary>& stream)
{
    FileSummary s;
    s.fileName = QFileInfo(x.filePath).fileName();
    s.kind = FileKind::classify(x);
    s.kindText = FileKind::describe(x, s.kind);
    s.stream = stream;
    for (const KernelGroups& k : groups) {
        for (const ArgumentGroup& a : k.arguments)
            ++s.counts[size_t(a.verdict)];
        s.argumentCount += int(k.arguments.size());
    }
    s.kernels = kernelCalls(x, groups);
    if (!stream && s.kind == FileKind::Npu) {
        s.streamNote = QStringLiteral("none next to the file (looked for %1.insts.bin, insts.bin, *.seq and the like): "
                                      "what the NPU moves is not known.")
                           .arg(QFileInfo(x.filePath).completeBaseName());
    }

    QList<SummaryPoint> problems;
    for (const Group& g : argumentGroups(groups))
        problems << argumentPoint(g);
    if (stream)
        problems << streamPoints(*stream);
    problems << kernelNotePoints(groups) << fileWarningPoints(x);
    std::stable_sort(problems.begin(), problems.end(),
                     [](const SummaryPoint& a, const SummaryPoint& b) { return int(a.severity) < int(b.severity); });
    setHeadline(s, x, groups, problems);
    s.points = problems;
    s.points << conventionPoints(s.kernels);
    std::stable_sort(s.points.begin(), s.points.end(),
                     [](const SummaryPoint& a, const SummaryPoint& b) { return int(a.severity) < int(b.severity); });
    s.level = s.points.isEmpty() ? Severity::Info : s.points.first().severity;
    return s;
}

} // namespace xi
