// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/recompilerequest.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace xi {

namespace {

QString quoted(const QString& arg)
{
    static const QRegularExpression plain(QStringLiteral("^[\\w@%+=:,./-]+$"));
    if (!arg.isEmpty() && plain.match(arg).hasMatch())
        return arg;
    QString escaped = arg;
    escaped.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

QStringList RecompileRequest::arguments() const
{
    return command.prefix + flags.arguments(designPath, xclbinName, instructionsName);
}

QString RecompileRequest::commandLine() const
{
    QStringList parts { quoted(command.program) };
    for (const QString& arg : arguments())
        parts << quoted(arg);
    return parts.join(QLatin1Char(' '));
}

std::optional<RecompileRequest> RecompileRequest::prepare(const QString& designPath, const ToolchainSettings& settings,
                                                          const ToolchainStatus& status, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<RecompileRequest> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QFileInfo design(designPath);
    if (!design.isFile())
        return fail(QStringLiteral("%1: no such design file").arg(designPath));
    if (!status.aiecc) {
        const ToolStatus* aiecc = status.tool(QStringLiteral("aiecc"));
        return fail(
            QStringLiteral("aiecc not found (%1). %2")
                .arg(aiecc ? aiecc->detail : QStringLiteral("not detected"), ToolchainDetection::aieccHowToGet()));
    }
    if (!status.flagSet.isKnown())
        return fail(QStringLiteral("%1: %2").arg(status.aiecc->display(), status.flagSet.description()));
    RecompileRequest request;
    request.designPath = design.absoluteFilePath();
    request.workingDirectory = settings.workingDirectoryFor(request.designPath);
    request.command = *status.aiecc;
    request.flags = status.flagSet;
    request.xclbinName = design.completeBaseName() + QStringLiteral(".xclbin");
    request.instructionsName = status.flagSet.instructionsFileName(design.completeBaseName());
    request.environment = settings.processEnvironment();
    return request;
}

} // namespace xi
