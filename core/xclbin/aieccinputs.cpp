// SPDX-License-Identifier: GPL-3.0-or-later
#include "xclbin/aieccinputs.h"

#include "util/propertytree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <limits>

namespace xi {

namespace {

using Kind = AieccInputError::Kind;

[[noreturn]] void fail(Kind kind, const QString& file, const QString& path, const QString& expected)
{
    AieccInputError error;
    error.kind = kind;
    error.file = file;
    error.jsonPath = path;
    error.expected = expected;
    throw AieccInputException(error);
}

// A node of a parsed input file together with its JSON path, for error messages.
class JsonNode {
public:
    JsonNode(const PropertyTree* node, QString file, QString path)
        : m_node(node)
        , m_file(std::move(file))
        , m_path(std::move(path))
    {
    }

    const QString& file() const { return m_file; }
    const QString& path() const { return m_path; }

    std::optional<JsonNode> optionalMember(const QString& key) const
    {
        const PropertyTree* child = m_node->isArray() ? nullptr : m_node->child(key);
        if (!child)
            return std::nullopt;
        return JsonNode(child, m_file, m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key);
    }

    JsonNode member(const QString& key, const char* what) const
    {
        if (auto child = optionalMember(key))
            return *child;
        fail(Kind::MissingKey, m_file, m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key,
             QStringLiteral("a member \"%1\" (%2)").arg(key, QLatin1String(what)));
    }

    QString text() const
    {
        if (!m_node->isLeaf())
            failHere(Kind::BadValue, QStringLiteral("a single value, found an object or array"));
        return m_node->value();
    }

    QString nonEmptyText(const char* what) const
    {
        QString value = text();
        if (value.isEmpty())
            failHere(Kind::MissingKey, QStringLiteral("a non-empty %1").arg(QLatin1String(what)));
        return value;
    }

    QList<JsonNode> elements() const
    {
        QList<JsonNode> result;
        if (m_node->isLeaf()) {
            if (!m_node->value().isEmpty())
                failHere(Kind::BadValue, QStringLiteral("an array, found \"%1\"").arg(m_node->value()));
            return result; // [] and {} parse as an empty value
        }
        if (!m_node->isArray())
            failHere(Kind::BadValue, QStringLiteral("an array, found an object"));
        const auto& children = m_node->children();
        for (qsizetype i = 0; i < children.size(); ++i)
            result.append(JsonNode(&children[i].second, m_file, m_path + QStringLiteral("[%1]").arg(i)));
        return result;
    }

    QList<QPair<QString, QString>> members() const
    {
        QList<QPair<QString, QString>> result;
        if (m_node->isArray())
            failHere(Kind::BadValue, QStringLiteral("an object, found an array"));
        for (const auto& child : m_node->children()) {
            if (!child.second.isLeaf())
                fail(Kind::BadValue, m_file, m_path + QLatin1Char('.') + child.first,
                     QStringLiteral("a single value, found an object or array"));
            result.append({ child.first, child.second.value() });
        }
        return result;
    }

    // xclbinutil reads these with stream extraction: decimal only.
    quint64 decimal(quint64 max) const
    {
        bool ok = false;
        const quint64 value = text().trimmed().toULongLong(&ok, 10);
        if (!ok || value > max)
            failHere(Kind::BadValue, QStringLiteral("a decimal number up to %1, found \"%2\"").arg(max).arg(text()));
        return value;
    }

    quint64 cInteger(quint64 max) const
    {
        const auto value = AieccInputs::parseCInteger(text());
        if (!value || *value > max) {
            failHere(Kind::BadValue,
                     QStringLiteral("a number (decimal or 0x hex) up to 0x%1, found \"%2\"")
                         .arg(QString::number(max, 16), text()));
        }
        return *value;
    }

    [[noreturn]] void failHere(Kind kind, const QString& expected) const { fail(kind, m_file, m_path, expected); }

private:
    const PropertyTree* m_node;
    QString m_file;
    QString m_path;
};

// Owns the parsed tree of one input file.
class JsonFile {
public:
    explicit JsonFile(const QString& path)
        : m_path(path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            fail(Kind::CannotOpen, path, {}, QStringLiteral("a readable JSON file (%1)").arg(file.errorString()));
        QString error;
        auto tree = PropertyTree::parse(file.readAll(), &error);
        if (!tree)
            failSyntax(error);
        m_tree = std::move(*tree);
    }

