// SPDX-License-Identifier: GPL-3.0-or-later
#include "demofiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace xi {

namespace {

const char* const Names[] = { "attention-64x64-good.xclbin", "attention-64x64-broken.xclbin" };

QString compiledDirectory()
{
#ifdef XI_DEMO_DIR
    return QStringLiteral(XI_DEMO_DIR);
#else
    return {};
#endif
}

// Development fallback until the demo files are generated: the shared fixtures next to the checkout.
QStringList fixtureFallback()
{
    QDir dir(QCoreApplication::applicationDirPath());
    for (int up = 0; up < 6; ++up) {
        const QString candidate = dir.absoluteFilePath(QStringLiteral("../shared/fixtures/xclbin"));
        if (QFileInfo::exists(candidate)) {
            const QDir fixtures(candidate);
            return { fixtures.absoluteFilePath(QStringLiteral("iron-single-add/iron-single-add.xclbin")),
                     fixtures.absoluteFilePath(
                         QStringLiteral("riallto-edge-detect-720p/riallto-edge-detect-720p.xclbin")) };
        }
        if (!dir.cdUp())
            break;
    }
    return {};
}

} // namespace

QString DemoFiles::directory()
{
    QString env = qEnvironmentVariable("XI_DEMO_DIR");
    if (!env.isEmpty() && QFileInfo(env).isDir())
        return env;
    QString compiled = compiledDirectory();
    if (QFileInfo(compiled).isDir())
        return compiled;
    // Installed: <prefix>/bin/xclbin-inspector and <prefix>/share/xclbin-inspector/demo.
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(QStringLiteral("../share/xclbin-inspector/demo"));
    return QFileInfo(installed).isDir() ? QDir::cleanPath(installed) : QString();
}

QStringList DemoFiles::files()
{
    QStringList result;
    const QString dir = directory();
    if (!dir.isEmpty()) {
        for (const char* name : Names) {
            const QString path = QDir(dir).absoluteFilePath(QString::fromLatin1(name));
            if (QFileInfo::exists(path))
                result << path;
        }
    }
    if (result.isEmpty()) {
        for (const QString& path : fixtureFallback()) {
            if (QFileInfo::exists(path))
                result << path;
        }
    }
    return result;
}

} // namespace xi
