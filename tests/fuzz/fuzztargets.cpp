// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzztargets.h"

#include "attention/attentionrun.h"
#include "binding/bindingchecker.h"
#include "binding/xrtlog.h"
#include "binding/xrtlogdecoder.h"
#include "groups/argumentgroups.h"
#include "hostprogram/hostprogramreader.h"
#include "instructions/npustreamchecker.h"
#include "instructions/npustreamreader.h"
#include "mlir/mlirdesign.h"
#include "mlir/mlirdesignchecker.h"
#include "summary/filesummarizer.h"
#include "util/npyfile.h"
#include "workflow/aieccdiagnostic.h"
#include "xclbin/aieccinputs.h"
#include "xclbin/embeddedmetadataparser.h"
#include "xclbin/sectionjson.h"
#include "xclbin/xclbinreader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <unistd.h>
#include <cstdio>
#include <cstdlib>

namespace xi::fuzz {

namespace {

// The input without a copy (valid during one call).
QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
}

// One folder per process (libFuzzer's -jobs run several), beside which the inputs are written.
QString inputDir()
{
    static const QString dir = [] {
        const QString d = QDir::temp().filePath(QStringLiteral("xi-fuzz-%1").arg(::getpid()));
        QDir().mkpath(d);
        return d;
    }();
    return dir;
}

// For the readers that take a path: the input written to a file, replaced on every call. Plain stdio: a QFile
// round trip costs more than most of the parses.
QString writeInput(const QByteArray& input, const QString& suffix)
{
    const QString path = inputDir() + QStringLiteral("/input") + suffix;
    std::FILE* f = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!f)
        std::abort();
    const size_t n = size_t(input.size());
    const bool written = n == 0 || std::fwrite(input.constData(), 1, n, f) == n;
    std::fclose(f);
    if (!written)
        std::abort();
    return path;
}

// A real xclbin (read once) for the readers that explain against a kernel; nullptr without the fixtures.
XclbinPtr contextXclbin()
{
    static const XclbinPtr xclbin
        = XclbinReader::load(QStringLiteral(XI_FIXTURES_DIR "/aiecc-inputs/whisper-attention-64x64/reference.xclbin"))
              .xclbin;
    return xclbin;
}

} // namespace

int xclbin(const uint8_t* data, size_t size)
{
    const QString path = writeInput(bytes(data, size), QStringLiteral(".xclbin"));
    const XclbinLoadResult result = XclbinReader::load(path);
    if (!result.ok()) {
        (void)result.error->message();
        return 0;
    }
    const Xclbin& file = *result.xclbin;
    for (const SectionHeader& section : file.sections) {
        if (!SectionJson::supports(section.kind))
            continue;
        try {
            (void)SectionJson::json(file, section);
        } catch (const XclbinException& e) {
            (void)e.error().message();
        }
    }
    const QList<KernelGroups> groups = ArgumentGroups::computeAll(file);
    (void)FileSummarizer::summarize(file, groups, std::nullopt);
    return 0;
}

int metadata(const uint8_t* data, size_t size)
{
    try {
        (void)EmbeddedMetadataParser::parse(bytes(data, size), 0x1000, QStringLiteral("fuzz.xclbin"));
    } catch (const XclbinException& e) {
        (void)e.error().message();
    }
    return 0;
}

int npy(const uint8_t* data, size_t size)
{
    try {
        const NpyArray array = NpyFile::decode(bytes(data, size), QStringLiteral("fuzz.npy"));
        (void)NpyFile::encode(array);
    } catch (const NpyException& e) {
        (void)e.message();
    }
    return 0;
}

int runjson(const uint8_t* data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(bytes(data, size));
    if (!document.isObject())
        return 0;
    QString error;
    const std::optional<AttentionRun> run = AttentionRun::fromJson(document.object(), &error);
    if (!run)
        return 0;
    (void)run->verdict();
    (void)run->succeeded();
    (void)run->difference();
    (void)run->toJson(true);
    return 0;
}

