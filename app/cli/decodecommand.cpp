// SPDX-License-Identifier: GPL-3.0-or-later
#include "decodecommand.h"

#include "binding/txnopindex.h"
#include "binding/xrtlogdecoder.h"
#include "cliutil.h"
#include "groups/groupiddecoder.h"
#include "instructions/npustreamreader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace xi::cli {

namespace {

// QCommandLineParser would read "-1" as an option: hide negative numbers behind a marker while parsing.
const QChar kNegativeMarker(0x1);

QStringList protectNegatives(const QStringList& args)
{
    static const QRegularExpression negative(QStringLiteral("^-(\\d+|0[xX][0-9a-fA-F]+)$"));
    QStringList out;
    for (const QString& a : args)
        out << (negative.match(a).hasMatch() ? QString(kNegativeMarker + a) : a);
    return out;
}

QString unprotect(const QString& value)
{
    return value.startsWith(kNegativeMarker) ? value.mid(1) : value;
}

int decodeValues(const QStringList& values, const GroupIdDecoder& decoder, bool json, CliContext& ctx)
{
    QList<DecodedGroupId> decoded;
    for (const QString& v : values) {
        QString error;
        const auto d = decoder.decode(unprotect(v), &error);
        if (!d) {
            ctx.err << "error: " << error << '\n';
            return ExitBadInput;
        }
        decoded << *d;
    }
    const bool foreign = std::any_of(decoded.cbegin(), decoded.cend(), [](const auto& d) { return d.bankOutOfRange; });
    if (json) {
        QJsonArray list;
        for (const DecodedGroupId& d : std::as_const(decoded))
            list.append(d.toJson());
        printJson(
            ctx,
            QJsonObject {
                { QStringLiteral("xclbin"), decoder.xclbin() ? QJsonValue(decoder.xclbin()->filePath) : QJsonValue() },
                { QStringLiteral("values"), list },
            });
    } else {
        for (const DecodedGroupId& d : std::as_const(decoded)) {
            const QStringList lines = d.explanation();
            ctx.out << lines.first() << '\n';
            for (qsizetype i = 1; i < lines.size(); ++i)
                ctx.out << "  " << lines[i] << '\n';
        }
    }
    return foreign ? ExitCheckFailed : ExitOk;
}

void printFinding(const LogFinding& f, CliContext& ctx)
{
    const QString lines = f.line == f.lastLine ? QStringLiteral("line %1").arg(f.line)
                                               : QStringLiteral("lines %1-%2").arg(f.line).arg(f.lastLine);
    ctx.out << lines << " [" << f.kindName() << "] " << f.text << '\n';
    if (!f.passed.isEmpty())
        ctx.out << "  what:  " << f.passed << '\n';
    if (!f.wentWrong.isEmpty())
        ctx.out << "  wrong: " << f.wentWrong << '\n';
    if (!f.fix.isEmpty())
        ctx.out << "  fix:   " << f.fix << '\n';
    if (!f.callCpp.isEmpty())
        ctx.out << "  C++:   " << f.callCpp << '\n';
}

int decodeLog(const QString& path, const GroupIdDecoder& decoder, const NpuStream* stream, bool json, CliContext& ctx)
{
    std::optional<QByteArray> text = readInput(path, ctx, XrtLogDecoder::MaxLogBytes);
    if (!text)
        return ExitBadInput;
    const QString log = QString::fromUtf8(*text);
    text.reset(); // the bytes are not needed once decoded: peak memory stays a small multiple of the log
    const QList<LogFinding> findings = XrtLogDecoder(decoder.xclbin()).decode(log);
    const QList<TxnOpReference> ops = TxnOpIndex::find(log, stream);
    int warnings = 0;
    int groupIds = 0;
    int copies = 0;
    for (const LogFinding& f : findings) {
        warnings += f.kind == LogFinding::Kind::ConnectivityWarning;
        groupIds += f.kind == LogFinding::Kind::GroupIdNumber;
        copies += f.kind == LogFinding::Kind::HostCopy;
    }
    if (json) {
        QJsonArray list, opList;
        for (const LogFinding& f : findings)
            list.append(f.toJson());
        for (const TxnOpReference& r : ops)
            opList.append(r.toJson());
        printJson(
            ctx,
            QJsonObject {
                { QStringLiteral("log"), path },
                { QStringLiteral("xclbin"), decoder.xclbin() ? QJsonValue(decoder.xclbin()->filePath) : QJsonValue() },
                { QStringLiteral("connectivity_warnings"), warnings },
                { QStringLiteral("group_ids"), groupIds },
                { QStringLiteral("host_copies"), copies },
                { QStringLiteral("findings"), list },
                { QStringLiteral("txn_op_indices"), opList },
            });
    } else {
        for (const LogFinding& f : findings)
            printFinding(f, ctx);
        for (const TxnOpReference& r : ops)
            ctx.out << "line " << r.line << " [txn_op_idx] " << r.text << "\n  op:    " << r.meaning << '\n';
        ctx.out << (findings.isEmpty() && ops.isEmpty() ? QString() : QStringLiteral("\n")) << warnings
                << " connectivity warning(s), " << groupIds << " group ID(s), " << copies << " host copy fallback(s)\n";
    }
    // A txn_op_idx comes from a timeout's health record: the run failed.
    return warnings > 0 || !ops.isEmpty() ? ExitCheckFailed : ExitOk;
}

} // namespace