    JsonNode root() const { return JsonNode(&m_tree, m_path, {}); }

private:
    [[noreturn]] void failSyntax(const QString& parserError) const
    {
        static const QRegularExpression where(QStringLiteral("^line (\\d+), column (\\d+): (.*)$"));
        AieccInputError error;
        error.kind = Kind::BadJson;
        error.file = m_path;
        error.expected = parserError;
        const auto match = where.match(parserError);
        if (match.hasMatch()) {
            error.line = match.captured(1).toInt();
            error.column = match.captured(2).toInt();
            error.expected = match.captured(3);
            if (error.expected.startsWith(QLatin1String("expected ")))
                error.expected = error.expected.mid(9);
        }
        throw AieccInputException(error);
    }

    QString m_path;
    PropertyTree m_tree;
};

int addressQualifierFromName(const QString& name)
{
    static const QStringList names = { QStringLiteral("SCALAR"), QStringLiteral("GLOBAL"), QStringLiteral("CONSTANT"),
                                       QStringLiteral("LOCAL"), QStringLiteral("STREAM") };
    return int(names.indexOf(name));
}

AieccDesign::Argument readArgument(const JsonNode& node)
{
    AieccDesign::Argument arg;
    arg.origin = { node.file(), node.path() };
    arg.name = node.member(QStringLiteral("name"), "the argument name").nonEmptyText("argument name");
    const JsonNode qualifier
        = node.member(QStringLiteral("address-qualifier"), "SCALAR, GLOBAL, CONSTANT, LOCAL or STREAM");
    arg.addressQualifier = addressQualifierFromName(qualifier.text());
    if (arg.addressQualifier < 0) {
        qualifier.failHere(
            Kind::BadValue,
            QStringLiteral("SCALAR, GLOBAL, CONSTANT, LOCAL or STREAM, found \"%1\"").arg(qualifier.text()));
    }
    arg.type = node.member(QStringLiteral("type"), "the C type, e.g. \"void*\"").nonEmptyText("argument type");
    arg.offset = node.member(QStringLiteral("offset"), "the register offset, e.g. \"0x14\"").nonEmptyText("offset");
    if (auto memory = node.optionalMember(QStringLiteral("memory-connection")))
        arg.memoryConnection = memory->text();
    if (auto useId = node.optionalMember(QStringLiteral("use-id")))
        arg.useId = useId->cInteger(std::numeric_limits<quint32>::max()) != 0;
    return arg;
}

AieccDesign::Kernel readKernel(const JsonNode& node)
{
    AieccDesign::Kernel kernel;
    kernel.origin = { node.file(), node.path() };
    kernel.name = node.member(QStringLiteral("name"), "the kernel name").nonEmptyText("kernel name");
    if (auto extended = node.optionalMember(QStringLiteral("extended-data")))
        kernel.extendedData = extended->members();
    if (auto arguments = node.optionalMember(QStringLiteral("arguments"))) {
        for (const JsonNode& arg : arguments->elements())
            kernel.arguments.append(readArgument(arg));
    }
    if (auto instances = node.optionalMember(QStringLiteral("instances"))) {
        for (const JsonNode& instance : instances->elements())
            kernel.instances.append(
                instance.member(QStringLiteral("name"), "the instance name").nonEmptyText("instance name"));
    }
    return kernel;
}

MemoryEntry readMemory(const JsonNode& node, int index)
{
    constexpr int streamingConnection = 9;
    MemoryEntry memory;
    memory.index = index;
    const JsonNode type = node.member(QStringLiteral("m_type"), "the memory type, e.g. \"MEM_DRAM\"");
    const int typeValue = AieccInputs::memoryTypeFromName(type.text());
    if (typeValue < 0) {
        type.failHere(
            Kind::UnknownMemoryType,
            QStringLiteral("a memory type (MEM_DDR3 ... MEM_PS_KERNEL, e.g. MEM_DRAM), found \"%1\"").arg(type.text()));
    }
    memory.type = quint8(typeValue);
    memory.used = node.member(QStringLiteral("m_used"), "0 or 1").cInteger(0xFF) != 0;
    const JsonNode tag = node.member(QStringLiteral("m_tag"), "the memory tag, e.g. \"HOST\"");
    memory.tag = tag.text();
    if (memory.tag.toUtf8().size() >= 16)
        tag.failHere(Kind::BadValue, QStringLiteral("a tag of at most 15 bytes, found \"%1\"").arg(memory.tag));
    if (memory.type == streamingConnection)
        return memory;
    const auto sizeBytes = node.optionalMember(QStringLiteral("m_size"));
    const auto sizeKiB = node.optionalMember(QStringLiteral("m_sizeKB"));
    if (sizeBytes && sizeKiB)
        node.failHere(Kind::BadValue, QStringLiteral("either \"m_size\" or \"m_sizeKB\", not both"));
    if (sizeBytes) {
        const quint64 bytes = sizeBytes->cInteger(std::numeric_limits<quint64>::max());
        if (bytes % 1024 != 0)
            sizeBytes->failHere(Kind::BadValue, QStringLiteral("a size in bytes that is a multiple of 1024"));
        memory.sizeKiB = bytes / 1024;
    }
    if (sizeKiB)
        memory.sizeKiB = sizeKiB->cInteger(std::numeric_limits<quint64>::max());
    memory.baseAddress = node.member(QStringLiteral("m_base_address"), "the base address, e.g. \"0x4000000\"")
                             .cInteger(std::numeric_limits<quint64>::max());
    return memory;
}

QUuid readUuid(const JsonNode& node)
{
    QString hex = node.nonEmptyText("PDI uuid");
    hex.remove(QStringLiteral("0x")).remove(QLatin1Char('-'));
    static const QRegularExpression hexOnly(QStringLiteral("^[0-9a-fA-F]{1,32}$"));
    if (!hexOnly.match(hex).hasMatch())
        node.failHere(Kind::BadValue, QStringLiteral("a UUID of at most 32 hex digits, found \"%1\"").arg(node.text()));
    return QUuid::fromRfc4122(QByteArray::fromHex(hex.rightJustified(32, QLatin1Char('0')).toLatin1()));
}

QString resolvePdiPath(const JsonNode& node, const QString& jsonPath)
{
    const QString name = node.nonEmptyText("PDI file name");
    const QDir jsonDir = QFileInfo(jsonPath).absoluteDir();
    QStringList candidates;
    if (QFileInfo(name).isAbsolute())
        candidates << name << jsonDir.filePath(QFileInfo(name).fileName());
    else
        candidates << jsonDir.filePath(name);
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isFile())
            return candidate;
    }
    node.failHere(Kind::PdiMissing,
                  QStringLiteral("an existing PDI file, looked for %1").arg(candidates.join(QStringLiteral(" and "))));
}

