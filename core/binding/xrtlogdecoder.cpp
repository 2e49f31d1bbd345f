// SPDX-License-Identifier: GPL-3.0-or-later
#include "binding/xrtlogdecoder.h"

#include "binding/correctedcall.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace xi {

namespace {

using Ranges = QList<QPair<qsizetype, qsizetype>>;

constexpr auto kCi = QRegularExpression::CaseInsensitiveOption;
constexpr qsizetype kWarningWindow = 400;

int lineAt(const QList<qsizetype>& lineStarts, qsizetype pos)
{
    const auto it = std::upper_bound(lineStarts.cbegin(), lineStarts.cend(), pos);
    return int(it - lineStarts.cbegin()); // 1-based
}

// The covered ranges sorted and merged, so that a position is looked up in O(log n): a linear scan per number made a
// log with many warnings and many numbers quadratic (issue 13).
Ranges merged(Ranges ranges)
{
    std::sort(ranges.begin(), ranges.end());
    Ranges out;
    for (const auto& r : ranges) {
        if (!out.isEmpty() && r.first <= out.last().second)
            out.last().second = std::max(out.last().second, r.second);
        else
            out << r;
    }
    return out;
}

bool isCovered(const Ranges& sortedDisjoint, qsizetype pos)
{
    const auto it = std::upper_bound(sortedDisjoint.cbegin(), sortedDisjoint.cend(), pos,
                                     [](qsizetype p, const auto& r) { return p < r.first; });
    return it != sortedDisjoint.cbegin() && pos < std::prev(it)->second;
}

QString oneLine(const QString& text)
{
    return text.simplified();
}

std::optional<qint64> number(const QRegularExpressionMatch& m)
{
    bool ok = false;
    const qint64 v = m.captured(1).toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

} // namespace

QString LogFinding::kindName() const
{
    switch (kind) {
    case Kind::GroupIdNumber: return QStringLiteral("group-id");
    case Kind::ConnectivityWarning: return QStringLiteral("connectivity-warning");
    case Kind::HostCopy: return QStringLiteral("host-copy");
    }
    return {};
}

QJsonObject LogFinding::toJson() const
{
    QJsonObject o {
        { QStringLiteral("kind"), kindName() },
        { QStringLiteral("line"), line },
        { QStringLiteral("last_line"), lastLine },
        { QStringLiteral("text"), text },
        { QStringLiteral("passed"), passed },
        { QStringLiteral("went_wrong"), wentWrong },
        { QStringLiteral("fix"), fix },
    };
    if (groupId)
        o.insert(QStringLiteral("group_id"), groupId->toJson());
    if (kind == Kind::ConnectivityWarning) {
        o.insert(QStringLiteral("kernel"), kernelName);
        o.insert(QStringLiteral("index"), argIndex);
        if (!argumentName.isEmpty())
            o.insert(QStringLiteral("argument"), argumentName);
        if (boBank)
            o.insert(QStringLiteral("bo_bank"), double(*boBank));
        if (connectedBank)
            o.insert(QStringLiteral("connected_bank"), double(*connectedBank));
        o.insert(QStringLiteral("xrt213"), xrt213);
    }
    if (kind == Kind::HostCopy) {
        o.insert(QStringLiteral("reason"), reason);
        o.insert(QStringLiteral("related_finding"), relatedFinding);
    }
    if (!callPython.isEmpty()) {
        o.insert(QStringLiteral("call_python"), callPython);
        o.insert(QStringLiteral("call_cpp"), callCpp);
    }
    return o;
}

XrtLogDecoder::XrtLogDecoder(XclbinPtr xclbin)
    : m_decoder(std::move(xclbin))
{
}

QList<LogFinding> XrtLogDecoder::decode(const QString& text) const
{
    // Pasted logs come quoted ("> ") or indented; the message itself may be wrapped over several lines. One copy of
    // the text, without the quoting, plus one offset per line: memory stays a small multiple of the log.
    QString joined;
    joined.reserve(text.size() + 1);
    QList<qsizetype> lineStarts;
    for (qsizetype pos = 0; pos <= text.size();) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), pos);
        const bool last = end < 0;
        if (last)
            end = text.size();
        QStringView line = QStringView(text).mid(pos, end - pos);
        if (!last && line.endsWith(u'\r'))
            line.chop(1);
        while (!line.isEmpty() && (line.front().isSpace() || line.front() == u'>'))
            line = line.mid(1);
        lineStarts << joined.size();
        joined += line;
        joined += QLatin1Char('\n');
        pos = end + 1;
    }
    Ranges covered;
    QList<LogFinding> findings = findWarnings(joined, lineStarts, &covered);
    findings << findHostCopies(joined, lineStarts, &covered);
    findings << findGroupIds(joined, merged(covered), lineStarts);
    std::stable_sort(findings.begin(), findings.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
    // A host-copy line belongs to the warning before it: it shares that warning's fix.
    int lastWarning = -1;
    for (qsizetype i = 0; i < findings.size(); ++i) {
        LogFinding& f = findings[i];
        if (f.kind == LogFinding::Kind::ConnectivityWarning)
            lastWarning = int(i);
        if (f.kind != LogFinding::Kind::HostCopy || lastWarning < 0)
            continue;
        f.relatedFinding = lastWarning;
        f.fix = findings[lastWarning].fix;
        f.callPython = findings[lastWarning].callPython;
        f.callCpp = findings[lastWarning].callCpp;
    }
    return findings;
}

