// SPDX-License-Identifier: GPL-3.0-or-later
#include "dumpsectioncommand.h"

#include "cliutil.h"
#include "util/safefilewriter.h"
#include "xclbin/sectionjson.h"
#include "xclbin/sectionkind.h"
#include "xclbin/xclbinerror.h"

#include <QFile>
#include <QFileInfo>

namespace xi::cli {

namespace {

QString sectionLabel(const SectionHeader& s)
{
    return s.name.isEmpty() ? s.kindName() : s.kindName() + QLatin1Char(':') + s.name;
}

const SectionHeader* findSection(const Xclbin& x, quint32 kind, const std::optional<QString>& name)
{
    for (const SectionHeader& s : x.sections) {
        if (s.kind == kind && (!name || s.name == *name))
            return &s;
    }
    return nullptr;
}

bool writeStdout(const QByteArray& bytes, CliContext& ctx)
{
    ctx.out.flush();
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
        ctx.err << "error: cannot write to standard output: " << out.errorString() << '\n';
        return false;
    }
    return true;
}

} // namespace

QString DumpSectionCommand::name() const
{
    return QStringLiteral("dump-section");
}

QString DumpSectionCommand::summary() const
{
    return QStringLiteral("One section as xclbinutil's JSON, as text, or as raw bytes");
}

QString DumpSectionCommand::usage() const
{
    return QStringLiteral(
        "Usage: xclbin-inspector-cli dump-section FILE KIND[:NAME] [--json | --raw] [--output F [--force]]\n\n"
        "KIND is a section kind name (MEM_TOPOLOGY, GROUP_TOPOLOGY or ASK_GROUP_TOPOLOGY, ...) or number;\n"
        "NAME picks one section when several share a kind (the first one otherwise).\n\n"
        "By default MEM_TOPOLOGY, GROUP_TOPOLOGY, CONNECTIVITY, GROUP_CONNECTIVITY, IP_LAYOUT, AIE_PARTITION and\n"
        "BUILD_METADATA are written as the JSON `xclbinutil --dump-section KIND:JSON` writes (same keys, same\n"
        "text); every other section (EMBEDDED_METADATA XML, PDI, BITSTREAM, ...) as its raw bytes.\n\n"
        "  --json       require the JSON form (usage error for a kind without one)\n"
        "  --raw        the section's bytes as stored, whatever the kind\n"
        "  --output F   write to F instead of standard output; an existing F is only replaced with --force,\n"
        "               and then kept as F.bak\n"
        "  --force      allow replacing F\n\n"
        "Exit codes: 0 ok, 2 unreadable or malformed file, no such section, F exists without --force or cannot\n"
        "be written, 64 usage.\n");
}

int DumpSectionCommand::run(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("json"), QStringLiteral("xclbinutil's JSON form.") });
    parser.addOption({ QStringLiteral("raw"), QStringLiteral("Raw bytes.") });
    parser.addOption({ QStringLiteral("output"), QStringLiteral("Output file."), QStringLiteral("F") });
    parser.addOption({ QStringLiteral("force"), QStringLiteral("Replace an existing output file (kept as .bak).") });
    if (!parseOptions(parser, *this, args, ctx, 2, 2))
        return ExitUsage;
    const bool wantJson = parser.isSet(QStringLiteral("json"));
    const bool wantRaw = parser.isSet(QStringLiteral("raw"));
    if (wantJson && wantRaw)
        return usageError(*this, ctx, QStringLiteral("--json and --raw exclude each other"));
    const QString spec = parser.positionalArguments().at(1);
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const qint64 kind = sectionKindFromName(colon < 0 ? spec : spec.left(colon));
    if (kind < 0)
        return usageError(*this, ctx, QStringLiteral("unknown section kind '%1'").arg(spec.left(colon)));
    if (wantJson && !SectionJson::supports(quint32(kind)))
        return usageError(*this, ctx,
                          QStringLiteral("%1 has no JSON form; use --raw").arg(sectionKindDisplayName(quint32(kind))));
    const QString output = parser.value(QStringLiteral("output"));
    if (!output.isEmpty() && QFileInfo::exists(output) && !parser.isSet(QStringLiteral("force"))) {
        ctx.err << "error: " << output << " exists; add --force to replace it (the old file is kept as "
                << SafeFileWriter::backupPath(output) << ")\n";
        return ExitBadInput;
    }

    const QString path = parser.positionalArguments().first();
    const XclbinPtr x = loadXclbin(path, ctx);
    if (!x)
        return ExitBadInput;
    const std::optional<QString> name = colon < 0 ? std::nullopt : std::optional<QString>(spec.mid(colon + 1));
    const SectionHeader* section = findSection(*x, quint32(kind), name);
    if (!section) {
        QStringList present;
        for (const SectionHeader& s : x->sections)
            present << sectionLabel(s);
        ctx.err << "error: " << path << ": no section " << spec
                << " (sections: " << (present.isEmpty() ? QStringLiteral("none") : present.join(QStringLiteral(", ")))
                << ")\n";
        return ExitBadInput;
    }
    const bool json = wantJson || (!wantRaw && SectionJson::supports(section->kind));
    QByteArray bytes;
    try {
        bytes = json ? SectionJson::json(*x, *section) : x->readSection(*section);
    } catch (const XclbinException& e) {
        ctx.err << "error: " << e.error().message() << '\n';
        return ExitBadInput;
    }
    if (output.isEmpty())
        return writeStdout(bytes, ctx) ? ExitOk : ExitBadInput;
    QString error;
    if (!SafeFileWriter::write(output, bytes, &error)) {
        ctx.err << "error: " << error << '\n';
        return ExitBadInput;
    }
    ctx.out << output << ": " << bytes.size() << " bytes, " << sectionLabel(*section)
            << (json ? QStringLiteral(" as JSON") : QStringLiteral(" raw")) << '\n';
    return ExitOk;
}

} // namespace xi::cli