AieccDesign::CdoGroup readCdoGroup(const JsonNode& node)
{
    AieccDesign::CdoGroup group;
    if (auto name = node.optionalMember(QStringLiteral("name")))
        group.name = name->text();
    if (auto type = node.optionalMember(QStringLiteral("type")))
        group.type = type->text();
    group.pdiId = node.member(QStringLiteral("pdi_id"), "the PDI id, e.g. \"0x01\"")
                      .cInteger(std::numeric_limits<quint64>::max());
    if (auto ids = node.optionalMember(QStringLiteral("dpu_kernel_ids"))) {
        for (const JsonNode& id : ids->elements())
            group.dpuKernelIds.append(id.cInteger(std::numeric_limits<quint64>::max()));
    }
    if (auto pre = node.optionalMember(QStringLiteral("pre_cdo_groups"))) {
        for (const JsonNode& id : pre->elements())
            group.preCdoGroups.append(id.cInteger(std::numeric_limits<quint64>::max()));
    }
    return group;
}

AieccDesign::Pdi readPdi(const JsonNode& node, const QString& jsonPath)
{
    AieccDesign::Pdi pdi;
    pdi.uuid = readUuid(node.member(QStringLiteral("uuid"), "the PDI UUID"));
    const JsonNode fileName = node.member(QStringLiteral("file_name"), "the PDI file");
    pdi.imagePath = resolvePdiPath(fileName, jsonPath);
    QFile image(pdi.imagePath);
    if (!image.open(QIODevice::ReadOnly))
        fileName.failHere(Kind::PdiMissing,
                          QStringLiteral("a readable PDI file: %1: %2").arg(pdi.imagePath, image.errorString()));
    pdi.image = image.readAll();
    const QList<JsonNode> groups = node.member(QStringLiteral("cdo_groups"), "an array of CDO groups").elements();
    if (groups.isEmpty())
        node.failHere(Kind::MissingKey, QStringLiteral("at least one entry in \"cdo_groups\""));
    for (const JsonNode& group : groups)
        pdi.cdoGroups.append(readCdoGroup(group));
    return pdi;
}

void readPartitionInfo(const JsonNode& node, AieccDesign::Partition& partition)
{
    partition.columnWidth = quint16(node.member(QStringLiteral("column_width"), "the column width").decimal(0xFFFF));
    if (partition.columnWidth == 0)
        node.failHere(Kind::BadValue, QStringLiteral("a column width above 0"));
    const QList<JsonNode> columns
        = node.member(QStringLiteral("start_columns"), "an array of start columns").elements();
    if (columns.isEmpty())
        node.failHere(Kind::MissingKey, QStringLiteral("at least one entry in \"start_columns\""));
    for (const JsonNode& column : columns)
        partition.startColumns.append(quint16(column.decimal(0xFFFF)));
}