QList<LogFinding> XrtLogDecoder::findWarnings(const QString& joined, const QList<qsizetype>& lineStarts,
                                              Ranges* covered) const
{
    static const QRegularExpression anchor(
        QStringLiteral("Kernel\\s+(\\S+)\\s+has\\s+no\\s+compute\\s+units\\s+with\\s+connectivity"
                       "(?:\\s+required\\s+for\\s+global\\s+argument)?"),
        kCi);
    static const QRegularExpression index(QStringLiteral("(?:argument\\s+)?at\\s+index\\s+(\\d+)"), kCi);
    static const QRegularExpression boBank(QStringLiteral("allocated\\s+in\\s+bank\\s+(-?\\d+)"), kCi);
    static const QRegularExpression connected(QStringLiteral("connected\\s+to\\s+bank\\s+(-?\\d+)\\s*\\.?"), kCi);
    static const QRegularExpression copy(
        QStringLiteral("Allocating\\s+local\\s+copy\\s+of\\s+argument\\s+buffer\\s+in\\s+connected\\s+bank\\s*\\.?"),
        kCi);

    QList<QRegularExpressionMatch> anchors;
    for (auto it = anchor.globalMatch(joined); it.hasNext();)
        anchors << it.next();
    QList<LogFinding> findings;
    QHash<QString, LogFinding> interpreted;
    for (qsizetype a = 0; a < anchors.size(); ++a) {
        const QRegularExpressionMatch& m = anchors[a];
        const qsizetype start = m.capturedStart();
        qsizetype windowEnd = std::min(joined.size(), m.capturedEnd() + kWarningWindow);
        if (a + 1 < anchors.size())
            windowEnd = std::min(windowEnd, anchors[a + 1].capturedStart());
        const QString window = joined.mid(m.capturedEnd(), windowEnd - m.capturedEnd());
        qsizetype end = m.capturedEnd();
        auto part = [&](const QRegularExpression& re) {
            const QRegularExpressionMatch pm = re.match(window);
            if (pm.hasMatch())
                end = std::max(end, m.capturedEnd() + pm.capturedEnd());
            return pm;
        };
        LogFinding f;
        f.kind = LogFinding::Kind::ConnectivityWarning;
        f.kernelName = m.captured(1);
        if (const auto im = part(index); im.hasMatch())
            f.argIndex = im.captured(1).toInt();
        if (const auto bm = part(boBank); bm.hasMatch())
            f.boBank = number(bm);
        if (const auto cm = part(connected); cm.hasMatch())
            f.connectedBank = number(cm);
        part(copy);
        // The interpretation depends only on these fields: built once per distinct warning.
        const QString key
            = QStringLiteral("%1|%2|%3|%4")
                  .arg(f.kernelName, QString::number(f.argIndex), f.boBank ? QString::number(*f.boBank) : QString(),
                       f.connectedBank ? QString::number(*f.connectedBank) : QString());
        auto cached = interpreted.find(key);
        if (cached == interpreted.end()) {
            interpretWarning(f);
            cached = interpreted.insert(key, f);
        }
        f = *cached;
        f.line = lineAt(lineStarts, start);
        f.lastLine = lineAt(lineStarts, end - 1);
        f.text = oneLine(joined.mid(start, end - start));
        covered->append({ start, end });
        findings << f;
    }
    return findings;
}

