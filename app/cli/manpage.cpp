// SPDX-License-Identifier: GPL-3.0-or-later
#include "manpage.h"

#include "clicommand.h"

#include <QRegularExpression>

namespace xi::cli {

namespace {

QString section(const QString& title)
{
    return QStringLiteral(".SH ") + title + u'\n';
}

QString paragraph(const QString& text)
{
    return QStringLiteral(".PP\n") + ManPage::escape(text) + u'\n';
}

// An indented block printed as written (usage texts are laid out in columns).
QString verbatim(const QString& text)
{
    QString body = ManPage::escape(text.trimmed());
    return QStringLiteral(".RS 4\n.nf\n") + body + QStringLiteral("\n.fi\n.RE\n");
}

QString item(const QString& tag, const QString& text)
{
    return QStringLiteral(".TP\n") + tag + u'\n' + ManPage::escape(text) + u'\n';
}

} // namespace

QString ManPage::escape(const QString& text)
{
    QString out = text;
    out.replace(u'\\', QStringLiteral("\\e"));
    // A hyphen that starts an option is a minus sign, so that copied commands work.
    static const QRegularExpression option(QStringLiteral("(^|[\\s\\[(|=])-"));
    for (int pass = 0; pass < 2; ++pass) // "--": both hyphens
        out.replace(option, QStringLiteral("\\1\\-"));
    out.replace(QStringLiteral("\\--"), QStringLiteral("\\-\\-"));
    QStringList lines = out.split(u'\n');
    for (QString& line : lines) {
        if (line.startsWith(u'.') || line.startsWith(u'\''))
            line.prepend(QStringLiteral("\\&"));
    }
    return lines.join(u'\n');
}

QString ManPage::troff(const QString& version)
{
    QString man
        = QStringLiteral(".TH XCLBIN-INSPECTOR-CLI 1 \"\" \"xclbin-inspector %1\" \"User Commands\"\n").arg(version);
    man += section(QStringLiteral("NAME"));
    man += QStringLiteral("xclbin-inspector-cli \\- inspect .xclbin files, XRT group IDs and NPU kernel bindings\n");
    man += section(QStringLiteral("SYNOPSIS"));
    man += QStringLiteral(".B xclbin-inspector-cli\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIARGS\\fR]\n.br\n"
                          ".B xclbin-inspector-cli\n\\fICOMMAND\\fR \\-\\-help\n.br\n"
                          ".B xclbin-inspector-cli\n\\-\\-help | \\-\\-version | \\-\\-man\n");
    man += section(QStringLiteral("DESCRIPTION"));
    man += paragraph(QStringLiteral(
        "The command-line half of xclbin-inspector, for scripts and CI: it reads .xclbin files (the containers "
        "XRT loads onto AMD Ryzen AI NPUs and FPGAs), decodes every kernel argument's group ID into its "
        "hardware-context slot and memory bank, checks how a host program binds buffers to the kernel's "
        "arguments, runs attention test vectors through XRT (also on its no-hardware device) and writes reports. "
        "The desktop program xclbin-inspector shows the same on screen."));
    man += paragraph(QStringLiteral(
        "Tables go to standard output; --json prints one JSON document instead, with snake_case keys. Errors go "
        "to standard error, naming the file, the offset or line, what was expected there and what was found."));
    man += section(QStringLiteral("COMMANDS"));
    for (const CliCommandFactory& factory : cliCommands()) {
        const auto command = factory();
        man += QStringLiteral(".SS ") + command->name() + u'\n';
        man += escape(command->summary()) + u'\n';
        man += verbatim(command->usage());
    }
    man += section(QStringLiteral("OPTIONS"));
    man += item(QStringLiteral("\\fB\\-\\-help\\fR, \\fB\\-h\\fR"),
                QStringLiteral("The list of commands; after a command, that command's usage."));
    man += item(QStringLiteral("\\fB\\-\\-version\\fR"), QStringLiteral("The version, and the XRT it was built with."));
    man += item(QStringLiteral("\\fB\\-\\-man\\fR"), QStringLiteral("This manual page, in troff."));
    man += section(QStringLiteral("EXIT STATUS"));
    man += item(QStringLiteral("0"), QStringLiteral("Success (for diff: no difference)."));
    man += item(QStringLiteral("1"),
                QStringLiteral("A check failed: an invalid argument, a connectivity warning, a "
                               "difference, an error finding."));
    man += item(QStringLiteral("2"),
                QStringLiteral("Unreadable or malformed input, or an output that cannot be "
                               "written."));
    man += item(QStringLiteral("64"), QStringLiteral("Usage error: unknown option, wrong arguments."));
    man += section(QStringLiteral("ENVIRONMENT"));
    man += item(QStringLiteral("\\fBXILINX_XRT\\fR, \\fBXCL_EMULATION_MODE\\fR"),
                QStringLiteral("Read by XRT itself; the xrt-noop backend sets them for its child process to use "
                               "XRT's no-hardware device."));
    man += section(QStringLiteral("EXAMPLES"));
    man += verbatim(QStringLiteral("xclbin-inspector-cli groups design.xclbin\n"
                                   "xclbin-inspector-cli decode 131072 --xclbin design.xclbin\n"
                                   "xclbin-inspector-cli check design.xclbin --host test.py --json\n"
                                   "xclbin-inspector-cli run design.xclbin --backend cpu"));
    man += section(QStringLiteral("SEE ALSO"));
    man += QStringLiteral(".BR xclbin-inspector (1),\n.BR xclbinutil (1),\n.BR xbutil (1)\n");
    man += paragraph(QStringLiteral("The full reference with every JSON key: docs/cli.md in the source tree."));
    return man;
}

} // namespace xi::cli