QString sectionNameOf(const QString& path)
{
    return QFileInfo(path).completeBaseName();
}

} // namespace

AieccDesign AieccInputs::read(const QString& kernelsPath, const QString& memTopologyPath,
                              const QString& aiePartitionPath)
{
    AieccDesign design;
    if (!memTopologyPath.isEmpty()) {
        design.memories = readMemTopology(memTopologyPath);
        design.memTopologySectionName = sectionNameOf(memTopologyPath);
    }
    if (!aiePartitionPath.isEmpty())
        design.partition = readPartition(aiePartitionPath);
    if (!kernelsPath.isEmpty())
        design.kernels = readKernels(kernelsPath);
    return design;
}

QList<AieccDesign::Kernel> AieccInputs::readKernels(const QString& path)
{
    const JsonFile file(path);
    const JsonNode kernels = file.root()
                                 .member(QStringLiteral("ps-kernels"), "the kernel list")
                                 .member(QStringLiteral("kernels"), "an array of kernels");
    QList<AieccDesign::Kernel> result;
    for (const JsonNode& kernel : kernels.elements())
        result.append(readKernel(kernel));
    if (result.isEmpty())
        kernels.failHere(Kind::MissingKey, QStringLiteral("at least one kernel"));
    return result;
}

QList<MemoryEntry> AieccInputs::readMemTopology(const QString& path)
{
    const JsonFile file(path);
    const JsonNode topology = file.root().member(QStringLiteral("mem_topology"), "the memory table");
    const JsonNode count = topology.member(QStringLiteral("m_count"), "the number of memories");
    const quint64 expected = count.cInteger(std::numeric_limits<qint32>::max());
    QList<MemoryEntry> memories;
    if (expected == 0)
        return memories;
    const QList<JsonNode> entries = topology.member(QStringLiteral("m_mem_data"), "an array of memories").elements();
    for (const JsonNode& entry : entries)
        memories.append(readMemory(entry, int(memories.size())));
    if (quint64(memories.size()) != expected) {
        count.failHere(
            Kind::Inconsistent,
            QStringLiteral("%1, the number of entries in \"m_mem_data\", found %2").arg(memories.size()).arg(expected));
    }
    return memories;
}

AieccDesign::Partition AieccInputs::readPartition(const QString& path)
{
    const JsonFile file(path);
    const JsonNode root = file.root().member(QStringLiteral("aie_partition"), "the AIE partition");
    AieccDesign::Partition partition;
    partition.origin = { path, root.path() };
    partition.sectionName = sectionNameOf(path);
    if (auto ops = root.optionalMember(QStringLiteral("operations_per_cycle")))
        partition.operationsPerCycle = quint32(ops->decimal(std::numeric_limits<quint32>::max()));
    if (auto fingerprint = root.optionalMember(QStringLiteral("inference_fingerprint")))
        partition.inferenceFingerprint = fingerprint->decimal(std::numeric_limits<quint64>::max());
    if (auto fingerprint = root.optionalMember(QStringLiteral("pre_post_fingerprint")))
        partition.prePostFingerprint = fingerprint->decimal(std::numeric_limits<quint64>::max());
    if (auto commit = root.optionalMember(QStringLiteral("kernel_commit_id")))
        partition.kernelCommitId = commit->text();
    readPartitionInfo(root.member(QStringLiteral("partition"), "column_width and start_columns"), partition);
    const QList<JsonNode> pdis = root.member(QStringLiteral("PDIs"), "an array of PDIs").elements();
    if (pdis.isEmpty())
        root.failHere(Kind::MissingKey, QStringLiteral("at least one entry in \"PDIs\""));
    for (const JsonNode& pdi : pdis)
        partition.pdis.append(readPdi(pdi, path));
    return partition;
}

int AieccInputs::memoryTypeFromName(const QString& name)
{
    for (int type = 0; type < 12; ++type) {
        MemoryEntry probe;
        probe.type = quint8(type);
        if (probe.typeName() == name)
            return type;
    }
    return -1;
}

std::optional<quint64> AieccInputs::parseCInteger(const QString& text)
{
    const QString t = text.trimmed();
    bool ok = false;
    quint64 value = 0;
    if (t.startsWith(QLatin1String("0x")) || t.startsWith(QLatin1String("0X")))
        value = t.mid(2).toULongLong(&ok, 16);
    else if (t.size() > 1 && t.startsWith(QLatin1Char('0')))
        value = t.mid(1).toULongLong(&ok, 8);
    else
        value = t.toULongLong(&ok, 10);
    if (!ok || t.contains(QLatin1Char('+')) || t.contains(QLatin1Char('-')))
        return std::nullopt;
    return value;
}

} // namespace xi
