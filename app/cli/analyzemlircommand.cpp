// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzemlircommand.h"

#include "cliutil.h"
#include "mlir/mlirdesign.h"
#include "mlir/mlirdesignchecker.h"
#include "workflow/findingfix.h"

#include <QJsonArray>
#include <QJsonObject>

namespace xi::cli {

namespace {

QJsonArray tilesJson(const MlirDesign& design)
{
    QJsonArray list;
    for (const MlirDesign::Tile& t : design.tiles) {
        list.append(QJsonObject { { QStringLiteral("name"), t.name },
                                  { QStringLiteral("column"), t.column },
                                  { QStringLiteral("row"), t.row },
                                  { QStringLiteral("kind"), MlirDesign::tileKindName(t.kind) },
                                  { QStringLiteral("line"), t.line } });
    }
    return list;
}

QJsonArray buffersJson(const MlirDesign& design)
{
    QJsonArray list;
    for (const MlirDesign::Buffer& b : design.buffers) {
        list.append(QJsonObject { { QStringLiteral("name"), b.name },
                                  { QStringLiteral("sym_name"), b.symName },
                                  { QStringLiteral("mem_bank"), b.memBank ? QJsonValue(*b.memBank) : QJsonValue() },
                                  { QStringLiteral("tile"), b.tile },
                                  { QStringLiteral("type"), b.type },
                                  { QStringLiteral("bytes"), b.bytes },
                                  { QStringLiteral("line"), b.line } });
    }
    return list;
}

QJsonArray objectFifosJson(const MlirDesign& design)
{
    QJsonArray list;
    for (const MlirDesign::ObjectFifo& f : design.objectFifos) {
        list.append(QJsonObject { { QStringLiteral("name"), f.name },
                                  { QStringLiteral("producer"), f.producer },
                                  { QStringLiteral("consumers"), QJsonArray::fromStringList(f.consumers) },
                                  { QStringLiteral("line"), f.line } });
    }
    return list;
}

QJsonArray coresJson(const MlirDesign& design)
{
    QJsonArray list;
    for (const MlirDesign::Core& c : design.cores)
        list.append(QJsonObject { { QStringLiteral("tile"), c.tile }, { QStringLiteral("line"), c.line } });
    return list;
}

QJsonValue sequenceJson(const MlirDesign& design)
{
    if (!design.runtimeSequence)
        return QJsonValue();
    const MlirDesign::RuntimeSequence& s = *design.runtimeSequence;
    QJsonArray arguments;
    for (qsizetype i = 0; i < s.arguments.size(); ++i) {
        const int xrtArgument = MlirDesignChecker::FirstHostArgument + int(i);
        arguments.append(QJsonObject { { QStringLiteral("index"), int(i) },
                                       { QStringLiteral("name"), s.arguments[i].name },
                                       { QStringLiteral("type"), s.arguments[i].type },
                                       { QStringLiteral("bytes"), s.arguments[i].bytes },
                                       { QStringLiteral("bo"), QStringLiteral("bo%1").arg(i) },
                                       { QStringLiteral("xrt_argument"), xrtArgument },
                                       { QStringLiteral("bindable"), i < MlirDesignChecker::MaxHostBuffers } });
    }
    return QJsonObject { { QStringLiteral("name"), s.name },
                         { QStringLiteral("syntax"), s.syntax },
                         { QStringLiteral("line"), s.line },
                         { QStringLiteral("arguments"), arguments } };
}

QJsonArray findingsJson(const QList<MlirDesignChecker::Finding>& findings)
{
    QJsonArray list;
    for (const MlirDesignChecker::Finding& f : findings) {
        list.append(QJsonObject { { QStringLiteral("severity"), severityName(f.severity) },
                                  { QStringLiteral("code"), f.code },
                                  { QStringLiteral("line"), f.line },
                                  { QStringLiteral("message"), f.message },
                                  { QStringLiteral("fix"), FindingFix::forMlir(f).toJson() } });
    }
    return list;
}

void printJsonReport(const QString& path, const MlirDesign& design, const QList<MlirDesignChecker::Finding>& findings,
                     CliContext& ctx)
{
    printJson(ctx,
              QJsonObject { { QStringLiteral("file"), path },
                            { QStringLiteral("device"), design.device },
                            { QStringLiteral("device_line"), design.deviceLine },
                            { QStringLiteral("tiles"), tilesJson(design) },
                            { QStringLiteral("buffers"), buffersJson(design) },
                            { QStringLiteral("object_fifos"), objectFifosJson(design) },
                            { QStringLiteral("cores"), coresJson(design) },
                            { QStringLiteral("runtime_sequence"), sequenceJson(design) },
                            { QStringLiteral("findings"), findingsJson(findings) },
                            { QStringLiteral("errors"), MlirDesignChecker::errorCount(findings) } });
}

void printTextReport(const QString& path, const MlirDesign& design, const QList<MlirDesignChecker::Finding>& findings,
                     CliContext& ctx)
{
    ctx.out << path << ": device " << (design.device.isEmpty() ? QStringLiteral("(none)") : design.device) << ", "
            << design.tiles.size() << " tile(s), " << design.buffers.size() << " buffer(s), "
            << design.objectFifos.size() << " object FIFO(s), " << design.cores.size() << " core(s)\n";
    for (const MlirDesign::Tile& t : design.tiles)
        ctx.out << "  tile %" << t.name << " (" << t.column << ", " << t.row << ") " << MlirDesign::tileKindName(t.kind)
                << ", line " << t.line << '\n';
    for (const MlirDesign::Buffer& b : design.buffers)
        ctx.out << "  buffer %" << b.name << " on %" << b.tile << ": " << b.type << ", " << b.sizeText() << ", line "
                << b.line << '\n';
    for (const MlirDesignChecker::Finding& f : findings) {
        const FixAdvice fix = FindingFix::forMlir(f);
        ctx.out << path << ':' << f.line << ": " << severityName(f.severity) << ": " << f.message << " [" << f.code
                << ']';
        if (fix.kind != FixKind::None)
            ctx.out << " (" << fix.kindLabel() << ')';
        ctx.out << '\n';
    }
}

} // namespace

QString AnalyzeMlirCommand::name() const
{
    return QStringLiteral("analyze-mlir");
}

QString AnalyzeMlirCommand::summary() const
{
    return QStringLiteral("Check an mlir-aie design: shim buffers, host buffers -> XRT arguments, tile memory");
}

QString AnalyzeMlirCommand::usage() const
{
    return QStringLiteral(
        "Usage: xclbin-inspector-cli analyze-mlir FILE.mlir [--json]\n\n"
        "Reads an mlir-aie design (any syntax generation: AIE.tile or aie.tile, func.func @sequence,\n"
        "aiex.runtime_sequence or aie.runtime_sequence @name) and lists its device, tiles, buffers, object\n"
        "FIFOs, cores and runtime-sequence host buffers with their lines. Findings:\n"
        "  buffer-on-shim          error: an aie.buffer on a row-0 shim tile, which has no data memory\n"
        "  too-many-host-buffers   error: more than 5 host buffers (only bo0..bo4 = XRT arguments 3..7)\n"
        "  buffer-too-large        error: buffers over a compute tile's 64 KiB or a mem tile's 512 KiB\n"
        "  host-arguments          info: runtime-sequence argument i = XRT argument 3+i = bo i\n"
        "  attributes-not-groups   info: sym_name / mem_bank do not change XRT group IDs\n"
        "Each finding says the fix it needs: a design fix with a rebuild (error findings), or none.\n\n"
        "  --json   machine-readable output (see docs/cli.md)\n\n"
        "Exit codes: 0 no error finding, 1 an error finding, 2 the file cannot be read or is not an mlir-aie\n"
        "design, 64 usage.\n");
}

int AnalyzeMlirCommand::run(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("json"), QStringLiteral("JSON output.") });
    if (!parseOptions(parser, *this, args, ctx, 1, 1))
        return ExitUsage;
    const QString path = parser.positionalArguments().constFirst();
    const std::optional<QByteArray> text = readInput(path, ctx);
    if (!text)
        return ExitBadInput;
    const MlirDesign design = MlirDesign::parse(QString::fromUtf8(*text));
    if (design.device.isEmpty() && design.tiles.isEmpty()) {
        ctx.err << "error: " << path << ": not an mlir-aie design: no aie.device(...) and no aie.tile(...) found\n";
        return ExitBadInput;
    }
    const QList<MlirDesignChecker::Finding> findings = MlirDesignChecker::check(design);
    if (parser.isSet(QStringLiteral("json")))
        printJsonReport(path, design, findings, ctx);
    else
        printTextReport(path, design, findings, ctx);
    return MlirDesignChecker::errorCount(findings) > 0 ? ExitCheckFailed : ExitOk;
}

} // namespace xi::cli
