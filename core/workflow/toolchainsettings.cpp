// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow/toolchainsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace xi {

QString ToolchainSettings::modeName(AieccMode mode)
{
    switch (mode) {
    case AieccMode::Auto: return QStringLiteral("auto");
    case AieccMode::Program: return QStringLiteral("program");
    case AieccMode::PythonModule: return QStringLiteral("python-module");
    }
    return {};
}

ToolchainSettings::AieccMode ToolchainSettings::modeFromName(const QString& name)
{
    if (name == QLatin1String("program"))
        return AieccMode::Program;
    if (name == QLatin1String("python-module"))
        return AieccMode::PythonModule;
    return AieccMode::Auto;
}

QProcessEnvironment ToolchainSettings::processEnvironment(const QProcessEnvironment& base) const
{
    QProcessEnvironment env = base;
    QStringList path;
    for (const QString& folder : extraPath) {
        if (!folder.trimmed().isEmpty())
            path << QDir::cleanPath(folder.trimmed());
    }
    const QString inherited = env.value(QStringLiteral("PATH"));
    if (!inherited.isEmpty())
        path << inherited;
    env.insert(QStringLiteral("PATH"), path.join(QLatin1Char(':')));
    if (!peanoInstallDir.trimmed().isEmpty())
        env.insert(QStringLiteral("PEANO_INSTALL_DIR"), peanoInstallDir.trimmed());
    if (!xilinxXrt.trimmed().isEmpty())
        env.insert(QStringLiteral("XILINX_XRT"), xilinxXrt.trimmed());
    for (const QString& line : environment) {
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0)
            env.insert(line.left(eq).trimmed(), line.mid(eq + 1));
    }
    return env;
}

QString ToolchainSettings::workingDirectoryFor(const QString& designPath) const
{
    if (!workingDirectory.trimmed().isEmpty())
        return QDir(workingDirectory.trimmed()).absolutePath();
    return QFileInfo(designPath).absolutePath();
}

QJsonObject ToolchainSettings::toJson() const
{
    return { { QStringLiteral("mode"), modeName(mode) },
             { QStringLiteral("program"), program },
             { QStringLiteral("python"), python },
             { QStringLiteral("module"), module },
             { QStringLiteral("extra_path"), QJsonArray::fromStringList(extraPath) },
             { QStringLiteral("peano_install_dir"), peanoInstallDir },
             { QStringLiteral("xilinx_xrt"), xilinxXrt },
             { QStringLiteral("environment"), QJsonArray::fromStringList(environment) },
             { QStringLiteral("working_directory"), workingDirectory } };
}

ToolchainSettings ToolchainSettings::fromJson(const QJsonObject& o)
{
    auto strings = [](const QJsonValue& v) {
        QStringList list;
        for (const QJsonValue item : v.toArray())
            list << item.toString();
        return list;
    };
    ToolchainSettings s;
    s.mode = modeFromName(o.value(QLatin1String("mode")).toString());
    s.program = o.value(QLatin1String("program")).toString();
    s.python = o.value(QLatin1String("python")).toString(s.python);
    s.module = o.value(QLatin1String("module")).toString(s.module);
    s.extraPath = strings(o.value(QLatin1String("extra_path")));
    s.peanoInstallDir = o.value(QLatin1String("peano_install_dir")).toString();
    s.xilinxXrt = o.value(QLatin1String("xilinx_xrt")).toString();
    s.environment = strings(o.value(QLatin1String("environment")));
    s.workingDirectory = o.value(QLatin1String("working_directory")).toString();
    return s;
}

} // namespace xi