QString DecodeCommand::name() const
{
    return QStringLiteral("decode");
}

QString DecodeCommand::summary() const
{
    return QStringLiteral("Explain group ID numbers, or every group ID and connectivity warning in XRT log text");
}

QString DecodeCommand::usage() const
{
    return QStringLiteral(
        "Usage: xclbin-inspector-cli decode VALUE... [--xclbin FILE] [--json]\n"
        "       xclbin-inspector-cli decode --log FILE|- [--xclbin FILE] [--insts FILE] [--json]\n\n"
        "VALUE is a group ID as XRT returns or prints it: decimal (131072), hex (0x20000) or -1 (XRT 2.13).\n"
        "Each is split into slot (bits 16-23: the hardware context), bank (bits 0-15: memory index, 0xFFFF =\n"
        "none) and flags (bits 24-31). With --xclbin the bank is named after that file's memory and the\n"
        "arguments whose group_id() has it are listed.\n\n"
        "--log reads XRT output (a file, or - for stdin) and decodes every group ID number and every\n"
        "\"has no compute units with connectivity\" warning in it: what was passed at which index, what XRT did\n"
        "about it, and the call the host should have made (needs --xclbin to name arguments).\n\n"
        "  --xclbin FILE   name banks and arguments after this xclbin\n"
        "  --log FILE|-    decode log text instead of values\n"
        "  --insts FILE    with --log: the instruction stream the run used, to name the op of a timeout's\n"
        "                  txn_op_idx = N\n"
        "  --json          machine-readable output (see docs/cli.md)\n\n"
        "Exit codes: 0 ok, 1 the log has a connectivity warning or a timeout's txn_op_idx, or a value's bank is not\n"
        "in the xclbin, 2 a value is not a number or a file cannot be read, 64 usage.\n");
}

int DecodeCommand::run(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addOption(
        { QStringLiteral("xclbin"), QStringLiteral("Name banks after this xclbin."), QStringLiteral("FILE") });
    parser.addOption(
        { QStringLiteral("log"), QStringLiteral("Decode XRT log text (- = stdin)."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("insts"),
                       QStringLiteral("With --log: the instruction stream, to name the op of txn_op_idx."),
                       QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("JSON output.") });
    if (!parseOptions(parser, *this, protectNegatives(args), ctx, 0))
        return ExitUsage;
    const QStringList values = parser.positionalArguments();
    const bool log = parser.isSet(QStringLiteral("log"));
    if (log == !values.isEmpty()) {
        return usageError(*this, ctx,
                          log ? QStringLiteral("give either values or --log, not both")
                              : QStringLiteral("nothing to decode: give VALUE... or --log FILE"));
    }
    XclbinPtr xclbin;
    if (parser.isSet(QStringLiteral("xclbin"))) {
        xclbin = loadXclbin(parser.value(QStringLiteral("xclbin")), ctx);
        if (!xclbin)
            return ExitBadInput;
    }
    const GroupIdDecoder decoder(xclbin);
    const bool json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("insts")) && !log)
        return usageError(*this, ctx, QStringLiteral("--insts goes with --log"));
    std::optional<NpuStream> stream;
    if (parser.isSet(QStringLiteral("insts"))) {
        NpuStreamError error;
        stream = NpuStreamReader::load(parser.value(QStringLiteral("insts")), &error);
        if (!stream) {
            ctx.err << "error: " << error.message() << '\n';
            return ExitBadInput;
        }
    }
    if (log)
        return decodeLog(parser.value(QStringLiteral("log")), decoder, stream ? &*stream : nullptr, json, ctx);
    return decodeValues(values, decoder, json, ctx);
}

} // namespace xi::cli