int instructions(const uint8_t* data, size_t size)
{
    // Sniff, decode, check with a context that exercises every check, render.
    NpuStreamError error;
    const auto stream = NpuStreamReader::read(bytes(data, size), QStringLiteral("fuzz.bin"), &error);
    if (!stream) {
        (void)error.message();
        return 0;
    }
    NpuStreamContext context;
    using Kind = NpuStreamContext::ArgumentKind;
    context.argumentKinds = { Kind::Scalar, Kind::Buffer, Kind::Scalar, Kind::Buffer, Kind::Buffer, Kind::Scalar };
    context.partitionColumns = 2;
    context.deviceName = QStringLiteral("npu2");
    context.hostBufferSizes = { { 3, 4096 }, { 4, 0 } };
    context.hostBufferIndices = QSet<qint64> { 1, 3 };
    context.ninstr = qint64(size / 4);
    const QList<NpuFinding> findings = NpuStreamChecker::check(*stream, context);
    (void)QJsonDocument(stream->toJson(true, findings)).toJson(QJsonDocument::Compact);
    (void)stream->toText(true, findings);
    const qsizetype ops = stream->ops.size();
    for (quint32 i : { quint32(0), quint32(ops / 2), quint32(ops), 0xFFFFFFFFu })
        (void)stream->describeOpIndex(i);
    return 0;
}

int xrtlog(const uint8_t* data, size_t size)
{
    const QByteArray input = bytes(data, size);
    const XrtLog log = XrtLog::parse(input);
    for (const XrtMessage& message : log.messages)
        (void)message.connectivityArgument();
    static const XrtLogDecoder decoder(contextXclbin());
    for (const LogFinding& finding : decoder.decode(QString::fromUtf8(input)))
        (void)finding.toJson();
    return 0;
}

int hostprogram(const uint8_t* data, size_t size)
{
    // As both languages, so that real programs of either seed both readers; checked as `check --host` does.
    const QString source = QString::fromUtf8(bytes(data, size));
    for (const HostLanguage language : { HostLanguage::Python, HostLanguage::Cpp }) {
        const QString name = language == HostLanguage::Cpp ? QStringLiteral("fuzz.cpp") : QStringLiteral("fuzz.py");
        const BindingPlan plan = HostProgramReader::parse(source, language, name);
        (void)plan.toJson();
        if (const XclbinPtr kernel = contextXclbin())
            (void)BindingChecker::check(*kernel, plan);
    }
    return 0;
}

int mlir(const uint8_t* data, size_t size)
{
    const MlirDesign design = MlirDesign::parse(QString::fromUtf8(bytes(data, size)));
    (void)MlirDesignChecker::check(design);
    return 0;
}

int aieccinputs(const uint8_t* data, size_t size)
{
    // Every input through each of the three readers: main_kernels.json, main_mem_topology.json and
    // main_aie_partition.json. A real main.pdi beside it, which the partition names, so its reading is reached.
    static const bool pdi
        = QFile::link(QStringLiteral(XI_FIXTURES_DIR "/aiecc-inputs/whisper-attention-64x64/main.pdi"),
                      inputDir() + QStringLiteral("/main.pdi"));
    (void)pdi;
    const QString path = writeInput(bytes(data, size), QStringLiteral(".json"));
    try {
        (void)AieccInputs::readKernels(path);
    } catch (const AieccInputException& e) {
        (void)e.what();
    }
    try {
        (void)AieccInputs::readMemTopology(path);
    } catch (const AieccInputException& e) {
        (void)e.what();
    }
    try {
        (void)AieccInputs::readPartition(path);
    } catch (const AieccInputException& e) {
        (void)e.what();
    }
    return 0;
}

int aiecclog(const uint8_t* data, size_t size)
{
    // Line by line, as the recompile job streams it.
    AieccLogParser parser;
    for (const QString& line : QString::fromUtf8(bytes(data, size)).split(QLatin1Char('\n')))
        parser.feed(line);
    for (const AieccDiagnostic& diagnostic : parser.diagnostics()) {
        (void)diagnostic.text();
        (void)diagnostic.toJson();
    }
    return 0;
}

QList<Target> targets()
{
    return {
        { QStringLiteral("xclbin"), &xclbin },
        { QStringLiteral("metadata"), &metadata },
        { QStringLiteral("npy"), &npy },
        { QStringLiteral("runjson"), &runjson },
        { QStringLiteral("instructions"), &instructions },
        { QStringLiteral("xrtlog"), &xrtlog },
        { QStringLiteral("hostprogram"), &hostprogram },
        { QStringLiteral("mlir"), &mlir },
        { QStringLiteral("aieccinputs"), &aieccinputs },
        { QStringLiteral("aiecclog"), &aiecclog },
    };
}

} // namespace xi::fuzz