QList<LogFinding> XrtLogDecoder::findHostCopies(const QString& joined, const QList<qsizetype>& lineStarts,
                                                Ranges* covered) const
{
    static const QRegularExpression revert(
        QStringLiteral("Reverting\\s+to\\s+host\\s+copy\\s+of\\s+buffers\\s*(?:\\(([^)]{0,400})\\))?"), kCi);
    QList<LogFinding> findings;
    for (auto it = revert.globalMatch(joined); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        LogFinding f;
        f.kind = LogFinding::Kind::HostCopy;
        f.line = lineAt(lineStarts, m.capturedStart());
        f.lastLine = lineAt(lineStarts, m.capturedEnd() - 1);
        f.text = oneLine(m.captured(0));
        f.reason = oneLine(m.captured(1));
        f.passed = QStringLiteral("XRT was making the local copy of a BO that a connectivity warning announced");
        f.wentWrong = QStringLiteral("its copy engine could not copy the buffer%1, so XRT copied it through the host; "
                                     "the kernel still runs on a copy that is never copied back")
                          .arg(f.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(f.reason));
        covered->append({ m.capturedStart(), m.capturedEnd() });
        findings << f;
    }
    return findings;
}

QList<LogFinding> XrtLogDecoder::findGroupIds(const QString& joined, const Ranges& covered,
                                              const QList<qsizetype>& lineStarts) const
{
    static const QRegularExpression token(QStringLiteral("(?<![\\w.])(0[xX][0-9a-fA-F]+|\\d+)(?![\\w.])"));
    const int bankLimit = m_decoder.xclbin() && !m_decoder.xclbin()->memories().isEmpty()
        ? int(m_decoder.xclbin()->memories().size())
        : 64;
    // One interpretation per distinct number: a long log repeats the same few group IDs, and each copy of the
    // template shares its strings.
    QHash<QString, LogFinding> interpreted;
    QList<LogFinding> findings;
    QSet<quint32> seen; // per line: a number repeated on one line is one finding
    int currentLine = 0;
    for (auto it = token.globalMatch(joined); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (isCovered(covered, m.capturedStart()))
            continue;
        const int line = lineAt(lineStarts, m.capturedStart());
        if (line != currentLine) {
            currentLine = line;
            seen.clear();
        }
        const QString text = m.captured(1);
        GroupId id;
        if (!GroupId::parse(text, &id) || id.legacy)
            continue;
        // Only numbers with a slot and a plausible bank: sizes, counts and timestamps are not group IDs.
        const bool plausible = id.raw >= 0x10000 && id.raw <= 0xFFFFFF && (id.isNoMemory() || id.bank() < bankLimit);
        if (!plausible || seen.contains(id.raw))
            continue;
        seen.insert(id.raw);
        auto cached = interpreted.find(text);
        if (cached == interpreted.end()) {
            LogFinding f;
            f.kind = LogFinding::Kind::GroupIdNumber;
            f.text = text;
            f.groupId = m_decoder.decode(id, text);
            interpretGroupId(f);
            cached = interpreted.insert(text, f);
        }
        LogFinding f = *cached;
        f.line = f.lastLine = line;
        findings << f;
    }
    return findings;
}

void XrtLogDecoder::interpretGroupId(LogFinding& f) const
{
    const DecodedGroupId& d = *f.groupId;
    f.passed = d.summary();
    if (d.bankOutOfRange) {
        f.wentWrong = d.bankMeaning;
    } else if (d.slot() >= 2) {
        f.wentWrong = QStringLiteral("nothing in the xclbin: slot %1 means the process created %1 hardware contexts "
                                     "(\"group %1\" is a context, not a broken memory bank)")
                          .arg(d.slot());
        f.fix = QStringLiteral("nothing to recompile; if a second context was not intended, reuse the first "
                               "xrt::hw_context and allocate BOs with that kernel's group_id()");
    } else if (d.groupId.isNoMemory()) {
        f.wentWrong = QStringLiteral("nothing by itself: this is what group_id() returns for a scalar argument; it "
                                     "only goes wrong when a BO is passed at that index");
    } else {
        f.wentWrong = QStringLiteral("nothing: a normal group ID (%1)").arg(d.bankMeaning);
    }
}

void XrtLogDecoder::interpretWarning(LogFinding& f) const
{
    if (f.connectedBank) {
        f.xrt213 = *f.connectedBank < 0;
        f.groupId = m_decoder.decode(f.xrt213 ? GroupId::legacyBank(-1) : GroupId { quint32(*f.connectedBank), false },
                                     QString::number(*f.connectedBank));
    }
    const bool scalarIndex = f.groupId && f.groupId->groupId.isNoMemory();
    const QString boText = f.boBank
        ? QStringLiteral("a BO from bank %1").arg(m_decoder.bankLabel(int(*f.boBank & 0xFFFF)))
        : QStringLiteral("a BO");
    const QString indexText
        = f.argIndex >= 0 ? QStringLiteral("index %1").arg(f.argIndex) : QStringLiteral("an index the log leaves out");
    const XclbinPtr& xclbin = m_decoder.xclbin();
    const Kernel* kernel = xclbin ? xclbin->kernel(f.kernelName) : nullptr;
    const Convention convention = kernel ? ArgumentGroups::detectConvention(*kernel) : Convention::Other;

    QString what;
    if (kernel && f.argIndex >= 0) {
        const KernelArgument* arg = nullptr;
        for (const KernelArgument& a : kernel->arguments) {
            if (a.id == f.argIndex)
                arg = &a;
        }
        if (arg)
            f.argumentName = arg->name;
        what = QStringLiteral(", which is %1").arg(CorrectedCall::role(*kernel, convention, f.argIndex));
        if (arg && arg->isBuffer() && f.groupId)
            what += QStringLiteral(" (connected to bank %1)").arg(m_decoder.bankLabel(f.groupId->bank()));
    } else if (f.groupId) {
        what = scalarIndex
            ? QStringLiteral(", whose group ID %1 (no memory) marks a scalar argument")
                  .arg(f.groupId->groupId.decimal())
            : QStringLiteral(", whose argument is connected to bank %1").arg(m_decoder.bankLabel(f.groupId->bank()));
    }
    f.passed = QStringLiteral("%1 was passed at %2%3").arg(boText, indexText, what);

    const QString clone = QStringLiteral("XRT found no compute unit connecting that index to the BO's bank, cloned "
                                         "the BO into the connected bank and ran the kernel on the clone; nothing "
                                         "copies the clone back, so an output passed like this stays all zeros");
    f.wentWrong = scalarIndex ? QStringLiteral("a buffer at a scalar's position means the arguments are in the wrong "
                                               "places: ")
            + clone
                              : clone;
    if (f.xrt213)
        f.wentWrong += QStringLiteral(" (XRT 2.13 prints bank -1 where newer XRT prints 131071)");

    if (kernel) {
        f.callPython = CorrectedCall::call(*kernel, convention, HostLanguage::Python);
        f.callCpp = CorrectedCall::call(*kernel, convention, HostLanguage::Cpp);
        f.fix = QStringLiteral("pass every argument at its own index (%1 convention): %2")
                    .arg(conventionName(convention), f.callPython);
        if (!scalarIndex && f.argIndex >= 0) {
            const QString alloc = CorrectedCall::boAllocation(*kernel, convention, f.argIndex, HostLanguage::Python);
            if (!alloc.isEmpty()) {
                f.fix = QStringLiteral("allocate the BO for index %1 with its own group: %2; and %3")
                            .arg(f.argIndex)
                            .arg(alloc, f.fix);
            }
        }
    } else if (xclbin) {
        f.fix = QStringLiteral("the xclbin %1 has no kernel '%2': check that the log belongs to it")
                    .arg(xclbin->filePath, f.kernelName);
    } else {
        f.fix = QStringLiteral("give the xclbin to name the argument and check the call; an mlir-aie kernel in the "
                               "opcode convention is called as kernel(3, instr_bo, n_words, bo0, bo1, ...)");
    }
}

} // namespace xi
